"""Query budgets (issue 14.3): every page and API read costs a number of queries that does not grow with the rows
behind it. Each is measured on a small and on a larger population (or a case with more records) and the counts
must be equal and within the page's budget. The case page reads each table at most once.

The budgets are the measured counts (on SQLite and PostgreSQL alike); lower one when a page gets cheaper.
"""

import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from evne.cases.models import Case
from evne.cases.services import case_open, follow_up_record, note_add
from evne.citizens.services import citizen_create
from evne.evidence.services import consent_record, document_register
from evne.plans.services import activity_create

from ..casefile.conftest import build_rich_case, make_people

pytestmark = pytest.mark.django_db
JSON = {"content_type": "application/json"}

# The named pages of the issue, with their budgets: the measured count (issue 14 allowed the case page 25; before
# this it cost 54-81; the whole case is read in one query, see casefile.export.read_case_rows).
CASE_PAGE = 8
CASE_CHECKS = 6  # "Lovkrav og frister": the checks of one case (evne.checks.case.case_checks)
DECISION_DRAFT = 25  # the draft page does not share its reads yet (the fact sources name every record kind)
WORKLIST = 12  # Mine sager: a page of 50 with next deadlines (stale ones recomputed in a batch of 3 queries)
SEARCH = 5
API_LIST = 4
API_WORKLIST = 12  # as Mine sager
# Every other page or API read of one case: at most this many, and never more with more records.
ANY_CASE_PAGE = 20

UNION = re.compile(r"\bUNION(?:\s+ALL)?\b", re.IGNORECASE)
COLUMN = re.compile(r'"(\w+)"\."\w+"')


@pytest.fixture(autouse=True)
def in_memory_files(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def measure(call) -> tuple[int, list[dict]]:
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    assert response.status_code == 200, (response.status_code, response.content[:300])
    return len(ctx.captured_queries), ctx.captured_queries


def table_reads(queries, *, skip_middleware: bool = True) -> Counter:
    """How many queries read rows of each table: a table is read when its columns are in the select list of a
    SELECT (or of one branch of a UNION); a table joined only to filter is not. The session and the user that
    Django's middleware reads before the view runs are left out."""
    reads: Counter = Counter()
    selects = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
    if skip_middleware:
        selects = selects[2:] if selects and "django_session" in selects[0] else selects
    for sql in selects:
        tables = set()
        for branch in UNION.split(sql):
            listed = branch.split(" FROM ", 1)[0]
            tables.update(COLUMN.findall(listed))
        reads.update(tables)
    return reads


def test_table_reads_counts_the_tables_whose_rows_a_query_reads():
    union = 'SELECT "a"."x", JSON_OBJECT(\'y\', "b"."y") FROM "a" INNER JOIN "c" ON 1 UNION ALL SELECT "d"."z" FROM "d"'
    assert table_reads([{"sql": union}, {"sql": 'SELECT "a"."x" FROM "a"'}], skip_middleware=False) == Counter(
        {"a": 2, "b": 1, "d": 1}
    )


def grow(alice, case: Case, n: int = 6) -> None:
    """More records of every common kind on the case."""
    today = timezone.localdate()
    for i in range(n):
        document_register(actor=alice, case=case, kind="lae_265", title=f"Attest {i}", author="Læge",
                          document_date=today - timedelta(days=i + 1), received_on=today, summary="Kort.")  # fmt: skip
        activity_create(actor=alice, case=case, type="mentor", provider=f"Udbyder {i}", start_on=today,
                        planned_end_on=today + timedelta(weeks=4), hours_per_week="10")  # fmt: skip
        note_add(actor=alice, case=case, kind="fact", text=f"Notat {i}.", source="Telefon")
        consent_record(actor=alice, case=case, purpose="collect", status="given", scope=f"Samtykke {i}",
                       given_on=today - timedelta(days=i), guidance_given=True)  # fmt: skip
        follow_up_record(actor=alice, case=case, held_on=today - timedelta(days=i), form="meeting",
                         summary=f"Samtale {i}.", parties_decided=True, parties=["employer"])  # fmt: skip


def more_cases(alice, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        citizen = citizen_create(actor=alice, cpr=f"0202{70 + i % 30:02d}-{2000 + i:04d}", first_name=f"Borger{i}",
                                 last_name="Budgetsen")  # fmt: skip
        case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                  help_requested_on=date(2026, 3, 2))  # fmt: skip


@pytest.fixture
def rich(make_user):
    _, _, alice, bob = make_people(make_user)
    case = build_rich_case(alice, bob)
    client = Client()
    client.force_login(alice)
    return alice, Case.objects.get(pk=case.pk), client


def _case_urls(case: Case) -> list[str]:
    """Every web page whose only argument is the case, and the decision draft's page."""
    urls = []

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if re.fullmatch(r"cases/<int:case_id>/[a-z/-]*", route):
                    urls.append("/" + route.replace("<int:case_id>", str(case.pk)))

    walk(get_resolver().url_patterns)
    return sorted(set(urls))


def test_the_case_page_costs_at_most_25_queries_however_many_records(rich):
    alice, case, client = rich
    url = f"/cases/{case.pk}/"
    before, _ = measure(lambda: client.get(url))
    grow(alice, case)
    after, queries = measure(lambda: client.get(url))
    print("case page:", before, after)
    assert after == before
    assert after <= CASE_PAGE, (after, table_reads(queries).most_common(12))


def test_the_case_page_reads_each_table_at_most_once(rich):
    alice, case, client = rich
    grow(alice, case, n=2)
    _, queries = measure(lambda: client.get(f"/cases/{case.pk}/"))
    twice = {table: n for table, n in table_reads(queries).items() if n > 1}
    assert twice == {}, sorted(twice.items(), key=lambda kv: -kv[1])


def test_the_legal_checks_cost_a_fixed_number_of_queries(rich):
    from evne.checks.case import case_checks

    alice, case, _ = rich

    def count():
        fresh = Case.objects.select_related("citizen", "team", "caseworker", "municipality").get(pk=case.pk)
        with CaptureQueriesContext(connection) as ctx:
            case_checks(fresh, on=timezone.localdate())
        return len(ctx.captured_queries)

    before = count()
    grow(alice, case)
    assert count() == before <= CASE_CHECKS


def test_the_decision_draft_has_a_budget(rich):
    from evne.decisions.services import decision_draft

    alice, case, client = rich
    document = case.documents.order_by("pk").first()
    draft = decision_draft(
        actor=alice, case=case, outcome="refusal", subject="fleksjob", applied_for="Fleksjob.",
        decision_text="Afslag på fleksjob.", reasons="Praktikken viste 30 timer.", legal_basis="LAB § 116.",
        facts=[{"text": "Statusattest.", "source": f"document:{document.pk}"}], document_ids=[document.pk],
    )  # fmt: skip
    url = f"/cases/{case.pk}/decisions/{draft.number}/"
    before, _ = measure(lambda: client.get(url))
    grow(alice, case)
    after, _ = measure(lambda: client.get(url))
    print("decision draft:", before, after)
    assert after == before <= DECISION_DRAFT


def test_every_page_of_a_case_costs_the_same_with_more_records(rich):
    alice, case, client = rich
    urls = _case_urls(case)
    assert len(urls) >= 15, urls
    before = {}
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            before[url] = measure(lambda url=url: client.get(url))[0]
    grow(alice, case)
    grown = {url: measure(lambda url=url: client.get(url))[0] for url in before}
    print(before)
    assert grown == before
    assert max(grown.values()) <= ANY_CASE_PAGE, grown


def test_every_api_read_of_a_case_costs_the_same_with_more_records(rich):
    alice, case, client = rich
    document = client.get("/api/openapi.json").json()
    urls = [
        path.replace("{case_id}", str(case.pk))
        for path, operations in document["paths"].items()
        if "get" in operations and re.fullmatch(r"/api/cases/\{case_id\}(/[a-z-]+)?", path)
    ]
    assert len(urls) >= 15, urls
    before = {url: measure(lambda url=url: client.get(url))[0] for url in urls}
    grow(alice, case)
    grown = {url: measure(lambda url=url: client.get(url))[0] for url in urls}
    assert grown == before
    assert max(grown.values()) <= ANY_CASE_PAGE, grown


@pytest.mark.parametrize(
    ("label", "budget", "call"),
    [
        ("Mine sager", WORKLIST, lambda c: c.get("/")),
        ("search", SEARCH, lambda c: c.post("/search/", {"q": "Budgetsen"})),
        ("API case list", API_LIST, lambda c: c.get("/api/cases")),
        ("API citizen list", API_LIST, lambda c: c.get("/api/citizens")),
        ("API case search", API_LIST, lambda c: c.post("/api/cases/search", {"q": "Budgetsen"}, **JSON)),
        ("API citizen search", API_LIST, lambda c: c.post("/api/citizens/search", {"q": "Budgetsen"}, **JSON)),
        ("API worklist", API_WORKLIST, lambda c: c.get("/api/cases/mine")),
    ],
)
def test_lists_cost_the_same_for_a_few_rows_and_many(make_user, label, budget, call):
    _, _, alice, _ = make_people(make_user)
    client = Client()
    client.force_login(alice)
    more_cases(alice, 2)
    _, small_queries = measure(lambda: call(client))
    more_cases(alice, 60, start=2)
    _, queries = measure(lambda: call(client))
    small, large = len(_reads(small_queries)), len(_reads(queries))
    print(label, small, large)
    # Not more for many rows than for a few (a few may cost one more: the worklist computes its stale deadlines,
    # and SQLite's first JSON query checks the extension once per connection).
    assert large <= small, (label, small, large)
    assert large <= budget, (label, large, table_reads(queries).most_common(6))
    # Exactly the rows shown are logged in one insert; Django splits an insert on SQLite at 999 parameters
    # (a page of 50 cases and their 50 citizens is two statements there).
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "accounts_accesslogentry"')]
    assert len(inserts) <= (1 if connection.vendor == "postgresql" else 2), (label, len(inserts))


def _reads(queries) -> list[dict]:
    """The queries of a list page but its access-log insert(s), which the test counts on their own."""
    return [q for q in queries if not q["sql"].startswith('INSERT INTO "accounts_accesslogentry"')]


def test_the_citizen_page_and_its_access_log_cost_the_same_with_more_rows(make_user):
    from evne.accounts.models import Role

    _, _, alice, _ = make_people(make_user)
    leader = make_user("tine_leder", Role.TEAM_LEADER, alice.team)
    citizen = citizen_create(actor=alice, cpr="030375-3000", first_name="Ole", last_name="Logsen")
    client = Client()
    client.force_login(leader)
    pages = (f"/citizens/{citizen.pk}/", f"/access-log/?citizen={citizen.pk}")  # the access-log search on them
    small = [measure(lambda url=url: client.get(url))[0] for url in pages]
    for _ in range(3):
        case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                  help_requested_on=date(2026, 3, 2))  # fmt: skip
        for url in pages:  # more access-log entries as well
            client.get(url)
    large = [measure(lambda url=url: client.get(url))[0] for url in pages]
    assert large == small
    assert max(large) <= 8, large
