"""Recompute the worklist's next deadlines (checks.NextDeadline) of every open case, or only the stale ones.

evne deadlines            # the stale and missing rows (nightly: the rules read dates relative to the day)
evne deadlines --all      # every open case (after a rules release)
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from evne.cases.models import Case, CaseStatus
from evne.checks import deadlines


class Command(BaseCommand):
    help = "Recompute the next running deadline of the open cases for the worklist."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Recompute every open case, not only stale ones.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        cases = Case.objects.exclude(status=CaseStatus.CLOSED)
        if options["all"]:
            ids = list(cases.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), deadlines.BATCH):
                deadlines.compute([Case(pk=pk) for pk in ids[start : start + deadlines.BATCH]], on=today)
            done = len(ids)
        else:
            done = deadlines.refresh(cases, on=today, limit=None)
        self.stdout.write(f"{done} cases recomputed")
