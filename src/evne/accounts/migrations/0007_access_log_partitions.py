"""Partition the access log by month on PostgreSQL (docs/decisions/0011-access-log-at-scale.md); nothing on SQLite."""

from django.db import migrations
from django.utils import timezone

from evne.appendonly import AllowUpdate, ForbidUpdate


def partition(apps, schema_editor):
    from evne.accounts.accesslog_storage import convert_to_partitioned

    convert_to_partitioned(schema_editor.connection, today=timezone.localdate())


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_access_log_record"),
    ]

    operations = [
        AllowUpdate("AccessLogEntry"),  # the trigger is installed again on the partitioned table
        # Going back leaves the table partitioned: it serves the earlier schema unchanged.
        migrations.RunPython(partition, migrations.RunPython.noop, elidable=False),
        ForbidUpdate("AccessLogEntry"),
    ]
