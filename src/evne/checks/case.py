"""The legal checks of a case read from the database: findings, running deadlines, readiness per decision type.

The case is exported to its case-file representation (a handful of queries, however many records it has), the
snapshot is built from that by the same builder `evne check FILE.json` uses, and the catalogue is evaluated.
Call these only for a case obtained through the need-to-know gate (access_case).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from evne.casefile.export import export_case
from evne.cases.models import Case
from evne.decisions.models import Decision, LocalDeadline
from evne.rules import snapshot as s
from evne.rules import vocabulary
from evne.rules.catalogue import RULES
from evne.rules.engine import Evaluation, Outcome, Result, evaluate

from .build import snapshot_from_case_file

_DECISION_TYPE_LABELS = {
    "revalidering": _("Vocational rehabilitation (revalidering)"),
    "ressourceforlob": _("Resource course (ressourceforløb)"),
    "jobafklaring": _("Job clarification course (jobafklaringsforløb)"),
    "fleksjob": _("Flex job (fleksjob)"),
    "fortidspension": _("Disability pension (førtidspension)"),
    "refusal": _("Refusal"),
    "ordinary_work": _("Referral to ordinary work"),
}
# The readiness decision types (codes from evne.rules.vocabulary) with their labels.
DECISION_TYPES = tuple((code, _DECISION_TYPE_LABELS[code]) for code in vocabulary.DECISION_TYPES)
_EXPORTED_AT = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # a file made for the checks carries no real export time


def case_file_for_checks(case: Case) -> dict:
    """The case-file representation the rules read: no document files, no timeline."""
    return export_case(case, exported_at=_EXPORTED_AT, include_files=False, timeline=False)


def municipal_settings(case: Case) -> dict:
    """The municipality's settings the checks need beside the case's facts."""
    row = LocalDeadline.objects.filter(municipality_id=case.municipality_id, pathway=case.pathway).first()
    return {
        "policies": tuple(case.municipality.policies or ()),
        "local_decision_weeks": row.weeks if row else None,
    }


def snapshot_for_case(case: Case) -> s.Snapshot:
    return snapshot_from_case_file(case_file_for_checks(case), **municipal_settings(case))


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


def target_for(snapshot: s.Snapshot, decision_type: str) -> s.Target:
    """A readiness type as the decision in question: a grant of that measure, or — for "refusal" — a refusal of
    the measure the case is about."""
    if decision_type == "refusal":
        return s.Target(subject=snapshot.case.pathway, grants=False)
    return s.Target(subject=decision_type, grants=True)


def case_checks(case: Case, *, on: dt.date) -> CaseChecks:
    """Evaluate the whole catalogue on `on`: once for the case as it stands (its drafts are the decisions in
    question), and once per decision type for the readiness list, each with that decision as the one in question."""
    snapshot = snapshot_for_case(case)
    evaluation = evaluate(RULES, snapshot, on=on)
    findings = [r for r in evaluation.results if r.finding.outcome in (Outcome.MISSING, Outcome.LATE, Outcome.PROMPT)]
    readiness = []
    for code, label in DECISION_TYPES:
        judged = evaluate(RULES, dataclasses.replace(snapshot, target=target_for(snapshot, code)), on=on)
        readiness.append(Readiness(code, str(label), judged.blocking(judged.in_question)))
    return CaseChecks(evaluation=evaluation, findings=findings, deadlines=evaluation.deadlines(), readiness=readiness)


def evaluation_for(decision: Decision, *, on: dt.date) -> Evaluation:
    """The whole catalogue on `on`, with this decision as the decision in question (its subject, whether it grants
    in full, its number): later drafts of the case are left out of the snapshot, so the rules judge the decision
    being issued and not another one."""
    snapshot = snapshot_for_case(decision.case)
    kept = tuple(d for d in snapshot.decisions if d.number <= decision.number)
    snapshot = dataclasses.replace(snapshot, decisions=kept)
    this = next(d for d in kept if d.number == decision.number)
    target = s.Target(subject=snapshot.subject_of(this), grants=this.fully_grants, number=this.number)
    return evaluate(RULES, dataclasses.replace(snapshot, target=target), on=on)
