"""The worklist reads the case files of many cases at once: the same files the single-case exporter writes."""

import pytest
from django.utils import timezone

from evne.casefile.batch import case_files_for_checks
from evne.cases.models import Case
from evne.cases.services import case_open
from evne.checks import deadlines
from evne.checks.case import _EXPORTED_AT, case_checks, case_file_for_checks

from ..casefile.conftest import build_rich_case, make_people

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_memory_files(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def test_the_batch_reads_each_case_file_as_the_exporter_does(make_user):
    _, _, alice, bob = make_people(make_user)
    rich = build_rich_case(alice, bob)
    second = case_open(actor=alice, citizen=rich.citizen, pathway="fleksjob", benefit="ledighedsydelse",
                       help_requested_on=rich.help_requested_on)  # fmt: skip
    cases = list(Case.objects.select_related("citizen", "team", "municipality").order_by("pk"))

    files = case_files_for_checks(cases, exported_at=_EXPORTED_AT)

    assert len(files) == 2
    for case in cases:
        assert files[case.pk] == case_file_for_checks(case)
    assert files[second.pk]["citizen"] == files[rich.pk]["citizen"]  # the citizen's records belong to both


def test_the_next_deadline_is_the_earliest_running_deadline_of_the_checks(make_user):
    _, _, alice, bob = make_people(make_user)
    rich = build_rich_case(alice, bob)
    today = timezone.localdate()

    (row,) = deadlines.compute([rich], on=today)

    expected = case_checks(Case.objects.select_related("municipality").get(pk=rich.pk), on=today).deadlines
    assert (row.due_on, row.rule_id) == ((expected[0].finding.due, expected[0].rule.id) if expected else (None, ""))
