"""Shared fixtures. Named people, as in the house style: Alice owns the case (caseworker, team A),
Bob is on her team, Carol is in another team of the same municipality, and Charlie is a stranger
(another municipality). All data is synthetic."""

import os
from datetime import date, datetime

import pytest
import time_machine

from evne.accounts.models import Municipality, Role, Team, User
from evne.cases.services import case_open
from evne.citizens.services import citizen_create
from tests import personal_data_guard
from tests.population import demo_population  # noqa: F401 - a fixture (the demo, once per module)

# Playwright's sync API runs an event loop in the test thread; the ORM calls in e2e fixtures are still
# synchronous, so Django's async-safety guard must be told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "demo-Evne-2026"

# Every test but the browser tests runs on a clock frozen at this instant (and ticking from it), from before the
# tests are collected, so module-level dates and module-scoped fixtures see it too and the suite passes on any
# date; EVNE_TEST_NOW moves it (e.g. EVNE_TEST_NOW=2031-01-02T09:00:00+01:00 ./test) to prove it. The browser
# tests run on the real clock: Chromium judges the session cookie's expiry by its own clock.
FROZEN_AT = datetime.fromisoformat(os.environ.get("EVNE_TEST_NOW", "2026-06-15T10:00:00+02:00"))
_CLOCK = time_machine.travel(FROZEN_AT, tick=True)


def pytest_configure(config):
    _CLOCK.start()
    personal_data_guard.install()


def pytest_unconfigure(config):
    _CLOCK.stop()


@pytest.fixture(autouse=True)
def _real_clock_for_the_browser(request):
    if not request.node.get_closest_marker("e2e"):
        yield
        return
    _CLOCK.stop()
    try:
        yield
    finally:
        _CLOCK.start()


def _with_letter_branding(municipality: Municipality) -> Municipality:
    """Every letter needs the job centre's contact details (evne.decisions.letters.require_contact)."""
    from evne.synth.generate import ensure_letter_branding

    ensure_letter_branding(municipality, town=("9990", municipality.name.removesuffix(" Kommune")))
    return municipality


@pytest.fixture(autouse=True)
def _no_personal_data_in_urls_or_logs(request):
    """Issue 15.4: every URL requested and every log line of the test is checked for CPR numbers and citizens'
    names (tests/personal_data_guard.py); the check itself runs after the test body, in pytest_runtest_call."""
    if request.node.get_closest_marker("personal_data_allowed"):
        yield
        return
    personal_data_guard.start()
    try:
        yield
    finally:
        personal_data_guard.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    found = personal_data_guard.problems(item)
    if found:
        pytest.fail(
            "Personal data where it must never be (issue 15.4):\n  " + "\n  ".join(dict.fromkeys(found)),
            pytrace=False,
        )
    return result


@pytest.fixture
def kommune(db) -> Municipality:
    return _with_letter_branding(Municipality.objects.create(code="990", name="Evnekøbing Kommune"))


@pytest.fixture
def other_kommune(db) -> Municipality:
    return _with_letter_branding(Municipality.objects.create(code="991", name="Andeby Kommune"))


@pytest.fixture
def team_a(kommune) -> Team:
    return Team.objects.create(municipality=kommune, name="Team A")


@pytest.fixture
def team_b(kommune) -> Team:
    return Team.objects.create(municipality=kommune, name="Team B")


@pytest.fixture
def team_x(other_kommune) -> Team:
    return Team.objects.create(municipality=other_kommune, name="Team X")


@pytest.fixture
def make_user(db):
    def make(username: str, role: str, team: Team | None, *, municipality: Municipality | None = None) -> User:
        first, _, last = username.partition("_")
        return User.objects.create_user(
            username=username,
            password=PASSWORD,
            first_name=first.capitalize(),
            last_name=(last or "Testesen").capitalize(),
            role=role,
            team=team,
            municipality=municipality or (team.municipality if team else None),
        )

    return make


@pytest.fixture
def alice(make_user, team_a) -> User:
    return make_user("alice", Role.CASEWORKER, team_a)


@pytest.fixture
def bob(make_user, team_a) -> User:
    return make_user("bob", Role.CASEWORKER, team_a)


@pytest.fixture
def carol(make_user, team_b) -> User:
    return make_user("carol", Role.CASEWORKER, team_b)


@pytest.fixture
def charlie(make_user, team_x) -> User:
    return make_user("charlie", Role.CASEWORKER, team_x)


@pytest.fixture
def citizen(alice):
    return citizen_create(
        actor=alice,
        cpr="010180-1234",
        first_name="Mette",
        last_name="Testrup",
        address="Prøvevej 1",
        postal_code="9990",
        city="Evnekøbing",
    )


@pytest.fixture
def case(alice, citizen):
    return case_open(
        actor=alice,
        citizen=citizen,
        pathway="ressourceforlob",
        benefit="kontanthjaelp",
        help_requested_on=date(2026, 3, 2),
    )
