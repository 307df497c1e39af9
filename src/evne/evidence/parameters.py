"""Deadlines, durations and limits used by the evidence services, each with the date it applies from and its
source. The rules engine (issue 5) takes these over as dated YAML parameters; until then each value is a list
of versions, newest last, and `in_force(versions, on)` picks the one in force on a date. A change in the law
is a new version appended here with its own start date; the old one stays.

The start dates are those of the instrument the seed describes: the work-ability method and its guidance apply
from 2003-01-01 (bek. nr. 543 af 28. maj 2002; shared/domain/law-timeline.md). The seeds do not say when
the underlying practice began; re-check each value against the law in force before a rule cites it in a letter.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Version:
    since: date
    value: int
    source: str


def in_force(versions: list[Version], on: date) -> int:
    """The value in force on `on`. Before the first version, the first version applies (older data is judged
    by the oldest rule Evne knows, rather than by none)."""
    current = versions[0]
    for version in versions:
        if version.since <= on:
            current = version
    return current.value


METHOD_IN_FORCE = date(2003, 1, 1)

# D12: "Man skal være opmærksom på, at samtykke om videregivelse kun er gyldig i et år."
# Seed 000 (Arbejdsevnemetoden, 2001/2002), L6802–6804. Consent to disclose lasts one calendar year from the
# day it is given: given 1 March 2026, it no longer holds on 1 March 2027 (`expires_on`).
CONSENT_DISCLOSE_VALID_YEARS = [
    Version(METHOD_IN_FORCE, 1, "seed 000 L6802–6804 (D12)"),
]

# R34: a notice under retssikkerhedsloven § 12, stk. 3 (the municipality will obtain the information unless the
# citizen objects within a time limit): "Borgeren bør formentlig have mindst 14 dage til at overveje
# spørgsmålet." Guidance to bek. 543/2002 § 7, stk. 4, seed 001 l. 2109–2120. "Formentlig": the guidance's own
# estimate of a reasonable period, applied here as a minimum.
NOTICE_RTL_12_3_MIN_DAYS = [
    Version(METHOD_IN_FORCE, 14, "seed 001 l. 2109–2120 (R34); bek. 543/2002 § 7, stk. 4, guidance"),
]

# Municipal practice, not law: the answer date set on a request when the caseworker gives none. After it, the
# request shows as overdue and a reminder appears (I1: do not stay passive when information does not arrive,
# seed 000 L6603–6610). A municipality may change it.
ANSWER_DUE_DAYS = [
    Version(METHOD_IN_FORCE, 14, "municipal practice (default answer time); I1, seed 000 L6603–6610"),
]

# Technical limit, not law: the largest file accepted for a document (20 MB). Scanned certificates are well
# below it. A web server in front of Evne should refuse larger bodies before they reach Django.
DOCUMENT_MAX_BYTES = [
    Version(METHOD_IN_FORCE, 20 * 1024 * 1024, "technical limit"),
]
