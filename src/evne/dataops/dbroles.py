"""Append-only by the database itself (PostgreSQL): the application's role owns nothing.

Two roles (docs/decisions/0019-database-roles-files-backup-retention.md):
- the owner (the role `evne migrate` connects as, DATABASE_MIGRATE_URL) owns every table, runs migrations and the
  owner's maintenance commands (`evne accesslog`, `evne retention --apply`, `evne restore`);
- the application's role (EVNE_DB_APP_ROLE, the role in DATABASE_URL of the web server) owns nothing. It may SELECT,
  INSERT, UPDATE and DELETE the ordinary tables, only SELECT and INSERT the append-only tables (every
  `AppendOnlyModel`: timeline, notes, access log, …), and may not delete an issued decision.

Owning nothing, the application cannot TRUNCATE, DROP or ALTER a table nor DISABLE its triggers. A trigger refuses a
row of an append-only table stamped more than EVNE_DB_BACKDATE_TOLERANCE_SECONDS (default 300) before or after the
database clock, and a second trigger refuses deleting an issued decision; both let a member of the table's owner
role through: that is the controlled path for erasure when a retention period ends (`evne retention --apply`, run
as the owner) and for importing a case file with its history (`evne import`, run as the owner).

`apply()` is idempotent and table-name based: it is run by `evne db_roles` and after every `evne migrate` when
EVNE_DB_APP_ROLE is set, and new tables (a new month of the partitioned access log) get SELECT and INSERT from the
default privileges until the next run grants the rest.
"""

# ruff: noqa: S608 -- the only names put into SQL are table names from Django's own models, quoted

from __future__ import annotations

import logging

from django.apps import apps
from django.conf import settings
from django.db import connection as default_connection
from django.db import models, transaction

from evne.appendonly import AppendOnlyModel

logger = logging.getLogger(__name__)

FROZEN_DELETE_FUNCTION = "evne_refuse_deleting_issued"
# The stamp that says when an append-only row was written, by preference.
STAMP_NAMES = ("at", "recorded_at", "created_at", "answered_at", "decided_at", "issued_at")


def append_only_models() -> list[type[models.Model]]:
    return sorted((m for m in apps.get_models() if issubclass(m, AppendOnlyModel)), key=lambda m: m._meta.db_table)


def stamp_column(model) -> str | None:
    fields = {f.name: f for f in model._meta.concrete_fields if isinstance(f, models.DateTimeField)}
    for name in STAMP_NAMES:
        if name in fields:
            return fields[name].column
    return None


def frozen_tables() -> list[tuple[str, str, str]]:
    """(table, column, value): rows that may never be deleted once the column holds the value."""
    from evne.decisions.models import Decision, DecisionStatus

    return [(Decision._meta.db_table, "status", DecisionStatus.ISSUED.value)]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _install_backdating(cursor, table: str, column: str, tolerance: int) -> None:
    """One function per table reading NEW.<stamp> directly (to_jsonb(NEW) in a shared function cost 40% more per
    insert). A stamp within the tolerance passes at once; otherwise a member of the table's owner role (the owner, or
    a superuser) is let through — the controlled path — and anyone else is refused."""
    name = _q(f"{table}_no_backdating"[:63])
    cursor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
        BEGIN
            IF NEW.{_q(column)} BETWEEN clock_timestamp() - interval '{tolerance} seconds'
                                    AND clock_timestamp() + interval '{tolerance} seconds' THEN
                RETURN NEW;
            END IF;
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '%: % must be the time of writing (no backdating)', TG_TABLE_NAME, '{column}'
                USING ERRCODE = 'check_violation';
        END $$ LANGUAGE plpgsql;
        """
    )
    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {_q(table)}")
    cursor.execute(f"CREATE TRIGGER {name} BEFORE INSERT ON {_q(table)} FOR EACH ROW EXECUTE FUNCTION {name}()")


def _install_functions(cursor) -> None:
    # A member of the table's owner role (the owner, or a superuser) is let through: the controlled path.
    cursor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FROZEN_DELETE_FUNCTION}() RETURNS trigger AS $$
        BEGIN
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '%: an issued row cannot be deleted', TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END $$ LANGUAGE plpgsql;
        """
    )


def _is_partition(cursor, table: str) -> bool:
    cursor.execute("SELECT relispartition FROM pg_class WHERE relname = %s", [table])
    row = cursor.fetchone()
    return bool(row and row[0])


def install_triggers(connection=default_connection, tolerance_seconds: int | None = None) -> list[str]:
    """The backdating and issued-deletion triggers, installed (again) on every table. Returns the tables guarded."""
    tolerance = int(tolerance_seconds if tolerance_seconds is not None else settings.EVNE_DB_BACKDATE_TOLERANCE_SECONDS)
    guarded = []
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        _install_functions(cursor)
        for model in append_only_models():
            table, column = model._meta.db_table, stamp_column(model)
            if column is None or table not in existing:
                continue
            _install_backdating(cursor, table, column, tolerance)
            guarded.append(table)
        for table, column, value in frozen_tables():
            trigger = _q(f"{table}_no_delete_{value}"[:63])
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {_q(table)}")
            cursor.execute(
                f"CREATE TRIGGER {trigger} BEFORE DELETE ON {_q(table)} FOR EACH ROW "
                f"WHEN (OLD.{_q(column)} = '{value}') EXECUTE FUNCTION {FROZEN_DELETE_FUNCTION}()"
            )
    return guarded


def grant(connection=default_connection, *, app_role: str, password: str | None = None) -> dict:
    """Create the application's role if it is missing and set its privileges, table by table. Idempotent."""
    if connection.vendor != "postgresql":
        raise RuntimeError("database roles exist on PostgreSQL only")
    append_only = {m._meta.db_table for m in append_only_models()}
    counts = {"ordinary": 0, "append_only": 0}
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [app_role])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE ROLE {_q(app_role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT")
        if password:
            cursor.execute(f"ALTER ROLE {_q(app_role)} WITH LOGIN PASSWORD %s", [password])
        cursor.execute("SELECT current_user, current_database()")
        owner, database = cursor.fetchone()
        if owner == app_role:
            raise RuntimeError("run evne db_roles as the owner role, not as the application's role")
        # Owning nothing: whatever the application's role may own is handed to the owner.
        cursor.execute(f"REASSIGN OWNED BY {_q(app_role)} TO {_q(owner)}")
        cursor.execute(f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(app_role)}")
        cursor.execute(f"REVOKE CREATE ON SCHEMA public FROM {_q(app_role)}")
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {_q(app_role)}")
        cursor.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_q(app_role)}")
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_q(app_role)}")
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relispartition"
        )
        for (partition,) in cursor.fetchall():
            # Reached through the partitioned table; direct access reads and appends at most.
            cursor.execute(f"GRANT SELECT, INSERT ON {_q(partition)} TO {_q(app_role)}")
        for table in connection.introspection.table_names():
            if _is_partition(cursor, table):
                continue
            if table in append_only:
                cursor.execute(f"GRANT SELECT, INSERT ON {_q(table)} TO {_q(app_role)}")
                counts["append_only"] += 1
            else:
                cursor.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_q(table)} TO {_q(app_role)}")
                counts["ordinary"] += 1
        # Tables the owner creates later (a new month of the access log) may be read and appended to at once.
        cursor.execute(
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {_q(owner)} IN SCHEMA public "
            f"GRANT SELECT, INSERT ON TABLES TO {_q(app_role)}"
        )
        cursor.execute(
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {_q(owner)} IN SCHEMA public "
            f"GRANT USAGE, SELECT ON SEQUENCES TO {_q(app_role)}"
        )
    counts["triggers"] = len(install_triggers(connection))
    logger.info("database roles: %s", counts)
    return counts


def after_migrate(sender, using="default", **kwargs) -> None:
    """After `evne migrate` on PostgreSQL: the triggers, and the grants when the application's role is named."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    role = getattr(settings, "EVNE_DB_APP_ROLE", "")
    with transaction.atomic(using=using):  # the application never sees its privileges half revoked
        if role:
            grant(connection, app_role=role)
        else:
            install_triggers(connection)
