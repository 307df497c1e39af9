"""The access log's storage at national scale: monthly partitions on PostgreSQL, retention by month.

See docs/decisions/0011-access-log-at-scale.md. On PostgreSQL the table `accounts_accesslogentry` is partitioned by
RANGE on `at`, one partition per calendar month (UTC), named `accounts_accesslogentry_yYYYYmMM`, with a DEFAULT
partition that catches a row whose month has no partition yet (so an insert never fails because the maintenance
command did not run). Erasing an expired month is dropping its partition: no row-by-row DELETE, no table bloat, and
the append-only trigger (which refuses UPDATE) stays on every partition.

Everything here is run by the migration (once) and by `evne accesslog` (the maintenance command, run as the role that
owns the table — the application's own role may later be restricted to INSERT and SELECT). On SQLite there are no
partitions; retention deletes the expired rows.
"""

# ruff: noqa: S608 -- the only names put into SQL are this module's constants and partition names built from dates

from __future__ import annotations

import datetime as dt
import re

from django.db import connection as default_connection

TABLE = "accounts_accesslogentry"
DEFAULT_PARTITION = f"{TABLE}_default"
SEQUENCE = f"{TABLE}_id_seq_partitioned"
_MONTH_NAME = re.compile(rf"^{TABLE}_y(\d{{4}})m(\d{{2}})$")


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def partition_name(month: dt.date) -> str:
    return f"{TABLE}_y{month:%Y}m{month:%m}"


def _bound(month: dt.date) -> str:
    return f"{month.isoformat()} 00:00:00+00"


def is_partitioned(connection=default_connection) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE relname = %s AND relkind IN ('r', 'p')", [TABLE])
        row = cursor.fetchone()
    return bool(row and row[0] == "p")


def partitions(connection=default_connection) -> list[tuple[str, dt.date | None]]:
    """The partitions, each with the month it holds (None for the default partition), oldest first."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = %s::regclass",
            [TABLE],
        )
        names = [row[0] for row in cursor.fetchall()]
    out: list[tuple[str, dt.date | None]] = []
    for name in names:
        match = _MONTH_NAME.match(name)
        out.append((name, dt.date(int(match[1]), int(match[2]), 1) if match else None))
    return sorted(out, key=lambda p: (p[1] is None, p[1] or dt.date.min))


def convert_to_partitioned(connection, *, today: dt.date, ahead: int = 3) -> None:
    """Turn the plain table into a partitioned one, keeping its rows, column order, indexes (by name), foreign keys
    (by name) and id sequence. Called by the migration on PostgreSQL; a no-op when already partitioned."""
    if connection.vendor != "postgresql" or is_partitioned(connection):
        return
    old = f"{TABLE}_unpartitioned"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname <> %s",
            [TABLE, f"{TABLE}_pkey"],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [TABLE],
        )
        foreign_keys = cursor.fetchall()
        cursor.execute(f"SELECT min(at), max(id) FROM {TABLE}")
        first_at, max_id = cursor.fetchone()
        cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {old}")
        cursor.execute(
            f"CREATE TABLE {TABLE} (LIKE {old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (at)"
        )
        cursor.execute(f"CREATE SEQUENCE {SEQUENCE} OWNED BY {TABLE}.id")
        cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN id SET DEFAULT nextval('{SEQUENCE}')")
        cursor.execute(f"CREATE TABLE {DEFAULT_PARTITION} PARTITION OF {TABLE} DEFAULT")
        first = month_start(first_at.date()) if first_at else month_start(today)
        month = min(first, month_start(today))
        while month <= add_months(month_start(today), ahead):
            _create_partition(cursor, month)
            month = add_months(month, 1)
        cursor.execute(f"INSERT INTO {TABLE} SELECT * FROM {old}")
        if max_id:
            cursor.execute("SELECT setval(%s, %s)", [SEQUENCE, max_id])
        cursor.execute(f"DROP TABLE {old}")
        # The primary key of a partitioned table must hold the partition key; id alone stays unique by its sequence.
        cursor.execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {TABLE}_pkey PRIMARY KEY (id, at)")
        for _name, definition in indexes:
            cursor.execute(
                definition.replace(f" ON public.{old} ", f" ON public.{TABLE} ").replace(f" ON {old} ", f" ON {TABLE} ")
            )
        for name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {name} {definition}")


def _create_partition(cursor, month: dt.date) -> None:
    lo, hi = _bound(month), _bound(add_months(month, 1))
    cursor.execute(f"CREATE TABLE {partition_name(month)} PARTITION OF {TABLE} FOR VALUES FROM ('{lo}') TO ('{hi}')")


def ensure_partitions(*, today: dt.date, ahead: int = 3, connection=default_connection) -> list[str]:
    """Create the partitions of this month and the next `ahead` months that are missing; rows of such a month that
    landed in the default partition are moved into the new partition in the same transaction. Returns the names
    created."""
    if not is_partitioned(connection):
        return []
    existing = {name for name, _month in partitions(connection)}
    created = []
    with connection.cursor() as cursor:
        for n in range(ahead + 1):
            month = add_months(month_start(today), n)
            name = partition_name(month)
            if name in existing:
                continue
            lo, hi = _bound(month), _bound(add_months(month, 1))
            cursor.execute(f"SELECT 1 FROM {DEFAULT_PARTITION} WHERE at >= %s AND at < %s LIMIT 1", [lo, hi])
            if cursor.fetchone() is None:
                _create_partition(cursor, month)
            else:
                cursor.execute(f"CREATE TABLE {name} (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
                cursor.execute(
                    f"WITH moved AS (DELETE FROM {DEFAULT_PARTITION} WHERE at >= %s AND at < %s RETURNING *) "
                    f"INSERT INTO {name} SELECT * FROM moved",
                    [lo, hi],
                )
                cursor.execute(f"ALTER TABLE {TABLE} ATTACH PARTITION {name} FOR VALUES FROM ('{lo}') TO ('{hi}')")
            created.append(name)
    return created


def erase_before(first_kept: dt.date, *, connection=default_connection) -> tuple[list[str], int]:
    """Erase every entry before the month `first_kept` (a first of month): on PostgreSQL drop the partitions of the
    expired months (and delete expired rows that sit in the default partition); on SQLite delete the rows.
    Returns the partitions dropped and the number of rows erased."""
    bound = _bound(month_start(first_kept))
    dropped: list[str] = []
    erased = 0
    with connection.cursor() as cursor:
        if is_partitioned(connection):
            # Deferred foreign-key checks of rows written earlier in this transaction must run before a DROP.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for name, month in partitions(connection):
                if month is not None and add_months(month, 1) <= month_start(first_kept):
                    cursor.execute(f"SELECT count(*) FROM {name}")
                    erased += cursor.fetchone()[0]
                    cursor.execute(f"ALTER TABLE {TABLE} DETACH PARTITION {name}")
                    cursor.execute(f"DROP TABLE {name}")
                    dropped.append(name)
            cursor.execute(f"DELETE FROM {DEFAULT_PARTITION} WHERE at < %s", [bound])
            erased += cursor.rowcount
        else:
            cursor.execute(f"DELETE FROM {TABLE} WHERE at < %s", [bound])
            erased += cursor.rowcount
    return dropped, erased
