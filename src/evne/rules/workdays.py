"""Working days (arbejdsdage / hverdage) for deadlines counted in them.

A working day is Monday to Friday that is not a Danish public holiday (helligdag, lov om helligdage): New Year's
Day, Maundy Thursday, Good Friday, Easter Sunday and Monday, Great Prayer Day (the fourth Friday after Easter, a
holiday until 2023: abolished from 2024 by lov nr. 121 af 1. marts 2023 — re-check against Retsinformation),
Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day. Constitution Day (5 June), Christmas Eve and
New Year's Eve are not public holidays and count as working days here, though many offices close: a deadline that
ends on one of them is not moved.
"""

from datetime import date, timedelta
from functools import cache

GREAT_PRAYER_DAY_LAST_YEAR = 2023  # store bededag abolished from 2024 (lov nr. 121 af 1. marts 2023)


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def holidays(year: int) -> frozenset[date]:
    """The Danish public holidays of `year`."""
    e = easter(year)
    offsets = [-3, -2, 0, 1, 39, 49, 50]
    if year <= GREAT_PRAYER_DAY_LAST_YEAR:
        offsets.append(26)
    days = {e + timedelta(days=n) for n in offsets}
    days |= {date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)}
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start` (the start day itself not counted)."""
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the next one (a deadline ending on a weekend or a holiday rolls
    over to the next working day)."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
