"""`evne check FILE.json [--date D] [--for TYPE] [--json]`: the legal checks on a case file.

Without a .json file argument this is Django's own system check (`evne check`, `evne check --deploy`).
The file is a whole case file (`evne export`, format "evne-case-file", docs/case-file.md) — read through the
importer into a transaction that is always rolled back, so the same code as the case page builds the facts — or a
rules snapshot: `{"format": "evne-snapshot/1", "snapshot": {...}}` (or the snapshot object itself). `--policy`
switches a municipal policy on for the check. Bad files get a clear error naming the field, never a traceback.
"""

import dataclasses
import json
from datetime import date
from pathlib import Path

from django.core.management.base import CommandError
from django.core.management.commands.check import Command as SystemCheck

from evne.cases.checks import DECISION_TYPES
from evne.rules.catalogue import RULES
from evne.rules.engine import Outcome, evaluate
from evne.rules.parameters import all_parameters
from evne.rules.snapshot import Snapshot, SnapshotError

FORMAT = "evne-snapshot/1"
CASE_FILE = "evne-case-file"
POLICIES = sorted(name for name, values in all_parameters().items() if values[-1].policy)


class Command(SystemCheck):
    help = "Run the legal checks on a case file (FILE.json), or Django's system checks without one."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--date", dest="on", help="Judge the case on this date (YYYY-MM-DD); default today.")
        parser.add_argument("--for", dest="decision", choices=[c for c, _l in DECISION_TYPES],
                            help="Show what blocks this decision type.")  # fmt: skip
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")
        parser.add_argument("--policy", action="append", metavar="PARAMETER",
                            help="Switch a municipal policy (not law) on for this check; repeatable.")  # fmt: skip

    def handle(self, *app_labels, **options):
        files = [a for a in app_labels if a.endswith(".json")]
        if not files:
            return super().handle(*app_labels, **options)
        for name in files:
            self._check_file(Path(name), options)

    def _check_file(self, path: Path, options) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"{path}: the file does not exist") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path}: not valid JSON ({exc})") from None
        if isinstance(data, dict) and data.get("format") == CASE_FILE:
            snapshot = self._case_file(path, data)
        else:
            snapshot = self._snapshot(path, data)
        policies = tuple(options.get("policy") or ())
        unknown = [p for p in policies if p not in POLICIES]
        if unknown:
            raise CommandError(f"--policy: {', '.join(unknown)} is not a policy parameter ({', '.join(POLICIES)})")
        if policies:
            snapshot = dataclasses.replace(snapshot, policies=tuple(sorted({*snapshot.policies, *policies})))
        self._report(snapshot, options)

    def _case_file(self, path: Path, data: dict) -> Snapshot:
        from evne.casefile.importer import CaseFileError, parse, snapshot_of_case_file

        try:
            return snapshot_of_case_file(parse(json.dumps(data)))
        except CaseFileError as exc:
            raise CommandError(f"{path}: {exc}") from None

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
            on = date.fromisoformat(options["on"]) if options.get("on") else date.today()
        except ValueError:
            raise CommandError(f"--date: {options['on']!r} is not a date (YYYY-MM-DD)") from None
        evaluation = evaluate(RULES, snapshot, on=on)
        decision = options.get("decision")
        blocking = evaluation.blocking(decision) if decision else []
        if options.get("json"):
            out = evaluation.explain() | {
                "case": snapshot.case.number,
                "deadlines": [{"rule": r.rule.id, "due": r.finding.due.isoformat(), "outcome": str(r.finding.outcome)}
                              for r in evaluation.deadlines()],
                "readiness": {decision: [r.rule.id for r in blocking]} if decision else {},
            }  # fmt: skip
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Sag {snapshot.case.number} — bedømt {on:%d-%m-%Y}")
        failing = [
            r for r in evaluation.results if r.finding.outcome in (Outcome.MISSING, Outcome.LATE, Outcome.PROMPT)
        ]
        for r in failing:
            cites = "; ".join(f"{c.act} {c.section}" for c in r.version.citations)
            self.stdout.write(f"  [{r.finding.outcome}] {r.rule.id}: {r.finding.message_da} ({cites})")
        if not failing:
            self.stdout.write("  Ingen udestående proceskrav.")
        for r in evaluation.deadlines():
            self.stdout.write(f"  Frist {r.finding.due:%d-%m-%Y}: {r.rule.title_da} [{r.finding.outcome}]")
        if decision:
            names = ", ".join(r.rule.id for r in blocking) or "intet"
            self.stdout.write(f"  Klar til {decision}? Blokeret af: {names}")
