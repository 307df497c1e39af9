"""References from one record of a case to another: "<kind>:<id>", e.g. `document:12`, `assessment:3`.

A fact (a decision's fact, a profile fact) points at the record it comes from: a document, a journal note, a
profile version, the work-ability assessment, a provider report, the rehabilitation team's recommendation. The
kinds live in the apps above this one, so they register here when Django starts (the imports run one way); a
reference is valid only if it names a record of the same case. The web layer shows a reference as a link with the
record's title, never the raw key.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import Case


@dataclass(frozen=True)
class Record:
    kind: str
    id: int
    title: str  # readable, in the reader's language: "Dokument: LÆ 265 (02-03-2026)"
    key: dict  # what the web layer needs to link to it (e.g. the assessment's number, the report's activity)

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"


# kind → (the case's records of that kind, newest first)
_KINDS: dict[str, Callable[[Case], Iterable[Record]]] = {}


def register(kind: str, records: Callable[[Case], Iterable[Record]]) -> None:
    _KINDS[kind] = records


def kinds() -> tuple[str, ...]:
    return tuple(_KINDS)


def parse(ref: str) -> tuple[str, int] | None:
    kind, sep, pk = (ref or "").partition(":")
    if not sep or kind not in _KINDS or not pk.isdigit():
        return None
    return kind, int(pk)


def records(case: Case, *, only: Iterable[str] | None = None) -> list[Record]:
    """Every record of the case a fact may point at, kind by kind in the order they registered."""
    wanted = tuple(only) if only is not None else tuple(_KINDS)
    return [r for kind in wanted if kind in _KINDS for r in _KINDS[kind](case)]


def index(case: Case) -> dict[str, Record]:
    """ "<kind>:<id>" → the record, for showing many references of one case with one query per kind."""
    return {r.ref: r for r in records(case)}


def resolve(case: Case, ref: str) -> Record | None:
    """The record `ref` names, if it is a record of this case; None for anything else (another case's record,
    an unknown kind, a malformed reference)."""
    parsed = parse(ref)
    if parsed is None:
        return None
    kind, pk = parsed
    return next((r for r in _KINDS[kind](case) if r.id == pk), None)
