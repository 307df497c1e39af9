"""Letters carry the municipality's branding; every decision event reads as a sentence on the timeline."""

from django.utils import timezone, translation

from evne.cases.models import EventKind, TimelineEvent
from evne.cases.timeline import describe
from evne.decisions import services
from evne.decisions.models import LetterBranding

from .conftest import pdf_text

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'


def test_a_letter_carries_the_municipalitys_branding_and_masks_the_cpr(alice, case):
    LetterBranding.objects.filter(municipality=case.municipality).update(
        sender="Jobcenter Evnekøbing", address="Rådhustorvet 1\n9990 Evnekøbing", phone="99 99 99 99",
        signature="Med venlig hilsen\nJobcenter Evnekøbing", logo_svg=LOGO,
    )  # fmt: skip
    case.municipality.letter_branding.refresh_from_db()
    access = services.file_access_request(actor=alice, case=case, requested_on=timezone.localdate(), channel="written")
    access = services.file_access_hand_out(actor=alice, request=access, expected_version=1,
                                           handed_out_on=timezone.localdate())  # fmt: skip
    text = pdf_text(access.bundle)
    assert "Jobcenter Evnekøbing" in text and "Rådhustorvet 1" in text and "99 99 99 99" in text
    assert "010180-XXXX" in text and "010180-1234" not in text


def test_every_decision_event_has_its_own_sentence(alice, ready):
    services.decision_issue(actor=alice, decision=ready, expected_version=ready.version, override_reason="Test.")
    kinds = {e.kind for e in TimelineEvent.objects.filter(case=ready.case)}
    assert {EventKind.DECISION_DRAFTED, EventKind.HEARING_SENT, EventKind.HEARING_ANSWERED,
            EventKind.DECISION_REVISED, EventKind.DECISION_ISSUED} <= kinds  # fmt: skip
    with translation.override("da"):
        for event in TimelineEvent.objects.filter(case=ready.case, kind__in=[k for k in kinds if "decision" in k
                                                                              or "hearing" in k]):  # fmt: skip
            assert describe(event) != event.get_kind_display()
        issued = TimelineEvent.objects.get(case=ready.case, kind=EventKind.DECISION_ISSUED)
        assert "Udstedt trods blokerende lovkrav" in describe(issued) and "Test." in describe(issued)
