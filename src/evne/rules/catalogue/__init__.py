"""The consolidated catalogue: every rule Evne checks, with a stable id. Modules mirror the law's structure."""

from . import assessment, deadlines, evidence, profile

RULES = (*profile.RULES, *evidence.RULES, *assessment.RULES, *deadlines.RULES)
BY_ID = {rule.id: rule for rule in RULES}
