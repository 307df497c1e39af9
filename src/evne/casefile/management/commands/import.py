"""`evne import FILE --municipality CODE --team NAME`: create one case from a case file, in one transaction.
A bad file is refused with a message naming the field; nothing is imported."""

from django.core.management.base import BaseCommand, CommandError

from evne.casefile.importer import CaseFileError, import_case, parse


class Command(BaseCommand):
    help = "Import a version-1 case file into a municipality and team."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the case file (JSON)")
        parser.add_argument("--municipality", required=True, help="the target municipality's code")
        parser.add_argument("--team", required=True, help="the target team's name")

    def handle(self, *args, **options):
        try:
            with open(options["file"], encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"file: cannot read {options['file']!r}: {exc}") from None
        try:
            data = parse(text)
            case = import_case(data, municipality_code=options["municipality"], team_name=options["team"])
        except CaseFileError as exc:
            raise CommandError(f"Nothing was imported. {exc}") from None
        self.stdout.write(f"Imported case {case.number} into municipality {options['municipality']}.\n")
