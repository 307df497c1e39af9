"""Benchmark: render the citizen's resource-profile PDF for a full 13-element profile.

    .venv/bin/python bench/profile_pdf.py [--runs 5]

Prints the median and worst render time and the PDF size. Uses a throwaway SQLite database.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from evne.accounts.models import Municipality, Role, Team, User
    from evne.cases.services import case_open
    from evne.citizens.services import citizen_create
    from evne.profiles.models import ElementKey
    from evne.profiles.pdf import render_profile_pdf
    from evne.profiles.services import element_save, involvement_record

    kommune = Municipality.objects.create(code="997", name="Benchmark Kommune")
    team = Team.objects.create(municipality=kommune, name="Team")
    user = User.objects.create_user("bench", role=Role.CASEWORKER, team=team, municipality=kommune)
    citizen = citizen_create(actor=user, cpr="0101801234", first_name="Bench", last_name="Mark")
    case = case_open(actor=user, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                     help_requested_on=date(2026, 1, 5))  # fmt: skip
    involvement_record(actor=user, case=case, kind="opening_conversation", occurred_on=date(2026, 1, 6), text="Start")
    for key in ElementKey.values:
        facts = [
            {"id": f"f{n}", "text": f"Oplysning {n} om {key}. " * 5, "source_kind": "conversation"} for n in range(3)
        ]
        extra = {"title": "Kørekort", "justification": "Krav i mange job."} if key == "other" else {}
        element_save(
            actor=user,
            case=case,
            element=key,
            base_version=0,
            reason="bench",
            relevant=True,
            facts=facts,
            citizen_view="Mit syn. " * 20,
            resources="R. " * 30,
            barriers="B. " * 30,
            development="U. " * 30,
            assessment="Vurdering. " * 20,
            assessment_fact_ids=["f0"],
            **extra,
        )
    times, size = [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        size = len(render_profile_pdf(case=case))
        times.append(time.perf_counter() - started)
    print(f"profile_pdf: 13 elements, {args.runs} runs: median {statistics.median(times):.2f} s, "
          f"worst {max(times):.2f} s, {size / 1024:.0f} KiB")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
