"""The delay notice and the request for written reasons through the API: the same services as the pages, JSON
errors naming the field, versions on the request, the access gate."""

import json
from datetime import date, timedelta

from evne.cases.models import EventKind
from evne.decisions.models import DelayNotice, ReasonsRequest
from tests.api.conftest import basic

from .conftest import pdf_text

TODAY = date.today


def post(client, url, data, user="alice"):
    return client.post(url, json.dumps(data, default=str), content_type="application/json", **basic(user))


def test_a_delay_notice_is_sent_stored_and_listed(client, alice, case):
    url = f"/api/cases/{case.pk}/delay-notices"
    response = post(client, url, {"sent_on": TODAY(), "expected_on": TODAY() + timedelta(days=30),
                                  "reason": "Vi venter på en speciallægeerklæring."})  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["expected_on"] == (TODAY() + timedelta(days=30)).isoformat() and body["letter_id"]
    notice = DelayNotice.objects.get(pk=body["id"])
    assert "Vi venter på en speciallægeerklæring." in pdf_text(notice.letter)
    assert case.events.filter(kind=EventKind.DELAY_NOTICE_SENT).count() == 1

    listed = client.get(url, **basic("alice"))
    assert listed.status_code == 200 and [n["id"] for n in listed.json()] == [body["id"]]


def test_a_delay_notice_with_bad_input_is_refused_naming_the_field_and_writes_nothing(client, alice, case):
    url = f"/api/cases/{case.pk}/delay-notices"
    response = post(client, url, {"sent_on": TODAY(), "expected_on": TODAY(), "reason": "Travlt."})
    assert response.status_code == 400 and response.json()["field"] == "expected_on"
    response = post(client, url, {"sent_on": TODAY() + timedelta(days=1), "expected_on": TODAY() + timedelta(days=9),
                                  "reason": "Travlt."})  # fmt: skip
    assert response.status_code == 400 and response.json()["field"] == "sent_on"
    response = post(client, url, {"sent_on": TODAY(), "expected_on": "31-12-2026", "reason": "Travlt."})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "expected_on"
    response = post(client, url, {"sent_on": TODAY(), "expected_on": TODAY() + timedelta(days=9), "reason": " "})
    assert response.status_code == 400 and response.json()["field"] == "reason"
    assert not DelayNotice.objects.exists() and not case.documents.exists()


def test_written_reasons_are_requested_and_answered_with_a_version(client, alice, case):
    url = f"/api/cases/{case.pk}/reasons-requests"
    response = post(client, url, {"decision_notified_on": TODAY() - timedelta(days=3),
                                  "decision_summary": "Afslag på befordring.", "requested_on": TODAY()})  # fmt: skip
    assert response.status_code == 201, response.content
    request = response.json()
    assert request["version"] == 1 and request["answered_on"] is None
    assert request["due_on"] == (TODAY() + timedelta(days=14)).isoformat()

    answer = {"answered_on": TODAY(), "reasons": "Der er offentlig transport hele vejen.",
              "legal_basis": "Lov om aktiv beskæftigelsesindsats § 82."}  # fmt: skip
    response = post(client, f"{url}/{request['id']}/answer", {"version": 1, **answer})
    assert response.status_code == 200, response.content
    answered = response.json()
    assert answered["version"] == 2 and answered["answered_on"] == TODAY().isoformat() and answered["letter_id"]
    letter = pdf_text(ReasonsRequest.objects.get(pk=request["id"]).letter)
    assert "Der er offentlig transport hele vejen." in letter and "Klagevejledning" in letter

    stale = {**answer, "version": 1, "answered_on": TODAY() - timedelta(days=1)}
    response = post(client, f"{url}/{request['id']}/answer", stale)
    assert response.status_code == 409
    assert response.json()["changes"]["answered_on"] == {"yours": stale["answered_on"].isoformat(),
                                                         "current": TODAY().isoformat()}  # fmt: skip
    response = post(client, f"{url}/{request['id']}/answer", {"version": 2, **answer})
    assert response.status_code == 400 and response.json()["field"] == "answered_on"
    assert [r["id"] for r in client.get(url, **basic("alice")).json()] == [request["id"]]


def test_a_late_request_or_an_answer_before_the_request_is_refused_naming_the_field(client, alice, case):
    url = f"/api/cases/{case.pk}/reasons-requests"
    response = post(client, url, {"decision_notified_on": TODAY() - timedelta(days=30),
                                  "decision_summary": "Afslag.", "requested_on": TODAY()})  # fmt: skip
    assert response.status_code == 400 and response.json()["field"] == "requested_on"
    response = post(client, url, {"decision_notified_on": TODAY(), "decision_summary": "Afslag.",
                                  "requested_on": TODAY(), "extra": 1})  # fmt: skip
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "extra"
    assert not ReasonsRequest.objects.exists()

    created = post(client, url, {"decision_notified_on": TODAY() - timedelta(days=5), "decision_summary": "Afslag.",
                                 "requested_on": TODAY() - timedelta(days=2)}).json()  # fmt: skip
    response = post(client, f"{url}/{created['id']}/answer", {
        "version": 1, "answered_on": TODAY() - timedelta(days=3), "reasons": "R.", "legal_basis": "L."})  # fmt: skip
    assert response.status_code == 400 and response.json()["field"] == "answered_on"
    response = post(client, f"{url}/{created['id']}/answer",
                    {"version": 1, "answered_on": TODAY(), "reasons": "R.", "legal_basis": ""})  # fmt: skip
    assert response.status_code == 400 and response.json()["field"] == "legal_basis"
    assert ReasonsRequest.objects.get().answered_on is None and not case.documents.exists()


def test_another_municipality_gets_404_and_another_team_cannot_write(client, alice, carol, charlie, case):
    created = post(client, f"/api/cases/{case.pk}/reasons-requests", {
        "decision_notified_on": TODAY(), "decision_summary": "Afslag.", "requested_on": TODAY()}).json()  # fmt: skip
    notice = {"sent_on": TODAY(), "expected_on": TODAY() + timedelta(days=9), "reason": "Travlt."}
    answer = {"version": 1, "answered_on": TODAY(), "reasons": "R.", "legal_basis": "L."}
    for path in ("delay-notices", "reasons-requests"):
        assert client.get(f"/api/cases/{case.pk}/{path}", **basic("charlie")).status_code == 404
        assert client.get(f"/api/cases/{case.pk}/{path}", **basic("carol")).status_code == 200
    assert post(client, f"/api/cases/{case.pk}/delay-notices", notice, user="charlie").status_code == 404
    assert post(client, f"/api/cases/{case.pk}/delay-notices", notice, user="carol").status_code == 403
    answer_url = f"/api/cases/{case.pk}/reasons-requests/{created['id']}/answer"
    assert post(client, answer_url, answer, user="charlie").status_code == 404
    assert post(client, answer_url, answer, user="carol").status_code == 403
    assert post(client, f"/api/cases/{case.pk}/reasons-requests/999999/answer", answer).status_code == 404
    assert not DelayNotice.objects.exists() and ReasonsRequest.objects.get().answered_on is None
