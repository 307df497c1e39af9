"""`evne restore evne-backup.tar.gz [--force]`: restore into an empty database, verify counts and checksums."""

from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from evne.dataops import dbroles
from evne.dataops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by evne backup into an empty database; verify row counts and file checksums."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--force", action="store_true", help="overwrite a database that is not empty")

    def handle(self, *args, **options):
        connection.close()  # the restore writes through its own connection
        try:
            manifest = restore(Path(options["archive"]), settings_dict=connection.settings_dict,
                               storage=storages["default"], force=options["force"])  # fmt: skip
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        if connection.vendor == "postgresql":
            dbroles.after_migrate(sender=None, using=connection.alias)
        self.stdout.write(
            _("Restored and verified: %(tables)d tables, %(rows)d rows, %(files)d files.")
            % {
                "tables": len(manifest["tables"]),
                "rows": sum(manifest["tables"].values()),
                "files": len(manifest["files"]),
            }
        )
