"""The worklist ("Mine sager"): 50 cases a page, ordered by the next deadline (overdue first), the cases shown
access-logged in ONE insert, and a number of queries that does not grow with the cases behind it."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evne.accounts.models import AccessAction, AccessLogEntry, Role
from evne.cases.models import Case
from evne.cases.services import case_open
from evne.checks import deadlines
from evne.citizens.services import citizen_create

from ..conftest import PASSWORD

pytestmark = pytest.mark.django_db


def make_cases(actor, n: int, *, start: int = 0, benefit="kontanthjaelp", help_requested_on=date(2026, 3, 2)):
    cases = []
    for i in range(start, start + n):
        citizen = citizen_create(actor=actor, cpr=f"{i % 28 + 1:02d}0180{i:04d}", first_name="Borger",
                                 last_name=f"Nummer{i}")  # fmt: skip
        cases.append(case_open(actor=actor, citizen=citizen, pathway="ressourceforlob", benefit=benefit,
                               help_requested_on=help_requested_on))  # fmt: skip
    return cases


def _inserts_into_the_log(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "accounts_accesslogentry"')]


def _view(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("web:worklist"), params)
    assert response.status_code == 200
    return response, queries


def test_it_pages_the_worklist_and_logs_exactly_the_rows_shown_in_one_insert(client, alice):
    make_cases(alice, 120)
    deadlines.refresh(Case.objects.all(), on=timezone.localdate(), limit=None)
    client.login(username="alice", password=PASSWORD)

    response, queries = _view(client)
    page_1 = list(response.context["page"].object_list)
    assert len(page_1) == 50
    assert len(_inserts_into_the_log(queries)) == 1
    logged = AccessLogEntry.objects.filter(user=alice, action=AccessAction.LIST)
    assert sorted(logged.values_list("case_id", flat=True)) == sorted(c.pk for c in page_1)

    response, _queries = _view(client, page=3)
    page_3 = list(response.context["page"].object_list)
    assert len(page_3) == 20
    assert not {c.pk for c in page_3} & {c.pk for c in page_1}
    assert logged.count() == 70
    assert "Side 3 af 3" in response.content.decode() or "Page 3 of 3" in response.content.decode()


def test_the_worklist_costs_the_same_queries_for_3_and_120_cases(client, alice, bob, make_user, team_a):
    leader = make_user("lene", Role.TEAM_LEADER, team_a)
    make_cases(alice, 3)
    deadlines.refresh(Case.objects.all(), on=timezone.localdate(), limit=None)
    client.login(username="lene", password=PASSWORD)
    _r, few = _view(client, scope="team")
    make_cases(bob, 117, start=3)
    deadlines.refresh(Case.objects.all(), on=timezone.localdate(), limit=None)
    _r, many = _view(client, scope="team")
    print("queries for 3 and 120 cases:", len(few), len(many))
    assert len(few) == len(many)
    assert len(many) <= 15
    assert AccessLogEntry.objects.filter(user=leader, action=AccessAction.LIST).count() == 3 + 50


def test_recomputing_stale_deadlines_costs_the_same_queries_for_3_and_50_cases(alice):
    few, many = make_cases(alice, 3), make_cases(alice, 50, start=3)
    counts = []
    for cases in (few, many):
        with CaptureQueriesContext(connection) as queries:
            deadlines.compute(cases, on=timezone.localdate())
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_overdue_cases_come_first_and_say_so(client, alice):
    make_cases(alice, 3)
    # sick pay since a year ago: the duration limit (22 weeks) has passed, a deadline overdue
    (overdue,) = make_cases(alice, 1, start=3, benefit="sygedagpenge", help_requested_on=date(2025, 6, 2))
    client.login(username="alice", password=PASSWORD)

    response, _queries = _view(client)

    rows = response.context["rows"]
    assert rows[0]["case"].pk == overdue.pk
    assert rows[0]["overdue"] and rows[0]["due"] < timezone.localdate() and rows[0]["deadline"]
    assert 'class="badge badge-overdue"' in response.content.decode()
    assert not any(r["overdue"] for r in rows[1:])


def test_a_write_to_the_case_makes_its_next_deadline_stale(alice, case):
    from evne.cases.services import note_add
    from evne.checks.models import NextDeadline

    deadlines.compute([case], on=timezone.localdate())
    assert NextDeadline.objects.get(case=case).stale is False
    note_add(actor=alice, case=case, kind="fact", text="Borgeren ringede.", source="Telefon")
    assert NextDeadline.objects.get(case=case).stale is True


def test_the_lawyer_starts_on_decisions_complaints_and_the_access_log_search(client, make_user, team_a, case):
    make_user("jurist", Role.AUDITOR, team_a)
    client.login(username="jurist", password=PASSWORD)

    response = client.get(reverse("web:worklist"))

    assert response.status_code == 200
    assert next(t.name for t in response.templates) == "web/accesslog/landing.html"
    assert reverse("web:access_log") in response.content.decode()
