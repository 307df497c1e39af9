"""Fixtures for the work-ability assessment: a started profile with one assessed element, documents, and a
`make` helper that records a valid assessment as Alice unless told otherwise."""

from datetime import date

import pytest
from django.utils import timezone

from evne.evidence.models import Document
from evne.profiles.services import element_save, involvement_record


def fact(text="Borgeren har arbejdet 12 år som lagerarbejder.", kind="conversation", **fields) -> dict:
    return {"text": text, "source_kind": kind, "source_detail": "Samtale 9. marts", **fields}


def job(text="Lagermedarbejder med let truckkørsel", can_meet="yes", note="") -> dict:
    return {"text": text, "can_meet": can_meet, "note": note}


@pytest.fixture
def started(alice, case):
    """The opening conversation is recorded: the profile may be written (bek. 543/2002 § 7, stk. 1)."""
    return involvement_record(
        actor=alice, case=case, kind="opening_conversation", occurred_on=date(2026, 3, 9),
        text="Første samtale om ressourceprofilen.",
    )  # fmt: skip


@pytest.fixture
def save(alice, case, started):
    """Save an element through the profile service, as Alice unless told otherwise."""

    def do(element="labour_market_experience", base_version=0, actor=None, reason="Første beskrivelse", **values):
        values.setdefault("relevant", True)
        return element_save(
            actor=actor or alice, case=case, element=element, base_version=base_version, reason=reason, **values
        )

    return do


@pytest.fixture
def assessed(save):
    """A relevant element with the caseworker's assessment: the profile is described and assessed (R20)."""
    return save(
        facts=[fact(id="f1")],
        resources="Erfaren lagerarbejder.",
        assessment="Det er min vurdering, at erfaringen kan bruges i lager- og logistikjob.",
        assessment_fact_ids=["f1"],
    )


@pytest.fixture
def document(alice):
    """Record a document in a case directly (the evidence app's services are written elsewhere)."""

    def make(case, title="Statusattest fra egen læge", kind="status_statement"):
        return Document.objects.create(
            case=case, kind=kind, title=title, document_date=date(2026, 3, 1), author="Lægehuset Evnekøbing",
            received_on=date(2026, 3, 5), summary="Varige skånehensyn: ingen tunge løft.", sensitive=True,
            recorded_by=alice, recorded_at=timezone.now(),
        )  # fmt: skip

    return make


def values(**overrides) -> dict:
    """A complete, valid assessment; override any field."""
    base = {
        "assessed_on": date(2026, 4, 1),
        "actual_resources": "12 års erfaring fra lager; stabilt fremmøde; kørekort og truckcertifikat.",
        "development_possibilities": "Kan udvikle sig med kortere opkvalificering i lagerstyring.",
        "barrier_reduction": "Rygbesvær reduceres med skånehensyn: ingen løft over 10 kg.",
        "job_functions": [job()],
        "restitution": "Borgeren restituerer efter en arbejdsdag på 7 timer; ingen tegn på varig udmattelse.",
        "conclusion": "can_be_improved",
        "reasons": "Ud fra ressourceprofilen og statusattesten vurderer jeg, at arbejdsevnen kan forbedres.",
        "citizen_view": "Borgeren mener selv, at hun kan arbejde på lager med hjælpemidler.",
        "document_ids": [],
    }
    base.update(overrides)
    return base


@pytest.fixture
def make(alice, case, assessed):
    """Record an assessment through the service, as Alice unless told otherwise."""
    from evne.assessments.services import assessment_make

    def do(actor=None, on_case=None, **overrides):
        return assessment_make(actor=actor or alice, case=on_case or case, **values(**overrides))

    return do
