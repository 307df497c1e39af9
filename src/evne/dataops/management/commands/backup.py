"""`evne backup -o evne-backup.tar.gz`: the database and its files in one archive with a manifest."""

from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from evne.dataops.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump or SQLite's backup API) and the files, with a manifest of counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="the archive to write (.tar.gz)")

    def handle(self, *args, **options):
        raw = None
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            raw = connection.connection
        try:
            summary = backup(Path(options["output"]), settings_dict=connection.settings_dict,
                             storage=storages["default"], raw_sqlite=raw)  # fmt: skip
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _("Backup written: %(tables)d tables, %(rows)d rows, %(files)d files.")
            % {"tables": summary.tables, "rows": summary.rows, "files": summary.files}
        )
        if summary.missing_files:
            self.stderr.write(
                _("Warning: %(count)d files named by a record were missing and are not in the backup.")
                % {"count": len(summary.missing_files)}
            )
