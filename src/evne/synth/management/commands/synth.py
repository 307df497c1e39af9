"""`evne synth --citizens N --seed S [--municipality-code 997]`: a synthetic population for benchmarks, in a
municipality of its own so it never mixes with the demo or real data."""

import time

from django.core.management.base import BaseCommand, CommandError

from evne.accounts.models import Municipality
from evne.synth.generate import ANDEBY, DEMO_PASSWORD, EVNEKOBING, generate_population


class Command(BaseCommand):
    help = "Create a synthetic population (citizens with cases and timelines) in a separate municipality."

    def add_arguments(self, parser):
        parser.add_argument("--citizens", type=int, required=True, help="How many citizens (one case each).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed; the same seed gives the same data.")
        parser.add_argument(
            "--municipality-code", default="997", help="Three-digit code of the synthetic municipality."
        )

    def handle(self, *args, citizens: int, seed: int, municipality_code: str, **options):
        if citizens < 1:
            raise CommandError("--citizens skal være mindst 1.")
        if not (len(municipality_code) == 3 and municipality_code.isdigit()):
            raise CommandError("--municipality-code skal være tre cifre.")
        if municipality_code in (EVNEKOBING[0], ANDEBY[0]):
            raise CommandError(f"Kommunekode {municipality_code} er forbeholdt demoen (evne demo).")
        municipality, created = Municipality.objects.get_or_create(
            code=municipality_code, defaults={"name": f"Syntetisk kommune {municipality_code} (benchmark)"}
        )
        if not created and municipality.citizens.exists():
            raise CommandError(
                f"Kommune {municipality_code} ({municipality.name}) har allerede borgere. "
                "Vælg en anden --municipality-code."
            )

        started = time.monotonic()
        reported = 0

        def progress(done: int, total: int) -> None:
            # A line every 10 %: the project has no progress-bar library, and one line per step logs well.
            nonlocal reported
            tenth = done * 10 // total
            if tenth > reported or done == total:
                reported = tenth
                self.stdout.write(f"{tenth * 10:3d} %  {done}/{total} borgere  {time.monotonic() - started:.1f} s")

        summary = generate_population(municipality=municipality, n_citizens=citizens, seed=seed, progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Oprettet {summary.citizens} borgere, {summary.cases} sager og {summary.notes} journalnotater "
            f"i {municipality.name} på {seconds:.1f} s ({summary.citizens / seconds:.0f} borgere/s)."
        )
        usernames = municipality.users.order_by("username").values_list("username", flat=True)
        self.stdout.write(f"Sagsbehandlere: {', '.join(usernames)} (adgangskode {DEMO_PASSWORD}).")
