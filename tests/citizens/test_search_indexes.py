"""Search uses indexes: the CPR (full or its date part) the (municipality, cpr) unique index on every database, a
name or case number the trigram indexes on PostgreSQL (migration cases 0014)."""

import re

import pytest
from django.db import connection

from evne.cases.models import Case
from evne.citizens.models import Citizen
from evne.citizens.selectors import citizens_visible_to, search_filter

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a test database is too small for PostgreSQL's planner")
@pytest.mark.parametrize("query", ["010180-1234", "0101801234", "010180"])
def test_a_cpr_search_reads_the_cpr_index(alice, citizen, query):
    plan = citizens_visible_to(alice).filter(search_filter(query)).explain()
    assert re.search(r"USING INDEX \S+ \(municipality_id=\? AND cpr[=>]", plan), plan  # the unique index
    assert list(citizens_visible_to(alice).filter(search_filter(query))) == [citizen]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
@pytest.mark.parametrize(
    ("model", "query", "index"),
    [("citizen", "testrup", "citizen_last_name_trgm"), ("citizen", "mette", "citizen_first_name_trgm"),
     ("case", "2026-0", "case_number_trgm")],
)  # fmt: skip
def test_a_name_or_number_search_can_use_a_trigram_index_on_postgresql(alice, case, model, query, index):
    """The index is on the very expression Django's icontains writes (UPPER(col::text) LIKE UPPER('%…%'))."""
    if model == "citizen":
        qs = Citizen.objects.filter(search_filter(query))
    else:
        qs = Case.objects.filter(number__icontains=query)
    with connection.cursor() as cursor:  # a test database is too small for the planner to prefer an index
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert index in qs.explain(), qs.explain()
    assert qs.exists()
