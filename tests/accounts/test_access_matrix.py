"""The need-to-know matrix: role × (own team / other team / other municipality) × (read / write).

Each user sits in team A of Evnekøbing. Three cases: one in team A ("own team"), one in team B of the same
municipality ("other team"), one in team X of Andeby ("other municipality"). The expected outcome of every
combination is written out, so a change to the policy shows up here as a deliberate edit.
"""

from datetime import date

import pytest
from django.urls import reverse

from evne.accounts.access import access_case, access_citizen, can_read_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry, Role
from evne.cases.services import case_open
from evne.citizens.services import citizen_create
from evne.errors import AccessDenied, NotFound

from ..conftest import PASSWORD

# role -> {scope: (may read, may write)}
EXPECTED = {
    Role.CASEWORKER: {"own_team": (True, True), "other_team": (True, False), "other_municipality": (False, False)},
    Role.TEAM_LEADER: {"own_team": (True, True), "other_team": (True, False), "other_municipality": (False, False)},
    # A rehab-team member reads only the cases on their team's meeting agendas (0007; tests/reform/test_access.py).
    Role.REHAB_MEMBER: {"own_team": (False, False), "other_team": (False, False), "other_municipality": (False, False)},
    Role.AUDITOR: {"own_team": (True, False), "other_team": (True, False), "other_municipality": (False, False)},
    Role.ADMINISTRATOR: {
        "own_team": (False, False),
        "other_team": (False, False),
        "other_municipality": (False, False),
    },
}
MATRIX = [(role, scope, *rw) for role, scopes in EXPECTED.items() for scope, rw in scopes.items()]


@pytest.fixture
def cases(alice, carol, charlie):
    def open_for(owner, cpr, name):
        citizen = citizen_create(actor=owner, cpr=cpr, first_name=name, last_name="Matrixsen")
        return case_open(
            actor=owner,
            citizen=citizen,
            pathway="revalidering",
            benefit="kontanthjaelp",
            help_requested_on=date(2026, 1, 5),
        )

    return {
        "own_team": open_for(alice, "020275-1113", "Own"),
        "other_team": open_for(carol, "030385-2224", "Other"),
        "other_municipality": open_for(charlie, "040495-3335", "Stranger"),
    }


@pytest.fixture
def user_in_team_a(make_user, team_a):
    def make(role):
        return make_user(f"{role}_user", role, team_a)

    return make


@pytest.mark.parametrize(("role", "scope", "may_read", "may_write"), MATRIX)
def test_it_applies_the_need_to_know_matrix_in_the_gate(user_in_team_a, cases, role, scope, may_read, may_write):
    user = user_in_team_a(role)
    case = cases[scope]
    assert can_read_case(user, case) is may_read
    assert can_write_case(user, case) is may_write

    before = AccessLogEntry.objects.filter(user=user).count()
    if may_read:
        assert access_case(user=user, case_id=case.pk).pk == case.pk
        entry = AccessLogEntry.objects.filter(user=user).latest("id")
        assert (entry.case_id, entry.citizen_id, entry.action) == (case.pk, case.citizen_id, AccessAction.CASE)
        assert access_citizen(user=user, citizen_id=case.citizen_id).pk == case.citizen_id
    else:
        with pytest.raises(NotFound):
            access_case(user=user, case_id=case.pk)
        with pytest.raises(NotFound):
            access_citizen(user=user, citizen_id=case.citizen_id)
        assert AccessLogEntry.objects.filter(user=user).count() == before  # nothing was shown

    if may_write:
        assert access_case(user=user, case_id=case.pk, write=True).pk == case.pk
    else:
        with pytest.raises((AccessDenied, NotFound)):
            access_case(user=user, case_id=case.pk, write=True)


@pytest.mark.parametrize(("role", "scope", "may_read", "may_write"), MATRIX)
def test_it_applies_the_need_to_know_matrix_in_the_web_ui(
    client, user_in_team_a, cases, role, scope, may_read, may_write
):
    user = user_in_team_a(role)
    case = cases[scope]
    client.login(username=user.username, password=PASSWORD)

    page = client.get(reverse("web:case_detail", args=[case.pk]))
    assert page.status_code == (200 if may_read else 404)
    if may_read:
        assert case.citizen.full_name in page.content.decode()

    response = client.post(
        reverse("web:note_create", args=[case.pk]), {"kind": "fact", "text": "Matrix-note", "source": "Samtale"}
    )
    if may_write:
        assert response.status_code == 302
        assert case.notes.filter(text="Matrix-note").exists()
    else:
        assert response.status_code == (403 if may_read else 404)
        assert not case.notes.filter(text="Matrix-note").exists()


def test_it_logs_user_time_citizen_case_and_what_for_every_case_view(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    client.get(reverse("web:case_detail", args=[case.pk]))
    client.get(reverse("web:citizen_detail", args=[case.citizen_id]))
    entries = list(AccessLogEntry.objects.filter(user=alice).order_by("id"))
    assert [(e.action, e.case_id, e.citizen_id, e.channel) for e in entries] == [
        (AccessAction.CASE, case.pk, case.citizen_id, AccessChannel.WEB),
        (AccessAction.CITIZEN, None, case.citizen_id, AccessChannel.WEB),
    ]
    assert all(e.at is not None and e.municipality_id == alice.municipality_id for e in entries)


def test_it_logs_every_case_shown_in_the_worklist(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    client.get(reverse("web:worklist"))
    assert AccessLogEntry.objects.filter(user=alice, action=AccessAction.LIST, case=case).count() == 1


def test_it_logs_the_search_itself_and_each_hit_without_storing_the_cpr(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    response = client.post(reverse("web:search"), {"q": "010180-1234"})
    assert case.number in response.content.decode()
    search = AccessLogEntry.objects.get(
        user=alice, action=AccessAction.SEARCH, case__isnull=True, citizen__isnull=True, detail__startswith="[CPR]"
    )
    assert "010180" not in search.detail
    assert AccessLogEntry.objects.filter(user=alice, action=AccessAction.SEARCH_HIT, case=case).exists()


def test_it_does_not_find_other_municipalities_citizens_in_search(client, charlie, case):
    client.login(username="charlie", password=PASSWORD)
    response = client.post(reverse("web:search"), {"q": "Testrup"})
    assert response.status_code == 200
    assert case.number not in response.content.decode()
    assert "Mette" not in response.content.decode()
    assert reverse("web:citizen_detail", args=[case.citizen_id]) not in response.content.decode()


def test_it_lets_nobody_read_without_logging_in(client, case):
    response = client.get(reverse("web:case_detail", args=[case.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_lets_a_caseworker_change_only_citizens_with_a_case_in_their_own_team(client, carol, case):
    client.login(username="carol", password=PASSWORD)
    response = client.post(
        reverse("web:citizen_edit", args=[case.citizen_id]), {"first_name": "X", "last_name": "Y", "version": 1}
    )
    assert response.status_code == 403
    case.citizen.refresh_from_db()
    assert case.citizen.first_name == "Mette"
