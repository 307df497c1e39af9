"""Case files of many cases in a constant number of queries: the worklist's deadlines (evne.checks.deadlines).

The single-case exporter reads one case's records in one UNION query (casefile.rows). For a page of the worklist
that would still be one query per case; here the same (model, filter) pairs (export.record_specs) become filters
over all the page's cases, each row tagged with the case it belongs to, and the usernames and activity codes the
rows name are read once for all. The files built are the exporter's own (Exporter.build_from), without document
files and timeline, as the checks read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from evne.cases.models import Case

from .export import Exporter, record_specs
from .rows import load_grouped

_CASE, _CITIZEN = object(), object()


def _batch_specs(case_ids: list[int]):
    for model, where in record_specs(_CASE, _CITIZEN, timeline=False):
        batch: dict = {}
        group = None
        for key, value in where.items():
            if value is _CASE:
                batch[f"{key}__in"] = case_ids
                group = key
            elif value is _CITIZEN:  # the citizen's records (supporters, own work) belong to each of their cases
                batch["citizen__cases__id__in"] = case_ids
                group = "citizen__cases__id"
            else:
                batch[key] = value
        assert group is not None, model
        yield model, batch, group


class _Preloaded(Exporter):
    def __init__(self, case: Case, rows: dict, shared: Exporter):
        super().__init__(case, include_files=False, timeline=False)
        self._rows = rows
        self.usernames = shared.usernames
        self.activity_types = shared.activity_types
        self.company_based = shared.company_based

    def load(self) -> dict:
        return self._rows


def case_files_for_checks(cases: Sequence[Case], *, exported_at: dt.datetime) -> dict[int, dict]:
    """The case file of each case (by case id), read in three queries however many cases there are. The cases must
    come with their citizen, team and municipality loaded (select_related)."""
    if not cases:
        return {}
    grouped = load_grouped(_batch_specs([c.pk for c in cases]))
    per_case: dict[int, dict] = {c.pk: {model: [] for model in grouped} for c in cases}
    for model, pairs in grouped.items():
        for case_id, obj in pairs:
            per_case[case_id][model].append(obj)
    shared = Exporter(cases[0], include_files=False, timeline=False)
    shared.resolve(per_case.values(), users={getattr(c, "created_by_id", None) for c in cases})
    return {
        c.pk: _Preloaded(c, per_case[c.pk], shared).build_from(per_case[c.pk], exported_at=exported_at) for c in cases
    }
