"""Expand a short acceptance case (YAML: only the facts the source gives) into a whole, valid version-2 case file.

Every record the case names keeps its values; each field it leaves out gets the value a record would have with
nothing entered there: the model field's default, an empty text or list, null, false; a required date or time the
case's judging day; refs numbered in order. The result is validated against the case file's schema
(casefile.importer.read), so an acceptance case is a real case file, checked by the same builder as `evne check`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from evne.casefile import schema as generated
from evne.casefile.export import FORMAT
from evne.casefile.importer import load_schema, read

TOP_DEFAULTS: dict[str, Any] = {"profile": None}


def case_file(case: dict) -> dict:
    """The acceptance case's `file` section as a validated version-2 case file."""
    on = case["judged_on"]
    schema = load_schema()
    models = {name: model for name, model, _extras in generated.DEFS}
    given = dict(case.get("file") or {})
    given.setdefault("case", {})
    given["case"].setdefault("number", "ACC-1")
    given.setdefault("citizen", {})
    data = {"format": FORMAT, "version": generated.VERSION, "exported_at": f"{on.isoformat()}T12:00:00+00:00"}
    for key, sub in schema["properties"].items():
        if key in data:
            continue
        if key in given:
            data[key] = _fill(_plain(given[key]), sub, schema, {}, models, None, on)
        elif key in schema["required"]:
            data[key] = TOP_DEFAULTS.get(key, [])
    unknown = set(given) - set(schema["properties"])
    if unknown:
        raise ValueError(f"unknown section(s) in the acceptance case: {sorted(unknown)}")
    return read(data)


def _plain(value):
    """YAML dates as ISO text, as a case file has them."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _fill(value, schema: dict, root: dict, counters: dict, models: dict, model, on: dt.date):
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if value is None:
            return None
        return _fill(value, root["$defs"][name], root, counters, models, models.get(name), on)
    if "anyOf" in schema:
        return None if value is None else _fill(value, schema["anyOf"][0], root, counters, models, model, on)
    if isinstance(value, list) and "items" in schema:
        return [_fill(v, schema["items"], root, counters, models, model, on) for v in value]
    if not isinstance(value, dict) or "properties" not in schema:
        return value
    out = {}
    for key, sub in schema["properties"].items():
        if key in value:
            out[key] = _fill(value[key], sub, root, counters, models, None, on)
        elif key == "ref" and "pattern" in sub:
            kind = sub["pattern"][1:].split("-[")[0]
            counters[kind] = counters.get(kind, 0) + 1
            out[key] = f"{kind}-{counters[kind]}"
        elif key in schema.get("required", ()):
            out[key] = _default(model, key, sub, on)
    unknown = set(value) - set(schema["properties"])
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)} in {model.__name__ if model else 'a record'}")
    return out


def _default(model, key: str, sub: dict, on: dt.date):
    if model is not None:
        try:
            field = model._meta.get_field(key)
        except Exception:
            field = None
        if field is not None and getattr(field, "concrete", False) and field.has_default():
            default = field.get_default()
            if isinstance(default, str | bool | int | list | dict):
                return default
    kinds = sub.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "null" in kinds or "anyOf" in sub:
        return None
    if sub.get("format") == "date":
        return on.isoformat()
    if sub.get("format") == "date-time":
        return f"{on.isoformat()}T09:00:00+00:00"
    if "enum" in sub:
        return "" if "" in sub["enum"] else sub["enum"][0]
    if "array" in kinds:
        return []
    if "boolean" in kinds:
        return False
    if "integer" in kinds:
        return 1 if key in ("number", "version") else 0
    if sub.get("description") == "decimal":
        return "0"
    return ""
