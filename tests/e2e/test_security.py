"""The Content-Security-Policy in a real browser (issue 15.8): no violation on the pages, htmx and the language
switch still work without inline script, and the Swagger UI runs from Evne's own static files."""

import json
import urllib.request

import pytest
from playwright.sync_api import expect

from .test_caseworker_flow import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def _violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def test_the_pages_run_under_the_policy_without_a_violation(live_server, new_page, alice, case):
    page = new_page()
    page.context.add_init_script(RECORD_VIOLATIONS)
    requests = []
    page.on("request", lambda r: requests.append(r.url))

    log_in(page, live_server.url, "alice")
    assert _violations(page) == []
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.check("input[name=kind][value=fact]")
    page.fill("[name=text]", "Borgeren ringede om mødet.")
    page.fill("[name=source]", "Telefonsamtale")  # a fact note names its source
    page.get_by_role("button", name="Tilføj notat").click()
    expect(page.locator("#timeline")).to_contain_text("Borgeren ringede om mødet.")  # htmx works under the policy
    assert _violations(page) == []

    page.select_option("#language", "en")  # evne.js submits the form (no inline onchange)
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert _violations(page) == []

    page.goto(f"{live_server.url}/api/docs")
    # A 1.4 MB script and the whole OpenAPI document: give a busy machine time.
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Evne API", timeout=30_000)
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    assert _violations(page) == []
    assert all(url.startswith(live_server.url) for url in requests), [u for u in requests if live_server.url not in u]


def test_a_token_made_on_the_page_calls_the_api(live_server, new_page, alice, case):
    page = new_page()
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/account/api-tokens/")
    page.fill("[name=name]", "Mit script")
    page.get_by_role("button", name="Opret token").click()
    secret = page.locator("#new-token").inner_text()
    expect(page.get_by_role("cell", name="Mit script")).to_be_visible()

    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        f"{live_server.url}/api/cases/{case.pk}", headers={"Authorization": f"Bearer {secret}"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 - the test's own live server
        assert json.load(answer)["number"] == case.number

    page.get_by_role("button", name="Tilbagekald").click()
    expect(page.get_by_role("cell", name="Tilbagekaldt")).to_be_visible()
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310 - the test's own live server
    assert refused.value.code == 401
