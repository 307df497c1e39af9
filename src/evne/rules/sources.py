"""The act registry (sources.yaml): every citation's act, and the day each act came into force.

A rule's regime date is read here — `in_force("reform_2013")` — so a date in force is written once, beside the act.
"""

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PATH = Path(__file__).parent / "sources.yaml"


@cache
def acts() -> dict[str, dict[str, Any]]:
    """The registry, read once: act key → title, name_da (the short Danish name shown to users), in_force_from, seed."""
    return yaml.safe_load(PATH.read_text(encoding="utf-8"))


def in_force(act_key: str) -> date:
    """The day the act came into force (its `in_force_from`); an unknown key is an error, not a default."""
    value = acts()[act_key]["in_force_from"]
    if not isinstance(value, date):
        raise TypeError(f"sources.yaml: {act_key}.in_force_from is not a date: {value!r}")
    return value


def name_da(act_key: str) -> str:
    """The act's short Danish name for a page or a letter ("Forvaltningsloven"); the key itself if it has none."""
    return acts().get(act_key, {}).get("name_da") or act_key
