"""CPR validation: every valid number is accepted, every malformed one refused with a message."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import example, given
from hypothesis import strategies as st

from evne.citizens.cpr import InvalidCpr, century, mask, parse_cpr
from evne.citizens.models import Citizen

from ..conftest import PASSWORD

TODAY = date(2026, 11, 22)


def seventh_digits_for(year: int) -> list[int]:
    """The serial-number first digits that the CPR century table maps to this year."""
    return [d for d in range(10) if century(year % 100, d) + year % 100 == year]


@st.composite
def valid_cprs(draw):
    birth = draw(st.dates(min_value=date(1858, 1, 1), max_value=TODAY))
    seventh = draw(st.sampled_from(seventh_digits_for(birth.year)))
    rest = draw(st.integers(0, 999))
    hyphen = draw(st.sampled_from(["", "-", " "]))
    return f"{birth:%d%m}{birth.year % 100:02d}{hyphen}{seventh}{rest:03d}", birth


def test_it_maps_the_seventh_digit_to_the_century_as_the_cpr_office_does():
    assert [century(36, d) for d in range(10)] == [1900] * 4 + [2000] * 5 + [2000]
    assert [century(37, d) for d in range(10)] == [1900] * 4 + [1900] + [2000] * 4 + [1900]
    assert [century(58, d) for d in range(10)] == [1900] * 4 + [1900] + [1800] * 4 + [1900]


@given(valid_cprs())
@example(("290200-4000", date(2000, 2, 29)))  # leap day in a leap year of the 21st century
@example(("010158-5000", date(1858, 1, 1)))
def test_it_accepts_every_valid_cpr(case):
    raw, birth = case
    parsed = parse_cpr(raw, today=TODAY)
    assert parsed.birth_date == birth
    assert parsed.digits == raw.replace("-", "").replace(" ", "")
    assert parsed.masked == f"{raw[:6]}-XXXX"


@given(st.text(alphabet="0123456789", max_size=14).filter(lambda s: len(s) != 10))
def test_it_refuses_a_wrong_number_of_digits_with_a_message(raw):
    with pytest.raises(InvalidCpr) as err:
        parse_cpr(raw, today=TODAY)
    assert str(err.value)


@given(st.text(min_size=10, max_size=11).filter(lambda s: not s.replace("-", "").isdigit() or not s.isascii()))
def test_it_refuses_anything_but_digits_with_a_message(raw):
    with pytest.raises(InvalidCpr) as err:
        parse_cpr(raw, today=TODAY)
    assert str(err.value)


@st.composite
def impossible_dates(draw):
    """DDMM that is never a date (day 0 or > 31, month 0 or > 12) or 30/31 in a short month."""
    kind = draw(st.sampled_from(["day", "month", "short_month"]))
    if kind == "day":
        day, month = draw(st.sampled_from([0, *range(32, 100)])), draw(st.integers(1, 12))
    elif kind == "month":
        day, month = draw(st.integers(1, 28)), draw(st.sampled_from([0, *range(13, 100)]))
    else:
        month = draw(st.sampled_from([4, 6, 9, 11]))
        day = 31
    return f"{day:02d}{month:02d}{draw(st.integers(0, 99)):02d}{draw(st.integers(0, 9999)):04d}"


@given(impossible_dates())
@example("290201-1234")  # 29 February 1901 did not exist
@example("290200-1234")  # 7th digit 1: 1900, not a leap year
def test_it_refuses_a_date_part_that_is_not_a_real_date(raw):
    with pytest.raises(InvalidCpr) as err:
        parse_cpr(raw, today=TODAY)
    assert raw[:6] in str(err.value)


@given(st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2036, 12, 31)))
def test_it_refuses_a_birth_date_in_the_future(birth):
    raw = f"{birth:%d%m}{birth.year % 100:02d}4000"
    with pytest.raises(InvalidCpr):
        parse_cpr(raw, today=TODAY)


def test_it_speaks_danish_to_the_caseworker():
    with translation.override("da"), pytest.raises(InvalidCpr) as err:
        parse_cpr("123", today=TODAY)
    assert "cifre" in str(err.value)


def test_it_masks_the_serial_number_in_lists():
    assert mask("0101801234") == "010180-XXXX"


@pytest.mark.parametrize("cpr", ["3202801234", "12345", "01018O1234", "", "0101801234567"])
def test_it_answers_a_wrong_cpr_in_the_form_with_a_danish_message_and_saves_nothing(client, alice, cpr):
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("web:citizen_create"), {"cpr": cpr, "first_name": "A", "last_name": "B"}, HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "CPR" in body and 'class="error"' in body
    assert not Citizen.objects.exists()
