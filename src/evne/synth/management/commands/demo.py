"""`evne demo [--serve] [--addr 127.0.0.1:8000] [--noreload]`: migrate, load the demo data once, print the
demo logins, and optionally serve the web UI."""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation

from evne.accounts.models import Role
from evne.synth.generate import DemoLogin, load_demo

# The table is printed in Danish for the demo audience, whatever the active language.
HEADERS = ("Brugernavn", "Rolle", "Team", "Kommune", "Adgangskode")


def login_table(logins: list[DemoLogin] | tuple[DemoLogin, ...], password: str) -> str:
    with translation.override("da"):
        rows = [HEADERS] + [
            (x.username, str(Role(x.role).label), x.team or "–", x.municipality, password) for x in logins
        ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Migrate the database, load the demo data (once), print the demo logins; --serve starts the server."

    def add_arguments(self, parser):
        parser.add_argument("--serve", action="store_true", help="Start the web server after loading.")
        parser.add_argument("--addr", default="127.0.0.1:8000", help="Address and port for --serve.")
        parser.add_argument(
            "--noreload", action="store_true", help="With --serve: do not restart the server when code changes."
        )

    def handle(self, *args, serve: bool, addr: str, noreload: bool, **options):
        # Django's autoreloader runs this command again in a child process (RUN_MAIN=true); the parent has
        # already migrated, loaded and printed, so the child only serves.
        if os.environ.get("RUN_MAIN") != "true":
            call_command("migrate", interactive=False, verbosity=0, stdout=self.stdout, stderr=self.stderr)
            summary = load_demo()
            self.stdout.write(summary.message)
            self.stdout.write("")
            self.stdout.write("Demo-logins:")
            self.stdout.write(login_table(summary.logins, summary.password))
            self.stdout.write("")
            self.stdout.write(
                "Andeby-brugeren ser kun Andebys sager; Evnekøbings sager er usynlige for den. "
                "Administratoren (admin) bruger Djangos admin og ser ingen sagsdata."
            )
            self.stdout.flush()
        if serve:
            call_command("runserver", addr, use_reloader=not noreload)
