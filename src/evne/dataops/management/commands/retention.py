"""`evne retention --dry-run | --apply`: erase the closed cases whose retention period has ended (run as the owner)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.dataops import retention


class Command(BaseCommand):
    help = "Erase what has outlived its retention period (evne/dataops/retention.yaml); --dry-run only counts."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true")
        mode.add_argument("--apply", action="store_true")

    def handle(self, *args, **options):
        try:
            the_plan = retention.plan(on=timezone.localdate())
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        counts = the_plan.counts()
        self.stdout.write(
            _(
                "Expired: %(cases)d closed cases and %(citizens)d citizens without a case. Kept because the access "
                "log still names them: %(kept_for_access_log)d cases."
            )
            % counts
        )
        if options["apply"]:
            done = retention.apply(the_plan)
            self.stdout.write(_("Erased: %(cases)d cases, %(files)d files, %(citizens)d citizens.") % done)
        else:
            self.stdout.write(_("Dry run, nothing changed."))
