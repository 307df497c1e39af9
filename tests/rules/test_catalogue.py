"""Meta-tests: the catalogue stays honest — citations, dates, cases, unique ids, no overlapping versions."""

import ast
from collections import Counter
from itertools import pairwise
from pathlib import Path

import yaml

import evne.rules
from evne.rules.catalogue import RULES
from evne.rules.engine import Outcome

from .test_cases import load_cases

PACKAGE = Path(evne.rules.__file__).parent
SOURCES = yaml.safe_load((PACKAGE / "sources.yaml").read_text(encoding="utf-8"))
FAILING = {Outcome.MISSING, Outcome.LATE, Outcome.PROMPT}


def test_rule_ids_are_unique():
    assert [rid for rid, n in Counter(r.id for r in RULES).items() if n > 1] == []


def test_every_rule_has_danish_and_english_titles_and_says_what_it_checks():
    assert [r.id for r in RULES if not (r.title_da and r.title_en and r.checks_da)] == []


def test_every_version_cites_an_act_in_the_registry_with_seed_and_lines():
    bad = [
        (r.id, c.act)
        for r in RULES for v in r.versions for c in v.citations
        if c.act not in SOURCES or not c.section or not c.seed or not c.lines
    ]  # fmt: skip
    assert bad == []
    assert all(v.citations for r in RULES for v in r.versions)


def test_no_two_versions_of_a_rule_overlap_in_time():
    for rule in RULES:
        versions = sorted(rule.versions, key=lambda v: v.valid_from)
        for a, b in pairwise(versions):
            assert a.valid_to is not None and a.valid_to <= b.valid_from, rule.id


def test_every_version_has_a_passing_a_failing_and_an_out_of_force_case():
    cases = [p.values[0] for p in load_cases()]
    for rule in RULES:
        for version in rule.versions:
            inside = [c for c in cases if c["rule"] == rule.id and version.in_force(c["on"])]
            outside = [c for c in cases if c["rule"] == rule.id and not version.in_force(c["on"])]
            assert any(c["expect"] in ("ok", "not_applicable") for c in inside), f"{rule.id}: no passing case"
            assert any(Outcome(c["expect"]) in FAILING for c in inside), f"{rule.id}: no failing case"
            assert outside, f"{rule.id}: no case dated outside the version"


def test_every_case_names_a_known_rule():
    known = {r.id for r in RULES}
    assert [c.values[0]["rule"] for c in load_cases() if c.values[0]["rule"] not in known] == []


def test_the_rules_package_imports_no_django():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])  # fmt: skip
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("django", "evne") and
                          not n.startswith("evne.rules")]  # fmt: skip
    assert offenders == []


def test_the_rules_package_is_formatted_by_the_formatter_alone():
    """No `# fmt: skip` in evne.rules: the code beside the law reads as the formatter lays it out."""
    from pathlib import Path

    import evne.rules

    root = Path(evne.rules.__file__).parent
    assert [str(p.relative_to(root)) for p in root.rglob("*.py") if "fmt: skip" in p.read_text(encoding="utf-8")] == []


def test_a_former_rule_id_is_no_rule_s_id_today_and_names_one_rule():
    from evne.rules.catalogue import BY_ID, FORMER, RULES

    olds = [old for rule in RULES for old in rule.former_ids]
    assert len(olds) == len(set(olds)) == len(FORMER)
    assert set(FORMER) & set(BY_ID) == set()
    assert set(FORMER.values()) <= set(BY_ID)


def test_no_id_or_title_carries_a_duration_or_age_that_is_a_parameter():
    """A deadline's length or an age lives in parameters/ and changes by date; an id or title naming it goes stale."""
    import re

    from evne.rules.catalogue import RULES

    unit = r"\d+(?:[-–]\d+)?[ _](?:arbejdsdage|dage|uger|måneder|år|days|weeks|months|years|working)\b"
    age = r"(?:age[ _]\d+|\d+ år)"
    stale = [
        rule.id
        for rule in RULES
        if any(re.search(f"{unit}|{age}", text) for text in (rule.id, rule.title_da, rule.title_en))
    ]
    assert stale == []


def test_each_rule_sits_in_the_module_named_for_its_id_prefix():
    import importlib

    from evne.rules import catalogue

    misplaced = []
    for path in sorted(Path(catalogue.__file__).parent.glob("*.py")):
        if path.stem == "__init__":
            continue
        module = importlib.import_module(f"evne.rules.catalogue.{path.stem}")
        for rule in getattr(module, "RULES", ()):
            prefix = rule.id.split(".")[0]
            if prefix != path.stem:
                misplaced.append((path.name, rule.id))
    assert misplaced == []
