"""The citizen's own work (ordinary or accommodated jobs, self-employment): recorded through a case with the event
on that case's timeline, changed with a version (a stale save refused, nothing overwritten), each rule refused
with the field named and nothing written; only those who may change the case record anything."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.citizens import selectors
from evne.citizens.models import Employment
from evne.citizens.services import employment_record, employment_update
from evne.errors import AccessDenied, DomainError, StaleVersion

TODAY = timezone.localdate()  # the frozen clock (tests/conftest.py), whatever day it is frozen at


def job(**over):
    values = {
        "employer": "Bageriet Brød ApS", "job_functions": "Ekspedition og opvask.", "kind": "special_terms",
        "hours_per_week": Decimal("12"), "start_on": date(2024, 2, 1), "accommodation": "Ingen tunge løft, pauser.",
    }  # fmt: skip
    values.update(over)
    return values


def test_it_records_a_job_through_the_case_with_an_event(alice, case, citizen):
    employment = employment_record(actor=alice, case=case, **job())
    assert employment.citizen == citizen and employment.case == case and employment.version == 1
    assert employment.hours_per_week == Decimal("12.0") and employment.end_on is None and employment.is_current
    assert selectors.employments(citizen) == [employment]
    event = case.events.get(kind=EventKind.OWN_WORK_RECORDED)
    assert event.actor == alice
    assert event.data["employment_id"] == employment.pk and event.data["action"] == "created"
    assert event.data["kind"] == "special_terms" and event.data["hours_per_week"] == "12.0"
    with translation.override("en"):
        assert describe(event) == (
            "The citizen's own work recorded: Job on special terms at Bageriet Brød ApS, 12.0 hours a week since "
            "01-02-2024."
        )


def test_it_records_a_past_ordinary_job_with_why_it_ended(alice, case):
    values = job(kind="ordinary", accommodation="", end_on=date(2025, 1, 31), end_reason="Opsagt.")
    employment = employment_record(actor=alice, case=case, **values)
    assert not employment.is_current and employment.end_reason == "Opsagt."
    with translation.override("en"):
        assert describe(case.events.get(kind=EventKind.OWN_WORK_RECORDED)).endswith("Ended 31-01-2025.")


BAD = [
    ("employer", {"employer": " "}),
    ("employer", {"employer": "x" * 201}),
    ("job_functions", {"job_functions": ""}),
    ("kind", {"kind": "flex_job"}),
    ("kind", {"kind": ""}),
    ("hours_per_week", {"hours_per_week": "80.5"}),
    ("hours_per_week", {"hours_per_week": "-1"}),
    ("hours_per_week", {"hours_per_week": "ti"}),
    ("hours_per_week", {"hours_per_week": None}),
    ("hours_per_week", {"hours_per_week": "7.25"}),
    ("start_on", {"start_on": None}),
    ("start_on", {"start_on": TODAY + timedelta(days=1)}),
    ("end_on", {"end_on": date(2024, 1, 31)}),
    ("end_on", {"end_on": "2025-01-01"}),
    ("end_on", {"end_reason": "Opsagt."}),
    ("accommodation", {"accommodation": ""}),
    ("accommodation", {"kind": "skaanejob", "accommodation": " "}),
]


@pytest.mark.parametrize(("field", "over"), BAD)
def test_it_refuses_bad_input_naming_the_field_and_writes_nothing(alice, case, field, over):
    events = case.events.count()
    with pytest.raises(DomainError) as err:
        employment_record(actor=alice, case=case, **job(**over))
    assert err.value.field == field, err.value.message
    assert not Employment.objects.exists()
    assert case.events.count() == events


def test_it_accepts_zero_hours_and_eighty(alice, case):
    assert employment_record(actor=alice, case=case, **job(hours_per_week="0")).hours_per_week == 0
    assert employment_record(actor=alice, case=case, **job(hours_per_week=80)).hours_per_week == 80


def test_it_updates_a_job_with_the_old_and_new_values_on_the_timeline(alice, case):
    employment = employment_record(actor=alice, case=case, **job())
    changes = {"hours_per_week": "15", "end_on": date(2026, 5, 31), "end_reason": "Fik flere timer andetsteds."}
    changed = employment_update(actor=alice, case=case, employment=employment, expected_version=1, **changes)
    assert changed.version == 2 and changed.hours_per_week == Decimal("15.0")
    event = case.events.filter(kind=EventKind.OWN_WORK_RECORDED).last()
    assert event.data["action"] == "updated" and event.data["version"] == 2
    assert {"field": "hours_per_week", "old": "12.0", "new": "15.0"} in event.data["changes"]
    assert {"field": "end_on", "old": None, "new": "2026-05-31"} in event.data["changes"]
    with translation.override("en"):
        text = describe(event)
    assert text.startswith("The citizen's own work at Bageriet Brød ApS changed:")
    assert "hours per week: 12.0 → 15.0" in text and "until: – → 31-05-2026" in text


def test_it_refuses_a_stale_update_and_keeps_the_other_change(alice, bob, case):
    employment = employment_record(actor=alice, case=case, **job())
    employment_update(actor=bob, case=case, employment=employment, expected_version=1, hours_per_week="20")
    with pytest.raises(StaleVersion) as err:
        employment_update(actor=alice, case=case, employment=employment, expected_version=1, hours_per_week="8")
    assert err.value.changes == {"hours_per_week": ("12.0", "20.0")}
    employment.refresh_from_db()
    assert employment.hours_per_week == Decimal("20.0") and employment.version == 2


def test_it_refuses_an_update_that_breaks_a_rule_and_changes_nothing(alice, case):
    employment = employment_record(actor=alice, case=case, **job())
    events = case.events.count()
    with pytest.raises(DomainError) as err:
        employment_update(actor=alice, case=case, employment=employment, expected_version=1,
                          end_on=date(2023, 1, 1))  # fmt: skip
    assert err.value.field == "end_on"
    with pytest.raises(DomainError):
        employment_update(actor=alice, case=case, employment=employment, expected_version=1, salary="x")
    employment.refresh_from_db()
    assert employment.end_on is None and employment.version == 1 and case.events.count() == events


def test_it_refuses_a_job_of_another_citizen(alice, case, citizen):
    from evne.cases.services import case_open
    from evne.citizens.services import citizen_create

    other_citizen = citizen_create(actor=alice, cpr="020280-1234", first_name="Ole", last_name="Prøve")
    other_case = case_open(actor=alice, citizen=other_citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                           help_requested_on=TODAY)  # fmt: skip
    employment = employment_record(actor=alice, case=other_case, **job())
    with pytest.raises(DomainError) as err:
        employment_update(actor=alice, case=case, employment=employment, expected_version=1, employer="x")
    assert err.value.field == "employment"
    assert selectors.employments(citizen) == []


def test_it_lets_only_those_who_may_change_the_case_record_work(carol, charlie, case):
    for user in (carol, charlie):
        with pytest.raises(AccessDenied):
            employment_record(actor=user, case=case, **job())
    assert not Employment.objects.exists()
