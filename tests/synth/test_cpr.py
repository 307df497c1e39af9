import random
from datetime import date

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from evne.citizens.cpr import parse_cpr
from evne.synth.cpr import passes_modulus_11, synthetic_cpr

birth_dates = st.dates(min_value=date(1858, 1, 1), max_value=timezone.localdate())


@given(birth_date=birth_dates, seed=st.integers(0, 2**32), female=st.sampled_from([None, True, False]))
def test_it_makes_cprs_that_parse_to_the_birth_date_and_fail_modulus_11(birth_date, seed, female):
    cpr = synthetic_cpr(random.Random(seed), birth_date, female=female)

    assert len(cpr) == 10 and cpr.isdigit()
    assert parse_cpr(cpr, today=timezone.localdate()).birth_date == birth_date
    assert not passes_modulus_11(cpr)
    if female is not None:
        assert (int(cpr[-1]) % 2 == 0) == female


def test_it_knows_a_modulus_11_number_when_it_sees_one():
    # 0*4 + 7*3 + 0*2 + 7*7 + 6*6 + 1*5 + 4*4 + 2*3 + 8*2 + 5*1 = 154 = 14 * 11
    assert passes_modulus_11("0707614285")
    assert not passes_modulus_11("0707614286")


def test_it_gives_the_same_cpr_for_the_same_seed():
    assert synthetic_cpr(random.Random(7), date(1980, 5, 17)) == synthetic_cpr(random.Random(7), date(1980, 5, 17))


def test_it_refuses_a_birth_year_a_cpr_cannot_express():
    with pytest.raises(ValueError):
        synthetic_cpr(random.Random(1), date(1857, 12, 31))
