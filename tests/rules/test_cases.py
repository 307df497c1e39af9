"""Runs every YAML case beside the rules (src/evne/rules/catalogue/*.cases.yaml)."""

import copy
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from evne.rules.catalogue import BY_ID
from evne.rules.engine import evaluate
from evne.rules.snapshot import Snapshot

CATALOGUE = Path(__file__).resolve().parents[2] / "src" / "evne" / "rules" / "catalogue"
BASE = {
    "case": {"number": "999-2026-00001", "pathway": "ressourceforlob", "benefit": "kontanthjaelp", "status": "open",
             "help_requested_on": "2026-01-05"},
}  # fmt: skip


class StrictLoader(yaml.SafeLoader):
    """Duplicate keys in a case file are an error, not a silent overwrite."""


def _no_duplicates(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _v in node.value]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate key(s) {duplicates}", node.start_mark)
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)
# YAML 1.1 reads on/off/yes/no as booleans (so the key "on:" would become True): only true/false are booleans here.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_cases():
    cases = []
    for path in sorted(CATALOGUE.glob("*.cases.yaml")):
        for index, case in enumerate(yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)):  # noqa: S506
            cases.append(pytest.param(case, id=f"{path.stem}:{index}:{case['rule']}"))
    return cases


def snapshot_for(partial: dict) -> Snapshot:
    data = copy.deepcopy(BASE)
    for key, value in (partial or {}).items():
        if key == "case":
            data["case"].update(value)
        else:
            data[key] = value
    data["case"] = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data["case"].items()}
    return Snapshot.from_dict(_iso(data))


def _iso(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value


@pytest.mark.parametrize("case", load_cases())
def test_it_judges_each_case_as_the_law_says(case):
    rule = BY_ID[case["rule"]]
    on = case["on"] if isinstance(case["on"], date) else date.fromisoformat(case["on"])
    result = evaluate([rule], snapshot_for(case.get("snapshot") or {}), on=on).results[0]
    assert str(result.finding.outcome) == case["expect"], (case["name"], result.explain())
    if "due" in case:
        assert result.finding.due == case["due"], case["name"]
    if result.finding.outcome in ("missing", "late", "prompt"):
        assert result.finding.message_da and result.finding.message_en, "a caseworker needs a message to act on"
