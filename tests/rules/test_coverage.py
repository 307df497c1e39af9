"""The rule coverage ledger (src/evne/rules/coverage.yaml): every rule id in the sources' rule tables has exactly one
disposition, every rule it names exists, and every catalogue rule answers to at least one source id."""

from pathlib import Path

import pytest
import yaml

import evne.rules
from evne.rules.catalogue import BY_ID

LEDGER_PATH = Path(evne.rules.__file__).parent / "coverage.yaml"
LEDGER = yaml.safe_load(LEDGER_PATH.read_text(encoding="utf-8"))
DISPOSITIONS = ("rules", "by_design", "pending", "policy", "not_checkable")
PENDING = {
    "issue-6": "decisions, hearing, reasons, complaint guidance, letters, complaints, file access",
    "issue-7": "rehabiliteringsplan, rehab team, ressourceforløb, jobafklaring, fleksjob, førtidspension",
}

# Catalogue rules whose source is in none of the four rule tables — listed, not forced onto a source id.
NOT_IN_SOURCE_TABLES = {
    # LAB § 113, stk. 2 (bek. nr. 2408/2021), from law-timeline.md; seed 002 l. 699–708 is the problem it answers,
    # not a row of the seed 002 table.
    "reform.ressourceforloeb_no_measure",
    # Sygedagpengeloven's duration limit, reassessment and extension (lov nr. 720 af 25. juni 2014): the seeds name
    # the limit (seed 004 L2017–2021) but no table row states it; the values are marked for re-checking.
    "sickpay.duration_limit",
    "sickpay.reassessment",
    # Ankestyrelsen 37-19 (2019, functional disorders): later than the seeds; its public summary is quoted in the rule.
    "pension.functional_disorder",
    # Pensionsloven § 44 (withdrawal only on a lasting improvement): no row of the sources' tables states it.
    "pension.withdrawal_lasting_improvement",
    # Ankestyrelsen on a pension granted with revision (exceptional): later than the sources' tables.
    "pension.revision_exceptional",
}

# (seed, prefix, first, last, zero-padded width), in the order of the sources' tables.
RANGES = (
    ("seed000", "R", 1, 6, 0), ("seed000", "D", 1, 14, 0), ("seed000", "P", 1, 13, 0), ("seed000", "A", 1, 10, 0),
    ("seed000", "C", 1, 10, 0), ("seed000", "I", 1, 16, 0), ("seed000", "Q", 1, 5, 0), ("seed000", "X", 1, 12, 0),
    ("seed000", "G", 1, 4, 0), ("seed000", "K", 1, 6, 0),
    ("seed001", "R", 1, 55, 2),
    ("seed002", "R", 1, 28, 0),
    ("seed003", "T", 1, 17, 0), ("seed003", "P", 1, 14, 0), ("seed003", "R", 1, 11, 0), ("seed003", "D", 1, 11, 0),
)  # fmt: skip
EXPECTED = [f"{seed}.{prefix}{n:0{width}d}" for seed, prefix, first, last, width in RANGES
            for n in range(first, last + 1)]  # fmt: skip


def _named_rules() -> set[str]:
    return {rule_id for entry in LEDGER.values() for rule_id in entry.get("rules") or ()}


def test_the_ledger_has_exactly_the_source_ids():
    assert len(EXPECTED) == 232
    assert sorted(set(EXPECTED) - set(LEDGER)) == []
    assert sorted(set(LEDGER) - set(EXPECTED)) == []


def test_the_ledger_is_in_source_order():
    assert list(LEDGER) == EXPECTED


@pytest.mark.parametrize("key", EXPECTED)
def test_each_entry_has_a_summary_lines_and_exactly_one_disposition(key):
    entry = LEDGER.get(key)
    assert isinstance(entry, dict), key
    assert set(entry) <= {"summary", "lines", "note", *DISPOSITIONS}, key
    assert isinstance(entry.get("summary"), str) and entry["summary"].strip(), key
    assert "\n" not in entry["summary"], key
    assert isinstance(entry.get("lines"), str) and entry["lines"].strip(), key
    chosen = [d for d in DISPOSITIONS if d in entry]
    assert len(chosen) == 1, (key, chosen)
    value = entry[chosen[0]]
    if chosen[0] == "rules":
        assert isinstance(value, list) and value, key
        assert all(isinstance(r, str) and r for r in value), key
        assert len(set(value)) == len(value), key
    else:
        assert isinstance(value, str) and value.strip(), key
    if chosen[0] == "pending":
        assert value in PENDING, key
    if "note" in entry:
        assert isinstance(entry["note"], str) and entry["note"].strip(), key


def test_every_named_rule_exists_in_the_catalogue():
    unknown = sorted(r for r in _named_rules() if r not in BY_ID)
    assert unknown == []


def test_every_catalogue_rule_answers_to_a_source_id():
    orphans = {rule_id for rule_id in BY_ID if rule_id not in _named_rules()}
    assert orphans == NOT_IN_SOURCE_TABLES
