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


def test_the_demo_pages_of_the_team_and_its_cases_render_for_the_chair_and_the_caseworker(client):
    from django.urls import reverse

    from evne.synth.generate import DEMO_PASSWORD

    load_demo()
    team = RehabTeam.objects.get(name="Rehabiliteringsteamet Evnekøbing")
    client.login(username="rehab", password=DEMO_PASSWORD)
    assert client.get(reverse("web:rehab_teams")).status_code == 200
    page = client.get(reverse("web:rehab_team", args=[team.pk]))
    assert "Skal genforelægges" in page.content.decode()
    for meeting in team.meetings.all():
        assert client.get(reverse("web:rehab_meeting", args=[meeting.pk])).status_code == 200
    rec = Recommendation.objects.select_related("case__caseworker").first()
    assert client.get(reverse("web:case_detail", args=[rec.case_id])).status_code == 200
    client.logout()
    client.login(username=rec.case.caseworker.username, password=DEMO_PASSWORD)
    assert client.get(reverse("web:reform", args=[rec.case_id])).status_code == 200
    assert client.get(reverse("web:reform_plan", args=[rec.case_id, 1])).status_code == 200
