"""The commands: `evne demo` (without --serve) and `evne synth`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from evne.citizens.models import Citizen
from evne.synth.generate import DEMO_PASSWORD, load_demo

pytestmark = pytest.mark.django_db


def test_it_prints_the_demo_logins():
    out = StringIO()

    call_command("demo", stdout=out)

    text = out.getvalue()
    assert "Demodata indlæst" in text
    assert "Brugernavn" in text and "Adgangskode" in text
    for username in ("sagsbehandler1", "sagsbehandler6", "teamleder", "rehab", "jurist", "admin", "andeby"):
        assert username in text
    assert DEMO_PASSWORD in text
    assert "Evnekøbing Kommune (demo)" in text and "Andeby Kommune (demo)" in text


def test_it_prints_the_logins_again_when_the_demo_is_already_loaded():
    load_demo()
    out = StringIO()

    call_command("demo", stdout=out)

    assert "Demodata findes allerede" in out.getvalue()
    assert "jurist" in out.getvalue()


def test_it_prints_progress_in_tenths_from_the_synth_command():
    out = StringIO()

    call_command("synth", citizens=20, seed=1, municipality_code="993", stdout=out)

    lines = out.getvalue().splitlines()
    assert [line.split("%")[0].strip() for line in lines if "%" in line] == [str(p) for p in range(10, 101, 10)]
    assert Citizen.objects.filter(municipality__code="993").count() == 20


def test_it_refuses_to_add_to_a_municipality_that_has_citizens_or_belongs_to_the_demo():
    call_command("synth", citizens=2, seed=1, municipality_code="993", stdout=StringIO())

    with pytest.raises(CommandError):
        call_command("synth", citizens=2, seed=1, municipality_code="993", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("synth", citizens=2, seed=1, municipality_code="999", stdout=StringIO())


def test_the_bulk_synth_command_loads_and_a_rerun_changes_nothing():
    out = StringIO()
    call_command("synth", cases=42, municipalities=1, seed=4, templates=42, batch_size=20, stdout=out)
    assert "Indlæst 42 sager i 3 portioner" in out.getvalue()
    assert Citizen.objects.filter(municipality__code="900").count() == 42

    again = StringIO()
    call_command("synth", cases=42, municipalities=1, seed=4, templates=42, batch_size=20, stdout=again)
    assert "Indlæst 0 sager" in again.getvalue() and "3 portioner fandtes allerede" in again.getvalue()
    assert Citizen.objects.count() == 42


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"cases": 0}, "--cases skal være mindst 1"),
        ({"cases": 10, "municipalities": 98}, "--municipalities skal være mellem 1 og 97"),
        ({"cases": 300_000, "municipalities": 2}, "Højst 99999 sager pr. kommune"),
        ({}, "Angiv --cases"),
    ],
)
def test_the_bulk_synth_command_refuses_what_it_cannot_load(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("synth", **options)
