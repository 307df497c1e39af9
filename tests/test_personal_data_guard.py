"""The suite's guard against CPR numbers and citizens' names in URLs and logs (tests/personal_data_guard.py)
finds what it is there to find, and nothing else."""

import logging

import pytest

from tests import personal_data_guard
from tests.personal_data_guard import cpr_shaped


@pytest.mark.personal_data_allowed  # this test runs the guard by hand
def test_it_finds_a_cpr_number_in_a_url_and_a_citizens_name_in_a_log_line(request, client, alice, citizen):
    personal_data_guard.start()
    try:
        client.force_login(alice)
        client.get("/no-such-page/", {"q": "010180-1234"})
        client.get("/search/", {"q": "testrup"})
        logging.getLogger("evne.test").warning("Opened the case of %s", "Mette Testrup")
        logging.getLogger("evne.test").info("Nothing personal in case %s", 12)
        found = personal_data_guard.problems(request.node)
    finally:
        personal_data_guard.stop()

    assert "CPR number '010180-1234' in the URL '/no-such-page/?q=010180-1234'" in found
    assert "citizen's name 'testrup' in the URL '/search/?q=testrup'" in found
    assert any(f.startswith("citizen's name 'Mette' in a log line of evne.test") for f in found)
    assert not any("Nothing personal" in f for f in found)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("/search/?q=190494-1674", "190494-1674"),
        ("id 1904941674 found", "1904941674"),
        ("masked 190494-XXXX", None),  # the masked form the lists show
        ("case 990-2026-00001", None),  # a case number
        ("epoch 1718454000", None),  # ten digits, but no date of birth
        ("322199-1234", None),  # 32 December is no date
        ("12345678901", None),  # eleven digits
    ],
)
def test_it_takes_for_a_cpr_number_only_what_has_a_real_date_of_birth(text, expected):
    assert cpr_shaped(text) == expected
