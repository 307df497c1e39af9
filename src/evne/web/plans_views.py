"""Pages of the action plan, activities, orders and provider reports: thin views over evne.plans services and
selectors, behind access_case(). The forms parse input at the edge; the services apply the method's rules."""

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.accounts.access import access_case, can_write_case, log_access
from evne.accounts.models import AccessAction, AccessChannel
from evne.plans import selectors, services
from evne.plans.models import (
    ActivityOrder,
)
from evne.profiles.models import ElementKey

from .formflow import apply_error, submit
from .forms.plans import (
    ActivityEditForm,
    ActivityForm,
    CarryForm,
    EndForm,
    GoalFormSet,
    OrderForm,
    PlanForm,
    ReportForm,
    ResourceFormSet,
    TrialPeriodForm,
)

WEB = AccessChannel.WEB

# --- helpers ------------------------------------------------------------------------------------------------


def _case(request: HttpRequest, case_id: int, *, write: bool = False):
    return access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)


def _activity(case, activity_id: int):
    activity = selectors.activity_for(case, activity_id)
    if activity is None:
        raise Http404
    return activity


def _elements(case) -> list[tuple[str, str]]:
    return [(key, ElementKey(key).label) for key in selectors.relevant_elements(case)]


def _today():
    return timezone.localdate()


# --- the case page's section --------------------------------------------------------------------------------


def case_section(request: HttpRequest, case) -> dict:
    """Context for this app's section on the case page (template web/plans/_case_section.html)."""
    today = _today()
    plan = selectors.current_plan(case)
    activities = selectors.activities(case)
    latest_trials = selectors.latest_trial_periods(activities)  # one query for all activities
    ordered = selectors.activities_with_orders(activities)
    return {
        "plans": {
            "plan": plan,
            "goals": selectors.goal_rows(plan),
            "prompt": selectors.prompt_sentence(selectors.plan_revision_prompt(case)),
            "activities": [
                {
                    "activity": a,
                    "status": selectors.activity_status(a, on=today),
                    "notices": selectors.activity_notices(a, on=today),
                    "trial": latest_trials.get(a.pk),
                    "has_order": a.pk in ordered,
                }
                for a in activities
            ],
            "without_order": [a for a in activities if selectors.lacks_company_order(a, on=today)],
            "can_write": can_write_case(request.user, case),
        }
    }


# --- the action plan ----------------------------------------------------------------------------------------


def plan_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    history = selectors.plan_history(case)
    shown = history[0] if history else None
    number = request.GET.get("version", "")
    if number:
        shown = next((p for p in history if str(p.number) == number), None)
        if shown is None:
            raise Http404
    today = _today()
    return render(request, "web/plans/plan.html", {
        "case": case, "citizen": case.citizen, "plan": shown, "goals": selectors.goal_rows(shown),
        "history": history, "is_current": shown is not None and shown == (history[0] if history else None),
        "prompt": selectors.prompt_sentence(selectors.plan_revision_prompt(case)),
        "accommodation": selectors.accommodation_needs(case),
        "activities": [{"activity": a, "status": selectors.activity_status(a, on=today)}
                       for a in selectors.activities(case)],
        "can_write": can_write_case(request.user, case),
    })  # fmt: skip


def _goal_initial(plan) -> list[dict]:
    rows = selectors.goal_rows(plan)
    position = {row["id"]: n for n, row in enumerate(rows, start=1)}
    return [
        {"id": r["id"], "text": r["text"], "parent": position.get(r.get("parent_id")),
         "element_keys": r.get("element_keys", []), "builds_on": r.get("builds_on", ""), "means": r.get("means", "")}
        for r in rows
    ]  # fmt: skip


def _goals_from(formset) -> list[dict]:
    """Every row (empty ones too, so an error's row number matches the form's), with an id for each new goal
    and the parent's row number turned into the parent's id."""
    rows = [dict(f.cleaned_data) for f in formset.forms]
    for row in rows:
        row["id"] = row.get("id") or uuid.uuid4().hex[:8]
    goals = []
    for row in rows:
        parent = row.pop("parent", None)
        if parent is not None:
            row["parent_id"] = rows[parent - 1]["id"] if 0 < parent <= len(rows) else "?"
        goals.append(row)
    return goals


def _goal_formset(data, *, case, initial=None):
    rows = len(initial or [])
    if data is not None:
        try:
            rows = min(int(data.get("goals-TOTAL_FORMS", 0)), services.GOALS_MAX)
        except ValueError:
            rows = 0
    else:
        rows += GoalFormSet.extra
    kwargs = {"elements": _elements(case), "rows": rows}
    return GoalFormSet(data, initial=initial, prefix="goals", form_kwargs=kwargs)


PLAN_LABELS = {
    "goals": gettext_lazy("Goals and sub-goals"),
    "means": gettext_lazy("Means"),
    "agreed_with_citizen_on": gettext_lazy("Agreed with the citizen on"),
    "citizen_comments": gettext_lazy("The citizen's comments"),
}


def plan_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    plan = selectors.current_plan(case)
    stale: list[dict] = []
    status = 200
    if request.method == "POST":
        data = request.POST.copy()
        if "more" in data:  # more empty goal rows, nothing saved
            data["goals-TOTAL_FORMS"] = str(min(int(data.get("goals-TOTAL_FORMS", 0) or 0) + 3, services.GOALS_MAX))
        form, goals = PlanForm(data), _goal_formset(data, case=case)
        if "more" in data:  # the rows only: no errors on a form the user has not sent yet
            form.is_valid()
            form.errors.clear()
        else:
            outcome = submit(
                form, lambda values: services.plan_save(actor=request.user, case=case, goals=_goals_from(goals),
                                                        **values),
                also=[goals], on_error=lambda exc: apply_error(form, exc, rows={"goals": goals}),
                labels=PLAN_LABELS, current_version=lambda: selectors.current_plan(case).number,
                version_field="base_version",
            )  # fmt: skip
            if outcome.ok:
                messages.success(request, _("The action plan was saved."))
                return redirect("web:plans_plan", case_id=case.pk)
            status, stale = outcome.status, outcome.stale
    else:
        initial = {"base_version": plan.number if plan else 0, "means": plan.means if plan else "",
                   "citizen_comments": plan.citizen_comments if plan else ""}  # fmt: skip
        form = PlanForm(initial=initial)
        goals = _goal_formset(None, case=case, initial=_goal_initial(plan))
    return render(request, "web/plans/plan_edit.html", {
        "case": case, "citizen": case.citizen, "plan": plan, "form": form, "goals": goals, "stale": stale,
        "has_elements": bool(selectors.relevant_elements(case)),
        "prompt": selectors.prompt_sentence(selectors.plan_revision_prompt(case)),
    }, status=status)  # fmt: skip


# --- activities ---------------------------------------------------------------------------------------------


def activity_list(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    today = _today()
    return render(request, "web/plans/activities.html", {
        "case": case, "citizen": case.citizen, "can_write": can_write_case(request.user, case),
        "rows": [{"activity": a, "status": selectors.activity_status(a, on=today),
                  "notices": selectors.activity_notices(a, on=today)} for a in selectors.activities(case)],
    })  # fmt: skip


def activity_detail(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id)
    activity = _activity(case, activity_id)
    today = _today()
    goals = {row["id"]: row for row in selectors.goal_rows(selectors.current_plan(case))}
    order = selectors.latest_order(activity)
    periods = selectors.trial_periods(activity)
    return render(request, "web/plans/activity.html", {
        "case": case, "citizen": case.citizen, "activity": activity, "can_write": can_write_case(request.user, case),
        "status": selectors.activity_status(activity, on=today),
        "notices": selectors.activity_notices(activity, on=today),
        "goals": [goals.get(g, {"label": "?", "text": g}) for g in activity.goal_ids],
        "order": order, "order_elements": selectors.element_labels(order.element_keys) if order else [],
        "orders": selectors.orders(activity),
        "reports": [
            {"report": r, "entries": selectors.resource_entries(r), "carried": selectors.carried_findings(case, r)}
            for r in selectors.reports_for(activity)
        ],
        "trial_periods": periods, "trial_weeks": selectors.trial_weeks(periods),
        "corrected": [p for p in selectors.trial_period_history(activity) if p not in periods],
    })  # fmt: skip


def _activity_form_page(request, case, *, title, form, order_form=None, activity=None, status=200, stale=()):
    return render(request, "web/plans/activity_form.html", {
        "case": case, "citizen": case.citizen, "title": title, "form": form, "order_form": order_form, "stale": stale,
        "activity": activity, "accommodation": selectors.accommodation_needs(case),
    }, status=status)  # fmt: skip


def activity_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    kwargs = {"types": selectors.activity_types(), "goals": selectors.goal_choices(selectors.current_plan(case))}
    form = ActivityForm(request.POST or None, **kwargs)
    order_form = OrderForm(request.POST or None, prefix="order")
    if request.method == "POST":
        outcome = submit(
            form, lambda values: services.activity_create(actor=request.user, case=case, order=(
                {f: order_form.cleaned_data[f] for f in services.ORDER_FIELDS} if order_form.has_content() else None
            ), **values),
            also=[order_form], on_error=lambda exc: apply_error(form, exc, forms={"order": order_form}),
        )  # fmt: skip
        if outcome.ok:
            messages.success(request, _("The activity was created."))
            return redirect("web:plans_activity", case_id=case.pk, activity_id=outcome.result.pk)
        return _activity_form_page(request, case, title=_("New activity"), form=form, order_form=order_form,
                                   status=outcome.status)  # fmt: skip
    return _activity_form_page(request, case, title=_("New activity"), form=form, order_form=order_form)


ACTIVITY_LABELS = {
    "type": gettext_lazy("Type"), "provider": gettext_lazy("Provider"), "goal_ids": gettext_lazy("Goals"),
    "start_on": gettext_lazy("Start"), "planned_end_on": gettext_lazy("Planned end"),
    "hours_per_week": gettext_lazy("Hours per week"), "provider_contact": gettext_lazy("Contact at the provider"),
    "actual_end_on": gettext_lazy("Actual end"),
}  # fmt: skip


def _activity_change(request, case, activity, form, service, *, title: str, success: str) -> HttpResponse:
    """Change an activity on the version the form was loaded with (the one form flow); the form page again when
    refused or stale."""
    if request.method == "POST":
        outcome = submit(
            form,
            lambda values: service(actor=request.user, activity=activity, expected_version=values["version"],
                                   **{k: v for k, v in values.items() if k != "version"}),
            labels=ACTIVITY_LABELS, current_version=lambda: _activity(case, activity.pk).version,
        )  # fmt: skip
        if outcome.ok:
            messages.success(request, success)
            return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        return _activity_form_page(request, case, title=title, form=form, activity=activity, status=outcome.status,
                                   stale=outcome.stale)  # fmt: skip
    return _activity_form_page(request, case, title=title, form=form, activity=activity)


def activity_edit(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    kwargs = {"types": selectors.activity_types(include=activity.type),
              "goals": selectors.goal_choices(selectors.current_plan(case))}  # fmt: skip
    initial = {f: getattr(activity, f) for f in services.ACTIVITY_EDITABLE}
    initial.update(type=activity.type.code, version=activity.version)
    form = ActivityEditForm(request.POST or None, initial=initial, **kwargs)
    return _activity_change(request, case, activity, form, services.activity_update, title=_("Change the activity"),
                            success=_("The activity was saved."))  # fmt: skip


def activity_end(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    form = EndForm(request.POST or None, initial={"version": activity.version, "actual_end_on": _today()})
    return _activity_change(request, case, activity, form, services.activity_end, title=_("End the activity"),
                            success=_("The end of the activity was recorded."))  # fmt: skip


# --- the order and the report -------------------------------------------------------------------------------


def order_edit(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    latest = selectors.latest_order(activity)
    status = 200
    stale: list[dict] = []
    if request.method == "POST":
        form = OrderForm(request.POST)
        outcome = submit(
            form, lambda values: services.order_write(actor=request.user, activity=activity,
                                                      base_version=values["base_version"] or 0,
                                                      **{f: values[f] for f in services.ORDER_FIELDS}),
            model=ActivityOrder, version_field="base_version",
            current_version=lambda: selectors.latest_order(selectors.activity_for(case, activity.pk)).number,
        )  # fmt: skip
        if outcome.ok:
            messages.success(request, _("The order to the provider was saved."))
            return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        status, stale = outcome.status, outcome.stale
    elif latest is not None:
        form = OrderForm(initial={**{f: getattr(latest, f) for f in services.ORDER_FIELDS},
                                  "base_version": latest.number})  # fmt: skip
    else:
        # A first order starts from what the case already says: the elements of the goals the activity serves,
        # and the accommodation needs of the profile.
        plan = selectors.current_plan(case)
        plan_goals = {g["id"]: g for g in (plan.goals if plan else [])}
        keys = [k for g in activity.goal_ids for k in plan_goals.get(g, {}).get("element_keys", [])]
        needs = "\n".join(f"{n['label']}: {n['text']}" for n in selectors.accommodation_needs(case))
        form = OrderForm(initial={"base_version": 0, "element_keys": list(dict.fromkeys(keys)), "restrictions": needs})
    return render(request, "web/plans/order_form.html", {
        "case": case, "citizen": case.citizen, "activity": activity, "form": form, "latest": latest, "stale": stale,
    }, status=status)  # fmt: skip


def report_create(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    documents = selectors.case_documents(case)
    form = ReportForm(request.POST or None, documents=documents, initial={"report_date": _today()})
    resources = ResourceFormSet(request.POST or None, prefix="resources")
    status = 200
    if request.method == "POST":
        outcome = submit(
            form, lambda values: services.report_record(actor=request.user, activity=activity,
                                                        resources_by_element=list(resources.cleaned_data), **values),
            also=[resources], on_error=lambda exc: apply_error(form, exc, rows={"resources_by_element": resources}),
        )  # fmt: skip
        if outcome.ok:
            messages.success(request, _("The provider's report was recorded."))
            return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        status = outcome.status
    return render(request, "web/plans/report_form.html", {
        "case": case, "citizen": case.citizen, "activity": activity, "form": form, "resources": resources,
        "order": selectors.latest_order(activity),
    }, status=status)  # fmt: skip


def report_carry(request: HttpRequest, case_id: int, report_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    report = selectors.report_for(case, report_id)
    if report is None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = CarryForm(request.POST)
        outcome = submit(form, lambda values: services.report_finding_carry(actor=request.user, case=case,
                                                                            report=report, **values))  # fmt: skip
        if outcome.ok:
            version = outcome.result
            messages.success(request, _("The finding was written into %(element)s as version %(number)s.") % {
                "element": version.get_element_display(), "number": version.number})  # fmt: skip
            return redirect("web:plans_activity", case_id=case.pk, activity_id=report.activity_id)
        status = outcome.status
    else:
        entry = request.GET.get("entry", "")
        entries = report.resources_by_element
        initial = entries[int(entry)] if entry.isdigit() and int(entry) < len(entries) else {}
        form = CarryForm(initial={"element": initial.get("element", ""), "text": initial.get("text", "")})
    return render(request, "web/plans/carry_form.html", {
        "case": case, "citizen": case.citizen, "report": report, "activity": report.activity, "form": form,
        "entries": selectors.resource_entries(report), "carried": selectors.carried_findings(case, report),
    }, status=status)  # fmt: skip


# --- work testing as it happened ---------------------------------------------------------------------------


def _initial_from_period(period) -> dict:
    """A correction starts from the record it corrects."""
    fields = [f for f in TrialPeriodForm.base_fields if f not in ("replaces", "report")]
    return {**{f: getattr(period, f) for f in fields}, "report": period.report_id, "replaces": period.pk}


def trial_period_create(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    """The period form. `?report=<id>` starts it from that provider report and the activity; `?replaces=<id>`
    starts a correction from the record it corrects."""
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    reports = selectors.reports_for(activity)
    report = replaced = None
    status = 200
    if request.method == "POST":
        form = TrialPeriodForm(request.POST, reports=reports)
        outcome = submit(form, lambda values: services.trial_period_record(actor=request.user, activity=activity,
                                                                           **values))  # fmt: skip
        if outcome.ok:
            messages.success(request, _("The work-trial period was recorded."))
            return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        report = next((r for r in reports if r.pk == form.cleaned_data.get("report")), None)
        status = outcome.status
    else:
        replaces = request.GET.get("replaces", "")
        if replaces.isdigit():
            replaced = selectors.trial_period_for(activity, int(replaces))
            if replaced is None:
                raise Http404
            initial = _initial_from_period(replaced)
        else:
            wanted = request.GET.get("report", "")
            report = next((r for r in reports if str(r.pk) == wanted), None)
            if wanted and report is None:
                raise Http404
            initial = selectors.trial_period_initial(activity, report=report, today=_today())
        form = TrialPeriodForm(initial=initial, reports=reports)
    return render(request, "web/plans/trial_period_form.html", {
        "case": case, "citizen": case.citizen, "activity": activity, "form": form, "report": report,
        "replaced": replaced, "accommodation": selectors.accommodation_needs(case),
        "order": selectors.latest_order(activity),
    }, status=status)  # fmt: skip


# --- printouts: the order for the provider, the plan for the citizen ----------------------------------------------


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: no copies in shared caches
    return response


def order_pdf(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    """The order (kravspecifikation) for the provider: the access log and the timeline name the order printed."""
    from evne.plans.pdf import order_pdf as render

    number = request.GET.get("version", "")
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    activity = _activity(case, activity_id)
    orders = selectors.orders(activity)
    order = next((o for o in orders if str(o.number) == number), None) if number else selectors.latest_order(activity)
    if order is None:
        raise Http404
    # The access log names the document read (issue 13): which order, which version, to whom.
    log_access(user=request.user, action=AccessAction.DOCUMENT, channel=WEB, case=case,
               detail=f"Kravspecifikation, version {order.number}, til {activity.provider}")  # fmt: skip
    pdf = render(case=case, order=order)
    services.printout_record(
        actor=request.user,
        case=case,
        document="order",
        number=order.number,
        data={"order_id": order.pk, "activity_id": activity.pk, "provider": activity.provider},
    )
    return _pdf_response(pdf, f"kravspecifikation-{case.number}-{activity.pk}-v{order.number}.pdf")


def plan_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    """The citizen's copy of the action plan ("Min plan"): access-logged and on the timeline, naming the version."""
    from evne.plans.pdf import plan_pdf as render

    number = request.GET.get("version", "")
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB)
    history = selectors.plan_history(case)
    plan = next((p for p in history if str(p.number) == number), None) if number else (history or [None])[0]
    if plan is None:
        raise Http404
    log_access(user=request.user, action=AccessAction.DOCUMENT, channel=WEB, case=case,
               detail=f"Min plan (handleplan), version {plan.number}")  # fmt: skip
    pdf = render(case=case, plan=plan)
    services.printout_record(
        actor=request.user, case=case, document="plan", number=plan.number, data={"plan_id": plan.pk}
    )
    return _pdf_response(pdf, f"min-plan-{case.number}-v{plan.number}.pdf")
