from datetime import date

import pytest

from evne.rules.parameters import ParameterError, all_parameters, param, value_on


def test_it_gives_the_value_in_force_on_a_date():
    assert param("consent.disclose_valid_years", date(2026, 1, 1)) == 1
    assert param("deadlines.pension_decision_months", date(2026, 1, 1)) == 3


def test_it_has_no_value_before_the_first_date():
    assert value_on("ressourceforloeb.no_measure_months", date(2021, 12, 31)) is None
    with pytest.raises(ParameterError):
        param("ressourceforloeb.no_measure_months", date(2021, 12, 31))


def test_it_refuses_an_unknown_parameter():
    with pytest.raises(ParameterError):
        param("deadlines.nonsense", date(2026, 1, 1))


def test_every_value_has_a_reference_and_policy_is_marked():
    params = all_parameters()
    assert all(v.reference for values in params.values() for v in values)
    assert params["policy.clarification_guarantee_months"][0].policy is True
    assert params["deadlines.pension_decision_months"][0].policy is False
