"""The consolidated catalogue: every rule Evne checks, with a stable id. Modules mirror the law's structure."""

from . import (
    assessment,
    course,
    deadlines,
    decisions,
    evidence,
    fleksjob,
    judgement,
    method,
    pathways,
    pension,
    procedure,
    profile,
    reform,
    revalidering,
    team,
)

RULES = (
    *profile.RULES,
    *evidence.RULES,
    *assessment.RULES,
    *deadlines.RULES,
    *method.RULES,
    *reform.RULES,
    *pathways.RULES,
    *procedure.RULES,
    *decisions.RULES,
    *judgement.RULES,
    *fleksjob.RULES,
    *revalidering.RULES,
    *team.RULES,
    *course.RULES,
    *pension.RULES,
)
BY_ID = {rule.id: rule for rule in RULES}
