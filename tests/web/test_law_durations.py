"""UI hints render durations from the dated parameters (evne.web.templatetags.law), not typed numbers."""

from datetime import date

from django.utils import translation

from evne.web.templatetags.law import file_access_deadline, law_duration


def test_the_file_access_deadline_follows_the_law_of_the_day():
    with translation.override("da"):
        assert file_access_deadline(date(2013, 6, 1)) == "10 dage"
        assert file_access_deadline(date(2026, 3, 2)) == "7 arbejdsdage"
    with translation.override("en"):
        assert file_access_deadline(date(2026, 3, 2)) == "7 working days"


def test_a_duration_is_rendered_from_its_parameter():
    with translation.override("da"):
        assert law_duration("deadlines.appeal_weeks", date(2026, 1, 1)) == "4 uger"
        assert law_duration("deadlines.activation_follow_up_months", date(2026, 1, 1)) == "3 måneder"
        assert law_duration("deadlines.appeal_weeks", date(1990, 1, 1)) == ""
