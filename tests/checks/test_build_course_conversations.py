"""The builder reads a ressourceforløb's own follow-ups with the citizen (procedure.resource_course_conversations)."""

from datetime import date

from evne.checks.build import snapshot_from_case_file
from tests.acceptance.expand import case_file


def test_the_course_follow_ups_with_the_citizen_are_its_conversations():
    days = [date(2024, m, 10) for m in (4, 6, 8, 10, 12)] + [date(2025, 2, 10)]
    case = {
        "judged_on": date(2025, 6, 1),
        "file": {
            "case": {
                "pathway": "ressourceforlob",
                "benefit": "ressourceforlobsydelse",
                "help_requested_on": "2023-06-01",
            },
            "resource_courses": [
                {
                    "start_on": "2024-03-01",
                    "end_on": "2026-02-28",
                    "follow_ups": [{"held_on": d.isoformat(), "with_citizen": True} for d in days]
                    + [{"held_on": "2024-05-01", "with_citizen": False}],
                }
            ],
        },
    }
    snap = snapshot_from_case_file(case_file(case))
    assert snap.resource_courses[0].conversations == tuple(days)
