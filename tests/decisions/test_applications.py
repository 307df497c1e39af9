"""Applications and what became of them: recorded, withdrawn after guidance, answered by a decision (a refusal to
start a case too) — services, timeline, pages and the API."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.decisions import services
from evne.decisions.models import Application, ApplicationWithdrawal
from evne.errors import AccessDenied, DomainError
from tests.api.conftest import basic
from tests.conftest import PASSWORD


def today():
    return timezone.localdate()


def record(alice, case, **overrides):
    values = {"kind": "fortidspension_existing", "applied_on": today() - timedelta(days=20), "channel": "digital",
              "note": "Ansøgning via borger.dk."} | overrides  # fmt: skip
    return services.application_record(actor=alice, case=case, **values)


# --- services ---------------------------------------------------------------------------------------------------


def test_it_records_an_application_with_its_timeline_event(alice, case):
    application = record(alice, case)
    assert application.kind == "fortidspension_existing" and application.channel == "digital"
    assert application.measure == "fortidspension"
    event = case.events.get(kind=EventKind.APPLICATION_RECEIVED)
    assert event.data["application_id"] == application.pk
    assert date_format(application.applied_on, "DATE_FORMAT") in describe(event)  # "26. maj 2026", not ISO


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kind": "pension"}, "kind"),
        ({"kind": "other", "other_text": "  "}, "other_text"),
        ({"applied_on": None}, "applied_on"),
        ({"applied_on": "tomorrow"}, "applied_on"),
        ({"channel": "fax"}, "channel"),
    ],
)
def test_a_bad_application_names_the_field_and_writes_nothing(alice, case, overrides, field):
    if overrides.get("applied_on") == "tomorrow":
        overrides = {"applied_on": today() + timedelta(days=1)}
    with pytest.raises(DomainError) as exc:
        record(alice, case, **overrides)
    assert exc.value.field == field
    assert not Application.objects.exists()
    assert not case.events.filter(kind=EventKind.APPLICATION_RECEIVED).exists()


def test_other_names_what_was_applied_for(alice, case):
    application = record(alice, case, kind="other", other_text="Hjælpemiddel til arbejdspladsen")
    assert application.label == "Hjælpemiddel til arbejdspladsen"
    assert record(alice, case, kind="fleksjob", other_text="ignored").other_text == ""


def test_it_withdraws_an_application_after_guidance_once(alice, case):
    application = record(alice, case)
    withdrawal = services.application_withdraw(
        actor=alice, application=application, withdrawn_on=today(),
        guidance="Vejledt om, at sagen lukkes, og at du kan søge igen; ressourceforløb drøftet.",
    )  # fmt: skip
    assert withdrawal.application == application
    event = case.events.get(kind=EventKind.APPLICATION_WITHDRAWN)
    assert event.data == {"application_id": application.pk, "kind": "fortidspension_existing",
                          "withdrawn_on": today().isoformat()}  # fmt: skip
    with pytest.raises(DomainError) as exc:
        services.application_withdraw(actor=alice, application=application, withdrawn_on=today(), guidance="Igen.")
    assert exc.value.field == "withdrawn_on"
    assert ApplicationWithdrawal.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"guidance": "   "}, "guidance"),
        ({"withdrawn_on": "tomorrow"}, "withdrawn_on"),
        ({"withdrawn_on": "before"}, "withdrawn_on"),
    ],
)
def test_a_withdrawal_without_guidance_or_on_a_bad_day_is_refused(alice, case, overrides, field):
    application = record(alice, case)
    days = {"tomorrow": today() + timedelta(days=1), "before": application.applied_on - timedelta(days=1)}
    values = {"withdrawn_on": today(), "guidance": "Vejledt."} | overrides
    values["withdrawn_on"] = days.get(values["withdrawn_on"], values["withdrawn_on"])
    with pytest.raises(DomainError) as exc:
        services.application_withdraw(actor=alice, application=application, **values)
    assert exc.value.field == field
    assert not ApplicationWithdrawal.objects.exists()
    assert not case.events.filter(kind=EventKind.APPLICATION_WITHDRAWN).exists()


def test_only_writers_of_the_case_record_applications(carol, alice, case):
    with pytest.raises(AccessDenied):
        record(carol, case)
    application = record(alice, case)
    with pytest.raises(AccessDenied):
        services.application_withdraw(actor=carol, application=application, withdrawn_on=today(), guidance="V.")


def test_a_refusal_to_start_a_pension_case_answers_the_application(alice, case):
    application = record(alice, case, kind="fortidspension")
    decision = services.decision_draft(actor=alice, case=case, outcome="refuse_pension_case",
                                       applied_for="Førtidspension.", application_id=application.pk)  # fmt: skip
    assert decision.application == application and decision.subject == "fortidspension"
    assert decision.decision_type == "refusal"
    assert list(application.decisions.all()) == [decision]
    event = case.events.get(kind=EventKind.DECISION_DRAFTED)
    assert event.data["application_id"] == application.pk and event.data["subject"] == "fortidspension"


def test_a_decision_answers_only_an_application_of_its_case_that_stands(alice, case, make_user, citizen):
    from evne.cases.services import case_open

    other_case = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                           help_requested_on=today() - timedelta(days=30))  # fmt: skip
    foreign = record(alice, other_case)
    with pytest.raises(DomainError) as exc:
        services.decision_draft(actor=alice, case=case, outcome="refusal", applied_for="X", application_id=foreign.pk)
    assert exc.value.field == "application_id"
    withdrawn = record(alice, case)
    services.application_withdraw(actor=alice, application=withdrawn, withdrawn_on=today(), guidance="Vejledt.")
    with pytest.raises(DomainError) as exc:
        services.decision_draft(actor=alice, case=case, outcome="refusal", applied_for="X",
                                application_id=withdrawn.pk)  # fmt: skip
    assert exc.value.field == "application_id"
    assert not case.decisions.exists()


# --- pages ------------------------------------------------------------------------------------------------------


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_the_case_page_lists_applications_and_the_page_records_and_withdraws(client, alice, case):
    login(client, alice)
    url = f"/cases/{case.pk}/applications/"
    bad = client.post(url, {"kind": "other", "applied_on": today().isoformat(), "channel": "oral"})
    assert bad.status_code == 422
    assert not Application.objects.exists()
    response = client.post(url, {"kind": "fleksjob", "applied_on": today().isoformat(), "channel": "written"})
    assert response.status_code == 302
    application = Application.objects.get()
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="applications-h"' in page and "Fleksjob" in page
    withdraw = f"/cases/{case.pk}/applications/{application.pk}/withdraw/"
    assert client.post(withdraw, {"withdrawn_on": today().isoformat(), "guidance": ""}).status_code == 422
    response = client.post(withdraw, {"withdrawn_on": today().isoformat(), "guidance": "Vejledt om følgerne."})
    assert response.status_code == 302
    listing = client.get(url).content.decode()
    assert "Vejledt om følgerne." in listing


def test_the_applications_page_keeps_need_to_know(client, alice, carol, charlie, case):
    application = record(alice, case)
    login(client, charlie)
    assert client.get(f"/cases/{case.pk}/applications/").status_code == 404
    client.logout()
    login(client, carol)
    assert client.get(f"/cases/{case.pk}/applications/").status_code == 200
    assert client.post(f"/cases/{case.pk}/applications/{application.pk}/withdraw/",
                       {"withdrawn_on": today().isoformat(), "guidance": "V."}).status_code == 403  # fmt: skip


# --- API --------------------------------------------------------------------------------------------------------


def post(client, url, data, user="alice"):
    return client.post(url, json.dumps(data, default=str), content_type="application/json", **basic(user))


def test_the_api_records_lists_and_withdraws_applications(client, alice, case):
    base = f"/api/cases/{case.pk}/applications"
    response = post(client, base, {"kind": "fleksjob", "applied_on": today().isoformat(), "channel": "digital"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind_label"] and body["withdrawal"] is None and body["decision_numbers"] == []
    withdrawn = post(client, f"{base}/{body['id']}/withdrawal",
                     {"withdrawn_on": today().isoformat(), "guidance": "Vejledt."})  # fmt: skip
    assert withdrawn.status_code == 201, withdrawn.content
    assert withdrawn.json()["withdrawal"]["guidance"] == "Vejledt."
    listed = client.get(base, **basic("alice")).json()
    assert [a["id"] for a in listed] == [body["id"]]


def test_the_api_refuses_bad_applications_naming_the_field(client, alice, case):
    base = f"/api/cases/{case.pk}/applications"
    unknown = post(client, base, {"kind": "pension", "applied_on": today().isoformat(), "channel": "oral"})
    assert unknown.status_code == 422
    assert [e["field"] for e in unknown.json()["errors"]] == ["kind"]
    other = post(client, base, {"kind": "other", "applied_on": today().isoformat(), "channel": "oral"})
    assert other.status_code == 400 and other.json()["field"] == "other_text"
    created = post(client, base, {"kind": "fleksjob", "applied_on": today().isoformat(), "channel": "oral"}).json()
    no_guidance = post(client, f"{base}/{created['id']}/withdrawal", {"withdrawn_on": today().isoformat()})
    assert no_guidance.status_code == 422
    assert [e["field"] for e in no_guidance.json()["errors"]] == ["guidance"]
    assert not ApplicationWithdrawal.objects.exists()


def test_the_api_keeps_need_to_know_on_applications(client, alice, carol, charlie, case):
    application = record(alice, case)
    base = f"/api/cases/{case.pk}/applications"
    body = {"kind": "fleksjob", "applied_on": today().isoformat(), "channel": "oral"}
    assert client.get(base, **basic("charlie")).status_code == 404
    assert post(client, base, body, user="charlie").status_code == 404
    assert client.get(base, **basic("carol")).status_code == 200
    assert post(client, base, body, user="carol").status_code == 403
    withdrawal = {"withdrawn_on": today().isoformat(), "guidance": "V."}
    assert post(client, f"{base}/{application.pk}/withdrawal", withdrawal, user="carol").status_code == 403
    assert post(client, f"{base}/999999/withdrawal", {"withdrawn_on": today().isoformat(), "guidance": "V."}
                ).status_code == 404  # fmt: skip
    assert Application.objects.count() == 1


def test_the_new_decision_page_answers_an_application_and_takes_its_subject(client, alice, case):
    application = record(alice, case, kind="fleksjob")
    login(client, alice)
    url = f"/cases/{case.pk}/decisions/new/"
    assert 'name="application_id"' in client.get(url).content.decode()
    unanswered = client.post(url, {"outcome": "refusal", "applied_for": "Fleksjob.", "appealable": "on"})
    assert unanswered.status_code == 422  # a refusal needs its subject or its application
    response = client.post(url, {"outcome": "refusal", "applied_for": "Fleksjob.", "appealable": "on",
                                 "application_id": application.pk})  # fmt: skip
    assert response.status_code == 302
    decision = case.decisions.get()
    assert decision.application == application and decision.subject == "fleksjob"
    assert "decision-subject" in client.get(f"/cases/{case.pk}/decisions/1/").content.decode()
