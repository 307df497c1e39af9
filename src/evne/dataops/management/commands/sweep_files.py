"""`evne sweep_files [--older-than-hours 24] [--dry-run]`: remove files no row names; finish interrupted moves."""

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from evne.dataops.storage import StagedFileSystemStorage
from evne.dataops.sweep import sweep


class Command(BaseCommand):
    help = "Remove staged or unreferenced files older than a threshold; move committed staged files into place."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-hours", type=float, default=settings.EVNE_SWEEP_AFTER_HOURS)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        storage = storages["default"]
        if not isinstance(storage, StagedFileSystemStorage):
            raise CommandError(_("The file storage is not Evne's staged file storage; nothing to sweep."))
        if options["older_than_hours"] < 0:
            raise CommandError(_("The age must be zero hours or more."))
        seconds = options["older_than_hours"] * 3600
        result = sweep(older_than_seconds=seconds, dry_run=options["dry_run"], storage=storage)
        counts = {
            "promoted": len(result.promoted), "staged": len(result.removed_staged),
            "unreferenced": len(result.removed_unreferenced), "young": result.kept_young,
            "missing": len(result.missing),
        }  # fmt: skip
        self.stdout.write(
            (_("Dry run, nothing changed.") + " " if options["dry_run"] else "")
            + _(
                "Moved into place: %(promoted)d. Removed from the staging area: %(staged)d. Removed without a "
                "record: %(unreferenced)d. Too recent to judge: %(young)d. Records whose file is missing: %(missing)d."
            )
            % counts
        )
