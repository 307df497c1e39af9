"""The method's rules for one element, each with a case that passes and one that fails."""

from datetime import date

import pytest

from evne.cases.models import EventKind, JournalNote
from evne.cases.services import note_add
from evne.errors import AccessDenied, DomainError
from evne.profiles.models import ElementKey, ElementVersion
from evne.profiles.services import element_save, hypothesis_add, involvement_record, profile_present

from .conftest import fact


def test_it_has_exactly_the_twelve_elements_of_the_order_plus_other():
    assert len(ElementKey.values) == 13
    assert ElementKey.values[-1] == "other"
    assert {"education", "labour_market_experience", "interests", "social_competences", "adaptability",
            "learning_ability", "work_wishes", "performance_expectations", "work_identity", "housing_finances",
            "social_network", "health"} == set(ElementKey.values) - {"other"}  # fmt: skip


def test_it_refuses_to_start_the_profile_before_the_opening_conversation(alice, case):
    with pytest.raises(DomainError) as err:
        element_save(actor=alice, case=case, element="education", base_version=0, reason="x", relevant=True)
    assert err.value.field == "involvement"
    assert not ElementVersion.objects.exists()


def test_it_lets_a_non_participating_citizens_profile_be_completed(alice, case):
    involvement_record(
        actor=alice, case=case, kind="non_participation", occurred_on=date(2026, 3, 9), non_participation="cannot",
        text="Borgeren er indlagt; bisidder (søster) deltog og gav borgerens synspunkter videre.",
    )  # fmt: skip
    version = element_save(actor=alice, case=case, element="education", base_version=0, reason="x", relevant=True)
    assert version.number == 1


def test_it_requires_the_consequences_explained_when_the_citizen_will_not_take_part(alice, case):
    with pytest.raises(DomainError) as err:
        involvement_record(
            actor=alice,
            case=case,
            kind="non_participation",
            occurred_on=date(2026, 3, 9),
            non_participation="will_not",
            text="Borgeren ønsker ikke at deltage.",
        )
    assert err.value.field == "consequences_explained"
    involvement_record(actor=alice, case=case, kind="non_participation", occurred_on=date(2026, 3, 9),
                       non_participation="will_not", text="Borgeren ønsker ikke at deltage.",
                       consequences_explained=True)  # fmt: skip


def test_it_requires_how_interests_were_safeguarded(alice, case):
    with pytest.raises(DomainError):
        involvement_record(
            actor=alice,
            case=case,
            kind="non_participation",
            occurred_on=date(2026, 3, 9),
            non_participation="cannot",
            text="  ",
        )


def test_it_requires_a_reason_for_a_non_relevant_element_unless_obvious(save):
    with pytest.raises(DomainError) as err:
        save(element="interests", relevant=False)
    assert err.value.field == "not_relevant_reason"
    assert (
        save(
            element="interests",
            relevant=False,
            not_relevant_reason="Borgeren har ikke fritidsinteresser, der belyser arbejdsevnen.",
        ).number
        == 1
    )
    assert save(element="housing_finances", relevant=False, not_relevant_obvious=True).number == 1


def test_it_requires_title_and_written_justification_for_other_matters(save):
    with pytest.raises(DomainError) as err:
        save(element="other", title="Kørekort")
    assert err.value.field == "justification"
    with pytest.raises(DomainError) as err:
        save(element="other", justification="Afgørende for job i hjemplejen.")
    assert err.value.field == "title"
    assert save(element="other", title="Kørekort", justification="Afgørende for job i hjemplejen.").number == 1


@pytest.mark.parametrize("element", ["work_wishes", "performance_expectations", "work_identity"])
def test_it_always_asks_for_the_citizens_view_in_the_own_perspective_elements(save, element):
    with pytest.raises(DomainError) as err:
        save(element=element, facts=[fact()])
    assert err.value.field == "citizen_view"
    assert save(element=element, citizen_view="Jeg vil gerne arbejde med dyr.").number == 1


def test_it_does_not_require_the_citizens_view_in_other_elements(save):
    assert save(element="education", facts=[fact()]).number == 1


def test_it_refuses_an_assessment_that_points_at_no_fact(save):
    with pytest.raises(DomainError) as err:
        save(facts=[fact()], assessment="Det er min vurdering, at uddannelsen kan bruges.")
    assert err.value.field == "assessment_fact_ids"


def test_it_refuses_an_assessment_that_points_at_a_fact_not_in_the_description(save):
    with pytest.raises(DomainError):
        save(facts=[fact(id="aaaa1111")], assessment="Vurdering.", assessment_fact_ids=["bbbb2222"])


def test_it_keeps_the_assessment_apart_from_the_facts_it_rests_on(save):
    version = save(
        facts=[fact(id="aaaa1111"), fact("Afbrudt HF i 2001.", id="bbbb2222")],
        assessment="Det er min vurdering, at uddannelsen kan bruges.",
        assessment_fact_ids=["aaaa1111"],
    )
    assert version.assessment_fact_ids == ["aaaa1111"]
    assert [f["id"] for f in version.facts] == ["aaaa1111", "bbbb2222"]
    assert version.fact("aaaa1111")["source_kind"] == "conversation"


def test_it_refuses_a_fact_without_a_source(save):
    with pytest.raises(DomainError) as err:
        save(facts=[{"text": "Borgeren har kørekort.", "source_kind": ""}])
    assert err.value.field == "facts.0"


def test_it_links_a_fact_to_a_note_in_the_case_and_refuses_one_from_another_case(save, alice, case, citizen):
    from evne.cases.services import case_open

    note = note_add(actor=alice, case=case, kind="fact", text="Borgeren ringede.", source="Telefon")
    version = save(facts=[fact(kind="document", note_id=note.pk)])
    assert version.facts[0]["note_id"] == note.pk
    other = case_open(
        actor=alice, citizen=citizen, pathway="fleksjob", benefit="ledighedsydelse", help_requested_on=date(2026, 1, 1)
    )
    foreign = note_add(actor=alice, case=other, kind="fact", text="Anden sag.", source="Telefon")
    with pytest.raises(DomainError):
        save(base_version=1, facts=[fact(kind="document", note_id=foreign.pk)])
    assert JournalNote.objects.count() == 2


def test_it_requires_the_duration_of_an_accommodation_need(save):
    with pytest.raises(DomainError) as err:
        save(element="health", accommodation_needs="Må ikke løfte over 10 kg.")
    assert err.value.field == "accommodation_duration"
    with pytest.raises(DomainError) as err:
        save(element="health", accommodation_needs="Må ikke løfte over 10 kg.", accommodation_duration="temporary")
    assert err.value.field == "accommodation_until"
    with pytest.raises(DomainError) as err:
        save(element="health", accommodation_needs="Må ikke løfte.", accommodation_duration="unclarified")
    assert err.value.field == "missing_information"
    version = save(
        element="health",
        accommodation_needs="Må ikke løfte over 10 kg.",
        accommodation_duration="temporary",
        accommodation_until=date(2027, 6, 30),
    )
    assert (version.accommodation_duration, version.accommodation_until) == ("temporary", date(2027, 6, 30))


def test_it_refuses_a_hypothesis_that_was_not_presented_first(save, alice, case):
    hypothesis = hypothesis_add(
        actor=alice,
        case=case,
        element="adaptability",
        text="Borgerens omstillingsevne styrkes af en fast kontaktperson.",
    )
    with pytest.raises(DomainError) as err:
        save(element="adaptability", hypothesis_ids=[hypothesis.pk])
    assert err.value.field == "hypothesis_ids"
    save(element="education")
    profile_present(
        actor=alice,
        case=case,
        presented_on=date(2026, 3, 20),
        method="meeting",
        responses={"education": {"agrees": True}},
        hypothesis_comments={hypothesis.pk: "Enig."},
    )
    assert save(element="adaptability", hypothesis_ids=[hypothesis.pk]).hypothesis_ids == [hypothesis.pk]


def test_it_refuses_a_version_without_a_reason(save):
    with pytest.raises(DomainError) as err:
        save(reason="  ")
    assert err.value.field == "reason"


def test_it_records_every_save_on_the_timeline(save, case):
    save()
    save(base_version=1, reason="Nye oplysninger fra borgeren", facts=[fact()])
    events = case.events.filter(kind=EventKind.PROFILE_ELEMENT_SAVED).order_by("id")
    assert [(e.data["element"], e.data["number"], e.data["reason"]) for e in events] == [
        ("education", 1, "Første beskrivelse"),
        ("education", 2, "Nye oplysninger fra borgeren"),
    ]


def test_it_lets_only_the_cases_own_team_write_the_profile(save, carol, case):
    with pytest.raises(AccessDenied):
        save(actor=carol)


def test_it_refuses_a_base_version_for_an_element_that_has_none(save):
    with pytest.raises(DomainError) as err:
        save(base_version=3)
    assert err.value.field == "base_version"
    assert not ElementVersion.objects.exists()
