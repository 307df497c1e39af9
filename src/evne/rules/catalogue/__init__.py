"""The consolidated catalogue: every rule Evne checks, with a stable id. Modules mirror the law's structure."""

from . import (
    assessment,
    clarification,
    deadlines,
    decisions,
    evidence,
    hearing,
    judgement,
    method,
    pathways,
    procedure,
    profile,
    reform,
    sickpay,
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
    *hearing.RULES,
    *clarification.RULES,
    *sickpay.RULES,
)
BY_ID = {rule.id: rule for rule in RULES}
