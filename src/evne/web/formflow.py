"""One form flow for the web layer: validate, call one service, and answer with what happened.

Every form page does the same three things with a POST: a form (and its row sets) that does not validate is shown
again with its errors (422); a service's refusal (DomainError) is put beside the field it names (422); a save based
on a version someone else has changed since (StaleVersion) keeps the user's input, shows what the other person
changed, and is bound to the current version, so that saving again is a deliberate choice (409). Nothing is
written in any of the three. `submit` does that once for every page; the page only renders.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist

from evne.errors import DomainError, StaleVersion

SAVED, CONFLICT, INVALID = 200, 409, 422
EMPTY = "–"


@dataclass
class Submission:
    """What became of a POST: `ok` with the service's `result`, or a status to render the form again with."""

    ok: bool = False
    status: int = 200
    result: Any = None
    stale: list[dict] = field(default_factory=list)


def apply_error(form, exc: DomainError, *, rows: Mapping[str, Any] | None = None,
                forms: Mapping[str, Any] | None = None) -> None:  # fmt: skip
    """Put a service's message beside the field it names.

    `exc.field` is a path: `goals.2` or `goals.2.text` is row 3 of the row set `rows["goals"]`, `order.purpose`
    the field of the other form `forms["order"]`; anything else a field of `form`, or above the form."""
    path = (exc.field or "").split(".")
    head = path[0]
    if rows and head in rows and len(path) > 1 and path[1].isdigit() and int(path[1]) < len(rows[head].forms):
        row = rows[head].forms[int(path[1])]
        name = path[2] if len(path) > 2 else "text"
        row.add_error(name if name in row.fields else None, exc.message)
        return
    if forms and head in forms:
        target = forms[head]
        name = path[1] if len(path) > 1 else ""
        target.add_error(name if name in target.fields else None, exc.message)
        return
    for name in (exc.field, path[-1], head):
        if name and name in form.fields:
            form.add_error(name, exc.message)
            return
    form.add_error(None, exc.message)


def _shown(value, model_field=None) -> str:
    """A value as the user reads it: a related record by its name, a choice by its label, a list as bullets."""
    if model_field is not None and model_field.is_relation and value not in (None, ""):
        return str(model_field.related_model._default_manager.filter(pk=value).first() or EMPTY)
    if model_field is not None and model_field.choices and not isinstance(value, list):
        value = dict(model_field.flatchoices).get(value, value)
    if isinstance(value, list):
        return "\n".join(f"• {v.get('text', v) if isinstance(v, dict) else v}" for v in value) or EMPTY
    if isinstance(value, bool):
        from django.utils.translation import gettext

        return gettext("Yes") if value else gettext("No")
    return str(value) if value not in (None, "") else EMPTY


def stale_rows(exc: StaleVersion, *, model=None, labels: Mapping[str, str] | None = None) -> list[dict]:
    """What changed under the user's feet, in words: the field's label, what they had, what is there now.
    The label comes from `labels`, else from the model field's verbose name."""
    rows = []
    for name, (mine, theirs) in exc.changes.items():
        model_field = None
        if model is not None:
            try:
                model_field = model._meta.get_field(name.removesuffix("_id"))
            except FieldDoesNotExist:  # a change that is not a model field keeps its given label
                model_field = None
        label = (labels or {}).get(name) or (model_field.verbose_name if model_field is not None else name)
        rows.append({"label": str(label)[:1].upper() + str(label)[1:], "mine": _shown(mine, model_field),
                     "theirs": _shown(theirs, model_field)})  # fmt: skip
    return rows


def rebase(form, field_name: str, version: object) -> None:
    """Bind the form to the user's input on the current version: the next save is then deliberate."""
    data = form.data.copy()
    data[form.add_prefix(field_name)] = str(version)
    form.data = data


def submit(
    form,
    save: Callable[[dict], Any],
    *,
    also: Sequence[Any] = (),
    on_error: Callable[[DomainError], None] | None = None,
    model=None,
    labels: Mapping[str, str] | None = None,
    current_version: Callable[[], object] | None = None,
    version_field: str = "version",
) -> Submission:
    """Validate `form` and the row sets in `also`, then call `save(form.cleaned_data)`.

    On a stale version the form shows the message and the comparison (`stale`), and, given `current_version`, is
    bound to the version now stored. `on_error` places a refusal (default: `apply_error` on `form`)."""
    valid = [form.is_valid(), *(extra.is_valid() for extra in also)]
    if not all(valid):
        return Submission(status=INVALID)
    try:
        result = save(form.cleaned_data)
    except StaleVersion as exc:
        form.add_error(None, exc.message)
        if current_version is not None:
            rebase(form, version_field, current_version())
        return Submission(status=CONFLICT, stale=stale_rows(exc, model=model, labels=labels))
    except DomainError as exc:
        (on_error or (lambda e: apply_error(form, e)))(exc)
        return Submission(status=INVALID)
    return Submission(ok=True, result=result)
