from datetime import date

import pytest

from evne.profiles.services import element_save, involvement_record


@pytest.fixture
def started(alice, case):
    """The opening conversation is recorded: the profile may be written."""
    return involvement_record(
        actor=alice, case=case, kind="opening_conversation", occurred_on=date(2026, 3, 9),
        text="Første samtale om ressourceprofilen; borgeren fortalte om sin uddannelse og sine job.",
    )  # fmt: skip


def fact(text="Borgeren er uddannet lagerarbejder (AMU, 2004).", kind="conversation", detail="Samtale 9. marts", **kw):
    return {"text": text, "source_kind": kind, "source_detail": detail, **kw}


@pytest.fixture
def save(alice, case, started):
    """Save an element as Alice with sensible defaults; override any field."""

    def do(element="education", base_version=0, actor=None, reason="Første beskrivelse", **values):
        values.setdefault("relevant", True)
        return element_save(
            actor=actor or alice, case=case, element=element, base_version=base_version, reason=reason, **values
        )

    return do
