"""`evne check FILE.json [--date D] [--for TYPE] [--json] [--policy P] [--local-deadline-weeks N]`: the legal
checks on a case file, without a database.

`evne check FILE.json` is the documented entry point: the `evne` command (evne.cli) hands a `check` with a .json
argument to this command, `legal_check`, so Django's own system check (`evne check`, `evne check --deploy`) keeps
its name. The file is a whole case file (`evne export`, format "evne-case-file", version 1 or 2, docs/case-file.md):
it is validated against its schema and the snapshot is built from it by the same builder as on the case page
(evne.checks.build) — nothing is imported, nothing is written. A rules snapshot works too:
`{"format": "evne-snapshot/1", "snapshot": {...}}` (or the snapshot object itself). The municipality's settings are
not in a case file: `--policy` switches a municipal policy on, `--local-deadline-weeks` sets its own decision
deadline. Bad files get a clear error naming the field, never a traceback.
"""

import dataclasses
import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from evne.casefile.importer import CaseFileError, read
from evne.rules.catalogue import RULES
from evne.rules.engine import Outcome, evaluate
from evne.rules.parameters import all_parameters
from evne.rules.snapshot import Snapshot, SnapshotError

from ...build import snapshot_from_case_file
from ...case import DECISION_TYPES

# The human-readable report is Danish and names rules by their titles; the rule ids stay in --json.
OUTCOME_DA = {
    Outcome.OK: "opfyldt", Outcome.MISSING: "mangler", Outcome.LATE: "for sent", Outcome.PROMPT: "spørgsmål",
    Outcome.NOT_APPLICABLE: "gælder ikke",
}  # fmt: skip
DECISION_DA = {
    "revalidering": "revalidering", "ressourceforlob": "ressourceforløb", "jobafklaring": "jobafklaringsforløb",
    "fleksjob": "fleksjob", "fortidspension": "førtidspension", "refusal": "afslag",
    "ordinary_work": "henvisning til ordinært arbejde",
}  # fmt: skip
FORMAT = "evne-snapshot/1"
CASE_FILE = "evne-case-file"
POLICIES = sorted(name for name, values in all_parameters().items() if values[-1].policy)


class Command(BaseCommand):
    help = "Run the legal checks on case files (FILE.json): `evne check FILE.json`."
    # Checking a file touches neither the database nor the URLs and views: Django's system checks (which import
    # every view and build the API document) would triple the time a user waits.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE.json")
        parser.add_argument("--date", dest="on", help="Judge the case on this date (YYYY-MM-DD); default today.")
        parser.add_argument("--for", dest="decision", choices=[c for c, _l in DECISION_TYPES],
                            help="Show what blocks this decision type.")  # fmt: skip
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")
        parser.add_argument("--policy", action="append", metavar="PARAMETER",
                            help="Switch a municipal policy (not law) on for this check; repeatable.")  # fmt: skip
        parser.add_argument(
            "--local-deadline-weeks", type=int, metavar="N",
            help="The municipality's own decision deadline for the case's pathway, in weeks.",
        )  # fmt: skip

    def handle(self, *args, **options):
        policies = tuple(options.get("policy") or ())
        unknown = [p for p in policies if p not in POLICIES]
        if unknown:
            raise CommandError(f"--policy: {', '.join(unknown)} is not a policy parameter ({', '.join(POLICIES)})")
        weeks = options.get("local_deadline_weeks")
        if weeks is not None and not 1 <= weeks <= 520:
            raise CommandError("--local-deadline-weeks: between 1 and 520 weeks")
        for name in options["files"]:
            snapshot = self._load(Path(name), policies=policies, weeks=weeks)
            self._report(snapshot, options)

    def _load(self, path: Path, *, policies: tuple[str, ...], weeks: int | None) -> Snapshot:
        if path.suffix != ".json":
            raise CommandError(f"{path}: expected a .json case file")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"{path}: the file does not exist") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path}: not valid JSON ({exc})") from None
        if isinstance(data, dict) and data.get("format") == CASE_FILE:
            try:
                return snapshot_from_case_file(read(data), policies=policies, local_decision_weeks=weeks)
            except CaseFileError as exc:
                raise CommandError(f"{path}: {exc}") from None
        snapshot = self._snapshot(path, data)
        if policies:
            snapshot = dataclasses.replace(snapshot, policies=tuple(sorted({*snapshot.policies, *policies})))
        return snapshot

    def _snapshot(self, path: Path, data) -> Snapshot:
        if isinstance(data, dict) and "format" in data:
            if data["format"] != FORMAT:
                raise CommandError(f"{path}: format: expected {FORMAT!r}, not {data['format']!r}")
            data = data.get("snapshot")
        try:
            return Snapshot.from_dict(data)
        except SnapshotError as exc:
            raise CommandError(f"{path}: {exc}") from None

    def _report(self, snapshot: Snapshot, options) -> None:
        try:
            on = date.fromisoformat(options["on"]) if options.get("on") else timezone.localdate()
        except ValueError:
            raise CommandError(f"--date: {options['on']!r} is not a date (YYYY-MM-DD)") from None
        evaluation = evaluate(RULES, snapshot, on=on)
        decision = options.get("decision")
        blocking = evaluation.blocking(decision) if decision else []
        if options.get("json"):
            deadlines = []
            for r in evaluation.deadlines():
                assert r.finding.due is not None  # deadlines() keeps only findings with a due date
                deadlines.append(
                    {"rule": r.rule.id, "due": r.finding.due.isoformat(), "outcome": str(r.finding.outcome)}
                )
            out = evaluation.explain() | {
                "case": snapshot.case.number,
                "facts": facts_of(snapshot, on),
                "deadlines": deadlines,
                "readiness": {decision: [r.rule.id for r in blocking]} if decision else {},
            }  # fmt: skip
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2, default=date.isoformat))
            return
        self.stdout.write(f"Sag {snapshot.case.number} — bedømt {on:%d-%m-%Y}")
        failing = [
            r for r in evaluation.results if r.finding.outcome in (Outcome.MISSING, Outcome.LATE, Outcome.PROMPT)
        ]
        for r in failing:
            cites = "; ".join(f"{c.act} {c.section}" for c in r.version.citations) if r.version else ""
            self.stdout.write(
                f"  [{OUTCOME_DA[r.finding.outcome]}] {r.rule.title_da}: {r.finding.message_da} ({cites})"
            )
        if not failing:
            self.stdout.write("  Ingen udestående proceskrav.")
        for r in evaluation.deadlines():
            due = r.finding.due
            assert due is not None  # deadlines() lists only results with a due date
            self.stdout.write(f"  Frist {due:%d-%m-%Y}: {r.rule.title_da} [{OUTCOME_DA[r.finding.outcome]}]")
        for line in fact_lines(snapshot, on):
            self.stdout.write(f"  {line}")
        if decision:
            names = "; ".join(r.rule.title_da for r in blocking) or "intet"
            self.stdout.write(f"  Klar til {DECISION_DA.get(decision, decision)}? Blokeret af: {names}")


def facts_of(snapshot: Snapshot, on: date) -> dict:
    """The substance the rules read on `on`: the statements' conclusions, the work trials, the treatments."""
    return {
        "statements": [dataclasses.asdict(st) for st in snapshot.statements_on(on)],
        "trial_periods": [dataclasses.asdict(t) | {"weeks": t.weeks} for t in snapshot.trials_on(on)],
        "treatments": [{"id": t.id, "expected_effect": t.expected_effect, "status": t.status_on(on)}
                       for t in snapshot.treatments if t.recommended_on <= on],
    }  # fmt: skip


def fact_lines(snapshot: Snapshot, on: date) -> list[str]:
    """The same facts in Danish, one line each, with the models' own words for the choices."""
    from django.utils import translation

    from evne.evidence.models import DocumentKind, ExpectedEffect, Prognosis, TreatmentStatusKind, WorkAbilityView
    from evne.plans.models import TrialOutcome

    def label(choices, value: str) -> str:
        return str(choices(value).label) if value in choices.values else value

    lines = []
    with translation.override("da"):
        for st in snapshot.statements_on(on):
            hours = f", {st.hours_per_week:g} timer om ugen" if st.hours_per_week is not None else ""
            prognosis = label(Prognosis, st.prognosis).lower()
            ability = label(WorkAbilityView, st.work_ability_view).lower()
            lines.append(
                f"Erklæring ({label(DocumentKind, st.kind)}, {st.stated_on:%d-%m-%Y}): prognose {prognosis}; "
                f"arbejdsevne {ability}{hours}"
            )
        for t in snapshot.trials_on(on):
            lines.append(
                f"Arbejdsprøvning ({t.trade}, {t.start_on:%d-%m-%Y}–{t.end_on:%d-%m-%Y}, {t.weeks:g} uger): "
                f"{t.actual_hours:g} af {t.planned_hours:g} timer om ugen; {label(TrialOutcome, t.outcome).lower()}"
            )
        for treatment in snapshot.treatments:
            if treatment.recommended_on <= on:
                effect = label(ExpectedEffect, treatment.expected_effect).lower()
                status = label(TreatmentStatusKind, treatment.status_on(on)).lower() or "ingen status"
                lines.append(f"Behandling anbefalet {treatment.recommended_on:%d-%m-%Y} ({effect}): {status}")
    return lines
