"""Evidence over the API: consents, requests (prepare, send, answer, cancel), documents with a multipart file,
and the download; the rules as 400s naming the field, stale versions as 409s, strict input as 422s, and
need-to-know (Carol in another team reads but never writes: 403; Charlie in another municipality: 404)."""

from datetime import timedelta

import pytest

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry
from evne.evidence.models import Consent, Document, InformationRequest
from evne.evidence.services import document_register, request_send
from tests.api.conftest import basic

from .conftest import EXE, PDF, PNG, days_ago, request_values, today, upload

BASE = "/api/cases/{case}"


def url(case, tail: str) -> str:
    return BASE.format(case=case.pk) + tail


def post(client, path, body, **extra):
    return client.post(path, body, content_type="application/json", **extra)


@pytest.fixture
def api(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def doc_form(**overrides) -> dict:
    values = {"kind": "lae_265", "title": "LÆ 265", "document_date": days_ago(20).isoformat(),
              "author": "Lægehuset Nord", "received_on": days_ago(10).isoformat(),
              "summary": "Lænderygsmerter; kan ikke løfte over 10 kg."}  # fmt: skip
    values.update(overrides)
    return values


# --- consents -------------------------------------------------------------------------------------------


def test_it_records_and_lists_consents(api, alice, case):
    client = api(alice)
    body = {"purpose": "disclose", "status": "given", "scope": "Afgørelse til egen læge",
            "recipient": "Lægehuset Nord", "given_on": "2026-01-15"}  # fmt: skip
    response = post(client, url(case, "/consents"), body, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 201, response.content
    assert response.json()["expires_on"] == "2027-01-15"
    assert response.json()["purpose_label"] == "Consent to disclose information"
    listed = client.get(url(case, "/consents")).json()
    assert [c["id"] for c in listed] == [response.json()["id"]]


def test_it_answers_400_naming_the_field_for_consent_to_collect_without_guidance(api, alice, case):
    body = {"purpose": "collect", "status": "given", "scope": "Egen læge", "given_on": days_ago(1).isoformat()}
    response = post(api(alice), url(case, "/consents"), body)
    assert response.status_code == 400
    assert response.json()["field"] == "guidance_given"
    assert not Consent.objects.exists()


def test_it_refuses_unknown_fields_and_bad_choices_with_422(api, alice, case):
    body = {"purpose": "collect", "status": "maybe", "scope": "x", "given_on": "2026-01-01", "colour": "blue"}
    response = post(api(alice), url(case, "/consents"), body)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"status", "colour"} <= fields


# --- requests -------------------------------------------------------------------------------------------


def test_it_prepares_sends_and_answers_a_request(api, alice, case, consent):
    client = api(alice)
    created = post(client, url(case, "/requests"), {**request_values(), "consent_id": consent.pk})
    assert created.status_code == 201, created.content
    request = created.json()
    assert request["state"] == "draft" and request["version"] == 1
    base = url(case, f"/requests/{request['id']}")
    sent = post(client, base + "/send", {"version": 1, "sent_on": days_ago(3).isoformat()})
    assert sent.status_code == 200, sent.content
    assert sent.json()["state"] == "sent"
    assert sent.json()["answer_due_on"] == (days_ago(3) + timedelta(days=14)).isoformat()
    answer = {"version": 2, "answered_on": today().isoformat(), "document": {
        "kind": "status_statement", "title": "Statusattest", "document_date": days_ago(1).isoformat(),
        "author": "Lægehuset Nord", "summary": "Resumé af attesten."}}  # fmt: skip
    answered = post(client, base + "/answer", answer)
    assert answered.status_code == 200, answered.content
    assert answered.json()["state"] == "answered"
    assert answered.json()["answer_document_id"] == Document.objects.get().pk
    assert client.get(url(case, "/requests")).json()[0]["state"] == "answered"


def test_it_answers_400_for_an_intrusive_document_without_a_reason(api, alice, case, consent):
    body = {**request_values(document_type="lae_265"), "consent_id": consent.pk}
    response = post(api(alice), url(case, "/requests"), body)
    assert response.status_code == 400
    assert response.json()["field"] == "intrusion_reason"
    assert not InformationRequest.objects.exists()


def test_it_answers_400_without_consent_or_ground_and_accepts_a_ground_with_a_note(api, alice, case):
    client = api(alice)
    response = post(client, url(case, "/requests"), request_values())
    assert response.status_code == 400 and response.json()["field"] == "collection_ground"
    body = request_values(collection_ground="notice_rtl_12_3", notice_given_on=days_ago(20).isoformat(),
                          collection_note="Varsel sendt med 14 dages frist.")  # fmt: skip
    created = post(client, url(case, "/requests"), body)
    assert created.status_code == 201, created.content
    assert created.json()["notice_given_on"] == days_ago(20).isoformat()


def test_it_answers_400_after_a_sufficient_assessment(api, alice, case, consent, sufficient):
    response = post(api(alice), url(case, "/requests"), {**request_values(), "consent_id": consent.pk})
    assert response.status_code == 400
    assert "decision" in response.json()["detail"]


def test_it_answers_409_for_a_stale_version(api, alice, make_request, case):
    request = make_request()
    request_send(actor=alice, request=request, expected_version=1, sent_on=days_ago(2))
    response = post(
        api(alice), url(case, f"/requests/{request.pk}/cancel"), {"version": 1, "reason": "Ikke nødvendig."}
    )
    assert response.status_code == 409
    assert response.json()["changes"]["sent_on"] == {"yours": None, "current": days_ago(2).isoformat()}
    assert InformationRequest.objects.get().cancelled_on is None


def test_it_answers_404_for_a_request_of_another_case(api, alice, make_request, case, citizen):
    from evne.cases.services import case_open

    request = make_request()
    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=days_ago(40))  # fmt: skip
    response = post(api(alice), url(other, f"/requests/{request.pk}/send"), {"version": 1, "sent_on": "2026-01-01"})
    assert response.status_code == 404


# --- documents ------------------------------------------------------------------------------------------


def test_it_registers_a_document_with_a_multipart_file_and_downloads_it(api, alice, case):
    client = api(alice)
    response = client.post(url(case, "/documents"), {**doc_form(), "file": upload("attest.pdf", PNG)})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["content_type"] == "image/png" and body["sensitive"] is True and body["size"] == len(PNG)
    assert body["download_url"] == url(case, f"/documents/{body['id']}/file")
    download = client.get(body["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Cache-Control"] == "no-store"
    assert AccessLogEntry.objects.filter(
        user=alice, action=AccessAction.DOCUMENT, channel=AccessChannel.API, case=case
    ).exists()


def test_it_registers_a_document_without_a_file(api, alice, case):
    response = api(alice).post(url(case, "/documents"), doc_form(kind="employer_statement"))
    assert response.status_code == 201, response.content
    assert response.json()["has_file"] is False and response.json()["download_url"] is None


def test_it_answers_400_for_a_program_named_pdf_and_saves_nothing(api, alice, case):
    response = api(alice).post(url(case, "/documents"), {**doc_form(), "file": upload("attest.pdf", EXE)})
    assert response.status_code == 400
    assert response.json()["field"] == "file"
    assert "PDF, PNG, JPEG, TIFF" in response.json()["detail"]
    assert not Document.objects.exists()


def test_it_answers_400_for_a_document_without_a_summary(api, alice, case):
    response = api(alice).post(url(case, "/documents"), doc_form(summary=""))
    assert response.status_code == 400
    assert response.json()["field"] == "summary"


def test_it_answers_422_for_a_missing_field_in_the_form(api, alice, case):
    values = doc_form()
    del values["received_on"]
    response = api(alice).post(url(case, "/documents"), values)
    assert response.status_code == 422
    assert any(e["field"].endswith("received_on") for e in response.json()["errors"])


def test_it_refuses_an_unknown_field_in_the_form(api, alice, case):
    response = api(alice).post(url(case, "/documents"), {**doc_form(), "colour": "blue"})
    assert response.status_code == 422
    assert not Document.objects.exists()


# --- need-to-know ---------------------------------------------------------------------------------------


def test_it_lets_another_team_read_but_answers_403_to_its_writes(api, alice, carol, case, consent):
    document = document_register(actor=alice, case=case, upload=upload("a.pdf", PDF), **{
        **doc_form(), "document_date": days_ago(20), "received_on": days_ago(10)})  # fmt: skip
    client = api(carol)
    for tail in ("/consents", "/requests", "/documents", f"/documents/{document.pk}/file"):
        assert client.get(url(case, tail)).status_code == 200, tail
    assert post(client, url(case, "/requests"), {**request_values(), "consent_id": consent.pk}).status_code == 403
    assert client.post(url(case, "/documents"), {**doc_form(), "file": upload()}).status_code == 403
    body = {"purpose": "collect", "status": "refused", "scope": "x", "given_on": "2026-01-01", "guidance_given": True}
    assert post(client, url(case, "/consents"), body).status_code == 403
    assert Document.objects.count() == 1 and not InformationRequest.objects.exists()


def test_it_answers_404_to_another_municipality(client, charlie, case, make_request):
    request = make_request()
    for tail in ("/consents", "/requests", "/documents", "/documents/1/file"):
        assert client.get(url(case, tail), **basic("charlie")).status_code == 404
    send = client.post(url(case, f"/requests/{request.pk}/send"), {"version": 1, "sent_on": "2026-01-01"},
                       content_type="application/json", **basic("charlie"))  # fmt: skip
    assert send.status_code == 404
