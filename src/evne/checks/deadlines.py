"""Each case's next running deadline for the worklist (the derived table checks.NextDeadline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import F, Q, QuerySet

from evne.casefile.batch import case_files_for_checks
from evne.cases.models import Case
from evne.decisions.models import LocalDeadline
from evne.rules.catalogue import RULES
from evne.rules.engine import evaluate

from .build import snapshot_from_case_file
from .case import _EXPORTED_AT
from .models import NextDeadline

BATCH = 50  # cases per batch: a worklist page


def stale(cases: QuerySet[Case], *, on: dt.date) -> QuerySet[Case]:
    """The cases whose next deadline is unknown or may have changed."""
    return cases.filter(
        Q(next_deadline__isnull=True) | Q(next_deadline__stale=True) | Q(next_deadline__computed_on__lt=on)
    )


def compute(cases: Iterable[Case], *, on: dt.date) -> list[NextDeadline]:
    """Evaluate the catalogue for each case (in a constant number of queries) and keep its earliest deadline."""
    batch = list(Case.objects.filter(pk__in=[c.pk for c in cases]).select_related("citizen", "team", "municipality"))
    files = case_files_for_checks(batch, exported_at=_EXPORTED_AT)
    local = {
        (row.municipality_id, row.pathway): row.weeks
        for row in LocalDeadline.objects.filter(municipality_id__in={c.municipality_id for c in batch})
    }
    rows = []
    for case in batch:
        snapshot = snapshot_from_case_file(
            files[case.pk],
            policies=tuple(case.municipality.policies or ()),
            local_decision_weeks=local.get((case.municipality_id, case.pathway)),
        )
        deadlines = evaluate(RULES, snapshot, on=on).deadlines()
        first = deadlines[0] if deadlines else None
        rows.append(
            NextDeadline(
                case_id=case.pk,
                due_on=first.finding.due if first else None,
                rule_id=first.rule.id if first else "",
                computed_on=on,
                stale=False,
            )
        )
    NextDeadline.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["case"], update_fields=["due_on", "rule_id", "computed_on", "stale"]
    )
    return rows


def refresh(cases: QuerySet[Case], *, on: dt.date, limit: int | None = BATCH) -> int:
    """Recompute the stale rows among `cases` (at most `limit`, one batch; None: all, batch by batch)."""
    done = 0
    while True:
        size = BATCH if limit is None else min(BATCH, limit - done)
        if size <= 0:
            return done
        # the rows the worklist shows first are recomputed first: unknown, then the earliest known deadline
        ordered = stale(cases, on=on).order_by(F("next_deadline__due_on").asc(nulls_first=True), "pk")
        ids = list(ordered.values_list("pk", flat=True)[:size])
        if not ids:
            return done
        compute([Case(pk=pk) for pk in ids], on=on)
        done += len(ids)


def mark_case_stale(case_id: int) -> None:
    NextDeadline.objects.filter(case_id=case_id, stale=False).update(stale=True)


def mark_municipality_stale(municipality_id: int) -> None:
    NextDeadline.objects.filter(case__municipality_id=municipality_id, stale=False).update(stale=True)
