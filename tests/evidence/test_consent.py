"""Consent statements: who may record them, the guidance of RTL § 10, stk. 3, the one-year disclosure consent,
refusal and withdrawal, and which consent is in force on a date."""

from datetime import date

import pytest

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.errors import AccessDenied, DomainError
from evne.evidence.models import Consent
from evne.evidence.selectors import consent_in_force, consents_in_force, refusals
from evne.evidence.services import add_years, consent_record

from .conftest import days_ago


def record(actor, case, **values):
    values = {"purpose": "collect", "status": "given", "scope": "Helbredsoplysninger fra egen læge",
              "given_on": days_ago(10), "guidance_given": True, **values}  # fmt: skip
    return consent_record(actor=actor, case=case, **values)


def test_it_records_a_consent_to_collect_with_the_guidance_given(alice, case):
    consent = record(alice, case)
    assert consent.expires_on is None
    event = case.events.get(kind=EventKind.CONSENT_RECORDED)
    assert event.data["consent_id"] == consent.pk
    assert "Consent to obtain information" in describe(event)


def test_it_refuses_a_given_consent_to_collect_without_the_guidance(alice, case):
    with pytest.raises(DomainError) as err:
        record(alice, case, guidance_given=False)
    assert err.value.field == "guidance_given"
    assert not Consent.objects.exists()
    assert not case.events.filter(kind=EventKind.CONSENT_RECORDED).exists()


def test_it_refuses_a_refusal_without_guidance_on_the_consequences(alice, case):
    with pytest.raises(DomainError) as err:
        record(alice, case, status="refused", guidance_given=False)
    assert err.value.field == "guidance_given"
    assert record(alice, case, status="refused").status == "refused"


def test_it_lets_consent_to_disclose_expire_one_year_after_it_is_given(alice, case):
    consent = record(alice, case, purpose="disclose", scope="Lægeattest til revalideringsinstitution",
                     recipient="Revalideringscenter Syd", given_on=date(2025, 6, 1), guidance_given=False)  # fmt: skip
    assert consent.expires_on == date(2026, 6, 1)
    assert consent_in_force(case, "disclose", date(2026, 5, 31)) == consent
    assert consent_in_force(case, "disclose", date(2026, 6, 1)) is None


def test_it_keeps_a_leap_day_consent_to_the_shorter_year():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_it_requires_a_written_consent_to_disclose_naming_the_recipient(alice, case):
    values = {"purpose": "disclose", "scope": "Afgørelse til egen læge", "recipient": "Lægehuset Nord"}
    with pytest.raises(DomainError) as err:
        record(alice, case, **{**values, "recipient": ""})
    assert err.value.field == "recipient"
    with pytest.raises(DomainError) as err:
        record(alice, case, **values, written=False)
    assert err.value.field == "written"
    assert record(alice, case, **values).expires_on is not None


def test_it_refuses_a_consent_dated_in_the_future(alice, case):
    with pytest.raises(DomainError) as err:
        record(alice, case, given_on=days_ago(-1))
    assert err.value.field == "given_on"


def test_it_ends_a_consent_when_the_same_scope_is_withdrawn(alice, case):
    given = record(alice, case, given_on=days_ago(20))
    other = record(alice, case, scope="Oplysninger fra arbejdsgiver", given_on=days_ago(20))
    withdrawn = record(alice, case, status="withdrawn", scope="  helbredsoplysninger fra  EGEN læge ",
                       given_on=days_ago(5), guidance_given=False)  # fmt: skip
    assert withdrawn.pk
    assert consents_in_force(case, "collect", days_ago(6)) == [other, given]  # newest first
    assert consents_in_force(case, "collect", days_ago(0)) == [other]
    assert refusals(case, days_ago(0)) == [withdrawn]


def test_it_refuses_to_withdraw_a_consent_that_is_not_in_force(alice, case):
    with pytest.raises(DomainError) as err:
        record(alice, case, status="withdrawn", scope="Noget andet", guidance_given=False)
    assert err.value.field == "scope"


def test_it_records_a_refusal_and_shows_it_as_a_notice_without_blocking_the_case(alice, case):
    refusal = record(alice, case, status="refused")
    assert consent_in_force(case, "collect", days_ago(0)) is None
    assert refusals(case, days_ago(0)) == [refusal]


def test_it_lets_only_the_cases_team_record_consent(bob, carol, charlie, case):
    assert record(bob, case).pk
    with pytest.raises(AccessDenied):
        record(carol, case)
    with pytest.raises(AccessDenied):
        record(charlie, case)
