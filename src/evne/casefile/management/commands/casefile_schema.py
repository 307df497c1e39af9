"""`evne casefile_schema [--check]`: write the case file's JSON Schema, generated from the models."""

from django.core.management.base import BaseCommand, CommandError

from evne.casefile import schema


class Command(BaseCommand):
    help = "Write src/evne/casefile/schema/case-file-2.json from the models (--check: fail if it differs)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only check that the committed schema is current.")

    def handle(self, *args, **options):
        text = schema.text()
        current = schema.PATH.read_text(encoding="utf-8") if schema.PATH.exists() else ""
        if options["check"]:
            if current != text:
                raise CommandError(f"{schema.PATH.name} is out of date: run 'evne casefile_schema' and commit it.")
            return
        schema.PATH.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {schema.PATH}")
