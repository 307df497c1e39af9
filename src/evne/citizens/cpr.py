"""CPR numbers (personnummer): parse, validate and mask.

A CPR number is DDMMYY-SSSS. The first six digits are the date of birth; the seventh digit (the first of the
serial number) together with the two-digit year gives the century (CPR-kontoret, "Personnummeret i
CPR-systemet", table of century codes):

    7th digit 0-3:   19xx
    7th digit 4, 9:  20xx when the year is 00-36, otherwise 19xx
    7th digit 5-8:   20xx when the year is 00-57, otherwise 18xx

The modulus-11 check is deliberately not applied: numbers without it have been issued since 2007.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _


class InvalidCpr(ValueError):
    """A CPR number that cannot be right. The message is for the caseworker (translated)."""


@dataclass(frozen=True)
class Cpr:
    digits: str
    birth_date: date

    @property
    def formatted(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        return mask(self.digits)


def century(year2: int, seventh: int) -> int:
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if year2 <= 36 else 1900
    return 2000 if year2 <= 57 else 1800


def normalise(raw: str) -> str:
    """Strip the optional hyphen or space between the date and the serial number."""
    text = (raw or "").strip()
    if len(text) == 11 and text[6] in "- ":
        text = text[:6] + text[7:]
    return text


def parse_cpr(raw: str, *, today: date | None = None) -> Cpr:
    """Return the validated CPR number or raise InvalidCpr with a message the caseworker can act on."""
    digits = normalise(raw)
    if not digits:
        raise InvalidCpr(_("Enter the CPR number (10 digits, DDMMYY-XXXX)."))
    if not digits.isascii() or not digits.isdigit():
        raise InvalidCpr(_("A CPR number may only contain digits, optionally with a hyphen after the date."))
    if len(digits) != 10:
        raise InvalidCpr(
            _("A CPR number has exactly 10 digits (DDMMYY-XXXX); you entered %(count)d.") % {"count": len(digits)}
        )
    day, month, year2, seventh = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    year = century(year2, seventh) + year2
    try:
        birth = date(year, month, day)
    except ValueError:
        raise InvalidCpr(
            _("The first six digits of a CPR number must be a real date of birth (DDMMYY); %(date)s is not.")
            % {"date": digits[:6]}
        ) from None
    if today is not None and birth > today:
        raise InvalidCpr(
            _("The CPR number gives the date of birth %(date)s, which lies in the future.")
            % {"date": birth.strftime("%d-%m-%Y")}
        )
    return Cpr(digits=digits, birth_date=birth)


def mask(digits: str) -> str:
    """DDMMYY-XXXX: the date part stays, the serial number (which reveals sex and identity) is hidden."""
    return f"{digits[:6]}-XXXX"
