"""`evne synth --cases N --municipalities M --seed S`: a national-scale synthetic population, loaded in resumable
batches with bulk inserts (evne.synth.population); a rerun with the same parameters continues where it stopped.

`evne synth --citizens N --seed S [--municipality-code 997]`: the small loader through the services (as the demo),
in a municipality of its own so it never mixes with the demo or real data."""

import time

from django.core.management.base import BaseCommand, CommandError

from evne.accounts.models import Municipality
from evne.synth.generate import ANDEBY, DEMO_PASSWORD, EVNEKOBING, generate_population
from evne.synth.population import Plan, PopulationError, load_population


class Command(BaseCommand):
    help = "Create a synthetic population (citizens with cases and timelines) in a separate municipality."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, help="Bulk loader: how many cases (one citizen each).")
        parser.add_argument("--municipalities", type=int, default=1, help="Bulk loader: over how many municipalities.")
        parser.add_argument("--batch-size", type=int, default=None, help="Bulk loader: cases per transaction.")
        parser.add_argument("--templates", type=int, default=300, help="Bulk loader: template cases to clone.")
        parser.add_argument("--stop-after", type=int, default=None, help="Bulk loader: stop after this many batches.")
        parser.add_argument("--citizens", type=int, help="Through the services: how many citizens (one case each).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed; the same seed gives the same data.")
        parser.add_argument(
            "--municipality-code", default="997", help="Three-digit code of the synthetic municipality."
        )

    def handle(self, *args, citizens: int | None, seed: int, municipality_code: str, **options):
        if options["cases"] is not None:
            return self.bulk(seed=seed, **options)
        if citizens is None:
            raise CommandError("Angiv --cases (masseindlæsning) eller --citizens (gennem services).")
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

    def bulk(self, *, seed: int, cases: int, municipalities: int, batch_size: int | None, templates: int,
             stop_after: int | None, **options) -> None:  # fmt: skip
        from django.db import connection
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

        if batch_size is None:
            batch_size = 5000 if connection.vendor == "postgresql" else 500
        plan = Plan(cases=cases, municipalities=municipalities, seed=seed, batch_size=batch_size,
                    templates=templates)  # fmt: skip
        columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
        with Progress(*columns, transient=False) as bar:
            task = bar.add_task("sager", total=cases)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done)

            try:
                result = load_population(plan, stop_after=stop_after, progress=progress)
            except PopulationError as error:
                raise CommandError(str(error)) from error
        rate = result.cases_loaded / result.load_seconds if result.load_seconds else 0
        self.stdout.write(
            f"Indlæst {result.cases_loaded} sager i {result.batches_done} portioner på {result.load_seconds:.1f} s "
            f"({rate:.0f} sager/s; skabeloner {result.templates_seconds:.1f} s); "
            f"{result.batches_skipped} portioner fandtes allerede."
        )
        if result.cases_loaded:
            cpu = result.loader_cpu_seconds + (result.database_cpu_seconds or 0)
            self.stdout.write(
                f"CPU: indlæser {result.loader_cpu_seconds:.1f} s, database "
                f"{'?' if result.database_cpu_seconds is None else f'{result.database_cpu_seconds:.1f}'} s "
                f"= {result.cases_loaded / cpu:.0f} sager pr. CPU-sekund."
            )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
                    self.stdout.write(f"Databasens størrelse: {cursor.fetchone()[0]}.")
