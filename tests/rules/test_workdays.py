"""Working days: Monday to Friday except the Danish public holidays (src/evne/rules/workdays.py)."""

from datetime import date

from evne.rules.workdays import add_working_days, easter, holidays, is_working_day, next_working_day


def test_easter_is_right_for_known_years():
    assert easter(2013) == date(2013, 3, 31)
    assert easter(2024) == date(2024, 3, 31)
    assert easter(2025) == date(2025, 4, 20)
    assert easter(2026) == date(2026, 4, 5)


def test_the_holidays_of_2023_and_great_prayer_day_abolished_from_2024():
    h = holidays(2023)
    assert date(2023, 4, 6) in h and date(2023, 4, 7) in h and date(2023, 4, 10) in h  # skærtorsdag … 2. påskedag
    assert date(2023, 5, 5) in h  # store bededag, the last one
    assert date(2023, 5, 18) in h and date(2023, 5, 29) in h  # Kristi himmelfart, 2. pinsedag
    assert date(2024, 4, 26) not in holidays(2024)
    assert date(2023, 6, 5) not in h  # grundlovsdag is not a public holiday


def test_working_days_skip_weekends_and_holidays():
    assert not is_working_day(date(2026, 1, 3))  # Saturday
    assert add_working_days(date(2026, 3, 2), 7) == date(2026, 3, 11)  # Monday + 7 working days
    assert add_working_days(date(2026, 3, 30), 7) == date(2026, 4, 13)  # over Easter 2026 (2, 3 and 6 April)
    assert next_working_day(date(2026, 3, 28)) == date(2026, 3, 30)  # Saturday → Monday
    assert next_working_day(date(2026, 4, 3)) == date(2026, 4, 7)  # Good Friday → the Tuesday after Easter
