"""The legal checks of one case: findings, running deadlines, and readiness per decision type (evne.rules)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from evne.rules.catalogue import RULES
from evne.rules.engine import Evaluation, Outcome, Result, evaluate

from .models import Case
from .rules_snapshot import snapshot_for_case

DECISION_TYPES = (
    ("revalidering", _("Vocational rehabilitation (revalidering)")),
    ("ressourceforlob", _("Resource course (ressourceforløb)")),
    ("jobafklaring", _("Job clarification course (jobafklaringsforløb)")),
    ("fleksjob", _("Flex job (fleksjob)")),
    ("fortidspension", _("Disability pension (førtidspension)")),
    ("refusal", _("Refusal")),
    ("ordinary_work", _("Referral to ordinary work")),
)


@dataclass(frozen=True)
class Readiness:
    decision_type: str
    label: str
    blocking: list[Result]


@dataclass(frozen=True)
class CaseChecks:
    evaluation: Evaluation
    findings: list[Result]
    deadlines: list[Result]
    readiness: list[Readiness]


def message(result: Result) -> str:
    finding = result.finding
    return finding.message_en if (get_language() or "da").startswith("en") else finding.message_da


def title(result_or_rule) -> str:
    rule = getattr(result_or_rule, "rule", result_or_rule)
    return rule.title_en if (get_language() or "da").startswith("en") else rule.title_da


def case_checks(case: Case, *, on: date) -> CaseChecks:
    """Evaluate the whole catalogue on `on`. Call only for a case obtained through access_case()."""
    evaluation = evaluate(RULES, snapshot_for_case(case), on=on)
    findings = [r for r in evaluation.results if r.finding.outcome in (Outcome.MISSING, Outcome.LATE, Outcome.PROMPT)]
    readiness = [Readiness(code, str(label), evaluation.blocking(code)) for code, label in DECISION_TYPES]
    return CaseChecks(evaluation=evaluation, findings=findings, deadlines=evaluation.deadlines(), readiness=readiness)
