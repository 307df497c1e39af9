"""The consolidated catalogue: every rule Evne checks, with a stable id. Modules mirror the law's structure."""

from . import (
    assessment,
    deadlines,
    decisions,
    evidence,
    judgement,
    method,
    pathways,
    pension,
    procedure,
    profile,
    reform,
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
    *pension.RULES,
)
BY_ID = {rule.id: rule for rule in RULES}
