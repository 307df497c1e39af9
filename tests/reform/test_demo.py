"""The demo has a rehabilitation team with members by role, meetings, recommendations and a case required back."""

import pytest

from evne.reform.models import Departure, Recommendation, RehabTeam
from evne.reform.selectors import cases_to_present_again, missing_roles
from evne.synth.generate import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_rehab_team_with_recommendations_and_a_departure():
    load_demo()
    team = RehabTeam.objects.get(name="Rehabiliteringsteamet Evnekøbing")
    assert missing_roles(team) == []
    assert team.meetings.count() == 3
    kinds = set(Recommendation.objects.values_list("kind", flat=True))
    assert "postponement" in kinds and len(kinds) >= 2
    assert Departure.objects.count() == 1
    assert len(cases_to_present_again(team)) == 1
