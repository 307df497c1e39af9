"""Retention: dated rules per record type; closed cases past their period erased, logged as counts."""

import logging
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from evne.accounts.access import log_access
from evne.accounts.models import AccessAction, AccessChannel
from evne.cases.models import Case, CaseStatus, TimelineEvent
from evne.cases.services import case_open
from evne.citizens.models import Citizen
from evne.citizens.services import citizen_create
from evne.dataops import retention


def close(case, on):
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_on=on)


@pytest.fixture
def second_case(alice):
    other = citizen_create(actor=alice, cpr="020280-2345", first_name="Syntetisk", last_name="Borger")
    return case_open(actor=alice, citizen=other, pathway="jobafklaring", benefit="sygedagpenge",
                     help_requested_on=date(2020, 1, 6))  # fmt: skip


def test_the_rule_in_force_is_dated_and_cites_its_source():
    version = retention.version_on("closed_case", date(2026, 6, 15))
    assert version["years"] == 5 and version["certainty"] == "practice"
    assert any("art. 5, stk. 1, litra e" in s for s in version["sources"])
    with pytest.raises(LookupError):
        retention.version_on("closed_case", date(2010, 1, 1))


def test_a_closed_case_past_its_period_is_erased_with_its_citizen(case, second_case, caplog):
    close(second_case, date(2020, 6, 1))  # six years before the frozen clock
    close(case, date(2024, 6, 1))  # two years: kept
    citizen_id = second_case.citizen_id
    plan = retention.plan(on=timezone.localdate())
    assert plan.cases == [second_case.pk] and plan.citizens == [citizen_id]
    call_command("retention", "--dry-run")
    assert Case.objects.filter(pk=second_case.pk).exists()
    with caplog.at_level(logging.INFO, logger="evne.dataops.retention"):
        call_command("retention", "--apply")
    assert not Case.objects.filter(pk=second_case.pk).exists()
    assert not TimelineEvent.objects.filter(case_id=second_case.pk).exists()
    assert not Citizen.objects.filter(pk=citizen_id).exists()
    assert Case.objects.filter(pk=case.pk).exists()
    assert "'cases': 1" in caplog.text and "Syntetisk" not in caplog.text and "020280" not in caplog.text


def test_a_case_the_access_log_still_names_is_kept(second_case, alice):
    close(second_case, date(2020, 6, 1))
    log_access(user=alice, action=AccessAction.CASE, channel=AccessChannel.WEB, case=second_case)
    plan = retention.plan(on=timezone.localdate())
    assert plan.cases == [] and plan.kept_for_access_log == 1 and plan.citizens == []


def test_a_municipality_keeps_longer_by_settings(second_case, settings):
    close(second_case, date(2020, 6, 1))
    settings.EVNE_RETENTION_YEARS = {"990": {"closed_case": 10}}
    assert retention.plan(on=timezone.localdate()).cases == []
    settings.EVNE_RETENTION_YEARS = {"closed_case": 3}
    assert retention.plan(on=timezone.localdate()).cases == [second_case.pk]
