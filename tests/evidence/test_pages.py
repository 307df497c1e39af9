"""The evidence pages through the web UI: the case-page section, consents, requests (prepare, send, answer,
cancel), documents with upload, and the download (logged, attachment, never cached); need-to-know."""

import re
from datetime import date

import pytest
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.evidence.models import Consent, Document, InformationRequest
from evne.evidence.services import document_register, request_send

from .conftest import EXE, JPEG, PDF, PNG, TIFF, days_ago, request_values, today, upload

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def web(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def doc_values(**overrides):
    values = {"kind": "lae_265", "title": "LÆ 265 fra egen læge", "document_date": days_ago(20).isoformat(),
              "author": "Lægehuset Nord", "received_on": days_ago(10).isoformat(),
              "summary": "Lænderygsmerter; kan ikke løfte over 10 kg."}  # fmt: skip
    values.update(overrides)
    return values


def test_it_shows_the_section_on_the_case_page_with_overdue_requests_and_medical_age(web, alice, case, make_request):
    request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(30),
                 answer_due_on=days_ago(3))  # fmt: skip
    document_register(actor=alice, case=case, kind="lae_265", title="LÆ 265", document_date=days_ago(220),
                      author="Lægehuset Nord", received_on=days_ago(200), summary="Resumé.")  # fmt: skip
    page = web(alice).get(reverse("web:case_detail", args=[case.pk]), **EN).content.decode()
    assert "Information and documents" in page
    assert "answer overdue: it was due on" in page and 'class="error"' in page
    assert "months old" in page
    assert "Helbredsoplysninger fra egen læge" in page  # the consent in force
    assert reverse("web:evidence_requests", args=[case.pk]) in page


def test_it_shows_a_notice_when_consent_is_refused(web, alice, case):
    client = web(alice)
    response = client.post(reverse("web:evidence_consents", args=[case.pk]), {
        "purpose": "collect", "status": "refused", "scope": "Helbredsoplysninger", "given_on": days_ago(1).isoformat(),
        "written": "on", "guidance_given": "on",
    })  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("web:case_detail", args=[case.pk]), **EN).content.decode()
    assert "decided on the information available" in page


def test_it_records_a_consent_and_refuses_one_without_guidance(web, alice, case):
    client = web(alice)
    url = reverse("web:evidence_consents", args=[case.pk])
    data = {"purpose": "collect", "status": "given", "scope": "Oplysninger fra egen læge",
            "given_on": days_ago(1).isoformat(), "written": "on"}  # fmt: skip
    response = client.post(url, data, **EN)
    assert response.status_code == 422
    assert "consequences of not consenting" in response.content.decode()
    assert not Consent.objects.exists()
    assert client.post(url, {**data, "guidance_given": "on"}).status_code == 302
    assert "Oplysninger fra egen læge" in client.get(url).content.decode()


def test_it_prepares_sends_and_cancels_a_request(web, alice, case, consent):
    client = web(alice)
    url = reverse("web:evidence_request_create", args=[case.pk])
    assert client.get(url).status_code == 200
    bad = client.post(url, {**request_values(questions=""), "consent": consent.pk}, **EN)
    assert bad.status_code == 422
    assert client.post(url, {**request_values(), "consent": consent.pk}).status_code == 302
    request = InformationRequest.objects.get()
    send = reverse("web:evidence_request_send", args=[case.pk, request.pk])
    prefix = f"send-{request.pk}"
    client.post(send, {f"{prefix}-version": 1, f"{prefix}-sent_on": today().isoformat()})
    request.refresh_from_db()
    assert request.sent_on == today() and request.version == 2
    stale = client.post(send, {f"{prefix}-version": 1, f"{prefix}-sent_on": today().isoformat()}, follow=True, **EN)
    assert "Someone else changed the request" in stale.content.decode()
    cancel = reverse("web:evidence_request_cancel", args=[case.pk, request.pk])
    client.post(cancel, {f"cancel-{request.pk}-version": 2, f"cancel-{request.pk}-reason": "Ikke nødvendig."})
    request.refresh_from_db()
    assert request.cancelled_on == today()


def test_it_refuses_a_new_request_after_a_sufficient_assessment(web, alice, case, consent, sufficient):
    client = web(alice)
    url = reverse("web:evidence_request_create", args=[case.pk])
    assert "a decision is due" in client.get(url, **EN).content.decode()
    response = client.post(url, {**request_values(), "consent": consent.pk}, **EN)
    assert response.status_code == 422
    assert not InformationRequest.objects.exists()


def test_it_records_an_answer_with_an_uploaded_file(web, alice, case, make_request):
    request = request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(5))
    client = web(alice)
    url = reverse("web:evidence_request_answer", args=[case.pk, request.pk])
    assert client.get(url).status_code == 200
    data = {"version": 2, "answered_on": today().isoformat(), "kind": "status_statement", "title": "Statusattest",
            "document_date": days_ago(1).isoformat(), "author": "Lægehuset Nord", "summary": "Resumé.",
            "file": upload("svar.pdf", PNG)}  # fmt: skip
    assert client.post(url, data).status_code == 302
    document = Document.objects.get()
    assert document.request_id == request.pk and document.content_type == "image/png"


def test_it_uploads_a_document_and_refuses_a_program_keeping_the_input(web, alice, case):
    client = web(alice)
    url = reverse("web:evidence_documents", args=[case.pk])
    response = client.post(url, {**doc_values(), "file": upload("attest.pdf", EXE)}, **EN)
    assert response.status_code == 422
    page = response.content.decode()
    assert "PDF, PNG, JPEG, TIFF" in page and "Lænderygsmerter" in page
    assert not Document.objects.exists()
    assert client.post(url, {**doc_values(), "file": upload("attest.pdf", PNG)}).status_code == 302
    assert Document.objects.get().content_type == "image/png"


def test_it_downloads_a_file_as_an_uncached_attachment_and_logs_it(web, alice, carol, case):
    document = document_register(actor=alice, case=case, upload=upload("attest.pdf", PNG), **{
        **doc_values(), "document_date": days_ago(20), "received_on": days_ago(10)})  # fmt: skip
    url = reverse("web:evidence_document_download", args=[case.pk, document.pk])
    response = web(carol).get(url)  # carol reads cases of her municipality
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "image/png"
    assert AccessLogEntry.objects.filter(user=carol, case=case, action=AccessAction.DOCUMENT).count() == 1


@pytest.mark.parametrize(
    ("name", "content", "offered"),
    [
        ("scan.pdf", PNG, "scan.png"),  # the name said PDF; the content is PNG: it downloads as what it is
        ("attest.pdf", PDF, "attest.pdf"),
        ("foto.jpeg", JPEG, "foto.jpeg"),
        ("uden endelse", TIFF, "uden endelse.tif"),
    ],
)
def test_it_downloads_a_file_with_the_extension_of_its_content(web, alice, case, name, content, offered):
    document = document_register(actor=alice, case=case, upload=upload(name, content), **{
        **doc_values(), "document_date": days_ago(20), "received_on": days_ago(10)})  # fmt: skip

    response = web(alice).get(reverse("web:evidence_document_download", args=[case.pk, document.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{offered}"'
    assert document.original_filename == name  # the name the citizen's file had is kept as it was


def test_it_answers_404_for_a_document_without_a_file_or_of_another_case(web, alice, case, citizen):
    from evne.cases.services import case_open

    document = document_register(actor=alice, case=case, **{
        **doc_values(), "document_date": days_ago(20), "received_on": days_ago(10)})  # fmt: skip
    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=date(2026, 1, 5))  # fmt: skip
    client = web(alice)
    assert client.get(reverse("web:evidence_document_download", args=[case.pk, document.pk])).status_code == 404
    assert client.get(reverse("web:evidence_document_download", args=[other.pk, document.pk])).status_code == 404


def test_it_lets_another_team_read_but_not_write_and_hides_the_case_from_another_municipality(
    web, alice, carol, charlie, case, consent
):
    client = web(carol)
    for name in ("evidence_consents", "evidence_requests", "evidence_documents"):
        assert client.get(reverse(f"web:{name}", args=[case.pk])).status_code == 200
    assert client.get(reverse("web:evidence_request_create", args=[case.pk])).status_code == 403
    assert client.post(reverse("web:evidence_consents", args=[case.pk]), {}).status_code == 403
    assert client.post(reverse("web:evidence_documents", args=[case.pk]), doc_values()).status_code == 403
    assert not Document.objects.exists()
    client = web(charlie)
    for name in ("evidence_consents", "evidence_requests", "evidence_documents", "evidence_request_create"):
        assert client.get(reverse(f"web:{name}", args=[case.pk])).status_code == 404


def test_it_renders_the_pages_in_danish_without_errors(web, alice, case, make_request):
    client = web(alice)
    make_request()
    for name in ("evidence_consents", "evidence_requests", "evidence_documents", "evidence_request_create"):
        assert client.get(reverse(f"web:{name}", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="da").status_code == 200


def test_it_prefills_the_answering_document_from_the_request(web, alice, case, make_request):
    request = request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(5))
    client = web(alice)
    client.cookies["django_language"] = "da"  # the language the user chose in the menu (pages ignore the browser's)
    page = client.get(reverse("web:evidence_request_answer", args=[case.pk, request.pk])).content.decode()
    assert re.search(r'<option value="status_statement"[^>]*selected', page)
    assert re.search(r'name="title" value="[^"]+ fra Lægehuset Nord"', page)
    assert f'name="document_date" value="{today().isoformat()}"' in page
    assert re.search(r'name="sensitive"[^>]*checked', page)  # a medical document holds health information


def test_it_does_not_mark_an_employers_answer_as_health_information(web, alice, case, make_request):
    request = request_send(actor=alice, request=make_request(document_type="employer_statement",
                                                             recipient_kind="employer", recipient_name="Lagerhuset"),
                           expected_version=1, sent_on=days_ago(5))  # fmt: skip
    page = web(alice).get(reverse("web:evidence_request_answer", args=[case.pk, request.pk])).content.decode()
    assert not re.search(r'name="sensitive"[^>]*checked', page)
    assert re.search(r'<option value="employer_statement"[^>]*selected', page)
