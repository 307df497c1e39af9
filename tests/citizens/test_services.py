from datetime import date

import pytest

from evne.cases.models import EventKind
from evne.citizens.models import Citizen
from evne.citizens.services import citizen_create, citizen_update, supporter_add
from evne.errors import AccessDenied, DomainError, StaleVersion


def test_it_registers_a_citizen_with_the_birth_date_from_the_cpr(citizen, alice):
    assert citizen.cpr == "0101801234" and citizen.birth_date == date(1980, 1, 1)
    assert citizen.municipality == alice.municipality
    assert citizen.cpr_masked == "010180-XXXX"


def test_it_refuses_the_same_cpr_twice_in_a_municipality(alice, citizen):
    with pytest.raises(DomainError) as err:
        citizen_create(actor=alice, cpr="0101801234", first_name="A", last_name="B")
    assert err.value.field == "cpr"
    assert Citizen.objects.count() == 1


def test_it_allows_the_same_cpr_in_another_municipality(charlie, citizen):
    other = citizen_create(actor=charlie, cpr="010180-1234", first_name="Mette", last_name="Testrup")
    assert other.pk != citizen.pk


@pytest.mark.parametrize(
    ("field", "value"), [("email", "not-an-email"), ("postal_code", "12"), ("first_name", " "), ("city", "x" * 101)]
)
def test_it_refuses_bad_contact_details(alice, field, value):
    values = {"first_name": "A", "last_name": "B", field: value}
    with pytest.raises(DomainError) as err:
        citizen_create(actor=alice, cpr="0101801234", **values)
    assert err.value.field == field
    assert not Citizen.objects.exists()


def test_it_updates_details_with_an_event_on_each_open_case(alice, citizen, case):
    citizen = citizen_update(actor=alice, citizen=citizen, expected_version=1, phone="12345678")
    assert citizen.version == 2
    event = case.events.order_by("id").last()
    assert event.kind == EventKind.CITIZEN_UPDATED
    assert event.data["changes"] == [{"field": "phone", "old": "", "new": "12345678"}]


def test_it_refuses_a_stale_citizen_update(alice, bob, citizen, case):
    citizen_update(actor=bob, citizen=citizen, expected_version=1, phone="11111111")
    with pytest.raises(StaleVersion) as err:
        citizen_update(actor=alice, citizen=citizen, expected_version=1, phone="22222222")
    assert err.value.changes == {"phone": ("", "11111111")}
    citizen.refresh_from_db()
    assert citizen.phone == "11111111"


def test_it_registers_a_representative_on_the_timeline(alice, citizen, case):
    supporter_add(
        actor=alice,
        citizen=citizen,
        kind="representative",
        name="Advokat Hansen",
        active_from=date(2026, 3, 1),
        power_of_attorney_on=date(2026, 3, 1),
    )
    assert case.events.filter(kind=EventKind.SUPPORTER_ADDED, data__name="Advokat Hansen").exists()


def test_it_refuses_citizen_changes_from_another_team(carol, citizen, case):
    with pytest.raises(AccessDenied):
        citizen_update(actor=carol, citizen=citizen, expected_version=1, phone="1")


@pytest.mark.parametrize(
    ("field", "value"), [("name", "x" * 201), ("relation", "x" * 201), ("phone", "1" * 21), ("name", "A\x00B")]
)
def test_it_refuses_supporter_text_that_does_not_fit(alice, citizen, field, value):
    values = {"kind": "companion", "name": "Bisidder Berg", "active_from": date(2026, 3, 1), field: value}
    with pytest.raises(DomainError) as err:
        supporter_add(actor=alice, citizen=citizen, **values)
    assert err.value.field == field
    assert not citizen.supporters.exists()
