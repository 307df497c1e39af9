"""No internal code on any page (issue 13, item 4): every page type, as each role, on the demo data, in Chromium.

The crawl follows the links a user sees from the worklist and from a few chosen starting pages (a case with an
issued decision, one with a complaint, one with documents, the rehabilitation team's meeting), reads each page's
visible text and fails on identifier-shaped strings: snake_case keys, rule ids, `kind:123`, hash ids, ISO dates
and seed line references. A link a user is offered that answers with an error fails too.
"""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from evne.decisions.models import Complaint, Decision
from evne.evidence.models import Document
from evne.reform.models import RehabMeeting
from evne.synth.generate import DEMO_PASSWORD, load_demo

from .crawl import crawl, log_in, report

seed_activity_catalogue = import_module("evne.plans.migrations.0003_activity_catalogue").seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROLES = ("sagsbehandler5", "teamleder", "jurist", "rehab", "andeby")


def _starts() -> tuple[str, ...]:
    """Pages worth reading whatever the worklist shows: the richest records of the demo's first municipality."""
    starts = ["/", "/rules/", "/rehab/"]
    issued = Decision.objects.filter(issued_at__isnull=False, case__municipality__code="999").order_by("pk")[:2]
    starts += [f"/cases/{d.case_id}/decisions/{d.number}/" for d in issued]
    starts += [f"/cases/{d.case_id}/" for d in issued]
    complaint = Complaint.objects.filter(decision__case__municipality__code="999").order_by("pk").first()
    if complaint:
        starts.append(f"/cases/{complaint.decision.case_id}/")
    document = Document.objects.filter(case__municipality__code="999").order_by("pk").first()
    if document:
        starts.append(f"/cases/{document.case_id}/documents/")
    meeting = RehabMeeting.objects.order_by("pk").first()
    if meeting:
        starts.append(f"/rehab/meetings/{meeting.pk}/")
    return tuple(dict.fromkeys(starts))


def test_it_shows_no_internal_code_on_any_page_for_any_role(live_server, new_page):
    # The activity catalogue is loaded by a migration; an earlier transactional test may have flushed it.
    seed_activity_catalogue(django_apps, None)
    load_demo()
    starts = _starts()
    totals, failures = {}, []
    for username in ROLES:
        page = new_page(locale="en-US")  # a browser asking for English still gets Danish
        log_in(page, live_server.url, username, DEMO_PASSWORD)
        result = crawl(page, live_server.url, start=starts, per_type=1, limit=150)
        totals[username] = (len(result.pages), result.loads)
        if result.findings or result.statuses:
            failures.append(f"== {username}: {report(result)}")
    print("page types × role:", totals)
    assert sum(types for types, _ in totals.values()) > 100, totals
    assert not failures, "\n".join(failures)


def test_it_shows_the_login_page_in_danish_to_a_browser_asking_for_english(live_server, new_page):
    page = new_page(locale="en-US")
    page.goto(f"{live_server.url}/login/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    # The user's own choice in the language menu is kept.
    page.select_option("#language", "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"{live_server.url}/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
