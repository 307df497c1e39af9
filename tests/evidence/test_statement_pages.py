"""The statement pages through the web UI: the conclusions form beside the document (prefilled from the request
it answers, with treatment rows), the document's page, the compact line on the evidence pages, the treatment
history with its status form, and need-to-know."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evne.accounts.models import AccessLogEntry
from evne.evidence.models import StatementConclusions, Treatment, TreatmentStatus
from evne.evidence.services import document_register, request_answer, request_send
from evne.evidence.statements import statement_record, treatment_record

from .conftest import days_ago

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def until() -> date:
    """A temporary prognosis's end: a year after the (frozen) day the test runs."""
    return timezone.localdate() + timedelta(days=365)


@pytest.fixture
def web(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def answered(alice, case, make_request):
    """A specialist statement that answers a request to a specialist."""
    request = make_request(recipient_kind="specialist", recipient_name="Speciallæge Hansen",
                           questions="Hvad er prognosen for borgerens rygsygdom?")  # fmt: skip
    request_send(actor=alice, request=request, expected_version=1, sent_on=days_ago(30))
    request_answer(actor=alice, request=request, expected_version=2, answered_on=days_ago(10), document={
        "kind": "medical_certificate", "title": "Erklæring fra Hansen", "document_date": days_ago(12),
        "author": "Speciallæge Hansen", "summary": "Diskusprolaps; prognosen er god."})  # fmt: skip
    return case.documents.get()


@pytest.fixture
def gp_document(alice, case):
    return document_register(actor=alice, case=case, kind="lae_265", title="LÆ 265", document_date=days_ago(40),
                             author="Lægehuset Nord", received_on=days_ago(35), summary="Rygsmerter.")  # fmt: skip


def form_values(**overrides) -> dict:
    values = {
        "expected_number": "0", "author_role": "specialist", "stated_on": days_ago(12).isoformat(),
        "examined_on": days_ago(14).isoformat(), "conditions": "Diskusprolaps", "icd10_code": "M51.1",
        "prognosis": "temporary", "prognosis_until": until().isoformat(), "hours_per_week": "15",
        "restrictions": "Ingen tunge løft.", "accommodation_needs": "Hæve-sænkebord.", "development_view": "yes",
        "development_quote": "Arbejdsevnen kan øges gradvist.", "work_ability_view": "reduced",
        "agreement": "not_stated",
        "treatments-TOTAL_FORMS": "2", "treatments-INITIAL_FORMS": "0",
        "treatments-MIN_NUM_FORMS": "0", "treatments-MAX_NUM_FORMS": "20",
        "treatments-0-description": "Genoptræning hos fysioterapeut", "treatments-0-expected_effect": "work_ability",
        "treatments-0-status": "planned", "treatments-1-status": "planned",
    }  # fmt: skip
    values.update(overrides)
    return values


def test_it_prefills_the_form_from_the_request_and_shows_its_questions(web, alice, case, answered):
    page = web(alice).get(reverse("web:evidence_conclusions", args=[case.pk, answered.pk]), **EN).content.decode()
    assert "Hvad er prognosen for borgerens rygsygdom?" in page
    # The request went to a specialist: the author's role starts there, not at the kind's (a certificate).
    assert '<option value="specialist" selected>' in page
    assert f'value="{days_ago(12).isoformat()}"' in page  # the statement's date is the document's


def test_it_prefills_the_role_from_the_kind_without_a_request(web, alice, case, gp_document):
    page = web(alice).get(reverse("web:evidence_conclusions", args=[case.pk, gp_document.pk]), **EN).content.decode()
    assert '<option value="gp" selected>' in page


def test_it_records_the_conclusions_with_a_treatment_and_shows_them(web, alice, case, answered):
    client = web(alice)
    response = client.post(reverse("web:evidence_conclusions", args=[case.pk, answered.pk]), form_values())
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == reverse("web:evidence_document", args=[case.pk, answered.pk])
    row = StatementConclusions.objects.get()
    assert row.icd10_code == "M51.1" and row.prognosis_until == until()
    treatment = Treatment.objects.get()  # the empty second row was left out
    assert treatment.document == answered and treatment.description == "Genoptræning hos fysioterapeut"
    page = client.get(response["Location"], **EN).content.decode()
    assert f"Temporary until {until():%d-%m-%Y}" in page and "Diskusprolaps" in page
    assert "Genoptræning hos fysioterapeut" in page
    for name in ("evidence_documents", "case_detail"):
        page = client.get(reverse(f"web:{name}", args=[case.pk]), **EN).content.decode()
        assert f"temporary until {until():%d-%m-%Y}" in page and "15 hours a week" in page, name


def test_it_adds_treatment_rows_without_saving(web, alice, case, answered):
    response = web(alice).post(
        reverse("web:evidence_conclusions", args=[case.pk, answered.pk]), {**form_values(), "more": "1"}, **EN
    )
    assert response.status_code == 200
    assert 'name="treatments-3-description"' in response.content.decode()
    assert not StatementConclusions.objects.exists()


def test_it_keeps_the_input_and_names_the_field_on_a_refusal(web, alice, case, answered):
    response = web(alice).post(
        reverse("web:evidence_conclusions", args=[case.pk, answered.pk]),
        form_values(**{"prognosis_until": "", "treatments-1-description": "Smertestillende",
                       "treatments-1-status": "declined"}),
        **EN,
    )  # fmt: skip
    assert response.status_code == 422
    assert "Enter a date." in response.content.decode()
    assert "Diskusprolaps" in response.content.decode()
    assert not StatementConclusions.objects.exists() and not Treatment.objects.exists()
    # With the date, the declined row without a reason is refused in its own row.
    response = web(alice).post(
        reverse("web:evidence_conclusions", args=[case.pk, answered.pk]),
        form_values(**{"treatments-1-description": "Smertestillende", "treatments-1-status": "declined",
                       "treatments-1-expected_effect": "quality_of_life"}),
        **EN,
    )  # fmt: skip
    assert response.status_code == 422
    assert "Give the reason why the treatment was declined or not possible." in response.content.decode()
    assert not StatementConclusions.objects.exists() and not Treatment.objects.exists()


def test_it_refuses_a_stale_revision(web, alice, bob, case, answered):
    statement_record(actor=bob, document=answered, author_role="specialist", stated_on=days_ago(12))
    response = web(alice).post(reverse("web:evidence_conclusions", args=[case.pk, answered.pk]), form_values(), **EN)
    assert response.status_code == 409
    assert "Someone else recorded conclusions" in response.content.decode()
    assert StatementConclusions.objects.count() == 1


def test_it_shows_the_treatment_history_and_records_a_status(web, alice, case):
    treatment = treatment_record(actor=alice, case=case, description="Smerteklinik", source="plan",
                                 recommended_by="Sagsbehandler", recommended_on=days_ago(60),
                                 expected_effect="work_ability")  # fmt: skip
    client = web(alice)
    url = reverse("web:evidence_treatments", args=[case.pk])
    assert url in client.get(reverse("web:case_detail", args=[case.pk])).content.decode()
    before = AccessLogEntry.objects.filter(case=case).count()
    page = client.get(url, **EN).content.decode()
    assert AccessLogEntry.objects.filter(case=case).count() == before + 1
    assert "Smerteklinik" in page and "On the work ability" in page and "Planned" in page
    status_url = reverse("web:evidence_treatment_status", args=[case.pk, treatment.pk])
    p = f"status-{treatment.pk}-"
    response = client.post(status_url, {p + "expected_number": "1", p + "status": "not_possible",
                                        p + "status_on": days_ago(1).isoformat()}, **EN)  # fmt: skip
    assert response.status_code == 302 and TreatmentStatus.objects.count() == 1
    response = client.post(status_url, {p + "expected_number": "1", p + "status": "completed",
                                        p + "status_on": days_ago(1).isoformat()}, follow=True, **EN)  # fmt: skip
    assert TreatmentStatus.objects.count() == 2
    assert "Completed" in response.content.decode()


def test_it_records_a_treatment_on_its_own_from_the_page(web, alice, case, gp_document):
    response = web(alice).post(reverse("web:evidence_treatments", args=[case.pk]), {
        "description": "Samtaleforløb hos psykolog", "source": "statement", "document_id": str(gp_document.pk),
        "recommended_on": days_ago(30).isoformat(), "expected_effect": "unclear", "status": "planned",
    })  # fmt: skip
    assert response.status_code == 302
    assert Treatment.objects.get().document == gp_document
    response = web(alice).post(reverse("web:evidence_treatments", args=[case.pk]), {
        "description": "Fysioterapi", "source": "other", "recommended_on": days_ago(30).isoformat(),
        "expected_effect": "unclear", "status": "planned",
    }, **{"HTTP_ACCEPT_LANGUAGE": "en"})  # fmt: skip
    assert response.status_code == 422 and Treatment.objects.count() == 1
    assert "Recommended by (role or name) must be filled in." in response.content.decode()


def test_it_lets_another_team_read_and_hides_the_pages_from_another_municipality(
    web, alice, carol, charlie, case, answered
):
    client = web(carol)
    assert client.get(reverse("web:evidence_document", args=[case.pk, answered.pk])).status_code == 200
    assert client.get(reverse("web:evidence_treatments", args=[case.pk])).status_code == 200
    assert client.get(reverse("web:evidence_conclusions", args=[case.pk, answered.pk])).status_code == 403
    assert client.post(reverse("web:evidence_treatments", args=[case.pk]), {}).status_code == 403
    client = web(charlie)
    for name, args in (("evidence_document", [case.pk, answered.pk]), ("evidence_conclusions", [case.pk, answered.pk]),
                       ("evidence_treatments", [case.pk])):  # fmt: skip
        assert client.get(reverse(f"web:{name}", args=args)).status_code == 404
    assert client.post(reverse("web:evidence_treatment_status", args=[case.pk, 1]), {}).status_code == 404


def test_it_answers_404_for_a_document_of_another_case(web, alice, citizen, case, answered):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=date(2026, 1, 5))  # fmt: skip
    client = web(alice)
    assert client.get(reverse("web:evidence_document", args=[other.pk, answered.pk])).status_code == 404
    assert client.get(reverse("web:evidence_conclusions", args=[other.pk, answered.pk])).status_code == 404


def test_it_renders_the_pages_in_danish_without_errors(web, alice, case, answered):
    statement_record(actor=alice, document=answered, author_role="specialist", stated_on=days_ago(12),
                     prognosis="permanent", treatments=[{"description": "Fysioterapi",
                                                         "expected_effect": "work_ability"}])  # fmt: skip
    client = web(alice)
    da = {"HTTP_ACCEPT_LANGUAGE": "da"}
    for name, args in (("evidence_document", [case.pk, answered.pk]), ("evidence_conclusions", [case.pk, answered.pk]),
                       ("evidence_treatments", [case.pk]), ("evidence_documents", [case.pk])):  # fmt: skip
        response = client.get(reverse(f"web:{name}", args=args), **da)
        assert response.status_code == 200, name


def test_it_starts_a_revision_from_the_latest_conclusions_and_lists_its_treatments(web, alice, case, answered):
    treatments = [{"description": "Fysioterapi", "expected_effect": "unclear"}]
    statement_record(actor=alice, document=answered, author_role="hospital", stated_on=days_ago(12),
                     icd10_code="M51.1", treatments=treatments)  # fmt: skip
    page = web(alice).get(reverse("web:evidence_conclusions", args=[case.pk, answered.pk]), **EN).content.decode()
    assert '<option value="hospital" selected>' in page and 'value="M51.1"' in page
    assert 'name="expected_number" value="1"' in page and 'name="reason"' in page
    assert 'id="recorded-treatments"' in page and "Fysioterapi" in page
