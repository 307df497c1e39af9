"""Work testing as it happened (arbejdsprøvning): periods of an activity with trade, job functions, hours, pace,
absences, accommodation and outcome; corrections as new rows (the latest counts); the duration derived from the
dates; each rule refused with the field named and nothing written; the timeline event."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import DatabaseError, connection, transaction

from evne.cases.models import EventKind
from evne.errors import AccessDenied, DomainError
from evne.plans import selectors
from evne.plans.models import TrialPeriod
from evne.plans.services import activity_end, report_record, trial_period_record

from .conftest import TODAY


@pytest.fixture
def long_activity(make_activity):
    """Started ten weeks ago, planned for twelve."""
    return make_activity(start_on=TODAY() - timedelta(weeks=10), planned_end_on=TODAY() + timedelta(weeks=2))


def values(activity, **over):
    start = activity.start_on
    body = {
        "start_on": start, "end_on": start + timedelta(weeks=4, days=-1), "trade": "Lager og logistik",
        "job_functions": "Plukke varer, truckkørsel, modtagekontrol.", "planned_hours_per_week": Decimal("15"),
        "actual_hours_per_week": Decimal("11.5"), "accommodation_respected": "yes", "outcome": "completed",
    }  # fmt: skip
    body.update(over)
    return body


def test_it_records_a_period_with_its_weeks_and_a_timeline_event(alice, case, long_activity):
    period = trial_period_record(actor=alice, activity=long_activity, pace_percent=70, absence_amount="2",
                                 absence_unit="days", absence_reason="Rygsmerter.", sustained_hours_per_week="10",
                                 **values(long_activity))  # fmt: skip
    assert period.weeks == Decimal("4.0") and period.days == 28
    assert period.actual_hours_per_week == Decimal("11.5") and period.pace_percent == 70
    assert (period.absence_amount, period.absence_unit) == (Decimal("2.0"), "days")
    assert list(long_activity.trial_periods.all()) == [period]
    event = case.events.get(kind=EventKind.WORK_TRIAL_RECORDED)
    assert event.actor == alice
    assert event.data["trial_period_id"] == period.pk and event.data["trade"] == "Lager og logistik"
    assert event.data["weeks"] == "4.0" and event.data["replaces_trial_period_id"] is None
    assert event.data["accommodation_respected"] == "yes" and event.data["outcome"] == "completed"


def test_it_derives_weeks_from_the_dates_to_one_decimal(alice, long_activity):
    start = long_activity.start_on
    period = trial_period_record(actor=alice, activity=long_activity,
                                 **values(long_activity, end_on=start + timedelta(days=9)))  # fmt: skip
    assert period.weeks == Decimal("1.4")  # 10 days
    later = trial_period_record(actor=alice, activity=long_activity,
                                **values(long_activity, start_on=start + timedelta(days=5),
                                         end_on=start + timedelta(days=13)))  # fmt: skip
    assert selectors.trial_weeks([period, later]) == Decimal("2.0")  # the overlap counts once


def test_it_corrects_a_period_with_a_new_row_and_counts_the_latest(alice, case, long_activity):
    first = trial_period_record(actor=alice, activity=long_activity, **values(long_activity))
    correction = trial_period_record(actor=alice, activity=long_activity, replaces=first,
                                     **values(long_activity, actual_hours_per_week="9"))  # fmt: skip
    assert correction.replaces == first
    assert selectors.trial_periods(long_activity) == [correction]
    assert selectors.trial_period_history(long_activity) == [first, correction]
    assert case.events.filter(kind=EventKind.WORK_TRIAL_RECORDED).last().data["replaces_trial_period_id"] == first.pk
    with pytest.raises(DomainError) as err:
        trial_period_record(actor=alice, activity=long_activity, replaces=first, **values(long_activity))
    assert err.value.field == "replaces"
    assert TrialPeriod.objects.count() == 2


def test_it_refuses_to_correct_a_period_of_another_activity(alice, long_activity, make_activity):
    other = make_activity(start_on=long_activity.start_on, planned_end_on=long_activity.planned_end_on)
    period = trial_period_record(actor=alice, activity=other, **values(other))
    with pytest.raises(DomainError) as err:
        trial_period_record(actor=alice, activity=long_activity, replaces=period.pk, **values(long_activity))
    assert err.value.field == "replaces"
    assert TrialPeriod.objects.count() == 1


def test_it_links_the_report_the_period_comes_from_and_refuses_another_activitys(alice, report, make_activity):
    activity = report.activity
    period = trial_period_record(actor=alice, activity=activity, report=report,
                                 **values(activity, end_on=TODAY(), outcome="running"))  # fmt: skip
    assert period.report == report and list(report.trial_periods.all()) == [period]
    other = make_activity()
    with pytest.raises(DomainError) as err:
        trial_period_record(actor=alice, activity=other, report=report.pk, **values(other, end_on=TODAY()))
    assert err.value.field == "report"
    assert TrialPeriod.objects.count() == 1


BAD = [
    ("start_on", {"start_on": None}),
    ("end_on", {"end_on": "not a date"}),
    ("start_on", {"start_on": TODAY() + timedelta(days=1)}),
    ("end_on", {"end_on_days": -1}),  # before the start
    ("start_on", {"start_on_days": -1}),  # before the activity
    ("end_on", {"end_on_past_activity": True}),
    ("end_on", {"end_on": TODAY() + timedelta(days=3)}),  # in the future but not running
    ("trade", {"trade": "  "}),
    ("trade", {"trade": "x" * 201}),
    ("job_functions", {"job_functions": ""}),
    ("planned_hours_per_week", {"planned_hours_per_week": "0"}),
    ("planned_hours_per_week", {"planned_hours_per_week": "81"}),
    ("planned_hours_per_week", {"planned_hours_per_week": None}),
    ("actual_hours_per_week", {"actual_hours_per_week": "-1"}),
    ("actual_hours_per_week", {"actual_hours_per_week": "12.25"}),
    ("actual_hours_per_week", {"actual_hours_per_week": "mange"}),
    ("pace_percent", {"pace_percent": 0}),
    ("pace_percent", {"pace_percent": 101}),
    ("pace_percent", {"pace_percent": "70.5"}),
    ("absence_amount", {"absence_reason": "Syg."}),  # a reason without an amount
    ("absence_unit", {"absence_amount": "3"}),
    ("absence_reason", {"absence_amount": "3", "absence_unit": "hours"}),
    ("absence_amount", {"absence_amount": "29", "absence_unit": "days", "absence_reason": "Syg."}),
    ("absence_amount", {"absence_amount": "-2", "absence_unit": "days", "absence_reason": "Syg."}),
    ("accommodation_respected", {"accommodation_respected": ""}),
    ("accommodation_respected", {"accommodation_respected": "not_relevant"}),  # the profile records needs
    ("accommodation_note", {"accommodation_respected": "partly"}),
    ("accommodation_note", {"accommodation_respected": "no"}),
    ("outcome", {"outcome": "failed"}),
    ("outcome_note", {"outcome": "ended_other"}),
    ("sustained_hours_per_week", {"sustained_hours_per_week": "90"}),
]


@pytest.mark.parametrize(("field", "over"), BAD)
def test_it_refuses_bad_input_naming_the_field_and_writes_nothing(alice, case, long_activity, field, over):
    over = dict(over)
    start = long_activity.start_on
    if "end_on_days" in over:
        over["end_on"] = start + timedelta(days=over.pop("end_on_days"))
    if "start_on_days" in over:
        over["start_on"] = start + timedelta(days=over.pop("start_on_days"))
    if over.pop("end_on_past_activity", False):
        over["end_on"], over["outcome"] = long_activity.planned_end_on + timedelta(days=1), "running"
    events = case.events.count()
    with pytest.raises(DomainError) as err:
        trial_period_record(actor=alice, activity=long_activity, **values(long_activity, **over))
    assert err.value.field == field, err.value.message
    assert not TrialPeriod.objects.exists()
    assert case.events.count() == events


def test_it_takes_a_running_period_that_ends_after_today(alice, long_activity):
    end_on = TODAY() + timedelta(days=7)
    period = trial_period_record(actor=alice, activity=long_activity,
                                 **values(long_activity, end_on=end_on, outcome="running"))  # fmt: skip
    assert period.outcome == "running"


def test_it_keeps_the_period_within_an_ended_activity(alice, long_activity):
    activity_end(actor=alice, activity=long_activity, expected_version=1, actual_end_on=TODAY() - timedelta(weeks=7),
                 outcome="Stoppet.", end_reason="health", accommodation_respected="yes")  # fmt: skip
    long_activity.refresh_from_db()
    with pytest.raises(DomainError) as err:
        trial_period_record(actor=alice, activity=long_activity, **values(long_activity))  # 4 weeks, but it ran 3
    assert err.value.field == "end_on"


def test_it_accepts_no_accommodation_needs_when_the_profile_records_none(alice, case, long_activity, save):
    save(element="health", base_version=1, reason="Ingen skånebehov", facts=[], accommodation_needs="")
    period = trial_period_record(actor=alice, activity=long_activity,
                                 **values(long_activity, accommodation_respected="not_relevant"))  # fmt: skip
    assert period.accommodation_respected == "not_relevant"


def test_it_lets_carol_and_charlie_record_nothing(carol, charlie, long_activity):
    for user in (carol, charlie):
        with pytest.raises(AccessDenied):
            trial_period_record(actor=user, activity=long_activity, **values(long_activity))
    assert not TrialPeriod.objects.exists()


def test_it_refuses_to_rewrite_a_period_in_the_database(alice, long_activity):
    trial_period_record(actor=alice, activity=long_activity, **values(long_activity))
    with pytest.raises(PermissionError):
        TrialPeriod.objects.all().update(trade="x")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE plans_trialperiod SET trade = 'x'")


def test_it_erases_periods_with_the_case(alice, case, long_activity, report):
    first = trial_period_record(actor=alice, activity=long_activity, **values(long_activity))
    trial_period_record(actor=alice, activity=long_activity, replaces=first, **values(long_activity))
    trial_period_record(actor=alice, activity=report.activity, report=report,
                        **values(report.activity, end_on=TODAY(), outcome="running"))  # fmt: skip
    case.delete()
    assert not TrialPeriod.objects.exists()


def test_it_prefills_a_period_from_a_report_and_the_activity(alice, report):
    activity = report.activity
    initial = selectors.trial_period_initial(activity, report=report, today=TODAY())
    assert initial["start_on"] == activity.start_on and initial["end_on"] == report.report_date
    assert initial["planned_hours_per_week"] == activity.hours_per_week
    assert initial["report"] == report.pk and initial["job_functions"] == report.actual_content
    assert initial["outcome"] == "running"


def test_it_prefills_the_next_period_after_the_last_one(alice, long_activity):
    first = trial_period_record(actor=alice, activity=long_activity, **values(long_activity))
    initial = selectors.trial_period_initial(long_activity, today=TODAY())
    assert initial["start_on"] == first.end_on + timedelta(days=1) and initial["end_on"] == TODAY()
    assert initial["trade"] == "Lager og logistik"


def test_it_reports_on_a_report_written_after_a_period(alice, long_activity):
    report = report_record(actor=alice, activity=long_activity, report_date=TODAY(), author="Jens",
                           result_vs_purpose="x", actual_content="y", functional_capacity="z",
                           citizen_participated=True, citizen_agreement="agrees")  # fmt: skip
    period = trial_period_record(actor=alice, activity=long_activity, report=report, **values(long_activity))
    assert period.report_id == report.pk


def test_it_describes_the_period_on_the_timeline_in_english_and_danish(alice, case, long_activity):
    from django.utils import translation

    from evne.cases.timeline import describe

    first = trial_period_record(actor=alice, activity=long_activity, pace_percent=70,
                                **values(long_activity, accommodation_respected="partly",
                                         accommodation_note="Tunge løft i uge 2."))  # fmt: skip
    trial_period_record(actor=alice, activity=long_activity, replaces=first, **values(long_activity))
    first_event, correction = case.events.filter(kind=EventKind.WORK_TRIAL_RECORDED).order_by("id")
    start, end = long_activity.start_on, long_activity.start_on + timedelta(weeks=4, days=-1)
    with translation.override("en"):
        assert describe(first_event) == (
            f"Work trial at Lagerhuset A/S (Mentor) recorded: Lager og logistik, {start:%d-%m-%Y} to {end:%d-%m-%Y} "
            "(4.0 weeks), 11.5 of 15.0 planned hours a week. Completed. Work pace 70% of normal. Accommodation needs "
            "respected: Partly."
        )
        assert describe(correction).endswith("Corrects an earlier record of the period.")
    with translation.override("da"):
        text = describe(first_event)
    assert text.startswith("Arbejdsprøvning hos Lagerhuset A/S (Mentor) registreret: Lager og logistik")
    assert "Gennemført." in text and "Arbejdstempo 70 % af normalt." in text and "overholdt: Delvist" in text
