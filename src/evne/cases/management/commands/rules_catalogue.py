"""`evne rules_catalogue [-o docs/rules-catalogue.md]`: write the published rule catalogue."""

from pathlib import Path

from django.core.management.base import BaseCommand

from evne.rules.publish import catalogue_markdown


class Command(BaseCommand):
    help = "Write the rule catalogue as Markdown (default: to standard output)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write, e.g. docs/rules-catalogue.md")

    def handle(self, *args, output=None, **options):
        text = catalogue_markdown()
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {output}")
        else:
            self.stdout.write(text, ending="")
