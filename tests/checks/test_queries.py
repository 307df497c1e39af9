"""The case page's legal checks cost a fixed number of queries, however many records the case has."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evne.cases.models import Case
from evne.checks.case import case_checks
from evne.evidence.services import document_register
from evne.plans.services import activity_create

from ..casefile.conftest import build_rich_case, make_people

pytestmark = pytest.mark.django_db
BUDGET = 15


@pytest.fixture(autouse=True)
def in_memory_files(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def _count(case_id: int) -> int:
    case = Case.objects.select_related("municipality", "citizen", "team").get(pk=case_id)  # as access_case gives it
    with CaptureQueriesContext(connection) as queries:
        case_checks(case, on=timezone.localdate())
    return len(queries)


def test_the_checks_section_costs_at_most_15_queries_however_many_records(make_user):
    _, _, alice, bob = make_people(make_user)
    case = build_rich_case(alice, bob)
    rich = _count(case.pk)
    print("queries:", rich)
    assert rich <= BUDGET, rich
    today = timezone.localdate()
    for i in range(10):
        document_register(actor=alice, case=case, kind="lae_265", title=f"Attest {i}", author="Læge",
                          document_date=today - timedelta(days=i + 1), received_on=today, summary="Kort.")  # fmt: skip
        activity_create(actor=alice, case=case, type="mentor", provider=f"Udbyder {i}", start_on=today,
                        planned_end_on=today + timedelta(weeks=4), hours_per_week="10")  # fmt: skip
    assert _count(case.pk) == rich
