"""A database guard for records that freeze: once a row reaches a final state, UPDATE is refused.

Like `evne.appendonly.ForbidUpdate`, but conditional: a decision draft may change (through its service, with a
version number); an issued decision may not — not through the ORM, not through a hand-written UPDATE.
"""

from django.db.migrations.operations.base import Operation


class ForbidUpdateWhen(Operation):
    """Install a trigger refusing UPDATE of rows whose `column` equals `value` before the update."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str, column: str, value: str):
        self.model_name, self.column, self.value = model_name, column, value

    def state_forwards(self, app_label, state):
        pass

    def _names(self, app_label, state):
        table = state.apps.get_model(app_label, self.model_name)._meta.db_table
        return table, f"{table}_frozen_{self.value}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        table, trigger = self._names(app_label, to_state)
        message = f"{table}: a row with {self.column} = {self.value} cannot be changed"
        condition = f"OLD.{self.column} = '{self.value}'"
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {table} FOR EACH ROW WHEN ({condition}) "
                f"EXECUTE FUNCTION {trigger}();"
            )
        elif schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {table} WHEN {condition} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END;"
            )
        else:
            raise NotImplementedError(f"No freeze trigger for {schema_editor.connection.vendor}")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        table, trigger = self._names(app_label, from_state)
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {trigger}()")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")

    def describe(self):
        return f"Forbid UPDATE of {self.model_name} where {self.column} = {self.value}"

    def deconstruct(self):
        return (self.__class__.__name__, [self.model_name, self.column, self.value], {})


class AllowUpdateWhen(ForbidUpdateWhen):
    """The reverse of ForbidUpdateWhen, for the operations that follow it in one migration (a column added on SQLite
    rebuilds the table and drops its triggers; a data migration may fill a new column of frozen rows). End the
    migration with ForbidUpdateWhen on the same model to install the guard again."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        super().database_backwards(app_label, schema_editor, to_state, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        super().database_forwards(app_label, schema_editor, to_state, from_state)

    def describe(self):
        return f"Allow UPDATE of {self.model_name} where {self.column} = {self.value} until guarded again"
