"""Decision services: drafts, hearing, issuing (frozen), complaints, file access, notices."""

from datetime import date, timedelta

import pytest
from django.db import DatabaseError, connection, transaction

from evne.cases.models import EventKind, TimelineEvent
from evne.decisions import services
from evne.decisions.models import Decision
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.rules.workdays import add_working_days

from .conftest import pdf_text, refusal_values

TODAY = date.today
OVERRIDE = "Profilen er gennemgået med borgeren på mødet; testsagen mangler kun registreringen."


def issue(actor, decision):
    """Issue past the checks of other parts of the law that this small test case does not satisfy."""
    return services.decision_issue(actor=actor, decision=decision, expected_version=decision.version,
                                   override_reason=OVERRIDE)  # fmt: skip


def test_it_drafts_with_the_exact_profile_versions_and_the_latest_assessment(alice, prepared, draft):
    assert draft.number == 1 and draft.status == "draft"
    assert draft.profile_version_ids and draft.assessment_id == prepared["assessment"].pk
    assert TimelineEvent.objects.filter(case=prepared["case"], kind=EventKind.DECISION_DRAFTED).count() == 1


def test_it_refuses_a_fact_whose_source_is_in_another_case(alice, prepared, make_user):
    with pytest.raises(DomainError) as exc:
        services.decision_draft(
            actor=alice,
            case=prepared["case"],
            **refusal_values(prepared, facts=[{"text": "X", "source": "document:999999"}]),
        )
    assert exc.value.field == "facts.0"


def test_it_refuses_a_refusal_that_claims_to_fully_grant(alice, prepared):
    with pytest.raises(DomainError) as exc:
        services.decision_draft(actor=alice, case=prepared["case"], **refusal_values(prepared, fully_grants=True))
    assert exc.value.field == "fully_grants"


def test_it_refuses_another_team_and_another_municipality(prepared, carol, charlie):
    for stranger in (carol, charlie):
        with pytest.raises(AccessDenied):
            services.decision_draft(actor=stranger, case=prepared["case"], **refusal_values(prepared))


def test_a_stale_draft_change_is_refused_with_what_changed(alice, bob, draft):
    services.decision_revise(actor=bob, decision=draft, expected_version=1, reasons="Bobs begrundelse.")
    with pytest.raises(StaleVersion) as exc:
        services.decision_revise(actor=alice, decision=draft, expected_version=1, reasons="Alices begrundelse.")
    assert exc.value.changes["reasons"] == ("Alices begrundelse.", "Bobs begrundelse.")


def test_the_hearing_package_has_the_whole_profile_and_every_specialist_statement(alice, prepared, draft):
    hearing = services.hearing_send(
        actor=alice,
        decision=draft,
        expected_version=draft.version,
        sent_on=TODAY(),
        unfavourable_facts="Praktikken viste 30 timer.",
    )
    assert prepared["specialist"].pk in {p.get("document_id") for p in hearing.package}
    assert set(draft.profile_version_ids) <= {p.get("version_id") for p in hearing.package}
    # the response deadline comes from the dated parameter (D14), not a literal
    from evne.rules.parameters import param

    assert hearing.response_due_on == TODAY() + timedelta(days=param("deadlines.hearing_response_days", TODAY()))
    text = pdf_text(hearing.letter)
    assert "Partshøring" in text and "Speciallægeerklæring" in text and "Lagererfaring" in text
    assert "ring, kom forbi eller skriv" in text.replace("\n", " ")
    assert hearing.letter.kind == "outgoing_letter"


def test_no_answer_can_only_be_recorded_after_the_deadline(alice, draft):
    hearing = services.hearing_send(actor=alice, decision=draft, expected_version=draft.version, sent_on=TODAY(),
                                    unfavourable_facts="Praktikken.")  # fmt: skip
    with pytest.raises(DomainError) as exc:
        services.hearing_record_answer(actor=alice, hearing=hearing, expected_version=1, answer="no_answer")
    assert exc.value.field == "answer"


def test_issuing_needs_the_answer_dealt_with(alice, heard):
    with pytest.raises(DomainError) as exc:
        services.decision_issue(actor=alice, decision=heard, expected_version=heard.version)
    assert exc.value.field == "answer_dealt_with"


def test_issuing_with_a_blocking_finding_needs_a_written_override(alice, prepared):
    decision = services.decision_draft(actor=alice, case=prepared["case"], **refusal_values(prepared))
    with pytest.raises(DomainError) as exc:  # no hearing: decision.hearing blocks
        services.decision_issue(actor=alice, decision=decision, expected_version=decision.version)
    assert exc.value.field == "override_reason"
    issued = services.decision_issue(actor=alice, decision=decision, expected_version=decision.version,
                                     override_reason="Borgeren blev hørt mundtligt på mødet.")  # fmt: skip
    event = TimelineEvent.objects.get(case=prepared["case"], kind=EventKind.DECISION_ISSUED)
    assert event.data["override_reason"] == "Borgeren blev hørt mundtligt på mødet."
    assert "decision.hearing" in event.data["blocking"]
    assert issued.override_reason


def test_issuing_freezes_the_decision_with_its_explanation_guidance_and_letter(alice, ready):
    issued = issue(alice, ready)
    assert issued.status == "issued" and issued.decided_on == TODAY()
    assert any(r["rule"] == "decision.hearing" and r["outcome"] == "ok" for r in issued.explanation["results"])
    assert issued.guidance_text and "Ankestyrelsen" in issued.guidance_text
    text = pdf_text(issued.letter).replace("\n", " ")
    # decision first, then reasons, facts, rules and the complaint guidance
    positions = [
        text.index(h) for h in ("Afgørelse ", "Begrundelse", "Sagens oplysninger", "Regler", "Klagevejledning")
    ]
    assert positions == sorted(positions)
    assert "Du får afslag på fleksjob." in text and "Ankestyrelsen" in text
    issued.case.refresh_from_db()
    assert issued.case.status == "decided"


def test_an_issued_decision_cannot_be_changed_by_the_service_the_orm_or_sql(alice, ready):
    issued = issue(alice, ready)
    with pytest.raises(DomainError):
        services.decision_revise(actor=alice, decision=issued, expected_version=issued.version, reasons="Ny.")
    with pytest.raises(DatabaseError), transaction.atomic():
        Decision.objects.filter(pk=issued.pk).update(reasons="Ændret i smug.")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE decisions_decision SET reasons = 'x' WHERE id = %s", [issued.pk])
    issued.refresh_from_db()
    assert issued.reasons == ready.reasons


def test_a_draft_can_still_be_updated_in_sql(alice, draft):
    Decision.objects.filter(pk=draft.pk).update(reasons="Stadig et udkast.")  # the trigger only guards issued rows
    draft.refresh_from_db()
    assert draft.reasons == "Stadig et udkast."


def test_a_failed_issue_writes_nothing(alice, prepared):
    decision = services.decision_draft(actor=alice, case=prepared["case"], **refusal_values(prepared))
    before = prepared["case"].documents.count()
    with pytest.raises(DomainError):
        services.decision_issue(actor=alice, decision=decision, expected_version=decision.version)
    decision.refresh_from_db()
    assert decision.status == "draft" and prepared["case"].documents.count() == before


def test_the_complaint_flow_reconsider_keep_forward_and_the_appeal_outcome(alice, ready):
    issued = issue(alice, ready)
    complaint = services.complaint_register(actor=alice, decision=issued, received_on=TODAY(), channel="oral",
                                            summary="Borgeren ringede og er uenig.")  # fmt: skip
    event = TimelineEvent.objects.get(kind=EventKind.COMPLAINT_RECEIVED)
    assert event.data["in_time"] is True and event.data["deadline"] == (TODAY() + timedelta(weeks=4)).isoformat()
    complaint = services.complaint_reconsider(actor=alice, complaint=complaint, expected_version=1, outcome="kept",
                                              reconsidered_on=TODAY(), reasons="Praktikken står ved magt.")  # fmt: skip
    with pytest.raises(StaleVersion):
        services.complaint_forward(actor=alice, complaint=complaint, expected_version=1, forwarded_on=TODAY())
    complaint = services.complaint_forward(actor=alice, complaint=complaint, expected_version=2, forwarded_on=TODAY())
    assert complaint.appeal_body == "Ankestyrelsen"
    assert "givet klagen videre til Ankestyrelsen" in pdf_text(complaint.reconsideration_letter).replace("\n", " ")
    with pytest.raises(DomainError) as exc:  # a remittal says what is missing
        services.appeal_outcome_record(actor=alice, complaint=complaint, expected_version=3, outcome="remitted",
                                       decided_on=TODAY())  # fmt: skip
    assert exc.value.field == "appeal_note"
    complaint = services.appeal_outcome_record(actor=alice, complaint=complaint, expected_version=3,
                                               outcome="remitted", decided_on=TODAY(),
                                               note="Mangler lægelig vurdering af timetal.")  # fmt: skip
    assert complaint.appeal_outcome == "remitted"


def test_a_draft_cannot_be_complained_about(alice, draft):
    with pytest.raises(DomainError):
        services.complaint_register(actor=alice, decision=draft, received_on=TODAY(), channel="oral", summary="X")


def test_file_access_bundle_leaves_out_internal_documents_without_unique_facts(alice, prepared):
    case = prepared["case"]
    request = services.file_access_request(actor=alice, case=case, requested_on=TODAY(), channel="oral")
    assert request.due_on == add_working_days(TODAY(), 7)  # FVL § 16, stk. 3 since 2014: 7 working days
    request = services.file_access_hand_out(
        actor=alice, request=request, expected_version=1, handed_out_on=TODAY(),
        documents=[{"document_id": prepared["specialist"].pk, "internal": True, "unique_facts": False}],
    )  # fmt: skip
    row = next(r for r in request.handed_out if r.get("document_id") == prepared["specialist"].pk)
    assert row["included"] is False and row["reason"] == "internal"
    text = pdf_text(request.bundle).replace("\n", " ")
    assert "Aktindsigt" in text and "Undtaget fra aktindsigt" in text
    assert "Internt arbejdsdokument (forvaltningslovens § 12, stk. 1)" in text
    assert "Kroniske smerter" not in text  # the exempted statement's content is left out
    assert "Borgeren har gennemført praktik 12 uger." in text  # journal notes go with the file


def test_written_reasons_must_be_asked_for_within_14_days(alice, case):
    with pytest.raises(DomainError) as exc:
        services.reasons_request_record(
            actor=alice,
            case=case,
            decision_notified_on=TODAY() - timedelta(days=30),
            decision_summary="Afslag på kørsel.",
            requested_on=TODAY(),
        )
    assert exc.value.field == "requested_on"
    request = services.reasons_request_record(
        actor=alice,
        case=case,
        decision_notified_on=TODAY() - timedelta(days=3),
        decision_summary="Afslag på kørsel.",
        requested_on=TODAY(),
    )
    answered = services.reasons_request_answer(
        actor=alice,
        request=request,
        expected_version=1,
        answered_on=TODAY(),
        reasons="Der er offentlig transport.",
        legal_basis="LAB § 82.",
    )
    assert "Skriftlig begrundelse" in pdf_text(answered.letter)


def test_a_delay_notice_is_a_letter_in_the_case(alice, case):
    notice = services.delay_notice_send(
        actor=alice,
        case=case,
        sent_on=TODAY(),
        expected_on=TODAY() + timedelta(weeks=3),
        reason="Vi venter på en speciallægeerklæring.",
    )
    assert "Din sag tager længere tid" in pdf_text(notice.letter)


def test_issuing_judges_this_decision_not_a_later_draft(alice, prepared, ready):
    # a second draft without a hearing or legal basis must not block issuing the first, which was heard
    services.decision_draft(
        actor=alice, case=prepared["case"], outcome="refusal", subject="other", applied_for="Noget andet."
    )
    issued = issue(alice, ready)
    hearing = next(r for r in issued.explanation["results"] if r["rule"] == "decision.hearing")
    assert hearing["outcome"] == "ok" and hearing["facts"]["number"] == 1
