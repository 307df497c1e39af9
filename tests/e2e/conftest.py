"""Real headless Chromium (Debian's package) driven by Playwright for Python. No browser download.

Without Chromium the browser tests are skipped with a reason, except where EVNE_REQUIRE_BROWSER=1 (CI),
where a missing browser is a failure.
"""

import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str | None:
    return os.environ.get("EVNE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if not path:
        message = "Chromium is not installed (Debian package 'chromium'); ./test installs it when run as root."
        if os.environ.get("EVNE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(locale: str = "da-DK"):
        context = browser.new_context(locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
