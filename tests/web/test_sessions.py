"""Sessions (issue 15.8): an idle timeout (default 30 minutes), the absolute limit (8 hours), and a session
cookie that ends with the browser."""

from datetime import timedelta

import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.conftest import PASSWORD


def _logged_in(username: str = "alice") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    assert client.post("/login/", {"username": username, "password": PASSWORD}).status_code == 302
    return client


def _later(minutes: float):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=False)


def test_the_defaults():
    assert settings.EVNE_SESSION_IDLE_SECONDS == 30 * 60
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_the_session_cookie_ends_with_the_browser(alice):
    client = Client()
    response = client.post("/login/", {"username": "alice", "password": PASSWORD})

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_it_logs_out_after_thirty_idle_minutes_and_says_why(alice):
    client = _logged_in()
    assert client.get("/").status_code == 200

    with _later(31):
        response = client.get("/", follow=True)
    assert response.redirect_chain[0][0].startswith("/login/")
    assert "efter 30 minutter uden aktivitet" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_activity_keeps_the_session_alive(alice):
    client = _logged_in()
    for step in range(1, 5):  # a request every 25 minutes for 100 minutes
        with _later(25 * step):
            assert client.get("/").status_code == 200


def test_the_absolute_limit_holds_however_active_the_user_is(alice):
    client = _logged_in()
    for step in range(1, 24):  # every 20 minutes up to 7 h 40 min
        with _later(20 * step):
            assert client.get("/").status_code == 200, step
    with _later(8 * 60 + 1):
        response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_an_idle_api_session_gets_401_json(alice, case):
    client = _logged_in()
    assert client.get(f"/api/cases/{case.pk}").status_code == 200
    with _later(31):
        response = client.get(f"/api/cases/{case.pk}")
    assert response.status_code == 401
    assert "30 minutter" in response.json()["detail"]


def test_an_idle_htmx_request_reloads_to_the_login_page(alice, case):
    client = _logged_in()
    client.get("/")
    with _later(31):
        response = client.get(f"/cases/{case.pk}/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/login/")


def test_the_last_request_is_written_at_most_once_a_minute(alice):
    client = _logged_in()
    client.get("/")
    first = client.session["evne_last_seen"]
    with _later(0.5):
        client.get("/")
        assert client.session["evne_last_seen"] == first
    with _later(1.5):
        client.get("/")
        assert client.session["evne_last_seen"] > first
