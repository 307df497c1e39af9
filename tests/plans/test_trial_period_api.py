"""The work-trial API: record and list the periods of an activity (corrections as new records, the latest counts);
the rules as 400s naming the field, nothing written; need-to-know (Carol 403 on writes, Charlie 404); bad input
as 422 naming the field, never a 500."""

import json

import pytest

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry
from evne.cases.models import EventKind
from evne.plans.models import TrialPeriod

from .conftest import TODAY


def url(case, activity, path=""):
    return f"/api/cases/{case.pk}/activities/{activity.pk}/trial-periods{path}"


def post(client, path, body):
    return client.post(path, json.dumps(body, default=str), content_type="application/json")


@pytest.fixture
def api(client, alice):
    client.force_login(alice)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def body(activity, **over):
    values = {
        "start_on": activity.start_on.isoformat(), "end_on": TODAY().isoformat(), "trade": "Lager og logistik",
        "job_functions": "Plukke varer.", "planned_hours_per_week": "15", "actual_hours_per_week": 11.5,
        "accommodation_respected": "no", "accommodation_note": "Tunge løft i uge 1.", "outcome": "running",
        "pace_percent": 60, "absence_amount": "4", "absence_unit": "hours", "absence_reason": "Lægebesøg.",
        "sustained_hours_per_week": 10,
    }  # fmt: skip
    values.update(over)
    return values


def test_it_records_and_lists_periods_with_their_report_and_weeks(api, case, report):
    activity = report.activity
    response = post(api, url(case, activity), body(activity, report_id=report.pk))
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["weeks"] == "1.1" and created["report_id"] == report.pk and created["replaces_id"] is None
    assert created["accommodation_respected_label"] == "No" and created["outcome_label"] == "Still running"
    assert created["actual_hours_per_week"] == "11.5" and created["pace_percent"] == 60
    assert created["absence_unit"] == "hours" and created["corrected"] is False
    assert [p["id"] for p in api.get(url(case, activity)).json()] == [created["id"]]
    assert case.events.filter(kind=EventKind.WORK_TRIAL_RECORDED).count() == 1
    assert AccessLogEntry.objects.filter(case=case, channel=AccessChannel.API, action=AccessAction.CASE).exists()


def test_it_corrects_a_record_and_lists_the_latest(api, case, activity):
    first = post(api, url(case, activity), body(activity)).json()
    response = post(api, url(case, activity), body(activity, replaces_id=first["id"], actual_hours_per_week=9))
    assert response.status_code == 201
    second = response.json()
    assert second["replaces_id"] == first["id"]
    assert [p["id"] for p in api.get(url(case, activity)).json()] == [second["id"]]
    history = api.get(url(case, activity, "?include_corrected=true")).json()
    assert [(p["id"], p["corrected"]) for p in history] == [(first["id"], True), (second["id"], False)]
    again = post(api, url(case, activity), body(activity, replaces_id=first["id"]))
    assert again.status_code == 400 and again.json()["field"] == "replaces"


@pytest.mark.parametrize(
    ("field", "over"),
    [
        ("end_on", {"end_on": "2020-01-01"}),
        ("planned_hours_per_week", {"planned_hours_per_week": 0}),
        ("actual_hours_per_week", {"actual_hours_per_week": 81}),
        ("pace_percent", {"pace_percent": 150}),
        ("absence_unit", {"absence_unit": None}),
        ("accommodation_note", {"accommodation_note": ""}),
        ("accommodation_respected", {"accommodation_respected": "not_relevant"}),
        ("outcome_note", {"outcome": "ended_other"}),
        ("trade", {"trade": " "}),
        ("report", {"report_id": 999999}),
    ],
)
def test_it_refuses_a_rule_with_400_naming_the_field(api, case, activity, field, over):
    response = post(api, url(case, activity), body(activity, **over))
    assert response.status_code == 400, response.json()
    assert response.json()["field"] == field
    assert not TrialPeriod.objects.exists()


@pytest.mark.parametrize(
    ("field", "over"),
    [
        ("start_on", {"start_on": "15-06-2026"}),
        ("outcome", {"outcome": "failed"}),
        ("accommodation_respected", {"accommodation_respected": "maybe"}),
        ("absence_unit", {"absence_unit": "weeks"}),
        ("pace_percent", {"pace_percent": "lots"}),
        ("trade", {"trade": "x" * 201}),
        ("job_functions", {"job_functions": None}),
        ("salary", {"salary": 1}),
    ],
)
def test_it_refuses_bad_input_with_422_naming_the_field(api, case, activity, field, over):
    response = post(api, url(case, activity), body(activity, **over))
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]
    assert not TrialPeriod.objects.exists()


def test_it_lets_carol_read_but_answers_403_on_a_write(client, carol, case, activity):
    client.force_login(carol)
    assert client.get(url(case, activity)).status_code == 200
    assert post(client, url(case, activity), body(activity)).status_code == 403
    assert not TrialPeriod.objects.exists()


def test_it_answers_404_to_charlie_and_for_an_activity_of_another_case(client, charlie, alice, citizen, case, activity):
    from evne.cases.services import case_open

    client.force_login(charlie)
    assert client.get(url(case, activity)).status_code == 404
    assert post(client, url(case, activity), body(activity)).status_code == 404
    other = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                      help_requested_on=TODAY())  # fmt: skip
    client.force_login(alice)
    assert client.get(url(other, activity)).status_code == 404
    assert not TrialPeriod.objects.exists()
