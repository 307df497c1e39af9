"""The work-ability assessment pages: the case-page section, the list, the form with its job-function rows and
document checkboxes, the detail page with the exact versions and documents, and need-to-know."""

import pytest
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.assessments.models import WorkAbilityAssessment
from evne.cases.models import CaseStatus

from ..conftest import PASSWORD
from .conftest import fact

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _english_pages(client, settings):
    """These tests read the pages in English, as a user who chose English in the language menu (the cookie):
    the browser's Accept-Language no longer switches a page (issue 13)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


STOP = "no further information is obtained, and a decision must be made"


def form_post(**fields) -> dict:
    data = {
        "assessed_on": "2026-04-01",
        "actual_resources": "12 års erfaring fra lager.",
        "development_possibilities": "Kortere opkvalificering i lagerstyring.",
        "barrier_reduction": "Skånehensyn: ingen løft over 10 kg.",
        "jobs-TOTAL_FORMS": "3", "jobs-INITIAL_FORMS": "0", "jobs-MIN_NUM_FORMS": "0", "jobs-MAX_NUM_FORMS": "50",
        "jobs-0-text": "Lagermedarbejder med let truckkørsel", "jobs-0-can_meet": "yes", "jobs-0-note": "",
        "restitution": "Restituerer efter en arbejdsdag.",
        "conclusion": "can_be_improved",
        "reasons": "Arbejdsevnen kan forbedres med opkvalificering.",
        "citizen_view": "Borgeren vil gerne på lager.",
    }  # fmt: skip
    data.update(fields)
    return data


def login(client, who="alice"):
    client.login(username=who, password=PASSWORD)


def test_it_shows_the_section_on_the_case_page_with_a_link_to_a_new_assessment(client, alice, case, assessed):
    login(client)
    page = client.get(reverse("web:case_detail", args=[case.pk]), **EN).content.decode()
    assert "No work-ability assessment yet." in page
    assert reverse("web:assessments_create", args=[case.pk]) in page
    assert "not been presented to the citizen" in page


def test_it_records_an_assessment_from_the_form(client, alice, case, assessed, document):
    doc = document(case)
    login(client)
    form = client.get(reverse("web:assessments_create", args=[case.pk]), **EN).content.decode()
    assert "Statusattest fra egen læge" in form and 'name="jobs-0-text"' in form
    response = client.post(reverse("web:assessments_create", args=[case.pk]), form_post(document_ids=[doc.pk]), **EN)
    assert response.status_code == 302
    assessment = WorkAbilityAssessment.objects.get()
    assert response["Location"] == reverse("web:assessments_detail", args=[case.pk, 1])
    assert assessment.document_ids == [doc.pk]
    assert assessment.job_functions == [{"text": "Lagermedarbejder med let truckkørsel", "can_meet": "yes", "note": ""}]
    assert assessment.profile_version_ids == [assessed.pk]


def test_it_keeps_the_input_and_shows_the_rule_when_refused(client, alice, case, assessed):
    login(client)
    data = form_post(conclusion="flex_job_level")
    response = client.post(reverse("web:assessments_create", args=[case.pk]), data, **EN)
    assert response.status_code == 422
    page = response.content.decode()
    assert "possibilities for development are exhausted" in page and "Lagermedarbejder med let truckkørsel" in page
    assert not WorkAbilityAssessment.objects.exists()


def test_it_shows_a_missing_job_function_next_to_the_rows(client, alice, case, assessed):
    login(client)
    response = client.post(
        reverse("web:assessments_create", args=[case.pk]), form_post(**{"jobs-0-text": "", "jobs-0-can_meet": ""}), **EN
    )
    assert response.status_code == 422
    assert "at least one concrete job function" in response.content.decode()


def test_it_points_at_the_job_function_row_without_can_meet(client, alice, case, assessed):
    login(client)
    data = form_post(**{"jobs-1-text": "Pakkemedarbejder", "jobs-1-can_meet": ""})
    response = client.post(reverse("web:assessments_create", args=[case.pk]), data, **EN)
    assert response.status_code == 422
    assert "Pakkemedarbejder: state whether the citizen can meet the job function." in response.content.decode()


def test_it_adds_job_function_rows_without_saving(client, alice, case, assessed):
    login(client)
    response = client.post(reverse("web:assessments_create", args=[case.pk]), form_post(more="1"), **EN)
    assert response.status_code == 200
    assert 'name="jobs-5-text"' in response.content.decode()
    assert not WorkAbilityAssessment.objects.exists()


def test_it_applies_the_stop_rule_and_says_so_on_the_case_page(client, alice, case, assessed):
    login(client)
    client.post(reverse("web:assessments_create", args=[case.pk]), form_post(conclusion="sufficient"), **EN)
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_DECISION
    page = client.get(reverse("web:case_detail", args=[case.pk]), **EN).content.decode()
    assert STOP in page
    assert reverse("web:assessments_detail", args=[case.pk, 1]) in page


def test_it_shows_the_detail_with_the_exact_versions_and_documents(client, alice, case, make, save, document):
    doc = document(case)
    make(document_ids=[doc.pk])
    save(
        base_version=1, reason="Ny viden", facts=[fact(id="f1")], assessment="Ny vurdering.", assessment_fact_ids=["f1"]
    )
    login(client)
    page = client.get(reverse("web:assessments_detail", args=[case.pk, 1]), **EN).content.decode()
    history = reverse("web:profile_history", args=[case.pk, "labour_market_experience"])
    assert f"{history}?a=1&amp;b=1" in page  # the version it rests on
    assert f"{history}?a=1&amp;b=2" in page  # compared with the newer one
    for text in (
        "12 års erfaring fra lager",
        "Lagermedarbejder med let truckkørsel",
        "Borgeren restituerer",
        "Statusattest fra egen læge",
        "Not sufficient, but can be improved",
    ):
        assert text in page
    assert "must offer activities" in page  # the next step (§ 9)
    assert AccessLogEntry.objects.filter(user=alice, case=case, action=AccessAction.CASE).exists()


def test_it_lists_the_history_newest_first(client, alice, case, make):
    make()
    make(conclusion="not_final")
    login(client)
    page = client.get(reverse("web:assessments_list", args=[case.pk]), **EN).content.decode()
    assert page.index('id="assessment-2"') < page.index('id="assessment-1"')


def test_it_lets_carol_read_but_not_open_the_form(client, carol, case, make):
    make()
    login(client, "carol")
    assert client.get(reverse("web:assessments_list", args=[case.pk])).status_code == 200
    assert client.get(reverse("web:assessments_detail", args=[case.pk, 1])).status_code == 200
    assert client.get(reverse("web:assessments_create", args=[case.pk])).status_code == 403
    assert client.post(reverse("web:assessments_create", args=[case.pk]), form_post()).status_code == 403
    page = client.get(reverse("web:case_detail", args=[case.pk])).content.decode()
    assert reverse("web:assessments_create", args=[case.pk]) not in page


def test_it_hides_the_case_from_charlie(client, charlie, case, make):
    make()
    login(client, "charlie")
    for name, args in (("web:assessments_list", [case.pk]), ("web:assessments_detail", [case.pk, 1]),
                       ("web:assessments_create", [case.pk])):  # fmt: skip
        assert client.get(reverse(name, args=args)).status_code == 404


def test_it_answers_404_for_an_unknown_assessment(client, alice, case, make):
    make()
    login(client)
    assert client.get(reverse("web:assessments_detail", args=[case.pk, 2])).status_code == 404


def test_it_starts_a_new_assessment_from_the_last_one(client, alice, case, make):
    make(reasons="Arbejdsevnen kan forbedres med opkvalificering i lagerstyring.")
    login(client)
    page = client.get(reverse("web:assessments_create", args=[case.pk]), **EN).content.decode()
    assert "opkvalificering i lagerstyring" in page  # the reasons of assessment 1
    assert 'value="Lagermedarbejder med let truckkørsel"' in page  # its job function, in row 1
    assert 'name="assessed_on" value="2026-06-15"' in page  # dated today, not the old date
    assert "starts from assessment 1" in page


def test_it_starts_the_first_assessment_empty(client, alice, case, assessed):
    login(client)
    page = client.get(reverse("web:assessments_create", args=[case.pk]), **EN).content.decode()
    assert "starts from assessment" not in page and 'value="Lagermedarbejder' not in page
