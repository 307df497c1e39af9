"""`evne db_roles --app-role evne_app`: create the application's database role and grant it what it may do."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from evne.dataops import dbroles


class Command(BaseCommand):
    help = "Create the application's PostgreSQL role (owning nothing) and grant it its privileges; idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--app-role", default=getattr(settings, "EVNE_DB_APP_ROLE", "") or "evne_app")
        parser.add_argument(
            "--password-env",
            default="",
            help="name of an environment variable holding the role's password (never on the command line)",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(_("Database roles exist only on PostgreSQL; SQLite keeps its triggers."))
        password = os.environ.get(options["password_env"], "") if options["password_env"] else None
        try:
            with transaction.atomic():
                counts = dbroles.grant(connection, app_role=options["app_role"], password=password)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _(
                "The role %(role)s: %(ordinary)d ordinary tables, %(append_only)d append-only tables, "
                "%(triggers)d tables guarded against backdating."
            )
            % {"role": options["app_role"], **counts}
        )
