"""Benchmark: the cost of the backdating trigger on inserts into the access log, as the application's role.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/SCRATCH_DB .venv/bin/python bench/backdating_trigger.py

Needs a migrated scratch database (it creates a user and role `evne_bench`, inserts and removes rows). Prints the
time for N single-row inserts with the trigger and with it disabled (by the owner), and the ratio.
"""

import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.test")
import django

django.setup()
import psycopg  # noqa: E402
from django.db import connection  # noqa: E402

from evne.accounts.models import User  # noqa: E402
from evne.dataops import dbroles  # noqa: E402

N = int(os.environ.get("BENCH_N", "5000"))
ROLE = "evne_bench"


def run(app, user_id: int) -> float:
    start = time.perf_counter()
    for _ in range(N):
        app.execute(
            "INSERT INTO accounts_accesslogentry (at, user_id, action, channel, detail, record_type, record) "
            "VALUES (clock_timestamp(), %s, 'case', 'web', '', '', '')",
            [user_id],
        )
    return time.perf_counter() - start


def main() -> None:
    user, _ = User.objects.get_or_create(username="bench-user")
    dbroles.grant(connection, app_role=ROLE)
    s = connection.settings_dict
    with psycopg.connect(host=s["HOST"], port=s["PORT"] or 5432, dbname=s["NAME"], user=ROLE, autocommit=True) as app:
        run(app, user.pk)  # warm up
        with_trigger = run(app, user.pk)
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE accounts_accesslogentry DISABLE TRIGGER accounts_accesslogentry_no_backdating")
        try:
            without = run(app, user.pk)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(
                    "ALTER TABLE accounts_accesslogentry ENABLE TRIGGER accounts_accesslogentry_no_backdating"
                )
    with connection.cursor() as cursor:  # leave the scratch database as it was
        cursor.execute("DELETE FROM accounts_accesslogentry WHERE user_id = %s", [user.pk])
        cursor.execute(f'DROP OWNED BY "{ROLE}"')
        cursor.execute(f'DROP ROLE "{ROLE}"')
    user.delete()
    print(
        f"{N} inserts: with trigger {with_trigger:.2f} s, without {without:.2f} s, ratio {with_trigger / without:.2f}"
    )


if __name__ == "__main__":
    main()
