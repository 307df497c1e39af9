"""Retention: rules per record type as dated data (retention.yaml), and the erasure of what has expired.

`plan()` says what has expired on a day; `apply()` erases it. Erasing a case deletes its append-only records
(timeline, notes, access log rows about it are kept — see below): in production the application's own role cannot
DELETE from those tables, so `evne retention --apply` runs as the owner role (DATABASE_MIGRATE_URL; the controlled
path, docs/decisions/0019-database-roles-files-backup-retention.md). A case that the access log still names is
kept until the access log's own retention (`evne accesslog expire`) has erased those months: the access log
outlives the case by design.
What was done is logged as counts, never names, CPR numbers or case numbers.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction

from evne.accounts.models import AccessLogEntry, Municipality
from evne.cases.models import Case, CaseStatus
from evne.citizens.models import Citizen

logger = logging.getLogger(__name__)
RULES_FILE = Path(__file__).with_name("retention.yaml")


@cache
def rules() -> dict:
    with open(RULES_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def version_on(record_type: str, on: dt.date) -> dict:
    versions = [v for v in rules()[record_type]["versions"] if v["valid_from"] <= on]
    if not versions:
        raise LookupError(f"no retention rule for {record_type} in force on {on.isoformat()}")
    return max(versions, key=lambda v: v["valid_from"])


def years_for(record_type: str, municipality: Municipality, on: dt.date) -> int:
    overrides = getattr(settings, "EVNE_RETENTION_YEARS", {}) or {}
    local = overrides.get(municipality.code)
    if isinstance(local, dict) and record_type in local:
        return int(local[record_type])
    if record_type in overrides and not isinstance(overrides[record_type], dict):
        return int(overrides[record_type])
    return int(version_on(record_type, on)["years"])


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass
class Plan:
    cases: list[int] = field(default_factory=list)
    kept_for_access_log: int = 0
    citizens: list[int] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"cases": len(self.cases), "kept_for_access_log": self.kept_for_access_log,
                "citizens": len(self.citizens)}  # fmt: skip


def plan(*, on: dt.date) -> Plan:
    result = Plan()
    for municipality in Municipality.objects.order_by("pk"):
        cutoff = _years_before(on, years_for("closed_case", municipality, on))
        expired = Case.objects.filter(
            municipality=municipality, status=CaseStatus.CLOSED, closed_on__isnull=False, closed_on__lt=cutoff
        ).values_list("pk", flat=True)
        held = set(AccessLogEntry.objects.filter(case_id__in=list(expired)).values_list("case_id", flat=True))
        result.cases += [pk for pk in expired if pk not in held]
        result.kept_for_access_log += len(held)
    erased = set(result.cases)
    remaining = Case.objects.exclude(pk__in=erased).values("citizen_id")
    logged = AccessLogEntry.objects.filter(citizen__isnull=False).values("citizen_id")
    for citizen in Citizen.objects.exclude(pk__in=remaining).exclude(pk__in=logged).select_related("municipality"):
        if years_for("citizen_without_cases", citizen.municipality, on) == 0:
            result.citizens.append(citizen.pk)
    return result


def apply(the_plan: Plan) -> dict[str, int]:
    """Erase the planned cases (each in its own transaction, its files removed once it commits), then citizens."""
    erased = {"cases": 0, "files": 0, "citizens": 0}
    from evne.evidence.models import Document

    for case_id in the_plan.cases:
        with transaction.atomic():
            names = [n for n in Document.objects.filter(case_id=case_id).values_list("file", flat=True) if n]
            case = Case.objects.select_for_update().get(pk=case_id)
            case.delete()
            transaction.on_commit(lambda names=names: [default_storage.delete(n) for n in names])
        erased["cases"] += 1
        erased["files"] += len(names)
    for citizen_id in the_plan.citizens:
        with transaction.atomic():
            Citizen.objects.filter(pk=citizen_id).delete()
        erased["citizens"] += 1
    logger.info("retention applied: %s", erased)
    return erased
