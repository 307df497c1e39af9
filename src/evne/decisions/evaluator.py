"""The legal checks of one decision, as this app needs them (the review before issuing, the explanation frozen
with an issued decision). The checks live in `evne.checks`, above the domain apps; it registers its evaluator here
when Django starts (checks.apps), so the imports run one way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import get_language

if TYPE_CHECKING:
    from evne.rules.engine import Evaluation

    from .models import Decision

_evaluate: Callable[..., Evaluation] | None = None


def register(evaluate: Callable[..., Evaluation]) -> None:
    global _evaluate
    _evaluate = evaluate


def evaluation_for(decision: Decision, *, on: date) -> Evaluation:
    if _evaluate is None:
        raise RuntimeError("evne.checks is not installed: the legal checks cannot run")
    return _evaluate(decision, on=on)


def title(result) -> str:
    rule = getattr(result, "rule", result)
    return rule.title_en if (get_language() or "da").startswith("en") else rule.title_da
