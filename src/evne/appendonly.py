"""Append-only records: timeline events, journal notes, assignments, the access log.

Two guards, so neither a bug in Evne nor a hand-written UPDATE rewrites the legal record:
- the ORM: `AppendOnlyQuerySet` refuses bulk update() and delete();
- the database: `ForbidUpdate` (a migration operation) installs a trigger that aborts any UPDATE of the
  table, on SQLite and PostgreSQL alike.
Deleting a whole case (erasure when its retention period ends) still cascades through Django's collector.
"""

from django.db import models
from django.db.migrations.operations.base import Operation


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError(f"{self.model.__name__} rows are immutable; add a new row instead.")

    def delete(self):
        raise PermissionError(f"{self.model.__name__} rows are immutable; add a new row instead.")


class AppendOnlyModel(models.Model):
    """Refuses instance delete(); updates are refused by the database trigger."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        raise PermissionError(f"{type(self).__name__} rows are immutable; add a new row instead.")


class ForbidUpdate(Operation):
    """Install a trigger that refuses UPDATE on the model's table."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str):
        self.model_name = model_name

    def state_forwards(self, app_label, state):
        pass

    def _names(self, app_label, schema_editor, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        table = model._meta.db_table
        return table, f"{table}_no_update"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        table, trigger = self._names(app_label, schema_editor, to_state)
        message = f"{table} is append-only: rows cannot be changed"
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION {trigger}();"
            )
        elif schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{message}'); END;"
            )
        else:
            raise NotImplementedError(f"No append-only trigger for {schema_editor.connection.vendor}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        table, trigger = self._names(app_label, schema_editor, from_state)
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {trigger} ON {table}"
            if schema_editor.connection.vendor == "postgresql"
            else f"DROP TRIGGER IF EXISTS {trigger}"
        )
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {trigger}()")

    def describe(self):
        return f"Forbid UPDATE on {self.model_name}"

    def deconstruct(self):
        return (self.__class__.__name__, [self.model_name], {})


class AllowUpdate(ForbidUpdate):
    """The reverse of ForbidUpdate, for the operations that follow it in one migration: adding a column on SQLite
    rebuilds the table (which drops its triggers), and a data migration may have to fill the new column. End the
    migration with ForbidUpdate on the same model to install the guard again."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        super().database_backwards(app_label, schema_editor, to_state, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        super().database_forwards(app_label, schema_editor, to_state, from_state)

    def describe(self):
        return f"Allow UPDATE on {self.model_name} until the guard is installed again"
