"""The assessment rests on the exact profile versions and documents it names (R21, R47), and the soft notices
before a decision (R39–R40)."""

from datetime import date

from django.utils import translation

from evne.assessments.selectors import assessment_basis, assessment_notices
from evne.profiles.models import ElementVersion
from evne.profiles.services import disagreement_decide, profile_present

from .conftest import fact


def test_it_snapshots_every_current_profile_version(make, save, assessed):
    health = save(element="health", relevant=False, not_relevant_obvious=True)
    assessment = make()
    assert sorted(assessment.profile_version_ids) == sorted([assessed.pk, health.pk])


def test_it_keeps_pointing_at_the_old_version_after_the_element_is_saved_again(make, save, assessed):
    assessment = make()
    newer = save(base_version=1, reason="Ny statusattest", facts=[fact(id="f1")], assessment="Ny vurdering.",
                 assessment_fact_ids=["f1"])  # fmt: skip
    assessment.refresh_from_db()
    assert assessment.profile_version_ids == [assessed.pk]
    basis = assessment_basis(assessment)
    assert basis["versions"] == [assessed]
    assert basis["versions"][0].number == 1 and newer.number == 2
    assert make().profile_version_ids == [newer.pk]


def test_it_returns_the_documents_the_assessment_rests_on(make, document, case):
    first, second = document(case, title="LÆ 265"), document(case, title="Statusudtalelse")
    assessment = make(document_ids=[second.pk, first.pk])
    assert {d.pk for d in assessment_basis(assessment)["documents"]} == {first.pk, second.pk}
    assert assessment_basis(make())["documents"] == []


def test_it_orders_the_versions_as_the_law_lists_the_elements(make, save, assessed):
    save(element="health", relevant=False, not_relevant_obvious=True)
    save(element="education", relevant=False, not_relevant_obvious=True)
    elements = [v.element for v in assessment_basis(make())["versions"]]
    assert elements == ["education", "labour_market_experience", "health"]


def test_it_notes_a_profile_not_yet_presented_but_does_not_refuse(make, case, assessed):
    with translation.override("en"):
        notices = assessment_notices(case)
    assert len(notices) == 1 and "not been presented" in notices[0]
    assert make().number == 1


def test_it_has_no_notice_once_the_current_profile_is_presented_and_agreed(alice, case, assessed):
    profile_present(actor=alice, case=case, presented_on=date(2026, 3, 20), method="meeting",
                    responses={"labour_market_experience": {"agrees": True}})  # fmt: skip
    assert assessment_notices(case) == []


def test_it_notes_elements_changed_since_the_presentation(alice, case, save, assessed):
    profile_present(actor=alice, case=case, presented_on=date(2026, 3, 20), method="meeting",
                    responses={"labour_market_experience": {"agrees": True}})  # fmt: skip
    save(element="education", relevant=False, not_relevant_obvious=True)
    with translation.override("en"):
        notices = assessment_notices(case)
    assert len(notices) == 1 and "Education" in notices[0]


def test_it_notes_an_open_disagreement_until_it_is_decided(alice, case, assessed, make):
    answer = {"agrees": False, "disagreement": "Jeg kan ikke stå op."}
    presentation = profile_present(actor=alice, case=case, presented_on=date(2026, 3, 20), method="meeting",
                                   responses={"labour_market_experience": answer})  # fmt: skip
    with translation.override("en"):
        notices = assessment_notices(case)
    assert len(notices) == 1 and "disagrees" in notices[0]
    assert make().number == 1  # a notice, not a refusal
    disagreement_decide(actor=alice, case=case, response=presentation.responses.get(), outcome="keep",
                        explanation="Beskrivelsen bygger på arbejdsprøvningen.")  # fmt: skip
    assert assessment_notices(case) == []


def test_it_has_no_notices_before_the_profile_is_started(case):
    assert assessment_notices(case) == []
    assert not ElementVersion.objects.exists()
