"""The action plan: versions, goals and sub-goals built on the profile (R41), means, the citizen's agreement, and
the prompt to revise when the profile changes (P10)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from evne.cases.models import EventKind
from evne.errors import DomainError, StaleVersion
from evne.plans.models import PlanRevision
from evne.plans.selectors import current_plan, goal_rows, plan_history, plan_revision_prompt, prompt_sentence
from evne.plans.services import plan_save

from .conftest import fact, goal


def revise(alice, case, base_version=1, **over):
    values = {"reason": "Nyt delmål", "means": "Praktik og mentor.", "goals": [goal()]}
    values.update(over)
    return plan_save(actor=alice, case=case, base_version=base_version, **values)


def test_it_saves_the_first_plan_with_goals_sub_goals_and_the_profile_versions(plan, profile, case):
    assert plan.number == 1
    assert [g["id"] for g in plan.goals] == ["g1", "g2", "g11"]
    assert plan.profile_versions == {"labour_market_experience": 1, "health": 1}
    assert [(r["label"], r["level"]) for r in goal_rows(plan)] == [("1", 0), ("1.1", 1), ("2", 0)]
    assert case.events.filter(kind=EventKind.PLAN_REVISED, data__number=1).exists()


def test_it_keeps_every_version_and_overwrites_nothing(plan, alice, case):
    revise(alice, case, goals=[goal(text="Nyt mål")])
    assert [p.number for p in plan_history(case)] == [2, 1]
    assert PlanRevision.objects.get(pk=plan.pk).goals[0]["text"].startswith("Borgeren afprøver")
    assert current_plan(case).goals[0]["text"] == "Nyt mål"


def test_it_refuses_a_save_based_on_a_stale_version(plan, alice, bob, case):
    plan_save(actor=bob, case=case, base_version=1, reason="Bob reviderer", means="Bobs midler.", goals=[goal()])
    with pytest.raises(StaleVersion) as err:
        revise(alice, case, base_version=1, means="Alices midler.")
    assert "Bob" in err.value.message
    assert err.value.changes["means"] == ("Praktik og mentor.", "Bobs midler.")
    assert current_plan(case).means == "Bobs midler." and current_plan(case).number == 2


def test_it_refuses_a_base_version_when_there_is_no_plan(alice, case, profile):
    with pytest.raises(DomainError) as err:
        revise(alice, case, base_version=1)
    assert err.value.field == "base_version"


def test_it_requires_a_reason_for_a_revision_but_not_for_the_first_plan(plan, alice, case):
    with pytest.raises(DomainError) as err:
        revise(alice, case, reason="")
    assert err.value.field == "reason"
    assert revise(alice, case, reason="Borgeren har fået nyt mål").number == 2


def test_it_requires_the_means(alice, case, profile):
    with pytest.raises(DomainError) as err:
        revise(alice, case, base_version=0, means="  ")
    assert err.value.field == "means"
    assert revise(alice, case, base_version=0, means="Mentor").means == "Mentor"


def test_it_requires_at_least_one_goal(alice, case, profile):
    with pytest.raises(DomainError) as err:
        revise(alice, case, base_version=0, goals=[{"text": "", "element_keys": []}])
    assert err.value.field == "goals"


def test_it_requires_each_goal_to_build_on_an_element(alice, case, profile):
    with pytest.raises(DomainError) as err:
        revise(alice, case, base_version=0, goals=[goal(), goal("g2", elements=())])
    assert err.value.field == "goals.1"


def test_it_refuses_an_element_that_is_not_relevant_in_the_current_profile(alice, case, profile, save):
    save(element="education", relevant=False, not_relevant_obvious=True)
    for elements in (("education",), ("interests",)):
        with pytest.raises(DomainError) as err:
            revise(alice, case, base_version=0, goals=[goal(elements=elements)])
        assert err.value.field == "goals.0"
    assert revise(alice, case, base_version=0, goals=[goal(elements=("health",))]).number == 1


def test_it_refuses_a_plan_before_the_profile_describes_anything(alice, case, started):
    with pytest.raises(DomainError) as err:
        revise(alice, case, base_version=0)
    assert "resource profile" in err.value.message


def test_it_refuses_an_unknown_element(alice, case, profile):
    with pytest.raises(DomainError):
        revise(alice, case, base_version=0, goals=[goal(elements=("salary",))])


def test_it_requires_whether_a_goal_builds_on_resources_or_barriers(alice, case, profile):
    with pytest.raises(DomainError):
        revise(alice, case, base_version=0, goals=[goal(builds_on="")])
    assert revise(alice, case, base_version=0, goals=[goal(builds_on="both")]).goals[0]["builds_on"] == "both"


def test_it_requires_a_sub_goal_to_point_at_a_goal_of_the_same_plan(alice, case, profile):
    for parent in ("nope", "g11"):  # unknown; a sub-goal of a sub-goal
        with pytest.raises(DomainError) as err:
            revise(alice, case, base_version=0, goals=[goal(), goal("g11", parent_id="g1"),
                                                       goal("g12", parent_id=parent)])  # fmt: skip
        assert err.value.field == "goals.2"
    with pytest.raises(DomainError):
        revise(alice, case, base_version=0, goals=[goal(parent_id="g1")])  # itself


def test_it_refuses_duplicate_or_malformed_goal_ids(alice, case, profile):
    for goals in ([goal(), goal()], [goal("g-1")]):
        with pytest.raises(DomainError):
            revise(alice, case, base_version=0, goals=goals)


def test_it_gives_a_new_goal_an_id(alice, case, profile):
    plan = revise(alice, case, base_version=0, goals=[{**goal(), "id": ""}])
    assert plan.goals[0]["id"].isalnum()


def test_it_refuses_an_agreement_dated_in_the_future(alice, case, profile):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(DomainError) as err:
        revise(alice, case, base_version=0, agreed_with_citizen_on=tomorrow)
    assert err.value.field == "agreed_with_citizen_on"
    assert revise(alice, case, base_version=0, agreed_with_citizen_on=date(2026, 3, 1)).agreed_with_citizen_on


def test_it_prompts_a_revision_when_a_planned_element_changes(plan, case, save):
    assert plan_revision_prompt(case) == []
    assert prompt_sentence([]) == ""
    save(element="health", base_version=1, reason="Ny lægeattest", facts=[fact("Bedre efter genoptræning.")])
    rows = plan_revision_prompt(case)
    assert [(r["element"], r["planned"], r["current"]) for r in rows] == [("health", 1, 2)]
    assert "Health" in prompt_sentence(rows) or "Helbred" in prompt_sentence(rows)


def test_it_prompts_for_a_new_relevant_element_but_not_a_new_irrelevant_one(plan, case, save):
    save(element="housing_finances", relevant=False, not_relevant_obvious=True)
    assert plan_revision_prompt(case) == []
    save(element="interests", facts=[fact("Interesseret i logistik.")])
    assert [r["element"] for r in plan_revision_prompt(case)] == ["interests"]


def test_it_stops_prompting_once_the_plan_is_revised(plan, alice, case, save):
    save(element="health", base_version=1, reason="Ny lægeattest", facts=[fact("Bedre.")])
    revise(alice, case, reason="Profilen er ændret")
    assert plan_revision_prompt(case) == []


def test_it_has_no_prompt_without_a_plan(case, save):
    save(element="health", facts=[fact("Rygsmerter.")])
    assert plan_revision_prompt(case) == []


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_concurrent_plan_writers_win(alice, bob, case, profile):
    """Two caseworkers revise the plan from the same version at the same moment, on two real database
    connections: one new version, one clear refusal, nothing overwritten."""
    import threading

    from django.db import connection, connections

    plan_save(actor=alice, case=case, base_version=0, reason="", means="Start.", goals=[goal()])
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("in-memory SQLite (shared cache) cannot hold two writers; this test runs on PostgreSQL in CI")
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def writer(user):
        try:
            barrier.wait(timeout=5)
            plan_save(actor=user, case=case, base_version=1, reason=f"{user} reviderer", means=str(user),
                      goals=[goal()])  # fmt: skip
            results[user.username] = "saved"
        except StaleVersion:
            results[user.username] = "stale"
        except Exception as exc:  # a lock timeout must fail the test visibly
            results[user.username] = f"error: {exc!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(u,)) for u in (alice, bob)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert sorted(results.values()) == ["saved", "stale"], results
    assert [p.number for p in plan_history(case)] == [2, 1]
