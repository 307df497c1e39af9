"""Benchmark: what one API call costs by how it authenticates (issue 15.3).

    .venv/bin/python bench/api_auth.py [--calls 30]

An in-memory SQLite database with the production password hasher (PBKDF2, Django's default iterations), one
caseworker and one case; GET /api/cases/{id} through Django's test client. Prints the median time per call for
HTTP Basic (right password, wrong password, locked out), a personal API token and a session. The figures that
matter are the ratios: a locked-out Basic call and a token call skip the password hash.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.test")
os.environ.pop("DATABASE_URL", None)

import django
from django.conf import settings

settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
django.setup()

import base64  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

PASSWORD = "bench-Evne-2026"  # noqa: S105


def _basic(username: str, password: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()}


def _median_ms(client: Client, url: str, headers: dict, calls: int, status: int) -> float:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        response = client.get(url, **headers)
        times.append(time.perf_counter() - start)
        assert response.status_code == status, (response.status_code, response.content[:200])
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=30)
    calls = parser.parse_args().calls
    setup_test_environment()
    call_command("migrate", verbosity=0)

    from evne.accounts.models import Municipality, Role, Team, User
    from evne.accounts.tokens import token_create
    from evne.cases.services import case_open
    from evne.citizens.services import citizen_create

    team = Team.objects.create(municipality=Municipality.objects.create(code="990", name="Bench"), name="A")
    for name in ("alice", "mallory"):
        User.objects.create_user(name, password=PASSWORD, role=Role.CASEWORKER, team=team,
                                 municipality=team.municipality)  # fmt: skip
    alice = User.objects.get(username="alice")
    citizen = citizen_create(actor=alice, cpr="010180-1234", first_name="Bench", last_name="Borger")
    case = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                     help_requested_on=date(2026, 3, 2))  # fmt: skip
    token = token_create(actor=alice, user=alice, name="bench", scope="read",
                         expires_at=timezone.now() + timedelta(days=1)).secret  # fmt: skip
    url = f"/api/cases/{case.pk}"

    rows = [("HTTP Basic, right password", _median_ms(Client(), url, _basic("alice", PASSWORD), calls, 200))]
    # Wrong passwords from separate addresses, so as not to lock anyone out while measuring.
    wrong = [
        _median_ms(Client(REMOTE_ADDR=f"10.1.0.{n}"), url, _basic("alice", "wrong"), 1, 401)
        for n in range(1, calls + 1)
    ]
    rows.append(("HTTP Basic, wrong password", statistics.median(wrong)))
    locked = Client(REMOTE_ADDR="10.9.9.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked.get(url, **_basic("mallory", "wrong"))
    rows.append(("HTTP Basic, locked out (429)", _median_ms(locked, url, _basic("mallory", PASSWORD), calls, 429)))
    rows.append(("Bearer token", _median_ms(Client(), url, {"HTTP_AUTHORIZATION": f"Bearer {token}"}, calls, 200)))
    session = Client()
    session.force_login(alice)
    rows.append(("Session", _median_ms(session, url, {}, calls, 200)))

    base = rows[0][1]
    print(f"GET {url}, median of {calls} calls, PBKDF2 ({settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1]})")
    for label, ms in rows:
        print(f"  {label:32s} {ms:8.1f} ms   {ms / base:5.2f} × Basic")


if __name__ == "__main__":
    main()
