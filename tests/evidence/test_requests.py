"""Information requests: purpose, necessity and questions (R36/I10), the least intrusive document (I11–I12),
consent or a noted legal ground (I4), the 14 days after a § 12, stk. 3 notice (R34), the stop rule (R37), the
answer and cancellation, and stale versions."""

from datetime import timedelta

import pytest

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.evidence.models import Document, InformationRequest
from evne.evidence.selectors import notice_given_on, requests_for
from evne.evidence.services import (
    consent_record,
    document_register,
    request_answer,
    request_cancel,
    request_create,
    request_send,
)

from .conftest import days_ago, request_values, today

ANSWER = {"kind": "status_statement", "title": "Statusattest", "document_date": None, "author": "Lægehuset Nord",
          "summary": "Kroniske lænderygsmerter; kan ikke løfte over 10 kg; bedring forventes."}  # fmt: skip


def answer_doc(**overrides):
    return {**ANSWER, "document_date": days_ago(2), **overrides}


# --- R36 / I10: purpose, necessity, questions ---------------------------------------------------------------


def test_it_prepares_a_request_on_a_consent_in_force(make_request, consent, case):
    request = make_request()
    assert request.consent == consent
    assert request.version == 1
    event = case.events.get(kind=EventKind.REQUEST_CREATED)
    assert event.data["request_id"] == request.pk
    assert "Lægehuset Nord" in describe(event)


@pytest.mark.parametrize("field", ["purpose", "necessity", "questions", "recipient_name"])
def test_it_refuses_a_request_without_purpose_necessity_or_questions(make_request, field):
    with pytest.raises(DomainError) as err:
        make_request(**{field: "   "})
    assert err.value.field == field
    assert not InformationRequest.objects.exists()


# --- I11–I12: the least intrusive document --------------------------------------------------------------


@pytest.mark.parametrize(
    "document_type", ["general_certificate", "specific_certificate", "lae_265", "hospital_records"]
)
def test_it_requires_a_reason_for_anything_more_intrusive_than_a_status_statement(make_request, document_type):
    with pytest.raises(DomainError) as err:
        make_request(document_type=document_type)
    assert err.value.field == "intrusion_reason"
    reason = "Statusattesten fra marts besvarer ikke spørgsmålet om løfteevne; der kræves en aktuel undersøgelse."
    assert make_request(document_type=document_type, intrusion_reason=reason).intrusion_reason == reason


def test_it_needs_no_reason_for_a_status_statement_or_an_employer_statement(make_request):
    assert make_request(document_type="status_statement").pk
    assert make_request(document_type="employer_statement", recipient_kind="employer").pk


def test_it_requires_the_medical_adviser_before_a_specialist_statement_outside_team_cases(make_request, case):
    case.pathway = "revalidering"  # not a case for the rehabilitation team (see test_health_advice for those)
    case.save(update_fields=["pathway"])
    reason = "Egen læges attest er uklar om diagnosen; lægekonsulenten anbefaler en psykiatrisk speciallægeerklæring."
    with pytest.raises(DomainError) as err:
        make_request(document_type="specialist_statement", recipient_kind="specialist", intrusion_reason=reason)
    assert err.value.field == "adviser_consulted"
    request = make_request(
        document_type="specialist_statement", recipient_kind="specialist", intrusion_reason=reason,
        adviser_consulted=True,
    )  # fmt: skip
    assert requests_for(case, today=today())[0].adviser_consulted is True
    assert "medical adviser" in describe(case.events.get(kind=EventKind.REQUEST_CREATED, data__request_id=request.pk))


# --- I4: consent, or a legal ground and a note ----------------------------------------------------------


def test_it_refuses_a_request_without_consent_and_without_a_legal_ground(alice, case):
    with pytest.raises(DomainError) as err:
        request_create(actor=alice, case=case, **request_values())
    assert err.value.field == "collection_ground"
    with pytest.raises(DomainError) as err:
        request_create(actor=alice, case=case, **request_values(collection_ground="control"))
    assert err.value.field == "collection_note"
    assert not InformationRequest.objects.exists()


def test_it_accepts_a_legal_ground_with_a_note_instead_of_consent(alice, case):
    request = request_create(actor=alice, case=case, **request_values(
        collection_ground="cannot_understand",
        collection_note="Borgeren er psykotisk og kan ikke overskue konsekvensen af at nægte samtykke.",
    ))  # fmt: skip
    assert request.consent is None
    assert request.collection_ground == "cannot_understand"
    assert "Without consent" in describe(case.events.get(kind=EventKind.REQUEST_CREATED))


def test_it_refuses_a_consent_that_is_withdrawn_or_only_for_disclosure(alice, case, consent, make_request):
    disclose = consent_record(actor=alice, case=case, purpose="disclose", status="given", scope="Til lægen",
                              recipient="Lægehuset Nord", given_on=days_ago(3))  # fmt: skip
    with pytest.raises(DomainError) as err:
        make_request(consent_id=disclose.pk)
    assert err.value.field == "consent"
    consent_record(actor=alice, case=case, purpose="collect", status="withdrawn", scope=consent.scope,
                   given_on=days_ago(1))  # fmt: skip
    with pytest.raises(DomainError) as err:
        make_request()
    assert err.value.field == "consent"


def test_it_refuses_a_consent_of_another_case(alice, case, citizen, consent):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=days_ago(40))  # fmt: skip
    with pytest.raises(DomainError) as err:
        request_create(actor=alice, case=other, consent_id=consent.pk, **request_values())
    assert err.value.field == "consent"


# --- R34: 14 days after a notice under RTL § 12, stk. 3 ----------------------------------------------------


def notice_request(alice, case, notice_on):
    return request_create(actor=alice, case=case, **request_values(
        collection_ground="notice_rtl_12_3", notice_given_on=notice_on,
        collection_note="Skriftligt varsel: kommunen indhenter statusattest, medmindre borgeren gør indsigelse.",
    ))  # fmt: skip


def test_it_refuses_to_send_before_14_days_after_a_notice(alice, case):
    request = notice_request(alice, case, days_ago(13))
    assert notice_given_on(request) == days_ago(13)
    with pytest.raises(DomainError) as err:
        request_send(actor=alice, request=request, expected_version=1, sent_on=today())
    assert err.value.field == "sent_on"
    assert (today() + timedelta(days=1)).strftime("%d-%m-%Y") in err.value.message
    assert InformationRequest.objects.get().sent_on is None


def test_it_sends_14_days_after_a_notice(alice, case):
    request = notice_request(alice, case, days_ago(14))
    assert request_send(actor=alice, request=request, expected_version=1, sent_on=today()).sent_on == today()


def test_it_requires_the_notice_date_for_a_notice_ground(alice, case):
    with pytest.raises(DomainError) as err:
        notice_request(alice, case, None)
    assert err.value.field == "notice_given_on"


# --- R37: the stop rule -------------------------------------------------------------------------------------


def test_it_refuses_new_requests_once_the_work_ability_is_found_sufficient(make_request, sufficient):
    with pytest.raises(DomainError) as err:
        make_request()
    assert "decision is due" in err.value.message
    assert not InformationRequest.objects.exists()


def test_it_refuses_to_send_a_prepared_request_after_a_sufficient_assessment(alice, make_request, request):
    prepared = make_request()
    request.getfixturevalue("sufficient")
    with pytest.raises(DomainError):
        request_send(actor=alice, request=prepared, expected_version=1, sent_on=today())
    cancelled = request_cancel(actor=alice, request=prepared, expected_version=1, reason="Stopreglen: afgørelse.")
    assert cancelled.cancelled_on == today()


def test_it_lets_requests_go_on_when_the_assessment_is_not_sufficient(make_request, sufficient, alice, case):
    from evne.assessments.models import WorkAbilityAssessment

    values = {f.name: getattr(sufficient, f.name) for f in WorkAbilityAssessment._meta.fields if f.name != "id"}
    WorkAbilityAssessment.objects.create(**{**values, "number": 2, "conclusion": "can_be_improved"})
    assert make_request().pk


# --- send, answer, cancel, versions -----------------------------------------------------------------------


def test_it_sets_the_answer_date_from_the_parameter_when_sending(alice, make_request, case):
    request = request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(3))
    assert request.answer_due_on == days_ago(3) + timedelta(days=14)
    assert request.version == 2
    assert "answer due on" in describe(case.events.get(kind=EventKind.REQUEST_SENT))


def test_it_refuses_an_answer_date_before_the_sending(alice, make_request):
    with pytest.raises(DomainError) as err:
        request_send(actor=alice, request=make_request(), expected_version=1, sent_on=today(),
                     answer_due_on=days_ago(1))  # fmt: skip
    assert err.value.field == "answer_due_on"


def test_it_refuses_a_stale_send_and_says_what_changed(alice, bob, make_request):
    request = make_request()
    request_send(actor=bob, request=request, expected_version=1, sent_on=days_ago(1))
    with pytest.raises(StaleVersion) as err:
        request_send(actor=alice, request=request, expected_version=1, sent_on=today())
    assert err.value.changes["sent_on"] == (None, days_ago(1).isoformat())
    assert InformationRequest.objects.get().sent_on == days_ago(1)


def test_it_records_the_answer_as_a_new_document(alice, make_request, case):
    request = request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(5))
    answered = request_answer(actor=alice, request=request, expected_version=2, answered_on=today(),
                              document=answer_doc())  # fmt: skip
    document = Document.objects.get()
    assert answered.answered_on == today()
    assert document.request == answered and document.received_on == today() and document.sensitive
    assert requests_for(case, today=today())[0].answer_document == document
    assert case.events.filter(kind=EventKind.DOCUMENT_RECEIVED).count() == 1
    assert "arrived" in describe(case.events.get(kind=EventKind.REQUEST_ANSWERED))


def test_it_links_an_answer_to_a_document_already_registered(alice, make_request, case):
    request = request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(5))
    document = document_register(actor=alice, case=case, received_on=days_ago(1), **answer_doc())
    request_answer(actor=alice, request=request, expected_version=2, answered_on=days_ago(1), document_id=document.pk)
    assert requests_for(case, today=today())[0].answer_document == document
    assert Document.objects.count() == 1


def test_it_refuses_an_answer_with_no_document_or_with_both_kinds(alice, make_request, case):
    request = request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(5))
    document = document_register(actor=alice, case=case, received_on=days_ago(1), **answer_doc())
    for kwargs in ({}, {"document_id": document.pk, "document": answer_doc()}):
        with pytest.raises(DomainError) as err:
            request_answer(actor=alice, request=request, expected_version=2, answered_on=today(), **kwargs)
        assert err.value.field == "document"
    assert InformationRequest.objects.get().answered_on is None


def test_it_refuses_an_answer_to_a_request_not_sent_or_already_answered(alice, make_request):
    request = make_request()
    with pytest.raises(DomainError):
        request_answer(actor=alice, request=request, expected_version=1, answered_on=today(), document=answer_doc())
    request_send(actor=alice, request=request, expected_version=1, sent_on=days_ago(5))
    request_answer(actor=alice, request=request, expected_version=2, answered_on=today(), document=answer_doc())
    with pytest.raises(DomainError):
        request_answer(actor=alice, request=request, expected_version=3, answered_on=today(), document=answer_doc())
    assert Document.objects.count() == 1


def test_it_refuses_an_answer_without_a_summary_and_saves_nothing(alice, make_request):
    request = request_send(actor=alice, request=make_request(), expected_version=1, sent_on=days_ago(5))
    with pytest.raises(DomainError) as err:
        request_answer(actor=alice, request=request, expected_version=2, answered_on=today(),
                       document=answer_doc(summary=""))  # fmt: skip
    assert err.value.field == "summary"
    assert InformationRequest.objects.get().answered_on is None
    assert not Document.objects.exists()


def test_it_requires_a_reason_to_cancel(alice, make_request, case):
    request = make_request()
    with pytest.raises(DomainError) as err:
        request_cancel(actor=alice, request=request, expected_version=1, reason=" ")
    assert err.value.field == "reason"
    request_cancel(actor=alice, request=request, expected_version=1, reason="Oplysningerne kom fra sygehuset.")
    assert "sygehuset" in describe(case.events.get(kind=EventKind.REQUEST_CANCELLED))
    with pytest.raises(DomainError):
        request_send(actor=alice, request=request, expected_version=2, sent_on=today())


def test_it_lets_only_the_cases_team_write_requests(make_request, bob, carol, charlie):
    assert make_request(actor=bob).pk
    for stranger in (carol, charlie):
        with pytest.raises(AccessDenied):
            make_request(actor=stranger)
    request = make_request()
    with pytest.raises(AccessDenied):
        request_send(actor=carol, request=request, expected_version=1, sent_on=today())
