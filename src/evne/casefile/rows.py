"""Read every record of one case in one database round trip.

The case file (and through it the rules snapshot) needs rows from some forty tables. One query per table would
make the case page's checks cost forty queries, and one per record more; instead each table contributes a
`SELECT 'table', JSON_OBJECT(field, value, …)` and the selects are joined with UNION ALL, so the whole case is
read in one statement. Django's `JSONObject` builds the object on SQLite (json_object) and PostgreSQL
(jsonb_build_object) alike; the values come back as JSON and are turned into the fields' Python types here
(dates and times as text, booleans as 0/1 on SQLite, JSON columns as text on SQLite).

The rows become unsaved-looking model instances through `Model.from_db`, so the exporter reads them exactly as it
reads rows fetched the ordinary way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, models
from django.db.models import F, Value
from django.db.models.functions import JSONObject


def _value(field: models.Field, raw):
    if raw is None:
        return None
    if isinstance(field, models.JSONField):
        # SQLite hands a JSON column to json_object as text; PostgreSQL nests it as JSON
        return json.loads(raw) if connection.vendor == "sqlite" and isinstance(raw, str) else raw
    if isinstance(field, models.BooleanField):
        return bool(raw)
    if isinstance(field, models.DateTimeField):
        value = dt.datetime.fromisoformat(raw.replace(" ", "T")) if isinstance(raw, str) else raw
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(field, models.DateField):
        return dt.date.fromisoformat(raw[:10]) if isinstance(raw, str) else raw
    if isinstance(field, models.DecimalField):
        return Decimal(str(raw)).quantize(Decimal(1).scaleb(-field.decimal_places))
    if isinstance(field, models.IntegerField | models.ForeignKey | models.AutoField):
        return int(raw)
    return raw


def load(specs: Iterable[tuple[type[models.Model], dict]]) -> dict[type[models.Model], list[models.Model]]:
    """`specs`: (model, filter) pairs. Returns each model's matching rows (each once, by primary key), in one query."""
    specs = list(specs)
    selects = []
    for i, (model, where) in enumerate(specs):
        fields = model._meta.concrete_fields
        row = JSONObject(**{f.attname: F(f.attname) for f in fields})
        selects.append(model.objects.filter(**where).order_by().values(t=Value(i), r=row))
    out: dict[type[models.Model], list[models.Model]] = {model: [] for model, _where in specs}
    if not selects:
        return out
    seen: set[tuple[int, int]] = set()
    query = selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]
    for hit in query:
        model = specs[hit["t"]][0]
        data = hit["r"]
        if isinstance(data, str):
            data = json.loads(data)
        fields = model._meta.concrete_fields
        values = [_value(f, data.get(f.attname)) for f in fields]
        pk = values[[f.attname for f in fields].index(model._meta.pk.attname)]
        if (hit["t"], pk) in seen:  # a filter through a join may meet the same row twice
            continue
        seen.add((hit["t"], pk))
        out[model].append(model.from_db(connection.alias, [f.attname for f in fields], values))
    for rows in out.values():
        rows.sort(key=lambda obj: obj.pk)
    return out


def load_grouped(
    specs: Iterable[tuple[type[models.Model], dict, str]],
) -> dict[type[models.Model], list[tuple[int, models.Model]]]:
    """Like load(), for many cases at once: `specs` are (model, filter, path to the case id) triples; each row comes
    back with the case id it belongs to (a row shared by several cases, such as a team meeting, once per case)."""
    specs = list(specs)
    selects = []
    for i, (model, where, group) in enumerate(specs):
        row = JSONObject(**{f.attname: F(f.attname) for f in model._meta.concrete_fields})
        selects.append(model.objects.filter(**where).order_by().values(t=Value(i), g=F(group), r=row))
    out: dict[type[models.Model], list[tuple[int, models.Model]]] = {model: [] for model, _w, _g in specs}
    if not selects:
        return out
    seen: set[tuple[int, int, int]] = set()
    query = selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]
    for hit in query:
        model = specs[hit["t"]][0]
        data = json.loads(hit["r"]) if isinstance(hit["r"], str) else hit["r"]
        fields = model._meta.concrete_fields
        values = [_value(f, data.get(f.attname)) for f in fields]
        pk = values[[f.attname for f in fields].index(model._meta.pk.attname)]
        if (hit["t"], hit["g"], pk) in seen:
            continue
        seen.add((hit["t"], hit["g"], pk))
        out[model].append((hit["g"], model.from_db(connection.alias, [f.attname for f in fields], values)))
    for rows in out.values():
        rows.sort(key=lambda pair: pair[1].pk)
    return out
