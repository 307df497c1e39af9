"""Login protection (issue 15.3): django-axes on the web login form and on HTTP Basic for the API.

Settings under test: 5 failures lock the username from that address for 15 minutes (EVNE_LOGIN_* defaults).
"""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.utils import timezone

from tests.api.conftest import basic
from tests.conftest import PASSWORD

LIMIT = settings.AXES_FAILURE_LIMIT


def _login(client: Client, password: str, username: str = "alice"):
    return client.post("/login/", {"username": username, "password": password})


def _fail_until_locked(client: Client, username: str = "alice"):
    for _ in range(LIMIT - 1):
        assert _login(client, "wrong-password", username).status_code == 200  # the form again, with the error
    return _login(client, "wrong-password", username)


def test_the_defaults_are_five_failures_and_fifteen_minutes():
    assert LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME


def test_it_locks_the_login_form_after_the_failure_limit_and_says_when_to_try_again(alice):
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    locked = _fail_until_locked(client)

    assert locked.status_code == 429
    text = locked.content.decode()
    until = timezone.localtime(timezone.now() + timedelta(minutes=15))
    assert "For mange mislykkede login-forsøg" in text
    assert f"kl. {until:%H:%M}" in text or f"{until:%H:%M}" in text
    # The right password does not help while the lockout lasts, and no session is made.
    again = _login(client, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(alice):
    client = Client()
    for _ in range(LIMIT - 1):
        _login(client, "wrong-password")
    assert _login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        assert _login(client, "wrong-password").status_code == 200


def test_it_unlocks_after_the_cool_off(alice):
    client = Client()
    assert _fail_until_locked(client).status_code == 429

    with time_machine.travel(timezone.now() + timedelta(minutes=14), tick=False):
        assert _login(client, PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=15, seconds=5), tick=False):
        response = _login(client, PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(alice.pk)


def test_attempts_during_the_lockout_do_not_prolong_it(alice):
    client = Client()
    _fail_until_locked(client)
    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        assert _login(client, "wrong-password").status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=15, seconds=5), tick=False):
        assert _login(client, PASSWORD).status_code == 302


def test_the_lockout_is_per_username_and_address(alice, bob):
    _fail_until_locked(Client(REMOTE_ADDR="10.0.0.1"))

    assert _login(Client(REMOTE_ADDR="10.0.0.1"), PASSWORD, "bob").status_code == 302  # another user, same office
    assert _login(Client(REMOTE_ADDR="10.0.0.2"), PASSWORD, "alice").status_code == 302  # alice at another desk
    assert _login(Client(REMOTE_ADDR="10.0.0.1"), PASSWORD, "alice").status_code == 429


def test_a_forwarded_for_header_does_not_choose_the_address_that_is_counted(alice):
    for n in range(LIMIT):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").post(
            "/login/", {"username": "alice", "password": "wrong-password"}
        )
    assert _login(Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.99"), PASSWORD).status_code == 429


def test_http_basic_is_locked_out_after_the_failure_limit(client, alice, case):
    url = f"/api/cases/{case.pk}"
    for _ in range(LIMIT - 1):
        assert client.get(url, **basic("alice", "wrong-password")).status_code == 401
    locked = client.get(url, **basic("alice", "wrong-password"), HTTP_ACCEPT_LANGUAGE="da")

    assert locked.status_code == 429
    assert locked["Content-Type"].startswith("application/json")
    assert "For mange mislykkede login-forsøg" in locked.json()["detail"]
    assert 14 * 60 < int(locked["Retry-After"]) <= 15 * 60
    assert client.get(url, **basic("alice")).status_code == 429  # the right password waits too

    with time_machine.travel(timezone.now() + timedelta(minutes=15, seconds=5), tick=False):
        assert client.get(url, **basic("alice")).status_code == 200


def test_a_locked_out_basic_call_is_refused_before_the_password_is_hashed(client, alice, case):
    url = f"/api/cases/{case.pk}"
    with mock.patch.object(MD5PasswordHasher, "verify", autospec=True, side_effect=MD5PasswordHasher.verify) as hashed:
        for _ in range(LIMIT):
            client.get(url, **basic("alice", "wrong-password"))
        assert hashed.call_count == LIMIT
        for _ in range(20):
            assert client.get(url, **basic("alice", "wrong-password")).status_code == 429
        assert client.get(url, **basic("alice")).status_code == 429
        assert hashed.call_count == LIMIT  # not one more hash while locked out


def test_basic_failures_and_form_failures_count_together(client, alice, case):
    for _ in range(LIMIT - 1):
        _login(client, "wrong-password")
    assert client.get(f"/api/cases/{case.pk}", **basic("alice", "wrong-password")).status_code == 429


@pytest.mark.parametrize("language,words", [("da", "Prøv igen"), ("en", "Try again")])
def test_the_lockout_page_is_in_the_readers_language(alice, language, words):
    client = Client()
    client.cookies["django_language"] = language  # chosen in the menu: pages ignore the browser's language
    assert words in _fail_until_locked(client).content.decode()


def test_a_failed_attempt_does_not_store_a_search_term(client, alice):
    from axes.models import AccessAttempt

    client.get("/api/citizens", {"q": "Testrup"}, **basic("alice", "wrong-password"))

    attempt = AccessAttempt.objects.get(username="alice")
    assert "Testrup" not in attempt.get_data


def test_the_admin_login_is_locked_out_too(alice):
    client = Client()
    for _ in range(LIMIT):
        client.post("/admin/login/", {"username": "alice", "password": "wrong-password"})
    assert client.post("/admin/login/", {"username": "alice", "password": PASSWORD}).status_code == 429


def test_an_authentication_without_a_request_is_not_refused_by_the_lockout_check(alice):
    from django.contrib.auth import authenticate

    assert authenticate(username="alice", password=PASSWORD) == alice
