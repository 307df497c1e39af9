"""Search: a POST (no CPR or name in a URL), paged at 50, need-to-know as the object pages, and the search with
exactly the rows shown logged in one insert."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.cases.services import case_open
from evne.citizens.models import Citizen
from evne.citizens.services import citizen_create

from ..conftest import PASSWORD

pytestmark = pytest.mark.django_db
JSON = {"content_type": "application/json"}


def _citizen(actor, i: int, last_name: str = "Søgesen", *, with_case: bool = True):
    citizen = citizen_create(
        actor=actor, cpr=f"0101{80 + i // 100 % 20:02d}-{1000 + i:04d}", first_name=f"Borger{i:03d}",
        last_name=last_name, address="Prøvevej 1", postal_code="9990", city="Evnekøbing",
    )  # fmt: skip
    if with_case:
        case_open(actor=actor, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                  help_requested_on=date(2026, 3, 2))  # fmt: skip
    return citizen


def _inserts_into_access_log(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith('INSERT INTO "accounts_accesslogentry"'))


def test_a_rehab_team_member_finds_only_the_citizens_of_cases_on_the_teams_agendas(client, alice, rita, item):
    """The leak of issue 15.0: `/search/?q=e` listed every citizen of the municipality to a rehab-team member."""
    other = _citizen(alice, 7, last_name="Andersen")
    client.login(username="rita", password=PASSWORD)

    page = client.post(reverse("web:search"), {"q": "e"}).content.decode()

    assert "Mette Testrup" in page  # the citizen of the case on the agenda
    assert other.full_name not in page
    assert reverse("web:citizen_detail", args=[other.pk]) not in page
    shown = AccessLogEntry.objects.filter(user=rita, action=AccessAction.SEARCH_HIT)
    assert set(shown.values_list("citizen_id", flat=True)) == {item.case.citizen_id}
    # the API answers the same
    api = client.post("/api/citizens/search", {"q": "e"}, **JSON).json()["items"]
    assert [c["id"] for c in api] == [item.case.citizen_id]
    assert [c["id"] for c in client.get("/api/citizens").json()["items"]] == [item.case.citizen_id]
    assert [c["id"] for c in client.get("/api/cases").json()["items"]] == [item.case_id]


@pytest.mark.personal_data_allowed  # it puts a name in the URL on purpose, to show that it is ignored
def test_search_is_a_post_and_a_query_in_the_url_searches_nothing(client, alice, case):
    client.login(username="alice", password=PASSWORD)

    page = client.get(reverse("web:search"), {"q": "Testrup"}).content.decode()

    assert case.number not in page
    assert not AccessLogEntry.objects.filter(user=alice, action=AccessAction.SEARCH).exists()
    assert 'method="post"' in page
    assert "Testrup" in client.post(reverse("web:search"), {"q": "Testrup"}).content.decode()
    assert client.put(reverse("web:search")).status_code == 405


def test_the_api_searches_only_by_post(api_client, alice, case):
    client = api_client(alice)
    found = client.post("/api/cases/search", {"q": "010180-1234"}, **JSON).json()
    assert [c["number"] for c in found["items"]] == [case.number]
    assert client.post("/api/cases/search", {"q": ""}, **JSON).status_code == 422
    assert client.post("/api/cases/search", {"q": "x", "page": 0}, **JSON).status_code == 422


def test_it_pages_the_results_and_logs_exactly_the_rows_shown_in_one_insert(client, alice):
    for i in range(53):
        _citizen(alice, i, with_case=i % 2 == 0)  # 53 citizens, 27 of them with a case
    client.login(username="alice", password=PASSWORD)

    with CaptureQueriesContext(connection) as queries:
        first = client.post(reverse("web:search"), {"q": "Søgesen"})
    page = first.content.decode()
    assert page.count('class="cpr"') == 27 + 50  # all 27 cases, the first 50 citizens
    assert 'name="page" value="2"' in page
    assert "Søgesen" not in first.get("Location", "")
    assert _inserts_into_access_log(queries.captured_queries) == 1
    entries = AccessLogEntry.objects.filter(user=alice)
    assert entries.filter(action=AccessAction.SEARCH).count() == 1
    assert entries.filter(action=AccessAction.SEARCH_HIT, case__isnull=False).count() == 27
    assert entries.filter(action=AccessAction.SEARCH_HIT, case__isnull=True).count() == 50

    second = client.post(reverse("web:search"), {"q": "Søgesen", "page": "2"}).content.decode()
    assert second.count('class="cpr"') == 3  # no more cases, the last 3 citizens
    assert 'name="page" value="3"' not in second and 'name="page" value="1"' in second
    last_three = Citizen.objects.order_by("first_name").values_list("first_name", flat=True)[50:]
    assert all(name in second for name in last_three)
    assert entries.filter(action=AccessAction.SEARCH_HIT, case__isnull=True).count() == 53


def test_the_api_pages_its_search(api_client, alice):
    for i in range(52):
        _citizen(alice, i, with_case=False)
    client = api_client(alice)
    first = client.post("/api/citizens/search", {"q": "Søgesen"}, **JSON).json()
    second = client.post("/api/citizens/search", {"q": "Søgesen", "page": 2}, **JSON).json()
    assert (len(first["items"]), first["next_page"]) == (50, 2)
    assert (len(second["items"]), second["next_page"]) == (2, None)
    assert {c["id"] for c in first["items"]}.isdisjoint(c["id"] for c in second["items"])
    assert AccessLogEntry.objects.filter(user=alice, action=AccessAction.SEARCH_HIT).count() == 52


def test_the_date_part_of_a_cpr_finds_everyone_born_that_day_and_nobody_else(client, alice, citizen):
    _citizen(alice, 5)  # born 010180 as well
    other = citizen_create(actor=alice, cpr="020180-1234", first_name="Anden", last_name="Dag")
    client.login(username="alice", password=PASSWORD)

    page = client.post(reverse("web:search"), {"q": "010180"}).content.decode()

    assert "Mette Testrup" in page and "Borger005" in page
    assert other.full_name not in page
