"""Dated legal parameters (deadlines, durations, thresholds), in the manner of OpenFisca: one YAML file per
parameter group, each value with the date it applies from and its reference. Policy values that are not law
(e.g. a municipality's own deadline) are marked `policy: true` and are off unless a municipality turns them on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent / "parameters"


class ParameterError(LookupError):
    pass


class NoValueInForce(ParameterError):
    """A date before a parameter's first value: Evne does not know the law of that day for this matter."""

    def __init__(self, key: str, on: date, first: date):
        super().__init__(f"{key} has no value in force on {on.isoformat()}")
        self.key = key
        self.on = on
        self.first = first


# The earliest date Evne knows the law for: the first regime of the law timeline, the work-ability method of bek. nr.
# 543 af 28. maj 2002 with the førtidspension reform (lov nr. 284 af 25. april 2001), in force 1 January 2003
# (../shared/domain/law-timeline.md, first row; docs/decisions/0008). Dates a case records (a hearing sent, a request
# received, a course begun) are refused before it at the edges (evne.validation.law_date).
LAW_KNOWN_FROM = date(2003, 1, 1)


@dataclass(frozen=True)
class ParameterValue:
    since: date
    value: Any
    reference: str
    unit: str
    policy: bool
    kind: str = "law"  # law | practice (not law, a default) | technical (a limit) | policy (off unless switched on)


@cache
def _load() -> dict[str, tuple[ParameterValue, ...]]:
    params: dict[str, tuple[ParameterValue, ...]] = {}
    for path in sorted(HERE.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, spec in data.items():
            key = f"{path.stem}.{name}"
            values = tuple(
                sorted(
                    (
                        ParameterValue(
                            since=_as_date(v["since"], key),
                            value=v["value"],
                            reference=v["reference"],
                            unit=spec.get("unit", ""),
                            policy=_kind(spec, key) == "policy",
                            kind=_kind(spec, key),
                        )
                        for v in spec["values"]
                    ),
                    key=lambda v: v.since,
                )
            )
            if not values or any(not v.reference for v in values):
                raise ParameterError(f"{key}: every value needs a reference")
            params[key] = values
    return params


KINDS = ("law", "practice", "technical", "policy")


def _kind(spec: dict, key: str) -> str:
    kind = spec.get("kind") or ("policy" if spec.get("policy") else "law")
    if kind not in KINDS:
        raise ParameterError(f"{key}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def _as_date(value, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ParameterError(f"{key}: 'since' must be a date, not {value!r}") from None


def param(key: str, on: date) -> Any:
    """The value in force on `on`; before the first value there is none (the rule does not apply)."""
    entry = value_on(key, on)
    if entry is None:
        raise NoValueInForce(key, on, _load()[key][0].since)
    return entry.value


def value_on(key: str, on: date) -> ParameterValue | None:
    try:
        values = _load()[key]
    except KeyError:
        raise ParameterError(f"unknown parameter {key}") from None
    current = None
    for v in values:
        if v.since <= on:
            current = v
    return current


def all_parameters() -> dict[str, tuple[ParameterValue, ...]]:
    return dict(_load())
