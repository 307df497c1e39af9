"""Personal API tokens (issue 15.3): hashed at rest, shown once, scoped, expiring, revocable, named in the log."""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from evne.accounts.models import AccessLogEntry, ApiToken, ApiTokenScope, Role
from evne.accounts.tokens import AREA_LABELS, token_create, token_revoke
from evne.api.api import api
from evne.errors import AccessDenied, DomainError


def _make(user, *, scope=ApiTokenScope.READ, areas=None, days=30, actor=None):
    return token_create(
        actor=actor or user, user=user, name="Fagsystem", scope=scope, areas=areas,
        expires_at=timezone.now() + timedelta(days=days),
    )  # fmt: skip


def bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _note(client: Client, case, secret: str):
    return client.post(
        f"/api/cases/{case.pk}/notes", {"kind": "fact", "text": "Borgeren ringede.", "source": "Telefon"},
        content_type="application/json", **bearer(secret),
    )  # fmt: skip


def test_a_token_reads_as_its_user(client, alice, case):
    made = _make(alice)

    response = client.get(f"/api/cases/{case.pk}", **bearer(made.secret))

    assert response.status_code == 200
    assert response.json()["number"] == case.number


def test_the_access_log_names_the_token(client, alice, case):
    made = _make(alice)
    client.get(f"/api/cases/{case.pk}", **bearer(made.secret))
    client.get("/api/cases/mine", **bearer(made.secret))

    entries = AccessLogEntry.objects.filter(user=alice, channel="api")
    assert entries.count() >= 2
    assert set(entries.values_list("api_token_id", flat=True)) == {made.token.pk}


def test_a_session_or_basic_read_after_a_token_call_is_not_logged_as_the_token(client, alice, case):
    made = _make(alice)
    client.get(f"/api/cases/{case.pk}", **bearer(made.secret))
    client.force_login(alice)
    client.get(f"/api/cases/{case.pk}")

    latest = AccessLogEntry.objects.filter(user=alice).order_by("-id").first()
    assert latest.api_token_id is None


def test_no_token_is_stored_in_clear(alice):
    made = _make(alice)

    token = ApiToken.objects.get(pk=made.token.pk)
    assert token.key_hash == hashlib.sha256(made.secret.encode()).hexdigest()
    secret_part = made.secret.rsplit("_", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_apitoken")
        stored = " ".join(str(v) for row in cursor.fetchall() for v in row)
    assert secret_part not in stored
    assert made.secret not in stored


def test_a_read_only_token_is_refused_on_a_write(client, alice, case):
    made = _make(alice, scope=ApiTokenScope.READ)

    response = _note(client, case, made.secret)

    assert response.status_code == 403
    assert (
        "kun læse"
        in Client(HTTP_ACCEPT_LANGUAGE="da")
        .post(f"/api/cases/{case.pk}/notes", {}, content_type="application/json", **bearer(made.secret))
        .json()["detail"]
    )
    assert case.notes.count() == 0


def test_a_read_write_token_writes_within_its_users_rights(client, alice, carol, case):
    assert _note(client, case, _make(alice, scope=ApiTokenScope.WRITE).secret).status_code == 201
    assert case.notes.count() == 1
    # Carol (another team) reads the case but may not change it; her token cannot do more than she can.
    assert _note(client, case, _make(carol, scope=ApiTokenScope.WRITE).secret).status_code == 403


def test_a_token_limited_to_an_area_is_refused_outside_it(client, alice, case):
    made = _make(alice, areas=["citizens"])

    assert client.get(f"/api/citizens/{case.citizen_id}", **bearer(made.secret)).status_code == 200
    outside = client.get(f"/api/cases/{case.pk}", **bearer(made.secret))
    assert outside.status_code == 403
    assert client.get(f"/api/cases/{case.pk}/profile", **bearer(made.secret)).status_code == 403


def test_a_revoked_token_is_refused(client, alice, case):
    made = _make(alice)
    token_revoke(actor=alice, token=made.token)

    response = client.get(f"/api/cases/{case.pk}", **bearer(made.secret))

    assert response.status_code == 401
    assert "WWW-Authenticate" not in response


def test_an_expired_token_is_refused(client, alice, case):
    made = _make(alice, days=1)
    assert client.get(f"/api/cases/{case.pk}", **bearer(made.secret)).status_code == 200

    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1), tick=False):
        assert client.get(f"/api/cases/{case.pk}", **bearer(made.secret)).status_code == 401


@pytest.mark.parametrize(
    "mangle", [lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"), lambda s: s.replace("evne_", "evne__"), lambda s: "x"]
)
def test_a_wrong_token_is_refused(client, alice, case, mangle):
    made = _make(alice)

    assert client.get(f"/api/cases/{case.pk}", **bearer(mangle(made.secret))).status_code == 401


def test_the_token_of_an_inactive_user_is_refused(client, alice, case):
    made = _make(alice)
    alice.is_active = False
    alice.save()

    assert client.get(f"/api/cases/{case.pk}", **bearer(made.secret)).status_code == 401


def test_a_token_must_expire_within_the_longest_allowed(alice):
    with pytest.raises(DomainError) as refused:
        _make(alice, days=366)
    assert refused.value.field == "expires_at"
    with pytest.raises(DomainError):
        _make(alice, days=0)


def test_only_the_user_or_an_administrator_of_the_municipality_makes_a_token(alice, bob, charlie, make_user, kommune):
    with pytest.raises(AccessDenied):
        _make(alice, actor=bob)
    admin = make_user("ada_admin", Role.ADMINISTRATOR, None, municipality=kommune)
    assert _make(alice, actor=admin).token.created_by == admin
    with pytest.raises(AccessDenied):
        _make(charlie, actor=admin)  # another municipality's user


def test_every_api_area_has_a_label():
    tags = {
        tag for methods in api.get_openapi_schema()["paths"].values() for op in methods.values() for tag in op["tags"]
    }
    assert tags == set(AREA_LABELS)


def test_the_openapi_document_describes_bearer_tokens():
    schemes = api.get_openapi_schema()["components"]["securitySchemes"]
    assert schemes["BearerAuth"] == {"type": "http", "scheme": "bearer"}


# The page where a user makes and revokes their own tokens.


def test_the_page_shows_a_new_token_once(alice):
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    client.force_login(alice)
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()

    made = client.post("/account/api-tokens/", {"name": "Ydelsessystem", "scope": "write", "expires_on": expires})

    assert made.status_code == 200
    assert "no-store" in made["Cache-Control"]
    token = ApiToken.objects.get(user=alice)
    assert token.scope == "write" and token.name == "Ydelsessystem"
    text = made.content.decode()
    secret = text.split('<code id="new-token">')[1].split("</code>")[0]
    assert secret.startswith(f"evne_{token.prefix}_")
    assert hashlib.sha256(secret.encode()).hexdigest() == token.key_hash
    assert secret not in client.get("/account/api-tokens/").content.decode()  # never again


def test_the_page_revokes_a_token(alice, case):
    made = _make(alice)
    client = Client()
    client.force_login(alice)

    response = client.post(f"/account/api-tokens/{made.token.pk}/revoke/")

    assert response.status_code == 302
    made.token.refresh_from_db()
    assert made.token.revoked_at is not None and made.token.revoked_by == alice
    assert Client().get(f"/api/cases/{case.pk}", **bearer(made.secret)).status_code == 401


def test_a_user_cannot_revoke_someone_elses_token(alice, bob):
    made = _make(alice)
    client = Client()
    client.force_login(bob)

    assert client.post(f"/account/api-tokens/{made.token.pk}/revoke/").status_code == 404
    made.token.refresh_from_db()
    assert made.token.revoked_at is None


def test_the_page_refuses_an_expiry_beyond_the_longest_allowed_in_danish(alice):
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    client.force_login(alice)
    expires = (timezone.localdate() + timedelta(days=400)).isoformat()

    response = client.post("/account/api-tokens/", {"name": "X", "scope": "read", "expires_on": expires})

    assert response.status_code == 422
    assert "højst 365 dage" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_administrator_makes_and_revokes_a_token_in_the_admin(alice, db):
    from evne.accounts.models import User

    root = User.objects.create_superuser("root", password="x-Evne-2026-root")
    client = Client()
    client.force_login(root)
    expires = timezone.localtime(timezone.now() + timedelta(days=10))

    made = client.post(
        "/admin/accounts/apitoken/add/",
        {"user": alice.pk, "name": "Integration", "scope": "read", "expires_at_0": expires.strftime("%Y-%m-%d"),
         "expires_at_1": expires.strftime("%H:%M:%S")},
    )  # fmt: skip

    assert made.status_code == 200, made.content.decode()[:2000]
    token = ApiToken.objects.get(user=alice)
    assert token.created_by == root
    assert f"evne_{token.prefix}_" in made.content.decode()
    client.post("/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_citizens_access_log_page_names_the_token(client, alice, make_user, team_a, case):
    from tests.conftest import PASSWORD

    made = _make(alice)
    client.get(f"/api/cases/{case.pk}", **bearer(made.secret))
    leader = make_user("tove_leder", Role.TEAM_LEADER, team_a)
    client.login(username=leader.username, password=PASSWORD)

    page = client.get(f"/citizens/{case.citizen_id}/access-log/", follow=True)

    assert "token “Fagsystem”" in page.content.decode()
