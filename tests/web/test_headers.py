"""Headers (issue 15.8): Content-Security-Policy without inline script, `Cache-Control: no-store` on every answer
with personal data, the Swagger UI from Evne's own static files, and `check --deploy` clean under production."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from evne.synth.generate import DEMO_PASSWORD, load_demo

SRC = Path(__file__).resolve().parents[2] / "src" / "evne"
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=", re.I)
HREF = re.compile(r'href="([^"#]+)"')
NOT_A_PAGE = re.compile(r"pdf|download|letter|bundle|export|logout|i18n|static", re.I)


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def assert_safe_page(response, where: str) -> None:
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), (where, INLINE_SCRIPT.search(html))
    assert not EVENT_HANDLER.search(html), (where, EVENT_HANDLER.search(html))
    assert not STYLE_ATTRIBUTE.search(html), (where, STYLE_ATTRIBUTE.search(html))
    policy = _policy(response)
    assert policy["script-src"] == "script-src 'self'", where
    assert policy["style-src"] == "style-src 'self'", where
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"], where


def test_no_template_has_an_inline_script_handler_or_style_attribute():
    offenders = []
    for path in SRC.rglob("templates/**/*.html"):
        text = path.read_text()
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE):
            if found := pattern.search(text):
                offenders.append((str(path.relative_to(SRC)), found.group(0)))
    assert offenders == []


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def _crawl(client: Client, start: str, limit: int = 200) -> dict[str, str]:
    """Follow the links of the pages from `start`: the first URL seen of every page type (URL name)."""
    seen: dict[str, str] = {}
    queue = [start]
    visited = set()
    while queue and len(visited) < limit:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        try:
            name = resolve(urlparse(url).path).view_name
        except Resolver404:
            continue
        if name in seen:
            continue
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        assert_safe_page(response, url)
        seen[name] = url
        for href in HREF.findall(response.content.decode()):
            target = urljoin(url, href.replace("&amp;", "&"))
            if target.startswith("/") and not NOT_A_PAGE.search(target) and "?" not in target:
                queue.append(target)
    return seen


@pytest.mark.django_db
def test_every_page_type_has_the_policy_no_inline_script_and_no_store(demo):
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    assert_safe_page(client.get("/login/"), "/login/")
    seen = {}
    for username in ("sagsbehandler1", "teamleder", "rehab", "jurist"):
        client.login(username=username, password=DEMO_PASSWORD)
        seen.update(_crawl(client, "/"))
        client.logout()
    assert len(seen) >= 25, sorted(seen)
    for must in ("web:worklist", "web:case_detail", "web:citizen_detail", "web:profile", "web:api_tokens"):
        assert must in seen, sorted(seen)

    client.login(username="admin", password=DEMO_PASSWORD)
    for url in ("/admin/", "/admin/accounts/user/", "/admin/accounts/apitoken/", "/admin/accounts/apitoken/add/",
                "/api/docs"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert_safe_page(response, url)


def test_the_api_answers_json_with_no_store_and_the_policy(client, alice, case):
    client.force_login(alice)
    response = client.get(f"/api/cases/{case.pk}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "default-src 'self'" in response["Content-Security-Policy"]
    anonymous = Client().get(f"/api/cases/{case.pk}")
    assert anonymous.status_code == 401 and "no-store" in anonymous["Cache-Control"]


def test_static_files_may_be_cached(client):
    response = client.get("/static/evne/evne.css")
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_other_security_headers(client, alice):
    client.force_login(alice)
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_swagger_ui_comes_from_evnes_own_static_files(client, alice):
    client.force_login(alice)
    html = client.get("/api/docs").content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    styles = re.findall(r'<link[^>]*href="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in scripts
    assert all(src.startswith("/static/") for src in scripts + styles), scripts + styles
    assert "cdn" not in html.lower()


def test_check_deploy_is_clean_under_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set for the browser tests
        "DJANGO_SETTINGS_MODULE": "evne.settings.production",
        "EVNE_SECRET_KEY": "k" * 16 + "-this-is-only-a-test-secret-key-0123456789",
        "DATABASE_URL": "postgres://evne@127.0.0.1:5432/evne",
        "EVNE_ALLOWED_HOSTS": "evne.example.dk",
        "EVNE_CSRF_TRUSTED_ORIGINS": "https://evne.example.dk",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
