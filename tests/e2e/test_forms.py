"""Forms in Chromium: a refused form starts with an error summary that takes the focus, and "Flere rækker" adds
rows in place without reloading the page (htmx), keeping what was typed."""

from datetime import date

import pytest
from playwright.sync_api import expect

from evne.profiles.services import involvement_record

from .test_caseworker_flow import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_focuses_the_error_summary_and_links_each_field(live_server, new_page, alice, citizen):
    page = new_page()
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/citizens/{citizen.pk}/cases/new/")
    page.select_option("[name=benefit]", "ledighedsydelse")
    page.fill("[name=help_requested_on]", "2099-01-01")
    page.locator("main").get_by_role("button", name="Gem").click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Formularen har")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link").first
    link.click()
    assert page.url.endswith("#" + link.get_attribute("href").lstrip("#"))
    target = page.locator(link.get_attribute("href"))
    expect(target).to_be_visible()


def test_it_adds_fact_rows_without_reloading_the_page(live_server, new_page, alice, case):
    involvement_record(actor=alice, case=case, kind="opening_conversation", occurred_on=date(2026, 6, 1),
                       text="Første samtale om ressourceprofilen.")  # fmt: skip
    page = new_page()
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/{case.pk}/profile/education/")
    page.fill("[name=facts-0-text]", "Uddannet lagerassistent.")
    page.fill("[name=citizen_view]", "Jeg vil gerne bruge min uddannelse.")
    rows = page.locator("#fact-rows li.fact-row")
    before = rows.count()
    page.evaluate("window.notReloaded = true")
    page.locator("#fact-rows").get_by_role("button", name="Flere rækker").click()
    expect(rows).to_have_count(before + 3)
    assert page.evaluate("window.notReloaded === true")  # the same page: only the rows were swapped in
    expect(page.locator("[name=facts-0-text]")).to_have_value("Uddannet lagerassistent.")
    expect(page.locator("[name=citizen_view]")).to_have_value("Jeg vil gerne bruge min uddannelse.")
    expect(page.locator("[name=facts-TOTAL_FORMS]")).to_have_value(str(before + 3))
