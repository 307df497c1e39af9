"""Measure "Mine sager" at scale: queries and access-log rows per view, and the access log's growth per caseworker-day.

    DJANGO_SETTINGS_MODULE=evne.settings.test .venv/bin/python bench/worklist_scale.py 250 2000
    DATABASE_URL=postgres://…/evne_x DJANGO_SETTINGS_MODULE=evne.settings.test .venv/bin/python bench/worklist_scale.py

Creates a throw-away test database (in-memory SQLite, or test_<name> on PostgreSQL), a team whose caseworker holds N
open cases (opened through the services, with their timeline), and requests the worklist through Django's test
client as the team leader (the whole team) and as the caseworker, counting the queries, the INSERT statements into
the access log and the rows they write. Then it plays a caseworker's day (log in, worklist, 20 cases opened with their
profile and checks, 5 notes, 10 searches by CPR) and reports the access-log rows and bytes it wrote.
Runs against whatever code is importable as `evne` (put another checkout's src first on PYTHONPATH to compare).
"""

from __future__ import annotations

import os
import sys
from datetime import date

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from evne.accounts.models import AccessLogEntry, Municipality, Role, Team, User  # noqa: E402
from evne.cases.services import case_open  # noqa: E402
from evne.citizens.services import citizen_create  # noqa: E402

PASSWORD = "bench-Evne-2026"  # noqa: S105 -- a throw-away test database


def _user(username, role, team):
    user = User.objects.create_user(username=username, password=PASSWORD, role=role, first_name=username.title(),
                                    last_name="Bench", municipality=team.municipality, team=team)  # fmt: skip
    return user


def populate(team, caseworker, start: int, n: int):
    cases = []
    for i in range(start, start + n):
        citizen = citizen_create(actor=caseworker, cpr=f"{i % 28 + 1:02d}{i // 28 % 12 + 1:02d}80{i % 10000:04d}",
                                 first_name="Borger", last_name=f"Nummer{i}")  # fmt: skip
        benefit = "sygedagpenge" if i % 3 == 0 else "kontanthjaelp"
        cases.append(case_open(actor=caseworker, citizen=citizen, pathway="ressourceforlob", benefit=benefit,
                               help_requested_on=date(2024 + i % 2, 1 + i % 12, 1 + i % 28)))  # fmt: skip
    return cases


def measure(client, url) -> tuple[int, int, int]:
    before = AccessLogEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    inserts = sum(1 for q in queries if q["sql"].startswith('INSERT INTO "accounts_accesslogentry"'))
    return len(queries), inserts, AccessLogEntry.objects.count() - before


def log_bytes() -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM accounts_accesslogentry t")
        return int(cursor.fetchone()[0])


def caseworker_day(client, cases) -> None:
    client.get("/")
    for case in cases[:20]:
        client.get(f"/cases/{case.pk}/")
        client.get(f"/cases/{case.pk}/profile/")
    for case in cases[:5]:
        client.post(f"/cases/{case.pk}/notes/", {"kind": "fact", "text": "Borgeren ringede.", "source": "Telefon"})
    for case in cases[:10]:  # a search by CPR finds the one citizen and their case
        client.get("/search/", {"q": case.citizen.cpr})
    client.get("/")


def warm() -> None:
    """Compute every open case's next deadline, as `evne deadlines` does nightly (absent before the worklist had
    deadlines: then nothing to do)."""
    try:
        from evne.checks import deadlines
    except ImportError:
        return
    from django.utils import timezone

    from evne.cases.models import Case

    deadlines.refresh(Case.objects.all(), on=timezone.localdate(), limit=None)


def main(sizes: list[int]) -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        kommune = Municipality.objects.create(code="991", name="Benchkøbing")
        team = Team.objects.create(municipality=kommune, name="Team Bench")
        alice = _user("alice", Role.CASEWORKER, team)
        _user("lene", Role.TEAM_LEADER, team)
        made = 0
        print(f"database: {connection.vendor}")
        print("open cases | view | queries | access-log INSERTs | access-log rows")
        for size in sizes:
            populate(team, alice, made, size - made)
            made = size
            leader, worker = Client(), Client()
            leader.login(username="lene", password=PASSWORD)
            worker.login(username="alice", password=PASSWORD)
            warm()
            for label, client, url in (("team leader, /", leader, "/"), ("team leader, /?scope=team", leader,
                                       "/?scope=team"), ("caseworker, /", worker, "/")):  # fmt: skip
                measure(client, url)
                q, inserts, rows = measure(client, url)
                print(f"{size} | {label} | {q} | {inserts} | {rows}")
        # the access log's growth in one caseworker's day
        from evne.cases.models import Case

        cases = list(Case.objects.filter(caseworker=alice).select_related("citizen").order_by("pk")[:20])
        day = Client()
        day.login(username="alice", password=PASSWORD)
        rows_before, bytes_before = AccessLogEntry.objects.count(), log_bytes()
        last_id = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        caseworker_day(day, cases)
        rows = AccessLogEntry.objects.count() - rows_before
        size = log_bytes()
        grown = f", {size - bytes_before} bytes of row data" if size is not None and bytes_before is not None else ""
        print(f"caseworker-day: {rows} access-log rows{grown}")
        from django.db.models import Count

        by_action = AccessLogEntry.objects.filter(id__gt=last_id).values_list("action").annotate(n=Count("id"))
        print("  by action:", dict(by_action.order_by("action")))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 2000])
