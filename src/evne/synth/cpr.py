"""Synthetic CPR numbers that are valid for Evne but cannot belong to anyone numbered before October 2007.

Why they fail the modulus-11 check on purpose: until 1 October 2007 every personnummer issued by
CPR-kontoret satisfied the modulus-11 check (weights 4, 3, 2, 7, 6, 5, 4, 3, 2, 1; the weighted digit sum is
divisible by 11). Since then CPR-kontoret also issues numbers without it, because some birth dates ran out
of modulus-11 serial numbers (cpr.dk, "Opbygning af CPR-nummeret" and "Personnumre uden kontrolciffer").
A number that fails the check therefore belongs to no one who got their number before 2007 — which is
almost everyone of working age in the demo.

It is not an absolute guarantee: numbers issued since 2007 may fail the check too. CPR-kontoret says those
have in practice been given for 1 January birth dates (often to people whose exact birth date is unknown),
so the demo generator (`evne.synth.generate`) never picks 1 January. Together this makes a collision with
a real person's number very unlikely; the names and addresses are invented as well (`evne.synth.names`).

The numbers still pass Evne's own validation (`evne.citizens.cpr.parse_cpr`), which deliberately does not
apply modulus 11: the seventh digit is chosen so the century code gives back the birth date's century.
"""

import random
from datetime import date

MODULUS_11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)

EARLIEST_BIRTH_DATE = date(1858, 1, 1)
LATEST_BIRTH_DATE = date(2057, 12, 31)


def passes_modulus_11(digits: str) -> bool:
    """The pre-2007 check: the weighted digit sum is divisible by 11."""
    return sum(int(d) * w for d, w in zip(digits, MODULUS_11_WEIGHTS, strict=True)) % 11 == 0


def seventh_digits(year: int) -> tuple[int, ...]:
    """The seventh digits whose century code (evne.citizens.cpr.century) gives back this birth year."""
    year2 = year % 100
    if 1858 <= year <= 1899:
        return (5, 6, 7, 8)
    if 1900 <= year <= 1999:
        return (0, 1, 2, 3, 4, 9) if year2 >= 37 else (0, 1, 2, 3)
    if 2000 <= year <= 2036:
        return (4, 5, 6, 7, 8, 9)
    if 2037 <= year <= 2057:
        return (5, 6, 7, 8)
    raise ValueError(f"A CPR number cannot express the birth year {year} (only 1858–2057).")


def synthetic_cpr(rng: random.Random, birth_date: date, *, female: bool | None = None) -> str:
    """Ten digits for this birth date that pass `parse_cpr` and fail modulus 11.

    The last digit carries the sex (even: female, odd: male); `female=None` leaves it to chance.
    """
    prefix = (
        f"{birth_date:%d%m}{birth_date.year % 100:02d}"
        f"{rng.choice(seventh_digits(birth_date.year))}{rng.randrange(100):02d}"
    )
    partial = sum(int(d) * w for d, w in zip(prefix, MODULUS_11_WEIGHTS, strict=False)) % 11
    # The last weight is 1, so exactly one last digit (11 - partial) % 11 would pass the check, if it is 0–9.
    passing = (11 - partial) % 11
    candidates = [d for d in range(10) if d != passing and (female is None or (d % 2 == 0) == female)]
    return f"{prefix}{rng.choice(candidates)}"
