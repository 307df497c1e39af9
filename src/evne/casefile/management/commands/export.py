"""`evne export CASE_NUMBER -o FILE --user USERNAME`: write one whole case as a case file (personal data: the
export runs as a named user through the need-to-know gate and is access-logged)."""

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from evne.accounts.access import access_case
from evne.accounts.models import AccessAction, AccessChannel, User
from evne.casefile.export import dumps, export_case
from evne.cases.models import Case
from evne.errors import AccessDenied, NotFound


class Command(BaseCommand):
    help = "Export one case as a version-1 case file (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("number", help="the case number")
        parser.add_argument("-o", "--output", help="the file to write (default: standard output)")
        parser.add_argument("--user", required=True, help="the username the export runs as (access-logged)")
        parser.add_argument("--no-files", action="store_true", help="leave document files out (metadata is kept)")
        parser.add_argument("--exported-at", help="ISO date-time to write as exported_at (for reproducible files)")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"--user: no active user {options['user']!r}")
        case_id = Case.objects.filter(number=options["number"]).values_list("pk", flat=True).first()
        if case_id is None:
            raise CommandError(f"number: no case {options['number']!r} that {user.username} may read")
        try:
            case = access_case(user=user, case_id=case_id, what=AccessAction.EXPORT, channel=AccessChannel.CLI)
        except (NotFound, AccessDenied):
            raise CommandError(f"number: no case {options['number']!r} that {user.username} may read") from None
        exported_at = None
        if options["exported_at"]:
            try:
                exported_at = dt.datetime.fromisoformat(options["exported_at"])
            except ValueError:
                raise CommandError("--exported-at: expected an ISO date-time") from None
            if exported_at.tzinfo is None:
                exported_at = exported_at.replace(tzinfo=dt.UTC)
        try:
            text = dumps(export_case(case, exported_at=exported_at, include_files=not options["no_files"]))
        except (ValueError, OSError) as exc:
            raise CommandError(f"documents: {exc} (use --no-files to export without the files)") from None
        if options["output"] and options["output"] != "-":
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            sys.stdout.write(text)
