"""Complaint guidance: every dated version names the appeal body of its time and the deadline, and none states or
implies that a complaint must be written (FVL § 25; seed 000, L7264–7268)."""

from datetime import date

import pytest

from evne.decisions.guidance import FORBIDDEN, demands_written_form, guidance_for
from evne.rules.parameters import all_parameters

VERSION_DATES = [v.since for v in all_parameters()["appeals.appeal_body"]]


@pytest.mark.parametrize("on", [*VERSION_DATES, date(2013, 6, 30), date(2026, 11, 1)])
def test_no_version_of_the_guidance_demands_written_form(on):
    text = guidance_for(on).text
    assert demands_written_form(text) == []
    assert "mundtligt" in text  # it says outright that an oral complaint is enough
    lowered = text.lower()
    assert "skriftlig" not in lowered.replace("eller skriftligt", "")  # "written" only as one option among others


def test_the_check_catches_a_text_that_demands_written_form():
    assert demands_written_form("Klagen sendes til kommunen.") == ["klagen sendes til"]
    assert demands_written_form("Din klage skal være  skriftlig.") == ["skal være skriftlig"]
    assert len(FORBIDDEN) >= 5


def test_the_appeal_body_by_date_and_area():
    # employment and pension decisions: the beskæftigelsesankenævn from 2007 until 30 June 2013
    assert guidance_for(date(2006, 12, 31)).appeal_body == "Det Sociale Nævn"
    assert guidance_for(date(2007, 1, 1)).appeal_body == "Beskæftigelsesankenævnet"
    assert guidance_for(date(2013, 6, 30)).appeal_body == "Beskæftigelsesankenævnet"
    assert guidance_for(date(2013, 7, 1)).appeal_body == "Ankestyrelsen"
    assert "Beskæftigelsesankenævnet" in guidance_for(date(2010, 1, 1)).text
    # the social area kept Det Sociale Nævn until the new complaint structure of 1 July 2013
    assert guidance_for(date(2010, 1, 1), area="social").appeal_body == "Det Sociale Nævn"
    assert guidance_for(date(2013, 7, 1), area="social").appeal_body == "Ankestyrelsen"


def test_the_deadline_comes_from_the_parameter():
    assert "inden 4 uger" in guidance_for(date(2026, 1, 1)).text


def test_there_is_no_guidance_before_the_first_version():
    with pytest.raises(ValueError):
        guidance_for(date(2002, 1, 1))
