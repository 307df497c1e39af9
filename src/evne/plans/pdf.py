"""The order (kravspecifikation) for the provider and the citizen's copy of the action plan ("Min plan") as PDFs.

The order tells the provider what the activity is to clarify or develop and what to observe and report on (seed
000, L3296–3311 and the order's fields, evne.plans.models.ActivityOrder); the plan is the citizen's own document,
written to "du" (LAB's "Min Plan"). Both are Danish whatever language the caseworker's screen uses, carry the job
centre's contact details when the municipality's branding has them, never the full CPR, and load nothing from
disk or the network. Call only for a case obtained through access_case(); this module reads, it never checks
access.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import capfirst
from weasyprint import HTML

from evne.cases.models import Case

from . import selectors
from .models import ActivityOrder, PlanRevision

ORDER_FIELDS = ("purpose", "content_and_duration", "resources_to_clarify", "barriers_to_overcome", "observe",
                "questions", "restrictions", "follow_up_plan")  # fmt: skip


def _refuse_fetch(url: str, timeout: int = 10, ssl_context=None):
    raise ValueError(f"The PDF loads no external resources ({url}).")


def _element_da(key: str) -> str:
    from evne.profiles.pdf import element_name_da

    return element_name_da(key)


def _header(case: Case) -> dict:
    branding = getattr(case.municipality, "letter_branding", None)
    caseworker = case.caseworker
    return {
        "sender": branding.sender if branding else f"Jobcenter · {case.municipality.name}",
        "sender_address": [x for x in (branding.address if branding else "").splitlines() if x.strip()],
        "phone": branding.phone if branding else "",
        "email": branding.email if branding else "",
        "opening_hours": [x for x in (branding.opening_hours if branding else "").splitlines() if x.strip()],
        "citizen_name": case.citizen.full_name,
        "cpr_masked": case.citizen.cpr_masked,
        "case_number": case.number,
        "caseworker": caseworker.get_full_name() or caseworker.username,
        "printed_on": timezone.localdate(),
    }


def _render(template: str, context: dict) -> bytes:
    with translation.override("da"):
        html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(pdf_variant="pdf/ua-1")


def order_pdf(*, case: Case, order: ActivityOrder) -> bytes:
    """The order as the provider reads it: the activity, the citizen, each field of the order under its Danish
    label, the profile elements it concerns and the plan goals the activity serves."""
    activity = order.activity
    with translation.override("da"):
        fields = [(capfirst(str(ActivityOrder._meta.get_field(f).verbose_name)), getattr(order, f))
                  for f in ORDER_FIELDS if getattr(order, f)]  # fmt: skip
    goals = [g for g in selectors.goal_rows(selectors.current_plan(case)) if g["id"] in (activity.goal_ids or [])]
    return _render("plans/order_pdf.html", _header(case) | {
        "title": f"Kravspecifikation til {activity.provider}",
        "order": order, "activity": activity, "fields": fields,
        "elements": [_element_da(k) for k in order.element_keys], "goals": goals,
    })  # fmt: skip


def plan_pdf(*, case: Case, plan: PlanRevision) -> bytes:
    """The citizen's copy of the action plan: the goals and sub-goals with their means and the profile elements they
    build on, the activities, when it was agreed, and the citizen's own comments."""
    today = timezone.localdate()
    goals = [
        g | {"elements_da": [_element_da(k) for k in g.get("element_keys", [])]} for g in selectors.goal_rows(plan)
    ]
    activities = [
        a for a in selectors.activities(case) if not a.actual_end_on or a.actual_end_on >= plan.saved_at.date()
    ]
    return _render("plans/plan_pdf.html", _header(case) | {
        "title": "Min plan", "plan": plan, "goals": goals, "activities": activities, "today": today,
    })  # fmt: skip
