"""Maintain the access log: create the coming months' partitions, erase the months past the retention period.

    evne accesslog partitions [--ahead 3]            # PostgreSQL: this month's and the next months' partitions
    evne accesslog expire --user USERNAME [--dry-run] # erase entries older than EVNE_ACCESS_LOG_RETENTION_MONTHS

Run both nightly (cron or a systemd timer) as the role that owns the table. The erasure is itself written to the
access log, in the name of the user given (the operator responsible), naming the months erased and the row count.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from evne.accounts import accesslog_storage as storage
from evne.accounts.access import log_access
from evne.accounts.models import AccessAction, AccessChannel, RecordType, User


class Command(BaseCommand):
    help = "Maintain the access log: monthly partitions (PostgreSQL) and erasure after the retention period."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="task", required=True)
        partitions = sub.add_parser("partitions", help="Create the partitions of this month and the next months.")
        partitions.add_argument("--ahead", type=int, default=3, help="Months ahead (default 3).")
        expire = sub.add_parser("expire", help="Erase entries older than the retention period.")
        expire.add_argument("--user", required=True, help="The username of the operator responsible (logged).")
        expire.add_argument("--dry-run", action="store_true", help="Only say what would be erased.")

    def handle(self, *args, task: str, **options):
        today = timezone.localdate()
        if task == "partitions":
            with transaction.atomic():
                created = storage.ensure_partitions(today=today, ahead=options["ahead"])
            if not storage.is_partitioned():
                self.stdout.write("The access log is not partitioned on this database (SQLite): nothing to do.")
            for name in created:
                self.stdout.write(f"created {name}")
            return
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {options['user']!r}.")
        months = int(settings.EVNE_ACCESS_LOG_RETENTION_MONTHS)
        if months < 1:
            raise CommandError("EVNE_ACCESS_LOG_RETENTION_MONTHS must be at least 1.")
        first_kept = storage.add_months(storage.month_start(today), -months)
        if options["dry_run"]:
            from evne.accounts.models import AccessLogEntry

            count = AccessLogEntry.objects.filter(at__date__lt=first_kept).count()
            self.stdout.write(f"would erase {count} entries before {first_kept:%d-%m-%Y}")
            return
        with transaction.atomic():
            dropped, erased = storage.erase_before(first_kept)
            log_access(
                user=user,
                action=AccessAction.RETENTION,
                channel=AccessChannel.CLI,
                detail=f"erased {erased} entries before {first_kept:%d-%m-%Y} ({months} months kept)",
                record=(RecordType.ACCESS_LOG, None, ", ".join(dropped) or f"before {first_kept:%d-%m-%Y}"),
            )
        self.stdout.write(f"erased {erased} entries before {first_kept:%d-%m-%Y}; partitions dropped: {len(dropped)}")
