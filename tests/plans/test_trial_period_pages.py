"""The work-trial pages: the period form from the activity page and from a provider report (prefilled from the
report and the activity), corrections, the activity page's table of periods; need-to-know (Carol reads but records
nothing, Charlie sees nothing: 404), and the reads access-logged."""

from datetime import timedelta

import pytest
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.cases.models import EventKind
from evne.plans.models import TrialPeriod
from evne.plans.services import trial_period_record

from ..conftest import PASSWORD
from .conftest import TODAY

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def as_alice(client, alice):
    client.login(username="alice", password=PASSWORD)
    return client


def new_url(case, activity, query=""):
    return reverse("web:plans_trial_period_create", args=[case.pk, activity.pk]) + query


def form_data(activity, **over):
    data = {
        "start_on": activity.start_on.isoformat(), "end_on": TODAY().isoformat(), "trade": "Lager og logistik",
        "job_functions": "Plukke varer og pakke ordrer.", "planned_hours_per_week": "15",
        "actual_hours_per_week": "12.5", "pace_percent": "70", "absence_amount": "1", "absence_unit": "days",
        "absence_reason": "Lægebesøg.", "accommodation_respected": "partly",
        "accommodation_note": "Tunge løft i uge 1.", "outcome": "running", "outcome_note": "",
        "sustained_hours_per_week": "12", "report": "", "replaces": "",
    }  # fmt: skip
    data.update(over)
    return data


def test_it_prefills_the_form_from_a_provider_report_and_the_activity(as_alice, case, report):
    activity = report.activity
    page = as_alice.get(reverse("web:plans_activity", args=[case.pk, activity.pk]), **EN).content.decode()
    link = new_url(case, activity, f"?report={report.pk}")
    assert "Record the trial period from this report" in page and link in page
    form = as_alice.get(link, **EN).content.decode()
    assert f'name="start_on" value="{activity.start_on.isoformat()}"' in form
    assert f'name="end_on" value="{report.report_date.isoformat()}"' in form
    assert 'name="planned_hours_per_week" value="15.0"' in form
    assert f'<option value="{report.pk}" selected>' in form
    assert "6 uger på lageret." in form  # the report's actual content, as the job functions tried
    assert "The report of" in form and "Ingen tunge løft." in form  # the report and the profile's needs beside it


def test_it_records_a_period_and_shows_it_in_the_activitys_table(as_alice, case, report):
    activity = report.activity
    response = as_alice.post(new_url(case, activity), form_data(activity, report=str(report.pk)))
    assert response.status_code == 302, response.content.decode()
    period = TrialPeriod.objects.get()
    assert period.report == report and str(period.actual_hours_per_week) == "12.5"
    assert case.events.filter(kind=EventKind.WORK_TRIAL_RECORDED).count() == 1
    page = as_alice.get(reverse("web:plans_activity", args=[case.pk, activity.pk]), **EN).content.decode()
    assert f'id="trial-period-{period.pk}"' in page
    for text in ("Lager og logistik", "15.0 / 12.5", "70 %", "1.0 days", "Partly", "Still running", "1.1"):
        assert text in page, text


def test_it_refuses_bad_input_beside_the_field_and_keeps_it(as_alice, case, report):
    activity = report.activity
    response = as_alice.post(new_url(case, activity), form_data(activity, accommodation_note=""), **EN)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Describe which accommodation needs were not respected" in page and "Lager og logistik" in page
    assert not TrialPeriod.objects.exists()


def test_it_corrects_a_period_from_the_table(as_alice, alice, case, activity):
    period = trial_period_record(
        actor=alice, activity=activity, start_on=activity.start_on, end_on=TODAY(), trade="Lager",
        job_functions="Pakke.", planned_hours_per_week=15, actual_hours_per_week=10, accommodation_respected="yes",
        outcome="running",
    )  # fmt: skip
    page = as_alice.get(reverse("web:plans_activity", args=[case.pk, activity.pk]), **EN).content.decode()
    link = new_url(case, activity, f"?replaces={period.pk}")
    assert link in page
    form = as_alice.get(link, **EN).content.decode()
    assert "Correct a work-trial period" in form and f'name="replaces" value="{period.pk}"' in form
    assert 'name="trade" value="Lager"' in form
    data = form_data(activity, replaces=str(period.pk), trade="Lager og logistik")
    assert as_alice.post(new_url(case, activity), data).status_code == 302
    page = as_alice.get(reverse("web:plans_activity", args=[case.pk, activity.pk]), **EN).content.decode()
    assert "Lager og logistik" in page and "1 earlier record has been corrected" in page
    assert as_alice.get(new_url(case, activity, "?replaces=999999")).status_code == 404


def test_it_answers_404_for_a_report_of_another_activity(as_alice, case, report, make_activity):
    other = make_activity()
    assert as_alice.get(new_url(case, other, f"?report={report.pk}")).status_code == 404


def test_it_lets_carol_read_the_periods_but_record_none(client, carol, alice, case, report):
    activity = report.activity
    trial_period_record(
        actor=alice, activity=activity, start_on=activity.start_on, end_on=TODAY(), trade="Lager",
        job_functions="Pakke.", planned_hours_per_week=15, actual_hours_per_week=10, accommodation_respected="yes",
        outcome="running",
    )  # fmt: skip
    client.login(username="carol", password=PASSWORD)
    page = client.get(reverse("web:plans_activity", args=[case.pk, activity.pk]), **EN).content.decode()
    assert "Lager" in page and new_url(case, activity) not in page
    assert client.get(new_url(case, activity)).status_code == 403
    assert client.post(new_url(case, activity), form_data(activity)).status_code == 403
    assert TrialPeriod.objects.count() == 1
    assert AccessLogEntry.objects.filter(user=carol, case=case, action=AccessAction.CASE).exists()


def test_it_hides_the_form_from_charlie(client, charlie, case, report):
    client.login(username="charlie", password=PASSWORD)
    activity = report.activity
    assert client.get(new_url(case, activity, f"?report={report.pk}")).status_code == 404
    assert client.post(new_url(case, activity), form_data(activity)).status_code == 404
    assert not TrialPeriod.objects.exists()


def test_it_starts_a_new_period_after_the_last_one(as_alice, alice, case, make_activity):
    activity = make_activity(start_on=TODAY() - timedelta(weeks=6))
    trial_period_record(
        actor=alice, activity=activity, start_on=activity.start_on, end_on=activity.start_on + timedelta(days=13),
        trade="Lager", job_functions="Pakke.", planned_hours_per_week=15, actual_hours_per_week=10,
        accommodation_respected="yes", outcome="completed",
    )  # fmt: skip
    form = as_alice.get(new_url(case, activity)).content.decode()
    assert f'name="start_on" value="{(activity.start_on + timedelta(days=14)).isoformat()}"' in form
