"""Rules, versions, citations, findings, and the evaluation that explains itself."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from evne.rules.parameters import NoValueInForce

if TYPE_CHECKING:
    from evne.rules.snapshot import Snapshot


class Outcome(enum.StrEnum):
    OK = "ok"
    MISSING = "missing"
    LATE = "late"
    PROMPT = "prompt"  # needs the caseworker's recorded judgement
    NOT_APPLICABLE = "not_applicable"


class Severity(enum.StrEnum):
    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from: an act in sources.yaml, its section, and the seed file and lines it was read from."""

    act: str
    section: str
    seed: str = ""
    lines: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"act": self.act, "section": self.section, "seed": self.seed, "lines": self.lines}


_NO_FACTS: Mapping[str, Any] = MappingProxyType({})


class Finding(NamedTuple):
    """What one rule found. A named tuple (immutable, and cheap to make: the bulk run makes millions)."""

    outcome: Outcome
    message_da: str = ""
    message_en: str = ""
    facts: Mapping[str, Any] = _NO_FACTS
    due: date | None = None  # for a running deadline

    @classmethod
    def ok(cls, **facts: Any) -> Finding:
        return cls(Outcome.OK, facts=facts)

    @classmethod
    def ok_until(cls, due: date, **facts: Any) -> Finding:
        """Nothing is missing yet; a deadline runs until `due`."""
        return cls(Outcome.OK, facts=facts, due=due)

    @classmethod
    def not_applicable(cls, **facts: Any) -> Finding:
        return cls(Outcome.NOT_APPLICABLE, facts=facts)

    @classmethod
    def missing(cls, da: str, en: str, **facts: Any) -> Finding:
        return cls(Outcome.MISSING, da, en, facts)

    @classmethod
    def late(cls, da: str, en: str, *, due: date, **facts: Any) -> Finding:
        return cls(Outcome.LATE, da, en, facts, due)

    @classmethod
    def prompt(cls, da: str, en: str, **facts: Any) -> Finding:
        return cls(Outcome.PROMPT, da, en, facts)


Check = Callable[["Snapshot", date], Finding]


@dataclass(frozen=True)
class RuleVersion:
    valid_from: date
    check: Check
    citations: tuple[Citation, ...]
    valid_to: date | None = None  # the day the next version starts, or the day it was repealed

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)


def version(check: Check, *citations: Citation, start: date, end: date | None = None) -> RuleVersion:
    """One version of a rule: in force from `start` until `end` (the day the next version begins, or its repeal),
    judged by `check`, under these citations. The catalogue's modules bind their usual first day:
    `_v = partial(version, start=REFORM)`."""
    return RuleVersion(valid_from=start, check=check, citations=citations, valid_to=end)


@dataclass(frozen=True)
class Rule:
    id: str
    title_da: str
    title_en: str
    severity: Severity
    versions: tuple[RuleVersion, ...]
    decision_types: tuple[str, ...] = ()  # the decisions it must be satisfied before; () = every case
    checks_da: str = ""  # what it checks, in one sentence (for the published catalogue)
    deadline: bool = False  # a running deadline (listed under deadlines)
    policy: str = ""  # the policy parameter that switches it on; "" = law, always on
    former_ids: tuple[str, ...] = ()  # ids it had before a rename; answers recorded under them still count

    def version_on(self, on: date) -> RuleVersion | None:
        return next((v for v in self.versions if v.in_force(on)), None)


class Result(NamedTuple):
    rule: Rule
    version: RuleVersion | None
    finding: Finding

    def explain(self) -> dict[str, Any]:
        return {
            "rule": self.rule.id,
            "version_from": self.version.valid_from.isoformat() if self.version else None,
            "outcome": str(self.finding.outcome),
            "message_da": self.finding.message_da,
            "message_en": self.finding.message_en,
            "facts": _plain(self.finding.facts),
            "due": self.finding.due.isoformat() if self.finding.due else None,
            "citations": [c.as_dict() for c in (self.version.citations if self.version else ())],
        }


@dataclass(frozen=True)
class Evaluation:
    on: date
    results: tuple[Result, ...]
    in_question: tuple[str, ...] = ()  # the decision types judged (Snapshot.in_question)

    def blocking(self, decision_type: str | Iterable[str] | None = None) -> list[Result]:
        """What blocks a decision of these types: failed blocking rules that apply to one of them (or to every
        decision). With no type: every failed blocking rule."""
        types = (decision_type,) if isinstance(decision_type, str) else decision_type
        wanted = None if types is None else frozenset(types)
        return [
            r
            for r in self.results
            if r.finding.outcome in (Outcome.MISSING, Outcome.LATE, Outcome.PROMPT)
            and r.rule.severity == Severity.BLOCKING
            and (not r.rule.decision_types or wanted is None or not wanted.isdisjoint(r.rule.decision_types))
        ]

    def deadlines(self) -> list[Result]:
        """The running deadlines, the earliest first (each result here has a due date)."""
        return sorted((r for r in self.results if r.rule.deadline and r.finding.due is not None), key=_due)

    def explain(self) -> dict[str, Any]:
        """Which rules ran, on which facts, with which result and under which citations — stored with a decision."""
        return {
            "on": self.on.isoformat(),
            "in_question": list(self.in_question),
            "results": [r.explain() for r in self.results],
        }


def evaluate(rules: Iterable[Rule], snapshot, *, on: date) -> Evaluation:
    """Judge the snapshot on `on` under the rule versions in force that day. Rules never call today().

    A policy rule (not law) runs only when the case's municipality has switched its policy on. A recorded answer
    to a prompt counts only for the rule version it was given under: when the law changes, the caseworker judges
    again under the new version (an answer without a recorded version counts for every version).
    """
    results = []
    rules = rules if isinstance(rules, tuple) else tuple(rules)
    for rule, version in zip(rules, _versions_on(rules, on), strict=True):
        if version is None:
            results.append(Result(rule, None, Finding.not_applicable(reason="not in force on this date")))
            continue
        if rule.policy and rule.policy not in snapshot.policies:
            results.append(Result(rule, version, Finding.not_applicable(policy=rule.policy, switched_on=False)))
            continue
        judged = snapshot.answers_under(rule.id, version.valid_from) if rule.id in snapshot.answered_rules else snapshot
        try:
            finding = version.check(judged, on)
        except NoValueInForce as exc:
            finding = _outside_known_law(exc)
        results.append(Result(rule, version, finding))
    return Evaluation(on=on, results=tuple(results), in_question=snapshot.in_question(on))


def _outside_known_law(exc: NoValueInForce) -> Finding:
    """A date in the case lies before the first value of a parameter the rule reads: Evne does not know the law of
    that day, so it cannot judge; the caseworker must (a prompt, never a crash and never a silent pass)."""
    first = f"{exc.first:%d-%m-%Y}"
    on = f"{exc.on:%d-%m-%Y}"
    return Finding.prompt(
        f"Sagen har en dato ({on}) uden for den lovgivning, Evne kender: reglen kan først vurderes fra {first}. "
        "Vurdér selv kravet efter de regler, der gjaldt dengang.",
        f"The case has a date ({on}) outside the law Evne knows: the rule can be judged only from {first}. "
        "Judge the requirement yourself under the rules of that time.",
        outside_known_law=exc.key,
        date=exc.on,
        known_from=exc.first,
    )


def _due(result: Result) -> date:
    assert result.finding.due is not None  # only results with a due date are sorted by it
    return result.finding.due


_VERSIONS: dict[tuple[int, date], tuple[tuple[Rule, ...], tuple[RuleVersion | None, ...]]] = {}


def _versions_on(rules: tuple[Rule, ...], on: date) -> tuple[RuleVersion | None, ...]:
    """The version of each rule in force on `on`, remembered per catalogue and date (a bulk run asks 100,000 times)."""
    key = (id(rules), on)
    hit = _VERSIONS.get(key)
    if hit is None or hit[0] is not rules:
        if len(_VERSIONS) > 256:
            _VERSIONS.clear()
        hit = _VERSIONS[key] = (rules, tuple(rule.version_on(on) for rule in rules))
    return hit[1]


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value
