"""A caseworker's first case, end to end in a real browser; a stranger from another municipality sees nothing."""

import re

import pytest
from playwright.sync_api import expect

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.cases.models import Case, EventKind

from ..conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url, username):
    page.goto(f"{base_url}/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", name="Mine sager")).to_be_visible()


def test_it_lets_a_caseworker_create_a_citizen_and_a_case_and_note_facts_and_assessments(
    live_server, new_page, alice, charlie
):
    page = new_page()
    log_in(page, live_server.url, "alice")

    page.get_by_role("navigation").get_by_role("link", name="Ny borger").click()
    page.fill("[name=cpr]", "311299-1234")  # 31 Dec 1999 is real, but first a wrong one:
    page.fill("[name=cpr]", "320199-1234")
    page.fill("[name=first_name]", "Jonas")
    page.fill("[name=last_name]", "Prøvesen")
    page.locator("main").get_by_role("button", name="Gem").click()
    expect(page.get_by_role("alert")).to_contain_text("gyldig fødselsdato")  # Danish: not a real date

    page.fill("[name=cpr]", "311299-1234")
    page.fill("[name=postal_code]", "9990")
    page.locator("main").get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Jonas Prøvesen")).to_be_visible()
    expect(page.get_by_text("311299-1234")).to_be_visible()

    page.get_by_role("link", name="Ny sag").click()
    page.select_option("[name=pathway]", "jobafklaring")
    page.select_option("[name=benefit]", "jobafklaringsydelse")
    page.fill("[name=help_requested_on]", "2026-09-14")
    page.locator("main").get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name=re.compile(r"Sag \d{3}-\d{4}-\d{5}"))).to_be_visible()

    page.check("input[name=kind][value=fact]")
    page.fill("[name=text]", "Borgeren fortæller, at hun har arbejdet 12 år som lagerarbejder.")
    page.fill("[name=source]", "Samtale 14. september")
    page.get_by_role("button", name="Tilføj notat").click()
    expect(page.locator("#timeline")).to_contain_text("har arbejdet 12 år som lagerarbejder")

    page.check("input[name=kind][value=assessment]")
    page.fill("[name=text]", "Det er min vurdering, at borgeren har ressourcer i forhold til lagerarbejde.")
    page.get_by_role("button", name="Tilføj notat").click()
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("har ressourcer i forhold til lagerarbejde")
    expect(timeline.locator(".note-fact")).to_contain_text("Oplysning")
    expect(timeline.locator(".note-assessment")).to_contain_text("Vurdering")

    case = Case.objects.get(citizen__last_name="Prøvesen")
    assert list(case.events.values_list("kind", flat=True).order_by("id")) == [
        EventKind.CASE_OPENED,
        EventKind.CASEWORKER_ASSIGNED,
        EventKind.NOTE_ADDED,
        EventKind.NOTE_ADDED,
    ]
    assert sorted(case.notes.values_list("kind", flat=True)) == ["assessment", "fact"]

    # Charlie works in another municipality: no case page, no search hit, nothing logged as shown to him.
    stranger = new_page()
    log_in(stranger, live_server.url, "charlie")
    response = stranger.goto(f"{live_server.url}/cases/{case.pk}/")
    assert response.status == 404
    expect(stranger.get_by_role("heading", name="Ikke fundet")).to_be_visible()
    stranger.goto(f"{live_server.url}/search/")
    stranger.fill("#q", "Prøvesen")
    stranger.get_by_role("button", name="Søg").click()
    expect(stranger.locator("#results")).to_contain_text("Ingen borgere matcher søgningen")
    assert "Prøvesen" not in stranger.url
    expect(stranger.locator("#results")).not_to_contain_text("Jonas")
    assert not AccessLogEntry.objects.filter(user=charlie, case=case).exists()
    assert AccessLogEntry.objects.filter(user=alice, case=case, action=AccessAction.CASE).exists()


def test_it_switches_the_interface_to_english(live_server, new_page, alice):
    page = new_page()
    log_in(page, live_server.url, "alice")
    page.select_option("#language", "en")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
