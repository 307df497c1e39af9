"""Trigram indexes for search on PostgreSQL (issue 14.4): a name or case number is matched anywhere in the text
(`UPPER(col) LIKE UPPER('%term%')`, Django's icontains), which a B-tree cannot serve; a pg_trgm GIN index on the
same expression can. SQLite has no such index: there the CPR (exact or its date part, a range) uses the
(municipality, cpr) unique index and a name search scans the municipality's citizens."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "citizen_first_name_trgm": ("citizens_citizen", "first_name"),
    "citizen_last_name_trgm": ("citizens_citizen", "last_name"),
    "case_number_trgm": ("cases_case", "number"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, column) in INDEXES.items():
        # the expression as Django's icontains writes it: UPPER("column"::text)
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0014_document_printed_event"),
        ("citizens", "0003_employment"),
    ]

    operations = [
        TrigramExtension(),  # CREATE EXTENSION IF NOT EXISTS pg_trgm; nothing on SQLite
        migrations.RunPython(create, drop),
    ]
