"""A policy rule runs only when switched on; an answer counts only for the rule version it was given under."""

from datetime import date

import pytest

from evne.rules.catalogue import BY_ID
from evne.rules.engine import Outcome, evaluate
from evne.rules.parameters import ParameterError, _kind

from .test_cases import snapshot_for

GUARANTEE = BY_ID["policy.clarification_guarantee"]
DEVELOPMENT = BY_ID["reform.ressourceforloeb_development"]  # two versions: 2013 and L 193 (2018-06-01)


def _outcome(rule, partial, on):
    return evaluate([rule], snapshot_for(partial), on=on).results[0].finding.outcome


def test_a_policy_rule_is_silent_until_the_municipality_switches_it_on():
    late = date(2027, 3, 1)
    assert _outcome(GUARANTEE, {}, late) == Outcome.NOT_APPLICABLE
    assert _outcome(GUARANTEE, {"policies": ["reform_proposals.coordinator_caseload"]}, late) == Outcome.NOT_APPLICABLE
    assert _outcome(GUARANTEE, {"policies": [GUARANTEE.policy]}, late) == Outcome.LATE


def test_every_policy_rule_names_a_parameter_marked_as_policy():
    from evne.rules.catalogue import RULES
    from evne.rules.parameters import all_parameters

    params = all_parameters()
    assert [r.id for r in RULES if r.policy and not params[r.policy][-1].policy] == []


def _development_case(answer_version):
    answer = {"rule_id": DEVELOPMENT.id, "text": "Udviklingsperspektiv: mentor og praktik vurderet realistisk",
              "given_on": "2016-06-01"}  # fmt: skip
    if answer_version:
        answer["rule_version"] = answer_version
    return {"case": {"pathway": "ressourceforlob"}, "answers": [answer]}


def test_an_answer_given_under_the_old_law_does_not_satisfy_the_new_version():
    after = date(2019, 1, 1)
    assert _outcome(DEVELOPMENT, _development_case("2013-01-01"), after) in (Outcome.PROMPT, Outcome.MISSING)
    assert _outcome(DEVELOPMENT, _development_case("2018-06-01"), after) == Outcome.OK


def test_an_answer_under_the_current_version_counts_and_an_unversioned_answer_counts_for_any():
    before = date(2017, 1, 1)
    assert _outcome(DEVELOPMENT, _development_case("2013-01-01"), before) == Outcome.OK
    assert _outcome(DEVELOPMENT, _development_case(None), before) == Outcome.OK
    assert _outcome(DEVELOPMENT, _development_case(None), date(2019, 1, 1)) == Outcome.OK


def test_a_parameter_kind_must_be_known():
    assert _kind({"kind": "practice"}, "x") == "practice"
    assert _kind({"policy": True}, "x") == "policy"
    assert _kind({}, "x") == "law"
    with pytest.raises(ParameterError, match="kind must be one of"):
        _kind({"kind": "wish"}, "x")
