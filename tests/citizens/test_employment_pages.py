"""The citizen's own work on the case page ("Borgerens eget arbejde"): the list and the form, a change with a
version (a stale save shows what changed), need-to-know (Carol reads, Charlie gets 404), reads access-logged."""

import re
from datetime import date

import pytest
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.cases.models import EventKind
from evne.citizens.models import Employment
from evne.citizens.services import employment_record, employment_update

from ..conftest import PASSWORD

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
DA = {"HTTP_ACCEPT_LANGUAGE": "da"}


@pytest.fixture(autouse=True)
def _english_pages(client, settings):
    """These tests read the pages in English, as a user who chose English in the language menu (the cookie):
    the browser's Accept-Language no longer switches a page (issue 13)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def as_alice(client, alice):
    client.login(username="alice", password=PASSWORD)
    return client


def form_data(**over):
    data = {"employer": "Bageriet Brød ApS", "job_functions": "Ekspedition.", "kind": "skaanejob",
            "hours_per_week": "10", "start_on": "2024-02-01", "end_on": "", "accommodation": "Siddende arbejde.",
            "end_reason": ""}  # fmt: skip
    data.update(over)
    return data


@pytest.fixture
def job(alice, case):
    return employment_record(actor=alice, case=case, employer="Kiosken", job_functions="Kasse.", kind="ordinary",
                             hours_per_week=8, start_on=date(2025, 1, 1))  # fmt: skip


def test_it_shows_the_section_in_danish_on_the_case_page(as_alice, case, job, settings):
    as_alice.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    page = as_alice.get(reverse("web:case_detail", args=[case.pk]), **DA).content.decode()
    assert '<h2 id="employments-h">Borgerens eget arbejde</h2>' in page and "Kiosken" in page
    assert reverse("web:employment_create", args=[case.pk]) in page
    assert reverse("web:employment_edit", args=[case.pk, job.pk]) in page


def test_it_records_the_citizens_work_from_the_form(as_alice, case):
    url = reverse("web:employment_create", args=[case.pk])
    assert "Record the citizen's work" in as_alice.get(url, **EN).content.decode()
    response = as_alice.post(url, form_data())
    assert response.status_code == 302 and response["Location"].endswith("#employments")
    employment = Employment.objects.get()
    assert employment.kind == "skaanejob" and employment.citizen == case.citizen and employment.case == case
    assert case.events.filter(kind=EventKind.OWN_WORK_RECORDED).count() == 1


def test_it_refuses_bad_input_beside_the_field_and_keeps_it(as_alice, case):
    response = as_alice.post(reverse("web:employment_create", args=[case.pk]), form_data(accommodation=""), **EN)
    assert response.status_code == 422
    page = response.content.decode()
    assert "describe the accommodation given" in page and "Bageriet Brød ApS" in page
    assert not Employment.objects.exists()


def test_it_changes_a_job_and_refuses_a_stale_save(as_alice, bob, case, job):
    url = reverse("web:employment_edit", args=[case.pk, job.pk])
    form = as_alice.get(url, **EN).content.decode()
    assert 'name="employer" value="Kiosken"' in form and 'name="version" value="1"' in form
    data = form_data(employer="Kiosken", kind="ordinary", accommodation="", hours_per_week="12", version="1",
                     start_on="2025-01-01")  # fmt: skip
    assert as_alice.post(url, data).status_code == 302
    job.refresh_from_db()
    assert job.hours_per_week == 12 and job.version == 2
    employment_update(actor=bob, case=case, employment=job, expected_version=2, hours_per_week=20)
    response = as_alice.post(url, {**data, "version": "2", "hours_per_week": "14"}, **EN)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed the job" in page and 'name="version" value="3"' in page
    assert re.search(r"<td>Hours per week</td>\s*<td>12.0</td>\s*<td>20.0</td>", page)  # the comparison
    job.refresh_from_db()
    assert job.hours_per_week == 20


def test_it_lets_carol_read_but_not_record(client, carol, case, job):
    client.login(username="carol", password=PASSWORD)
    page = client.get(reverse("web:case_detail", args=[case.pk]), **EN).content.decode()
    assert "Kiosken" in page and reverse("web:employment_create", args=[case.pk]) not in page
    assert AccessLogEntry.objects.filter(user=carol, case=case, action=AccessAction.CASE).exists()
    assert client.get(reverse("web:employment_create", args=[case.pk])).status_code == 403
    assert client.post(reverse("web:employment_create", args=[case.pk]), form_data()).status_code == 403
    assert client.post(reverse("web:employment_edit", args=[case.pk, job.pk]), form_data()).status_code == 403
    assert Employment.objects.count() == 1


def test_it_answers_404_to_charlie_and_for_a_job_of_another_citizen(client, charlie, alice, case, job):
    from evne.cases.services import case_open
    from evne.citizens.services import citizen_create

    client.login(username="charlie", password=PASSWORD)
    assert client.get(reverse("web:employment_create", args=[case.pk])).status_code == 404
    assert client.get(reverse("web:employment_edit", args=[case.pk, job.pk])).status_code == 404
    other = citizen_create(actor=alice, cpr="020280-1234", first_name="Ole", last_name="Prøve")
    other_case = case_open(actor=alice, citizen=other, pathway="ressourceforlob", benefit="kontanthjaelp",
                           help_requested_on=date(2026, 6, 1))  # fmt: skip
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("web:employment_edit", args=[other_case.pk, job.pk])).status_code == 404
