"""`evne citizen_export --citizen-id 12 --user jurist -o indsigt.zip`: the citizen's data (GDPR art. 15)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from evne.accounts.models import AccessChannel, User
from evne.dataops.citizen_export import build
from evne.errors import AccessDenied, NotFound


class Command(BaseCommand):
    help = "Write everything Evne holds about one citizen to a ZIP (GDPR art. 15); access-logged as the user named."

    def add_arguments(self, parser):
        parser.add_argument("--citizen-id", type=int, required=True, help="the citizen's id (never the CPR number)")
        parser.add_argument("--user", required=True, help="the team leader or lawyer/auditor making the copy")
        parser.add_argument("-o", "--output", required=True)

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("No active user of that name."))
        try:
            _name, data = build(user=user, citizen_id=options["citizen_id"], channel=AccessChannel.CLI)
        except (NotFound, AccessDenied):
            raise CommandError(
                _("The user may not make a copy of this citizen's data, or the citizen does not exist.")
            ) from None
        Path(options["output"]).write_bytes(data)
        self.stdout.write(_("Written: %(path)s") % {"path": options["output"]})
