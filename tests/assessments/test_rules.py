"""The rules of the work-ability assessment, each with a case that passes and one that fails.

A1–A9: seed-000-notes §6.4; R10, R20, R37–R38, R44–R47: seed-001-notes §6."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from evne.assessments.models import WorkAbilityAssessment
from evne.assessments.services import assessment_make
from evne.cases.models import EventKind
from evne.errors import DomainError

from .conftest import job, values


def _refused(make, field, **overrides):
    with pytest.raises(DomainError) as err:
        make(**overrides)
    assert err.value.field == field
    assert not WorkAbilityAssessment.objects.exists()
    return err.value


def test_it_records_a_complete_assessment_with_its_author_number_and_timeline_event(make, alice, case):
    assessment = make()
    assert (assessment.number, assessment.author, assessment.conclusion) == (1, alice, "can_be_improved")
    assert assessment.job_functions == [{"text": "Lagermedarbejder med let truckkørsel", "can_meet": "yes", "note": ""}]
    event = case.events.get(kind=EventKind.ASSESSMENT_MADE)
    assert event.data["number"] == 1 and event.data["conclusion"] == "can_be_improved"
    assert make().number == 2


@pytest.mark.parametrize("part", ["actual_resources", "development_possibilities", "barrier_reduction"])
def test_it_requires_each_of_the_parts_of_the_assessment(make, part):
    """A1: actual resources, development possibilities, barrier reduction (and job functions, below)."""
    _refused(make, part, **{part: "  "})
    assert make().number == 1


def test_it_requires_at_least_one_concrete_job_function(make):
    """A2 / R10: the profile is translated into concrete job functions (bek. 543/2002 § 8, stk. 1)."""
    _refused(make, "job_functions", job_functions=[])
    _refused(make, "job_functions", job_functions=[{"text": " ", "can_meet": "", "note": ""}])
    assert make(job_functions=[job(can_meet="no")]).number == 1


def test_it_requires_whether_the_citizen_can_meet_each_job_function(make):
    _refused(make, "job_functions.1", job_functions=[job(), job("Pakkemedarbejder", can_meet="")])
    _refused(make, "job_functions.0", job_functions=[job(can_meet="maybe")])
    _refused(make, "job_functions.0", job_functions=[{"text": "", "can_meet": "yes", "note": "Uden navn"}])
    assessment = make(
        job_functions=[job(), job("Pakkemedarbejder", can_meet="with_accommodation", note="Hæve-sænkebord")]
    )
    assert [j["can_meet"] for j in assessment.job_functions] == ["yes", "with_accommodation"]


def test_it_requires_restitution_to_be_considered(make):
    """A4 (seed 000, L1070–1078)."""
    _refused(make, "restitution", restitution="")
    assert make().restitution


def test_it_requires_professional_reasons(make):
    """A7 / R47 (seed 000, L3931–3933; seed 001, l. 2490–2502)."""
    _refused(make, "reasons", reasons=" \n ")
    assert make().reasons


def test_it_refuses_a_conclusion_outside_the_ladder(make):
    _refused(make, "conclusion", conclusion="ordinary")
    _refused(make, "conclusion", conclusion="")


@pytest.mark.parametrize("conclusion", ["flex_job_level", "below_flex_job"])
def test_it_refuses_fleksjob_or_pension_while_the_work_ability_can_be_improved(make, document, case, conclusion):
    """A6 guard, R44–R45: no fleksjob or førtidspension while development is possible."""
    doc = document(case)
    error = _refused(make, "development_exhausted", conclusion=conclusion, document_ids=[doc.pk],
                     job_functions=[job(can_meet="no")])  # fmt: skip
    assert "R44" not in error.message  # no seed reference in a message the user reads
    assessment = make(conclusion=conclusion, document_ids=[doc.pk], development_exhausted=True,
                      job_functions=[job(can_meet="no")])  # fmt: skip
    assert assessment.conclusion == conclusion
    event = case.events.get(kind=EventKind.ASSESSMENT_MADE)
    assert event.data["development_exhausted"] is True


def test_it_requires_a_meetable_job_function_for_a_sufficient_work_ability(make):
    """R10 / R46: "sufficient" points at concrete tasks the citizen can perform (seed 001, l. 619–625)."""
    _refused(make, "job_functions", conclusion="sufficient", job_functions=[job(can_meet="no"), job("Kantine", "no")])
    assert make(conclusion="sufficient", job_functions=[job(can_meet="with_accommodation")]).number == 1


def test_it_requires_documentation_for_a_below_flex_job_conclusion(make, document, case):
    """R45: førtidspension only when it is documented (seed 001, l. 904–910)."""
    _refused(make, "document_ids", conclusion="below_flex_job", development_exhausted=True)
    doc = document(case)
    assessment = make(conclusion="below_flex_job", development_exhausted=True, document_ids=[doc.pk])
    assert assessment.document_ids == [doc.pk]


def test_it_does_not_require_documents_for_a_flex_job_conclusion(make):
    assert make(conclusion="flex_job_level", development_exhausted=True).document_ids == []


def test_it_refuses_before_the_profile_is_described_and_assessed(alice, case, save):
    """R20: the final assessment waits for a described and assessed profile (seed 001, l. 1590–1596)."""
    with pytest.raises(DomainError) as err:
        assessment_make(actor=alice, case=case, **values())
    assert err.value.field == "profile"
    save(element="education", facts=[{"text": "HF 2001.", "source_kind": "conversation"}])
    save(element="health", relevant=False, not_relevant_obvious=True)
    with pytest.raises(DomainError) as err:  # described, but no element carries an assessment yet
        assessment_make(actor=alice, case=case, **values())
    assert err.value.field == "profile"
    facts = [{"id": "f1", "text": "12 år på lager.", "source_kind": "conversation"}]
    save(element="labour_market_experience", facts=facts, assessment="Kan bruges.", assessment_fact_ids=["f1"])
    assert assessment_make(actor=alice, case=case, **values()).number == 1


def test_it_refuses_documents_of_another_case(make, document, alice, citizen, case):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="ledighedsydelse",
                      help_requested_on=date(2026, 1, 1))  # fmt: skip
    _refused(make, "document_ids", document_ids=[document(other).pk])
    _refused(make, "document_ids", document_ids=[987654])
    own = document(case)
    assert make(document_ids=[own.pk, own.pk]).document_ids == [own.pk]


def test_it_refuses_an_assessment_dated_in_the_future(make):
    _refused(make, "assessed_on", assessed_on=timezone.localdate() + timedelta(days=1))
    assert make(assessed_on=timezone.localdate()).assessed_on == timezone.localdate()


def test_it_refuses_text_the_database_cannot_store(make):
    _refused(make, "reasons", reasons="Begrundelse\x00")
    _refused(make, "job_functions.0", job_functions=[job("x" * 301)])


def test_it_keeps_the_citizens_own_assessment_optional(make):
    assert make(citizen_view="").citizen_view == ""
