"""Evidence fixtures: a consent to collect in force, a request prepared on it, file payloads, and a work-ability
assessment that stops further information gathering. Dates are relative to today where a service compares
with the clock ("not in the future"); selectors get their date explicitly."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from evne.assessments.models import WorkAbilityAssessment
from evne.evidence.services import consent_record, request_create

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
TIFF = b"II*\x00\x08\x00\x00\x00" + b"\x00" * 40
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 40
TEXT = b"Dette er ikke en PDF, bare tekst.\n"


def today():
    return timezone.localdate()


def days_ago(n: int):
    return today() - timedelta(days=n)


def upload(name: str = "attest.pdf", content: bytes = PDF, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    """Each test gets an empty in-memory file storage (the setting change resets default_storage)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def consent(alice, case):
    """Consent to obtain health information from the GP, given with the guidance of RTL § 10, stk. 3."""
    return consent_record(
        actor=alice, case=case, purpose="collect", status="given", scope="Helbredsoplysninger fra egen læge",
        given_on=days_ago(30), guidance_given=True,
    )  # fmt: skip


def request_values(**overrides) -> dict:
    values = {
        "recipient_kind": "gp",
        "recipient_name": "Lægehuset Nord",
        "purpose": "At belyse, hvordan ryggen påvirker borgerens mulighed for at arbejde.",
        "necessity": "Helbredselementet kan ikke beskrives uden lægens oplysninger om behandling og prognose.",
        "questions": "1. Hvilke behandlingsmuligheder er der? 2. Hvilke funktioner kan borgeren ikke udføre?",
        "document_type": "status_statement",
    }
    values.update(overrides)
    return values


@pytest.fixture
def make_request(alice, case, consent):
    """Prepare a request as Alice, on the consent in force unless told otherwise."""

    def make(actor=None, **overrides):
        values = request_values(**overrides)
        if "collection_ground" not in overrides:
            values.setdefault("consent_id", consent.pk)
        return request_create(actor=actor or alice, case=case, **values)

    return make


@pytest.fixture
def sufficient(alice, case):
    """The latest work-ability assessment finds the work ability sufficient for ordinary work (stop rule)."""
    return WorkAbilityAssessment.objects.create(
        case=case, number=1, assessed_on=days_ago(1), actual_resources="Erfaren lagerarbejder.",
        development_possibilities="Kan lære truckkørsel.", barrier_reduction="Ingen væsentlige barrierer.",
        job_functions=[{"text": "Lagerarbejde", "can_meet": "yes", "note": ""}], restitution="God restitution.",
        conclusion="sufficient", reasons="Borgeren kan varetage lagerarbejde på normale vilkår.", author=alice,
        created_at=timezone.now(),
    )  # fmt: skip


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read messages in English (the msgids); the Danish wording is checked in tests/web and e2e."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
