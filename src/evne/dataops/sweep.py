"""`evne sweep_files`: no file without a row, no row without its file (evne.dataops.storage).

A staged file that a row names is moved into place (its transaction committed, the process died before the move);
a staged file no row names, or a file in place that no row names, is removed once older than the threshold (a
younger one may belong to a transaction still running). Logged as counts: file names carry no personal data, but
the log says only how many.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models

from .storage import STAGING

logger = logging.getLogger(__name__)


def referenced_names() -> set[str]:
    names: set[str] = set()
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField):
                names.update(n for n in model._base_manager.exclude(**{f.name: ""}).values_list(f.name, flat=True) if n)
    return names


@dataclass
class SweepResult:
    promoted: list[str] = field(default_factory=list)
    removed_staged: list[str] = field(default_factory=list)
    removed_unreferenced: list[str] = field(default_factory=list)
    kept_young: int = 0
    missing: list[str] = field(default_factory=list)  # rows whose file is nowhere


def _files(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(str(p.relative_to(root)).replace(os.sep, "/") for p in root.rglob("*") if p.is_file())


def sweep(*, older_than_seconds: float, dry_run: bool = False, storage=None, now: float | None = None) -> SweepResult:
    storage = storage or default_storage
    root = Path(storage.location)
    staging = root / STAGING
    result = SweepResult()
    referenced = referenced_names()
    now = time.time() if now is None else now
    for name in _files(staging):
        path = staging / name
        if name in referenced:
            result.promoted.append(name)
            if not dry_run:
                storage.promote(name)
        elif now - path.stat().st_mtime >= older_than_seconds:
            result.removed_staged.append(name)
            if not dry_run:
                path.unlink(missing_ok=True)
        else:
            result.kept_young += 1
    for name in _files(root):
        if name.startswith(STAGING + "/") or name in referenced:
            continue
        if now - (root / name).stat().st_mtime >= older_than_seconds:
            result.removed_unreferenced.append(name)
            if not dry_run:
                (root / name).unlink(missing_ok=True)
        else:
            result.kept_young += 1
    result.missing = sorted(n for n in referenced if not storage.exists(n))
    logger.info(
        "sweep_files%s: promoted=%d removed_staged=%d removed_unreferenced=%d kept_young=%d missing=%d",
        " (dry run)" if dry_run else "", len(result.promoted), len(result.removed_staged),
        len(result.removed_unreferenced), result.kept_young, len(result.missing),
    )  # fmt: skip
    return result
