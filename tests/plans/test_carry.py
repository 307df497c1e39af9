"""Carrying a provider's finding into the resource profile (seed 000, L4703–4705, L5201–5207; P9)."""

import pytest

from evne.cases.models import EventKind
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.plans.selectors import carried_findings, plan_revision_prompt
from evne.plans.services import report_finding_carry
from evne.profiles.models import ElementVersion
from evne.profiles.selectors import current_elements, element_history, profile_for
from evne.profiles.services import COMPARED_FIELDS


def carry(alice, case, report, element="health", text="Kan stå 2 timer ad gangen.", **kw):
    return report_finding_carry(actor=alice, case=case, report=report, element=element, text=text, **kw)


def test_it_saves_a_new_version_with_the_sourced_fact_and_keeps_the_other_fields(alice, case, report, profile):
    before = profile["health"]
    version = carry(alice, case, report)
    assert version.number == 2
    new_fact = version.facts[-1]
    assert new_fact["text"] == "Kan stå 2 timer ad gangen."
    assert new_fact["source_kind"] == "provider_report" and new_fact["report_id"] == report.pk
    assert new_fact["source_detail"] == f"Lagerhuset A/S, statusudtalelse {report.report_date:%d-%m-%Y}"
    assert version.facts[:-1] == before.facts
    for field in set(COMPARED_FIELDS) - {"facts"}:
        assert getattr(version, field) == getattr(before, field), field
    assert ElementVersion.objects.get(pk=before.pk).facts == before.facts  # the old version is untouched
    assert "statusudtalelse" in version.reason


def test_it_records_the_carried_finding_on_the_timeline(alice, case, report):
    version = carry(alice, case, report, reason="Fra praktikken")
    event = case.events.get(kind=EventKind.REPORT_FINDING_CARRIED)
    assert event.data["report_id"] == report.pk and event.data["number"] == version.number
    assert case.events.filter(kind=EventKind.PROFILE_ELEMENT_SAVED, data__number=2, data__element="health").exists()
    assert version.reason == "Fra praktikken"


def test_it_creates_an_element_not_yet_described_as_relevant(alice, case, report):
    version = carry(alice, case, report, element="social_competences", text="Samarbejder godt med kolleger.")
    assert version.number == 1 and version.relevant
    assert [f["text"] for f in version.facts] == ["Samarbejder godt med kolleger."]
    assert carried_findings(case, report) == [{"element": "social_competences", "label": version.get_element_display(),
                                               "number": 1, "text": "Samarbejder godt med kolleger."}]  # fmt: skip


def test_it_prompts_the_plan_revision_after_a_carried_finding(alice, case, report):
    assert plan_revision_prompt(case) == []
    carry(alice, case, report)
    assert [r["element"] for r in plan_revision_prompt(case)] == ["health"]


def test_it_refuses_an_empty_finding_or_an_unknown_element(alice, case, report):
    with pytest.raises(DomainError) as err:
        carry(alice, case, report, text=" ")
    assert err.value.field == "text"
    with pytest.raises(DomainError) as err:
        carry(alice, case, report, element="salary")
    assert err.value.field == "element"
    assert len(element_history(profile_for(case), "health")) == 1


def test_it_refuses_a_report_of_another_case(alice, case, report, citizen):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                      help_requested_on=case.help_requested_on)  # fmt: skip
    with pytest.raises(DomainError):
        carry(alice, other, report)


def test_it_lets_the_profile_refusal_through_before_the_opening_conversation(alice, case, report, monkeypatch):
    from evne.profiles import services as profile_services

    def refuse(profile):
        raise DomainError("Record the opening conversation with the citizen first.", field="involvement")

    # A plan (and so a report) needs a started profile, so the refusal is simulated here.
    monkeypatch.setattr(profile_services, "_require_involvement", refuse)
    with pytest.raises(DomainError) as err:
        carry(alice, case, report)
    assert err.value.field == "involvement"
    assert not case.events.filter(kind=EventKind.REPORT_FINDING_CARRIED).exists()
    assert current_elements(profile_for(case))["health"].number == 1


def test_it_refuses_carrying_for_a_reader_of_another_team(carol, case, report):
    with pytest.raises(AccessDenied):
        carry(carol, case, report)


def test_it_lets_a_stale_profile_save_through(alice, case, report, monkeypatch):
    from evne.plans import services

    real = services.selectors.current_elements

    def behind(profile):  # the element moved on between reading and saving
        current = real(profile)
        current["health"].number = 0
        return current

    monkeypatch.setattr(services.selectors, "current_elements", behind)
    with pytest.raises(StaleVersion):
        carry(alice, case, report)
