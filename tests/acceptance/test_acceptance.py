"""The acceptance set: realistic cases from the sources (the leading decisions and reviewed cases the seeds
describe), each with the finding the source says should be raised. Each case is a YAML file in `cases/`:

    id: fp-under-40-not-documented          # unique
    source: "seed 003 L582–587 (pensionsloven § 16, stk. 2)"   # where the case and its expected finding come from
    summary: "…"                             # the case in a sentence or two
    judged_on: 2019-03-01                    # the day it is judged
    for: fortidspension                      # the decision in question: a decision type, or `draft` (the latest
                                             #   decision in the file, as the decision page judges it)
    grants: true                             # with `for:` a decision type: a grant (default) or a refusal
    file: {case: {...}, citizen: {...}, documents: [...], ...}   # the case file's records, only the facts that matter
    expect: [pension.age_40_documented]      # rule ids the source says must be raised (missing, late or prompt)
    not_expected: [...]                      # optional: rule ids that must not be raised
    cannot_express: "…"                      # optional: what of the source the case-file format could not express

The file is expanded into a whole version-2 case file (expand.py), validated against the schema, and judged by the
same builder and catalogue as `evne check`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from evne.checks.build import snapshot_from_case_file
from evne.rules import snapshot as s
from evne.rules.catalogue import BY_ID, RULES
from evne.rules.engine import Outcome, evaluate

from .expand import case_file

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))
RAISED = (Outcome.MISSING, Outcome.LATE, Outcome.PROMPT)
TALLY: dict[str, list[int]] = {"expected": [0], "raised": [0], "cases": [0]}


def load(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("id", "source", "summary", "judged_on", "for", "file", "expect"):
        assert key in case, f"{path.name}: '{key}' is required"
    return case


def judge(case: dict):
    on = case["judged_on"]
    snapshot = snapshot_from_case_file(case_file(case), policies=case.get("policies", ()))
    if case["for"] == "draft":
        latest = max(snapshot.decisions, key=lambda d: d.number)
        target = s.Target(subject=snapshot.subject_of(latest), grants=latest.fully_grants, number=latest.number)
    else:
        target = s.Target(subject=case["for"], grants=case.get("grants", True))
    return evaluate(RULES, dataclasses.replace(snapshot, target=target), on=on)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_finding_the_source_expects_is_raised(path):
    case = load(path)
    for rule_id in [*case["expect"], *case.get("not_expected", [])]:
        assert rule_id in BY_ID, f"{path.name}: no rule {rule_id}"
    evaluation = judge(case)
    raised = {r.rule.id for r in evaluation.results if r.finding.outcome in RAISED}
    hits = [rule_id for rule_id in case["expect"] if rule_id in raised]
    TALLY["expected"][0] += len(case["expect"])
    TALLY["raised"][0] += len(hits)
    TALLY["cases"][0] += 1
    assert hits == case["expect"], f"{case['id']}: expected {case['expect']}, raised {sorted(raised)}"
    wrongly = [rule_id for rule_id in case.get("not_expected", []) if rule_id in raised]
    assert not wrongly, f"{case['id']}: raised {wrongly}, which the source says it should not"


def test_the_acceptance_set_has_at_least_25_cases_with_unique_ids():
    ids = [load(p)["id"] for p in CASES]
    assert len(ids) >= 25 and len(ids) == len(set(ids))
