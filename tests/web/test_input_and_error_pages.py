"""Input normalisation and error pages (issue 15, 9): names and free text refuse invisible controls (bidi overrides,
control characters) in Danish, in the services (every caller), the web forms and the API; a request Django cannot read
or one over the size limit gets a Danish page, not Django's bare English 400."""

import pytest
from django.test import Client
from django.urls import reverse

from evne.citizens.models import Citizen
from evne.citizens.services import citizen_create
from evne.errors import DomainError
from evne.validation import clean_text, unsafe_character
from tests.api.conftest import basic
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "Mette\u202enesrup" shows as "Mettepursen"
UNSAFE = [RLO, "\u202a", "\u202d", "\u2066", "\u2069", "\x1b", "\x07", "\x7f", "\x85"]


@pytest.fixture
def danish():
    from django.utils import translation

    with translation.override("da"):
        yield


@pytest.mark.parametrize("char", UNSAFE)
def test_it_refuses_a_bidi_override_or_control_character_in_a_name(alice, danish, char):
    with pytest.raises(DomainError) as refused:
        citizen_create(actor=alice, cpr="010180-1234", first_name=f"Mette{char}x", last_name="Testrup")

    assert refused.value.field == "first_name"
    assert "usynligt styretegn" in refused.value.message
    assert not Citizen.objects.exists()


def test_it_refuses_a_line_break_in_a_one_line_field_but_keeps_it_in_free_text():
    assert unsafe_character("Mette\nTestrup", multiline=False) == "\n"
    assert unsafe_character("Første linje\r\nanden linje\tmed tabulator", multiline=True) is None
    assert clean_text("Linje 1\nLinje 2", field="text", label="Tekst", max_length=100) == "Linje 1\nLinje 2"
    with pytest.raises(DomainError):
        clean_text("Linje 1\x1b[2JLinje 2", field="text", label="Tekst", max_length=100)


def test_it_accepts_danish_and_foreign_letters_in_names(alice):
    citizen = citizen_create(actor=alice, cpr="010180-1234", first_name="Åse-Øllgård", last_name="Nguyễn 王 محمد")

    assert citizen.last_name == "Nguyễn 王 محمد"


def test_the_web_form_shows_the_refusal_in_danish(client, alice):
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("web:citizen_create"),
        {"cpr": "010180-1234", "first_name": f"Mette{RLO}", "last_name": "Testrup"},
        HTTP_ACCEPT_LANGUAGE="da",
    )

    assert response.status_code in (200, 422)
    assert "usynligt styretegn" in response.content.decode()
    assert not Citizen.objects.exists()


def test_the_api_refuses_it_in_danish_naming_the_field(client, alice, case):
    response = client.post(
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": f"Oplyst{RLO} af borgeren"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="da",
        **basic("alice"),
    )

    assert response.status_code == 422, response.content
    error = response.json()["errors"][0]
    assert error["field"] == "text"
    assert "usynligt styretegn" in error["message"]


def test_a_request_over_the_size_limit_gets_a_danish_413_page(client, alice, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client.login(username="alice", password=PASSWORD)

    response = client.post(
        reverse("web:citizen_create"),
        {"cpr": "010180-1234", "first_name": "M" * 5000, "last_name": "T"},
        HTTP_ACCEPT_LANGUAGE="da",
    )

    assert response.status_code == 413
    page = response.content.decode()
    assert "For meget på én gang" in page
    assert "Bad Request" not in page
    assert not Citizen.objects.exists()


def test_a_request_django_cannot_read_gets_a_danish_400_page(alice):
    client = Client(HTTP_ACCEPT_LANGUAGE="da", HTTP_HOST="evne.invalid")  # not in ALLOWED_HOSTS: DisallowedHost

    response = client.get("/")

    assert response.status_code == 400
    assert "Forespørgslen kunne ikke læses" in response.content.decode()


def test_a_missing_page_and_a_refusal_are_danish(client, alice, carol, case):
    client.login(username="carol", password=PASSWORD)

    missing = client.get("/cases/999999/", HTTP_ACCEPT_LANGUAGE="da")
    refused = client.post(reverse("web:note_create", args=[case.pk]), {"kind": "fact", "text": "x"},
                          HTTP_ACCEPT_LANGUAGE="da")  # fmt: skip

    assert missing.status_code == 404 and "Ikke fundet" in missing.content.decode()
    assert refused.status_code == 403 and "Ingen adgang" in refused.content.decode()
