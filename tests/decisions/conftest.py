"""Fixtures for decisions: a case with a described profile, a specialist statement, a note, a work-ability
assessment at flex-job level, and helpers that draft, hear and answer as Alice. All data is synthetic."""

from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from evne.assessments.services import assessment_make
from evne.cases.services import note_add
from evne.decisions import services
from evne.evidence.models import Document
from evne.profiles.services import element_save, involvement_record

TODAY = date.today


@pytest.fixture(autouse=True)
def memory_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def prepared(alice, case):
    """The profile is described and assessed, a specialist statement and a note are in the case."""
    involvement_record(actor=alice, case=case, kind="opening_conversation", occurred_on=TODAY() - timedelta(days=60),
                       text="Indledende samtale.")  # fmt: skip
    element_save(
        actor=alice,
        case=case,
        element="labour_market_experience",
        base_version=0,
        reason="Første",
        relevant=True,
        facts=[{"id": "f1", "text": "12 år som lagerarbejder.", "source_kind": "conversation"}],
        resources="Lagererfaring.",
        assessment="Erfaringen kan bruges.",
        assessment_fact_ids=["f1"],
    )
    specialist = Document.objects.create(
        case=case, kind="specialist_statement", title="Speciallægeerklæring, reumatologi",
        document_date=TODAY() - timedelta(days=30), author="Overlæge Test", received_on=TODAY() - timedelta(days=25),
        summary="Kroniske smerter; kan arbejde 15 timer om ugen med pauser.", sensitive=True, recorded_by=alice,
        recorded_at=timezone.now(),
    )  # fmt: skip
    note = note_add(
        actor=alice, case=case, kind="fact", text="Borgeren har gennemført praktik 12 uger.", source="Praktikstedet"
    )
    assessment = assessment_make(
        actor=alice, case=case, assessed_on=TODAY() - timedelta(days=10), actual_resources="Lagererfaring.",
        development_possibilities="Ingen yderligere.", barrier_reduction="Pauser.",
        job_functions=[{"text": "Lagermedarbejder 15 timer", "can_meet": "with_accommodation", "note": ""}],
        restitution="Behøver hvile efter 4 timer.", conclusion="flex_job_level", reasons="Varigt nedsat.",
        document_ids=[specialist.pk], development_exhausted=True,
    )  # fmt: skip
    case.refresh_from_db()
    return {"case": case, "specialist": specialist, "note": note, "assessment": assessment}


def refusal_values(prepared, **overrides):
    base = {
        "outcome": "refusal",
        "subject": "fleksjob",
        "applied_for": "Fleksjob.",
        "decision_text": "Du får afslag på fleksjob.",
        "reasons": "Din arbejdsevne er ikke varigt nedsat, fordi praktikken viste, at du kan arbejde 30 timer.",
        "facts": [{"text": "Praktik i 12 uger med stabilt fremmøde.", "source": f"note:{prepared['note'].pk}"}],
        "legal_basis": "Lov om en aktiv beskæftigelsesindsats § 116 (fleksjob).",
    }
    return base | overrides


@pytest.fixture
def draft(alice, prepared):
    return services.decision_draft(actor=alice, case=prepared["case"], **refusal_values(prepared))


@pytest.fixture
def heard(alice, draft):
    """The hearing sent 20 days ago and answered: the citizen's answer is on the case."""
    hearing = services.hearing_send(
        actor=alice, decision=draft, expected_version=draft.version, sent_on=TODAY() - timedelta(days=20),
        unfavourable_facts="Praktikstedet oplyser, at du har arbejdet 30 timer om ugen.",
    )  # fmt: skip
    services.hearing_record_answer(actor=alice, hearing=hearing, expected_version=hearing.version, answer="answered",
                                   answered_on=TODAY() - timedelta(days=10), summary="Borgeren er uenig.",
                                   form="oral")  # fmt: skip
    draft.refresh_from_db()
    return draft


@pytest.fixture
def ready(alice, heard):
    return services.decision_revise(
        actor=alice,
        decision=heard,
        expected_version=heard.version,
        answer_dealt_with="Vi har lagt vægt på dine smerter, men praktikken viser 30 timer.",
    )


def pdf_text(document) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    with default_storage.open(document.file.name, "rb") as handle:
        reader = PdfReader(BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)
