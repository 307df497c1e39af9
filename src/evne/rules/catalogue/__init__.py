"""The consolidated catalogue: every rule Evne checks, with a stable id. Modules mirror the law's structure."""

from . import (
    assessment,
    clarification,
    course,
    deadline,
    decision,
    evidence,
    fleksjob,
    hearing,
    method,
    pathways,
    pension,
    policy,
    procedure,
    profile,
    reform,
    revalidering,
    sickpay,
    team,
)

RULES = (
    *profile.RULES,
    *evidence.RULES,
    *assessment.RULES,
    *deadline.RULES,
    *method.RULES,
    *reform.RULES,
    *pathways.RULES,
    *procedure.RULES,
    *decision.RULES,
    *fleksjob.RULES,
    *revalidering.RULES,
    *team.RULES,
    *course.RULES,
    *pension.RULES,
    *hearing.RULES,
    *clarification.RULES,
    *sickpay.RULES,
    *policy.RULES,
)
BY_ID = {rule.id: rule for rule in RULES}
# A renamed rule keeps its former ids, so an answer recorded under one still counts: former id → current id.
FORMER = {old: rule.id for rule in RULES for old in rule.former_ids}


def current_id(rule_id: str) -> str:
    """The rule's id today, for an id recorded before a rename (any other id is returned as it is)."""
    return FORMER.get(rule_id, rule_id)
