"""Append-only by the database itself: as the application's role, every way around the guard is refused."""

import datetime as dt
import hashlib

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from evne.accounts import accesslog_storage
from evne.cases.models import TimelineEvent
from evne.dataops import dbroles
from evne.decisions.models import Decision


@pytest.fixture
def app_role(postgres_only, transactional_db):
    name = "evne_app_" + hashlib.sha256(connection.settings_dict["NAME"].encode()).hexdigest()[:8]
    dbroles.grant(connection, app_role=name)
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP OWNED BY "{name}"')
        cursor.execute(f'DROP ROLE IF EXISTS "{name}"')


def connect_as(role: str) -> psycopg.Connection:
    s = connection.settings_dict
    return psycopg.connect(
        host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432, dbname=s["NAME"], user=role, autocommit=True
    )


def refused(app, sql, params=(), error=psycopg.errors.InsufficientPrivilege):
    with pytest.raises(error):
        app.execute(sql, params)


def issued_decision(case, user, number=1, status="issued"):
    return Decision.objects.create(
        case=case, number=number, status=status, outcome="granted", applied_for="x", subject="ressourceforlob",
        created_by=user, created_at=timezone.now(),
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_the_application_role_cannot_get_around_the_append_only_tables(app_role, case, alice):
    event = TimelineEvent.objects.filter(case=case).first()
    assert event is not None
    with connect_as(app_role) as app:
        assert app.execute("SELECT current_user").fetchone()[0] == app_role
        owned = app.execute(
            "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"
        )
        assert owned.fetchone()[0] == 0
        refused(app, "DELETE FROM cases_timelineevent WHERE id = %s", [event.pk])
        refused(app, "UPDATE cases_timelineevent SET kind = kind WHERE id = %s", [event.pk])
        refused(app, "TRUNCATE accounts_accesslogentry")
        refused(app, "TRUNCATE cases_timelineevent")
        refused(app, "DELETE FROM accounts_accesslogentry")
        refused(app, "ALTER TABLE cases_timelineevent DISABLE TRIGGER ALL")
        refused(app, "ALTER TABLE accounts_accesslogentry DISABLE TRIGGER USER")
        refused(app, "DROP TRIGGER cases_timelineevent_no_update ON cases_timelineevent")
        refused(app, "CREATE TABLE evne_sneaky (id int)")
        # Appending at the time of writing works; a backdated row is refused.
        insert = (
            "INSERT INTO cases_timelineevent (case_id, kind, at, actor_id, data, case_version) "
            "VALUES (%s, 'note_added', %s, %s, '{}', 1)"
        )
        db_now = app.execute("SELECT clock_timestamp()").fetchone()[0]  # the test's own clock is frozen
        app.execute(insert, [case.pk, db_now, alice.pk])
        refused(app, insert, [case.pk, db_now - dt.timedelta(days=30), alice.pk],
                psycopg.errors.CheckViolation)  # fmt: skip
        refused(app, insert, [case.pk, db_now + dt.timedelta(days=30), alice.pk],
                psycopg.errors.CheckViolation)  # fmt: skip
        # Ordinary tables keep their normal DML.
        app.execute("UPDATE citizens_citizen SET city = city WHERE id = %s", [case.citizen_id])


@pytest.mark.django_db(transaction=True)
def test_an_issued_decision_cannot_be_deleted_by_the_application(app_role, case, alice):
    issued = issued_decision(case, alice, 1, "issued")
    draft = issued_decision(case, alice, 2, "draft")
    with connect_as(app_role) as app:
        refused(app, "DELETE FROM decisions_decision WHERE id = %s", [issued.pk])
        refused(app, "UPDATE decisions_decision SET reasons = 'x' WHERE id = %s", [issued.pk],
                psycopg.errors.RaiseException)  # fmt: skip
        assert app.execute("DELETE FROM decisions_decision WHERE id = %s", [draft.pk]).rowcount == 1
    assert Decision.objects.filter(pk=issued.pk).exists()
    # The owner's controlled path (retention) may erase it.
    Decision.objects.filter(pk=issued.pk)._raw_delete(connection.alias)
    assert not Decision.objects.filter(pk=issued.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_new_access_log_partition_is_readable_and_appendable_at_once(app_role, alice):
    if not accesslog_storage.is_partitioned():
        pytest.skip("the access log is not partitioned here")
    far = accesslog_storage.add_months(accesslog_storage.month_start(timezone.localdate()), 30)
    with connection.cursor() as cursor:
        accesslog_storage.ensure_partitions(today=far, ahead=0)
        cursor.execute("SELECT 1")
    partition = accesslog_storage.partition_name(far)
    with connect_as(app_role) as app:
        app.execute(f"SELECT count(*) FROM {partition}")  # noqa: S608
        app.execute(f"SELECT count(*) FROM {accesslog_storage.DEFAULT_PARTITION}")  # noqa: S608 -- existed before
        refused(app, f"DELETE FROM {partition}")  # noqa: S608
        refused(app, f"TRUNCATE {partition}")


@pytest.mark.django_db(transaction=True)
def test_db_roles_is_idempotent(app_role):
    first = dbroles.grant(connection, app_role=app_role)
    assert dbroles.grant(connection, app_role=app_role) == first
    assert first["append_only"] >= 10 and first["triggers"] >= 10
