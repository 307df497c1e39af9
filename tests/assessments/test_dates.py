"""Dates compare with dates (issue 13 item 3): the day an assessment or a presentation concerns is typed by the
caseworker; the time a record was saved is the system's. A rule never holds one against the other as if they were
the same kind of date — and where a typed date is earlier than the day the thing it points at was saved, the
finding names both dates."""

from datetime import date

from django.utils import timezone

from evne.checks.case import case_checks
from evne.profiles.services import profile_present
from evne.rules.catalogue import RULES
from evne.rules.engine import evaluate
from evne.rules.snapshot import Snapshot

TODAY = date(2026, 6, 15)  # tests/conftest.py freezes the clock here


def _finding(case, rule_id):
    checks = case_checks(case, on=timezone.localdate())
    return next((r.finding for r in checks.evaluation.results if r.rule.id == rule_id), None)


def test_it_accepts_an_assessment_dated_the_day_before_the_profile_was_saved(make, case, assessed):
    assert timezone.localdate() == TODAY and assessed.saved_at.date() == TODAY
    make(assessed_on=date(2026, 6, 14))  # the meeting was yesterday; the profile was typed in today
    finding = _finding(case, "method.described_before_assessment")
    assert str(finding.outcome) == "ok"
    checks = case_checks(case, on=TODAY)
    assert "method.described_before_assessment" not in {r.rule.id for r in checks.findings}


def test_it_names_both_dates_when_an_assessment_rests_on_no_assessed_element():
    # The service refuses such an assessment; a case file from elsewhere can still hold one.
    snapshot = Snapshot.from_dict({
        "case": {"number": "999-2026-00001", "pathway": "ressourceforlob", "benefit": "kontanthjaelp",
                 "status": "open", "help_requested_on": "2026-01-05"},
        "elements": [{"key": "health", "number": 1, "saved_on": "2026-05-01", "relevant": True, "has_facts": True},
                     {"key": "health", "number": 2, "saved_on": "2026-06-02", "relevant": True,
                      "has_assessment": True}],
        "assessments": [{"number": 1, "assessed_on": "2026-05-20", "conclusion": "can_be_improved",
                         "rests_on": [{"element": "health", "number": 1}]}],
    })  # fmt: skip
    result = next(r for r in evaluate(RULES, snapshot, on=TODAY).results
                  if r.rule.id == "method.described_before_assessment")  # fmt: skip
    assert str(result.finding.outcome) == "missing"
    assert "dateret 20-05-2026" in result.finding.message_da and "gemt 02-06-2026" in result.finding.message_da


def test_it_refuses_a_presentation_dated_before_the_versions_it_presents_were_saved(alice, case, assessed):
    profile_present(actor=alice, case=case, presented_on=date(2026, 6, 10), method="meeting",
                    responses={assessed.element: {"agrees": True}})  # fmt: skip
    finding = _finding(case, "profile.presented")
    assert str(finding.outcome) == "missing"
    assert "dateret 10-06-2026" in finding.message_da and "gemt 15-06-2026" in finding.message_da
    assert finding.facts["presented_on"] == date(2026, 6, 10) and finding.facts["version_saved_on"] == TODAY


def test_it_accepts_a_presentation_on_the_day_the_versions_were_saved(alice, case, assessed):
    profile_present(actor=alice, case=case, presented_on=TODAY, method="meeting",
                    responses={assessed.element: {"agrees": True}})  # fmt: skip
    assert str(_finding(case, "profile.presented").outcome) == "ok"
