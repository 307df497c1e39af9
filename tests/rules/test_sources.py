"""Regime dates come from the act registry (sources.yaml), read through evne.rules.sources.in_force."""

import ast
from datetime import date
from pathlib import Path

import pytest

import evne.rules
from evne.rules.sources import acts, in_force

PACKAGE = Path(evne.rules.__file__).parent


def _act_keys_used_for_regime_dates() -> set[str]:
    keys = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "in_force":
                arg = node.args[0]
                assert isinstance(arg, ast.Constant), f"{path.name}: in_force takes an act key literal"
                keys.add(arg.value)
    return keys


def test_every_act_key_used_for_a_regime_date_is_in_the_registry():
    used = _act_keys_used_for_regime_dates()
    assert used, "the catalogue reads its regime dates from the registry"
    assert used - set(acts()) == set()


def test_every_act_in_the_registry_has_a_date_in_force():
    assert all(isinstance(in_force(key), date) for key in acts())


def test_it_reads_the_date_an_act_came_into_force():
    assert in_force("reform_2013") == date(2013, 1, 1)
    assert in_force("lov_553_2018") == date(2018, 6, 1)


def test_an_unknown_act_is_an_error_not_a_default():
    with pytest.raises(KeyError):
        in_force("no_such_act")
