"""The error summary at the top of a page whose form was refused: how many errors, each linked to its field.

It finds every bound form and row set of the page in the template context, so no view has to pass it, and the
summary is the same on every form page (issue 13 item 9)."""

from django import forms, template
from django.forms.formsets import BaseFormSet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

GROUPED = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def _anchor(bound) -> str:
    """The id of the input to jump to: the first option of a group of radio buttons or check boxes."""
    widget = bound.field.widget
    return f"{bound.auto_id}_0" if isinstance(widget, GROUPED) else bound.auto_id


def _form_errors(form, row: int | None = None) -> list[dict]:
    items = [{"anchor": "", "label": "", "message": str(e)} for e in form.non_field_errors()]
    for bound in form:
        label = str(bound.label)
        if row is not None:
            label = _("%(label)s, row %(row)s") % {"label": label, "row": row}
        for error in bound.errors:
            anchor = "" if bound.is_hidden else _anchor(bound)
            items.append({"anchor": anchor, "label": label, "message": str(error)})
    return items


def page_errors(values) -> list[dict]:
    """Every error of the bound forms and row sets among `values`, in the order they appear."""
    items: list[dict] = []
    seen: set[int] = set()
    for value in values:
        if id(value) in seen or not getattr(value, "is_bound", False):
            continue
        seen.add(id(value))
        if isinstance(value, BaseFormSet):
            items += [{"anchor": "", "label": "", "message": str(e)} for e in value.non_form_errors()]
            for number, row in enumerate(value.forms, start=1):
                items += _form_errors(row, row=number)
        elif isinstance(value, forms.BaseForm) and value.errors:
            items += _form_errors(value)
    return items


@register.inclusion_tag("web/_error_summary.html", takes_context=True)
def error_summary(context) -> dict:
    items = page_errors(context.flatten().values())
    title = ngettext("The form has %(count)s error", "The form has %(count)s errors", len(items)) % {
        "count": len(items)
    }
    return {"items": items, "title": title}


# Where each kind of record is shown (cases.references): kind → the page, from the case and the record's key.
RECORD_PAGES = {
    "document": lambda case, r: reverse("web:evidence_document", args=[case.pk, r.id]),
    "note": lambda case, r: reverse("web:case_detail", args=[case.pk]) + "#timeline",
    "version": lambda case, r: reverse("web:profile_history", args=[case.pk, r.key["element"]]),
    "assessment": lambda case, r: reverse("web:assessments_detail", args=[case.pk, r.key["number"]]),
    "report": lambda case, r: reverse("web:plans_activity", args=[case.pk, r.key["activity"]]),
    "recommendation": lambda case, r: reverse("web:reform", args=[case.pk]),
}


@register.simple_tag(takes_context=True)
def record_link(context, case, ref: str):
    """A reference "<kind>:<id>" as a link with the record's title; one look-up per kind for the whole page. A
    reference to nothing in the case (a deleted or foreign record) says so instead of showing its key."""
    from evne.cases.references import index

    if not ref:
        return "—"
    cache = context.render_context.setdefault("record_index", {})
    if case.pk not in cache:
        cache[case.pk] = index(case)
    record = cache[case.pk].get(ref)
    if record is None:
        return _("(a record no longer in the case)")
    page = RECORD_PAGES.get(record.kind)
    if page is None:
        return record.title
    return format_html('<a href="{}">{}</a>', page(case, record), record.title)
