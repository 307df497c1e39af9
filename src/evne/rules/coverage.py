"""The coverage ledger (coverage.yaml): every rule id in the four sources' rule tables, with the catalogue rules that
check it — or why none does (by design, pending an issue, municipal policy, or not checkable). Duplicates across the
sources point at the same rule, so a rule lists every source it answers to."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

PATH = Path(__file__).parent / "coverage.yaml"
DISPOSITIONS = ("rules", "by_design", "pending", "policy", "not_checkable")


@cache
def ledger() -> dict[str, dict]:
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def disposition(entry: dict) -> str:
    return next(d for d in DISPOSITIONS if d in entry)


@cache
def sources_by_rule() -> dict[str, tuple[str, ...]]:
    """rule id → the source ids it answers to, in source order."""
    out: dict[str, list[str]] = {}
    for key, entry in ledger().items():
        for rule_id in entry.get("rules") or ():
            out.setdefault(rule_id, []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def counts() -> dict[str, int]:
    result = dict.fromkeys(DISPOSITIONS, 0)
    for entry in ledger().values():
        result[disposition(entry)] += 1
    return result
