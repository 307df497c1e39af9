"""File access builds the whole case (issue 13, item 1): the bundle of a richly populated case is compared with the
case's records read straight from the database; an exempted record is named with its reason and without its
content; a specified request holds only its parts and period; the forwarding package to the appeal body holds the
cover letter and the whole file."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from evne.assessments.models import WorkAbilityAssessment
from evne.cases.models import EventKind, FollowUp, JournalNote
from evne.decisions import casebundle, services
from evne.decisions.models import Complaint, Decision
from evne.errors import DomainError
from evne.evidence.models import Consent, Document, InformationRequest
from evne.plans.models import ActivityOrder, PlanRevision, ProviderReport
from evne.profiles.models import ElementVersion
from evne.reform.models import Recommendation, RehabPlanRevision
from tests.casefile.conftest import build_rich_case, make_people

from .conftest import pdf_text


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def rich(db, make_user):
    _kommune, _team, alice, bob = make_people(make_user)
    case = build_rich_case(alice, bob)
    return alice, case


def hand_out(alice, case, **kw):
    request = services.file_access_request(actor=alice, case=case, requested_on=timezone.localdate(), channel="oral")
    return services.file_access_hand_out(actor=alice, request=request, expected_version=1,
                                         handed_out_on=timezone.localdate(), **kw)  # fmt: skip


def record_texts(case) -> dict[str, list[str]]:
    """What each kind of record says, read from the database (not through the bundle's own reader)."""
    return {
        "profile": [v.resources for v in ElementVersion.objects.filter(profile__case=case) if v.resources],
        "plan": [p.means for p in PlanRevision.objects.filter(case=case)],
        "order": [o.purpose for o in ActivityOrder.objects.filter(activity__case=case)],
        "report": [r.result_vs_purpose for r in ProviderReport.objects.filter(activity__case=case)],
        "request": [r.purpose for r in InformationRequest.objects.filter(case=case)],
        "consent": [c.scope for c in Consent.objects.filter(case=case)],
        "document": [d.summary for d in Document.objects.filter(case=case, kind__in=["status_statement",
                                                                                      "specialist_statement"])],
        "assessment": [a.reasons for a in WorkAbilityAssessment.objects.filter(case=case)],
        "rehab_plan": [p.wishes for p in RehabPlanRevision.objects.filter(case=case)],
        "team": [r.reasons for r in Recommendation.objects.filter(case=case)],
        "follow_up": [f.summary for f in FollowUp.objects.filter(case=case)],
        "decision": [d.decision_text for d in Decision.objects.filter(case=case, status="issued")]
        + [c.summary for c in Complaint.objects.filter(decision__case=case)],
        "note": [n.text for n in JournalNote.objects.filter(case=case)],
    }  # fmt: skip


def test_the_whole_file_holds_every_record_of_a_rich_case_but_the_exempted_one(rich):
    alice, case = rich
    exempt = case.notes.order_by("created_at", "id").first()  # "Borgeren ringede om mødetid."

    access = hand_out(alice, case, exemptions=[{
        "item": f"note:{exempt.pk}", "reason": "private", "note": "Notatet handler om en anden persons helbred.",
    }])  # fmt: skip

    text = flat(pdf_text(access.bundle))
    for part, texts in record_texts(case).items():
        assert texts, part  # the rich case has records of every kind
        for value in texts:
            if value != exempt.text:
                assert flat(value) in text, (part, value)
    # Every record the reader found is named by its title; every part has its heading in the contents and above it.
    records = casebundle.collect(case)
    for part, items in records.items():
        assert items, part
        for item in items:
            if item.kind != "event":
                assert flat(item.title) in text, (part, item.title)
    with translation.override("da"):
        headings = [str(p.label) for p in casebundle.Part]
    assert "Indhold" in text
    for heading in headings:
        assert text.count(flat(heading)) >= 2, heading
    assert case.events.count() == len(records["timeline"])
    # Per record, what was handed out.
    kinds = {next(k for k in r if k.endswith("_id")) for r in access.handed_out}
    assert {"version_id", "order_id", "report_id", "note_id", "plan_id", "assessment_id", "rehab_plan_id"} <= kinds
    assert "010180-1234" not in text
    # The exempted note: named with its ground and the weighing, its content left out.
    assert "Undtaget fra aktindsigt" in text
    assert "Afgørende hensyn til andre personers private forhold (forvaltningslovens §§ 15–15 b)" in text
    assert "Notatet handler om en anden persons helbred." in text
    assert "Borgeren ringede om mødetid." not in text  # the correcting note says "mødetiden kl. 10"
    assert "1 oplysning er undtaget fra aktindsigt" in text
    row = next(r for r in access.handed_out if r.get("note_id") == exempt.pk)
    assert row == {"part": "note", "note_id": exempt.pk, "included": False, "reason": "private",
                   "note": "Notatet handler om en anden persons helbred."}  # fmt: skip
    # The appeal body got the whole file when the complaint was forwarded (build_decisions): a cover letter to it,
    # then every record, nothing exempted.
    event = case.events.get(kind=EventKind.COMPLAINT_FORWARDED)
    package = flat(pdf_text(Document.objects.get(pk=event.data["package_document_id"])))
    assert "Oversendelse af klage over afgørelsen om afslag på fleksjob af" in package
    assert "Ankestyrelsen" in package and "Uenig i afslaget." in package and "Fastholdt." in package
    assert "Borgeren ringede om mødetid." in package and "Undtaget fra aktindsigt" not in package


def test_a_ground_weighing_interests_needs_the_weighing_written_down(alice, prepared):
    case = prepared["case"]
    request = services.file_access_request(actor=alice, case=case, requested_on=timezone.localdate(), channel="oral")

    unweighed = [{"item": f"note:{prepared['note'].pk}", "reason": "public"}]
    with pytest.raises(DomainError) as exc:
        services.file_access_hand_out(actor=alice, request=request, expected_version=1,
                                      handed_out_on=timezone.localdate(), exemptions=unweighed)  # fmt: skip

    assert exc.value.field == "exemptions.0"
    request.refresh_from_db()
    assert request.bundle is None and request.handed_out_on is None  # nothing written


def test_a_draft_decision_is_an_internal_working_document(alice, prepared):
    from .conftest import refusal_values

    services.decision_draft(actor=alice, case=prepared["case"], **refusal_values(prepared))

    access = hand_out(alice, prepared["case"])

    text = flat(pdf_text(access.bundle))
    assert "Udkast til afgørelse om afslag" in text and "Internt arbejdsdokument" in text
    assert "Du får afslag på fleksjob." not in text


def test_a_specified_request_holds_only_its_parts_and_period(rich):
    alice, case = rich
    texts = record_texts(case)
    today = timezone.localdate()
    early = case.follow_ups.get()  # held 20 days ago

    access = hand_out(alice, case, parts=["order", "report", "follow_up", "note"],
                      period_from=today - timedelta(days=5))  # fmt: skip

    text = flat(pdf_text(access.bundle))
    for value in texts["order"] + texts["report"]:  # written today
        assert flat(value) in text
    assert "Borgeren ringede om mødetiden kl. 10." in text
    assert early.summary not in text  # outside the period
    for part in ("profile", "assessment", "consent", "rehab_plan", "plan", "team"):
        for value in texts[part]:
            assert flat(value) not in text, (part, value)
    assert "kravspecifikationer til aktører" in text.lower() and "fra perioden" in text
    assert all(r["reason"] == "not_requested" for r in access.handed_out
               if r["part"] not in ("order", "report", "follow_up", "note"))  # fmt: skip


def test_the_page_hands_out_a_specified_request_with_an_exemption(client, alice, prepared):
    from django.urls import reverse

    case, note = prepared["case"], prepared["note"]
    request = services.file_access_request(actor=alice, case=case, requested_on=timezone.localdate(), channel="oral")
    client.force_login(alice)
    page = client.get(reverse("web:decisions_file_access", args=[case.pk])).content.decode()
    assert f'name="exempt-note-{note.pk}"' in page and 'name="parts" value="note"' in page

    client.post(reverse("web:decisions_file_access_hand_out", args=[case.pk, request.pk]), {
        "version": 1, "handed_out_on": timezone.localdate().isoformat(), "parts": ["note", "assessment"],
        f"exempt-note-{note.pk}": "citizen", f"note-note-{note.pk}": "Oplysningen kan skade dit helbred.",
    })  # fmt: skip

    request.refresh_from_db()
    text = flat(pdf_text(request.bundle))
    assert "Afgørende hensyn til dig selv" in text and "Oplysningen kan skade dit helbred." in text
    assert note.text not in text and prepared["assessment"].reasons in text
    assert "Kroniske smerter" not in text  # the documents were not asked for
    row = next(r for r in request.handed_out if r.get("note_id") == note.pk)
    assert row["reason"] == "citizen" and row["included"] is False
