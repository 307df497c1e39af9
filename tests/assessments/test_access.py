"""Only the municipality assesses work ability (A9, R38; seed 001, l. 2175–2186): the author is a caseworker or
team leader of the case's own team, and there is no way to record another author."""

import pytest

from evne.accounts.models import Role
from evne.assessments.models import WorkAbilityAssessment
from evne.errors import AccessDenied

from .conftest import values


def test_it_lets_a_caseworker_of_the_team_author_the_assessment(make, bob):
    assert make(actor=bob).author == bob


def test_it_lets_the_team_leader_author_the_assessment(make, make_user, team_a):
    leader = make_user("tina_leder", Role.TEAM_LEADER, team_a)
    assert make(actor=leader).author == leader


@pytest.mark.parametrize("who", ["carol", "charlie", "dora"])
def test_it_refuses_anyone_outside_the_cases_team(make, request, make_user, team_a, who):
    actor = make_user("dora", Role.AUDITOR, team_a) if who == "dora" else request.getfixturevalue(who)
    with pytest.raises(AccessDenied):
        make(actor=actor)
    assert not WorkAbilityAssessment.objects.exists()


def test_it_has_no_way_to_record_an_external_author(alice, case, assessed, bob):
    from evne.assessments.services import assessment_make

    with pytest.raises(TypeError):
        assessment_make(actor=alice, case=case, author="Lægekonsulent Hansen", **values())
