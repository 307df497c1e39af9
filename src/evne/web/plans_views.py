"""Pages of the action plan, activities, orders and provider reports: thin views over evne.plans services and
selectors, behind access_case(). The forms parse input at the edge; the services apply the method's rules."""

import uuid

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.errors import DomainError, StaleVersion
from evne.plans import selectors, services
from evne.plans.models import (
    AbsenceUnit,
    AccommodationRespected,
    CitizenAgreement,
    EndReason,
    TrialAccommodation,
    TrialOutcome,
)
from evne.profiles.models import ElementKey

from .forms import DateInput

WEB = AccessChannel.WEB
TEXTAREA = {"rows": 3}
BUILDS_ON_CHOICES = [
    ("", "—"),
    ("resources", gettext_lazy("Resources to develop")),
    ("barriers", gettext_lazy("Barriers to overcome")),
    ("both", gettext_lazy("Resources and barriers")),
]


def _area(label, *, rows=3, **kwargs):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


# --- forms --------------------------------------------------------------------------------------------------


class PlanForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    reason = forms.CharField(
        label=gettext_lazy("Reason for the revision"), required=False, max_length=300,
        help_text=gettext_lazy("Required when you revise the plan: e.g. new information in the resource profile."),
    )  # fmt: skip
    means = _area(gettext_lazy("Means"), help_text=gettext_lazy("By which means the goals are to be reached."))
    agreed_with_citizen_on = forms.DateField(
        label=gettext_lazy("Agreed with the citizen on"), required=False, widget=DateInput(),
        help_text=gettext_lazy("The plan is made with the citizen: the date the citizen agreed to this version."),
    )  # fmt: skip
    citizen_comments = _area(gettext_lazy("The citizen's comments"))


class GoalForm(forms.Form):
    id = forms.CharField(required=False, widget=forms.HiddenInput, max_length=16)
    text = _area(gettext_lazy("Goal"), rows=2, max_length=services.GOAL_MAX)
    parent = forms.TypedChoiceField(
        label=gettext_lazy("Sub-goal of goal no."), required=False, coerce=int, empty_value=None
    )
    element_keys = forms.MultipleChoiceField(
        label=gettext_lazy("Builds on these elements of the resource profile"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    builds_on = forms.ChoiceField(label=gettext_lazy("Builds on"), required=False, choices=BUILDS_ON_CHOICES)
    means = _area(gettext_lazy("Means for this goal"), rows=2)

    def __init__(self, *args, elements=(), rows=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element_keys"].choices = list(elements)
        self.fields["parent"].choices = [("", "—")] + [(n, str(n)) for n in range(1, rows + 1)]


GoalFormSet = forms.formset_factory(GoalForm, extra=2, max_num=services.GOALS_MAX, absolute_max=services.GOALS_MAX)


class ActivityForm(forms.Form):
    type = forms.ChoiceField(label=gettext_lazy("Type"))
    provider = forms.CharField(label=gettext_lazy("Provider"), max_length=200, required=False)
    provider_contact = forms.CharField(label=gettext_lazy("Contact at the provider"), max_length=200, required=False)
    goal_ids = forms.MultipleChoiceField(
        label=gettext_lazy("Goals of the action plan it serves"), required=False, widget=forms.CheckboxSelectMultiple
    )
    start_on = forms.DateField(label=gettext_lazy("Start"), widget=DateInput())
    planned_end_on = forms.DateField(label=gettext_lazy("Planned end"), widget=DateInput())
    hours_per_week = forms.DecimalField(label=gettext_lazy("Hours per week"))

    def __init__(self, *args, types=(), goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "—")] + [
            (t.code, f"{t.name_da}{' · ' + str(_('at a company')) if t.company_based else ''}") for t in types
        ]
        self.fields["goal_ids"].choices = list(goals)


class ActivityEditForm(ActivityForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class EndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    actual_end_on = forms.DateField(label=gettext_lazy("Actual end"), widget=DateInput())
    end_reason = forms.ChoiceField(label=gettext_lazy("Reason for ending"), choices=[("", "—"), *EndReason.choices])
    outcome = _area(gettext_lazy("Outcome"))
    end_note = _area(gettext_lazy("Note on the ending"), rows=2)
    accommodation_respected = forms.ChoiceField(
        label=gettext_lazy("Were the accommodation needs respected?"), required=False,
        choices=AccommodationRespected.choices, widget=forms.RadioSelect,
    )  # fmt: skip
    accommodation_note = _area(gettext_lazy("How the accommodation needs were respected"), rows=2)


class OrderForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    purpose = _area(gettext_lazy("Overall purpose"))
    content_and_duration = _area(gettext_lazy("Expected content and duration"))
    element_keys = forms.MultipleChoiceField(
        label=gettext_lazy("Profile elements to develop or clarify"), required=False, choices=ElementKey.choices,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    resources_to_clarify = _area(gettext_lazy("Resources to develop or clarify"))
    barriers_to_overcome = _area(gettext_lazy("Barriers to overcome"))
    observe = _area(gettext_lazy("What the provider should observe"))
    questions = _area(gettext_lazy("Questions to the provider"))
    restrictions = _area(gettext_lazy("Restrictions and accommodation needs"))
    follow_up_plan = _area(
        gettext_lazy("Plan for follow-up and evaluation"),
        help_text=gettext_lazy("Required for a company placement, before it starts."),
    )

    def has_content(self) -> bool:
        return any(self.cleaned_data.get(f) for f in services.ORDER_FIELDS)


class ReportForm(forms.Form):
    report_date = forms.DateField(label=gettext_lazy("Date of the report"), widget=DateInput())
    author = forms.CharField(label=gettext_lazy("Written by (at the provider)"), max_length=200, required=False)
    result_vs_purpose = _area(gettext_lazy("Result measured against the purpose"))
    actual_content = _area(gettext_lazy("Actual content and duration"))
    functional_capacity = _area(gettext_lazy("Observed functional capacity"))
    job_functions = _area(gettext_lazy("Usable in which concrete job functions"))
    barriers = _area(gettext_lazy("Barriers to using or developing the resources"))
    compensation = _area(gettext_lazy("How to compensate or work with the barriers, incl. accommodation"))
    proposals = _area(gettext_lazy("Proposals for further activities"))
    citizen_participated = forms.TypedChoiceField(
        label=gettext_lazy("Did the citizen take part in the report?"), required=False,
        choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))], coerce=lambda v: v == "yes",
        empty_value=None, widget=forms.RadioSelect,
    )  # fmt: skip
    citizen_agreement = forms.ChoiceField(
        label=gettext_lazy("The citizen's view of the report"), required=False, choices=CitizenAgreement.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip
    citizen_disagreement = _area(gettext_lazy("What the citizen disagrees with"))
    document = forms.TypedChoiceField(label=gettext_lazy("The report file"), required=False, coerce=int,
                                      empty_value=None)  # fmt: skip

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].choices = [("", "—")] + [
            (d.pk, f"{d.document_date:%d-%m-%Y} · {d.title}") for d in documents
        ]


class ResourceForm(forms.Form):
    element = forms.ChoiceField(label=gettext_lazy("Element"), required=False, choices=[("", "—"), *ElementKey.choices])
    text = _area(gettext_lazy("Resources shown or developed"), rows=2)


ResourceFormSet = forms.formset_factory(ResourceForm, extra=3, max_num=50, absolute_max=50)


class CarryForm(forms.Form):
    element = forms.ChoiceField(label=gettext_lazy("Element of the resource profile"), choices=ElementKey.choices)
    text = _area(gettext_lazy("The finding, as it will stand in the description"), rows=4, max_length=5000)
    reason = forms.CharField(label=gettext_lazy("Reason for the new version"), required=False, max_length=300)


class TrialPeriodForm(forms.Form):
    """One period of work testing as it happened. Lenient at the edge: the service names what is missing."""

    replaces = forms.IntegerField(widget=forms.HiddenInput, required=False)
    report = forms.TypedChoiceField(label=gettext_lazy("Provider report it comes from"), required=False, coerce=int,
                                    empty_value=None)  # fmt: skip
    start_on = forms.DateField(label=gettext_lazy("Period start"), widget=DateInput(), required=False)
    end_on = forms.DateField(
        label=gettext_lazy("Period end"), widget=DateInput(), required=False,
        help_text=gettext_lazy("For a period still running: the end it is planned to have."),
    )  # fmt: skip
    trade = forms.CharField(
        label=gettext_lazy("Trade"), max_length=200, required=False,
        help_text=gettext_lazy("The trade or field of work tested, e.g. warehouse and logistics, retail, cleaning."),
    )  # fmt: skip
    job_functions = _area(gettext_lazy("Job functions tried"))
    planned_hours_per_week = forms.DecimalField(label=gettext_lazy("Planned hours per week"), required=False)
    actual_hours_per_week = forms.DecimalField(
        label=gettext_lazy("Actual hours per week"), required=False,
        help_text=gettext_lazy("The hours the citizen actually worked on average in the period."),
    )  # fmt: skip
    pace_percent = forms.IntegerField(
        label=gettext_lazy("Work pace (percent of normal)"), required=False,
        help_text=gettext_lazy("Only where the provider states it: a whole percentage from 1 to 100."),
    )  # fmt: skip
    absence_amount = forms.DecimalField(label=gettext_lazy("Absence"), required=False)
    absence_unit = forms.ChoiceField(label=gettext_lazy("Absence counted in"), required=False,
                                     choices=[("", "—"), *AbsenceUnit.choices])  # fmt: skip
    absence_reason = _area(gettext_lazy("Reason for the absence"), rows=2)
    accommodation_respected = forms.ChoiceField(
        label=gettext_lazy("Were the accommodation needs respected?"), required=False,
        choices=TrialAccommodation.choices, widget=forms.RadioSelect,
    )  # fmt: skip
    accommodation_note = _area(
        gettext_lazy("Note on the accommodation needs"), rows=2,
        help_text=gettext_lazy("Required for partly or no: which needs were not respected, and why."),
    )  # fmt: skip
    outcome = forms.ChoiceField(
        label=gettext_lazy("Outcome"), required=False, choices=[("", "—"), *TrialOutcome.choices]
    )
    outcome_note = _area(
        gettext_lazy("Note on the outcome"), rows=2,
        help_text=gettext_lazy("Required when the period ended early for another reason."),
    )  # fmt: skip
    sustained_hours_per_week = forms.DecimalField(
        label=gettext_lazy("Hours per week sustained"), required=False,
        help_text=gettext_lazy("The capacity observed: the hours per week the citizen could keep up."),
    )  # fmt: skip

    def __init__(self, *args, reports=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].choices = [("", "—")] + [
            (r.pk, f"{r.report_date:%d-%m-%Y} · {r.author}") for r in reports
        ]


# --- helpers ------------------------------------------------------------------------------------------------


def _case(request: HttpRequest, case_id: int, *, write: bool = False):
    return access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)


def _activity(case, activity_id: int):
    activity = selectors.activity_for(case, activity_id)
    if activity is None:
        raise Http404
    return activity


def _apply_error(exc: DomainError, form, formsets: dict | None = None, other_forms: dict | None = None) -> None:
    """Put the service's message beside the field it concerns: `goals.2` on goal row 3, `order.purpose` on the
    order form's purpose, anything else on the form or above it."""
    field = exc.field or ""
    head, _dot, rest = field.partition(".")
    if formsets and head in formsets and rest.isdigit() and int(rest) < len(formsets[head].forms):
        row = formsets[head].forms[int(rest)]
        row.add_error("text" if "text" in row.fields else None, exc.message)
    elif other_forms and head in other_forms:
        target = other_forms[head]
        target.add_error(rest if rest in target.fields else None, exc.message)
    elif rest and rest in form.fields:
        form.add_error(rest, exc.message)
    elif field in form.fields:
        form.add_error(field, exc.message)
    else:
        form.add_error(None, exc.message)


def _stale_rows(exc: StaleVersion, labels: dict[str, str]) -> list[dict]:
    def shown(value):
        if isinstance(value, list):
            return "\n".join(f"• {v.get('text', v) if isinstance(v, dict) else v}" for v in value) or "–"
        return value if value not in (None, "") else "–"

    return [
        {"label": labels.get(field, field), "mine": shown(mine), "theirs": shown(theirs)}
        for field, (mine, theirs) in exc.changes.items()
    ]


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
        if "more" not in data and form.is_valid() and goals.is_valid():
            try:
                services.plan_save(actor=request.user, case=case, goals=_goals_from(goals), **form.cleaned_data)
            except StaleVersion as exc:
                stale = _stale_rows(exc, PLAN_LABELS)
                data["base_version"] = str(selectors.current_plan(case).number)  # saving again is deliberate
                form = PlanForm(data)
                form.is_valid()
                form.add_error(None, exc.message)
                status = 409
            except DomainError as exc:
                _apply_error(exc, form, {"goals": goals})
                status = 422
            else:
                messages.success(request, _("The action plan was saved."))
                return redirect("web:plans_plan", case_id=case.pk)
        elif "more" not in data:
            status = 422
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
            for r in activity.reports.all()
        ],
        "trial_periods": periods, "trial_weeks": selectors.trial_weeks(periods),
        "corrected": [p for p in selectors.trial_period_history(activity) if p not in periods],
    })  # fmt: skip


def _activity_form_page(request, case, *, title, form, order_form=None, activity=None, status=200):
    return render(request, "web/plans/activity_form.html", {
        "case": case, "citizen": case.citizen, "title": title, "form": form, "order_form": order_form,
        "activity": activity, "accommodation": selectors.accommodation_needs(case),
    }, status=status)  # fmt: skip


def activity_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    kwargs = {"types": selectors.activity_types(), "goals": selectors.goal_choices(selectors.current_plan(case))}
    form = ActivityForm(request.POST or None, **kwargs)
    order_form = OrderForm(request.POST or None, prefix="order")
    if request.method == "POST":
        if form.is_valid() and order_form.is_valid():
            values = dict(form.cleaned_data)
            order = {f: order_form.cleaned_data[f] for f in services.ORDER_FIELDS} if order_form.has_content() else None
            try:
                activity = services.activity_create(actor=request.user, case=case, order=order, **values)
            except DomainError as exc:
                _apply_error(exc, form, other_forms={"order": order_form})
            else:
                messages.success(request, _("The activity was created."))
                return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        return _activity_form_page(request, case, title=_("New activity"), form=form, order_form=order_form,
                                   status=422)  # fmt: skip
    return _activity_form_page(request, case, title=_("New activity"), form=form, order_form=order_form)


ACTIVITY_LABELS = {
    "type": gettext_lazy("Type"), "provider": gettext_lazy("Provider"), "goal_ids": gettext_lazy("Goals"),
    "start_on": gettext_lazy("Start"), "planned_end_on": gettext_lazy("Planned end"),
    "hours_per_week": gettext_lazy("Hours per week"), "provider_contact": gettext_lazy("Contact at the provider"),
    "actual_end_on": gettext_lazy("Actual end"),
}  # fmt: skip


def _stale_form(form_class, request, activity, exc: StaleVersion, kwargs: dict):
    """The user's input again, with what others changed, based on the current version: saving again is then a
    deliberate choice."""
    data = request.POST.copy()
    data["version"] = str(activity.version)  # read in this request, after the other change
    form = form_class(data, **kwargs)
    form.is_valid()
    detail = "; ".join(f"{r['label']}: {r['mine']} → {r['theirs']}" for r in _stale_rows(exc, ACTIVITY_LABELS))
    form.add_error(None, f"{exc.message} {detail}".strip())
    return form


def activity_edit(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    kwargs = {"types": selectors.activity_types(include=activity.type),
              "goals": selectors.goal_choices(selectors.current_plan(case))}  # fmt: skip
    if request.method == "POST":
        form = ActivityEditForm(request.POST, **kwargs)
        if form.is_valid():
            values = dict(form.cleaned_data)
            version = values.pop("version")
            try:
                services.activity_update(actor=request.user, activity=activity, expected_version=version, **values)
            except StaleVersion as exc:
                form = _stale_form(ActivityEditForm, request, activity, exc, kwargs)
                return _activity_form_page(request, case, title=_("Change the activity"), form=form,
                                           activity=activity, status=409)  # fmt: skip
            except DomainError as exc:
                _apply_error(exc, form)
            else:
                messages.success(request, _("The activity was saved."))
                return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        return _activity_form_page(request, case, title=_("Change the activity"), form=form, activity=activity,
                                   status=422)  # fmt: skip
    initial = {f: getattr(activity, f) for f in services.ACTIVITY_EDITABLE}
    initial.update(type=activity.type.code, version=activity.version)
    form = ActivityEditForm(initial=initial, **kwargs)
    return _activity_form_page(request, case, title=_("Change the activity"), form=form, activity=activity)


def activity_end(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    form = EndForm(request.POST or None, initial={"version": activity.version, "actual_end_on": _today()})
    if request.method == "POST":
        if form.is_valid():
            values = dict(form.cleaned_data)
            version = values.pop("version")
            try:
                services.activity_end(actor=request.user, activity=activity, expected_version=version, **values)
            except StaleVersion as exc:
                form = _stale_form(EndForm, request, activity, exc, {})
                return _activity_form_page(request, case, title=_("End the activity"), form=form,
                                           activity=activity, status=409)  # fmt: skip
            except DomainError as exc:
                _apply_error(exc, form)
            else:
                messages.success(request, _("The end of the activity was recorded."))
                return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        return _activity_form_page(request, case, title=_("End the activity"), form=form, activity=activity,
                                   status=422)  # fmt: skip
    return _activity_form_page(request, case, title=_("End the activity"), form=form, activity=activity)


# --- the order and the report -------------------------------------------------------------------------------


def order_edit(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    latest = selectors.latest_order(activity)
    status = 200
    if request.method == "POST":
        form = OrderForm(request.POST)
        if form.is_valid():
            values = {f: form.cleaned_data[f] for f in services.ORDER_FIELDS}
            try:
                services.order_write(actor=request.user, activity=activity,
                                     base_version=form.cleaned_data["base_version"] or 0, **values)  # fmt: skip
            except StaleVersion as exc:
                data = request.POST.copy()
                data["base_version"] = str(selectors.latest_order(selectors.activity_for(case, activity.pk)).number)
                form = OrderForm(data)
                form.is_valid()
                form.add_error(None, exc.message)
                status = 409
            except DomainError as exc:
                _apply_error(exc, form)
                status = 422
            else:
                messages.success(request, _("The order to the provider was saved."))
                return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        else:
            status = 422
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
        "case": case, "citizen": case.citizen, "activity": activity, "form": form, "latest": latest,
    }, status=status)  # fmt: skip


def report_create(request: HttpRequest, case_id: int, activity_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    activity = _activity(case, activity_id)
    documents = selectors.case_documents(case)
    form = ReportForm(request.POST or None, documents=documents, initial={"report_date": _today()})
    resources = ResourceFormSet(request.POST or None, prefix="resources")
    status = 200
    if request.method == "POST":
        if form.is_valid() and resources.is_valid():
            try:
                services.report_record(actor=request.user, activity=activity,
                                       resources_by_element=list(resources.cleaned_data),
                                       **form.cleaned_data)  # fmt: skip
            except DomainError as exc:
                _apply_error(exc, form, {"resources_by_element": resources})
            else:
                messages.success(request, _("The provider's report was recorded."))
                return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        status = 422
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
        if form.is_valid():
            try:
                version = services.report_finding_carry(actor=request.user, case=case, report=report,
                                                        **form.cleaned_data)  # fmt: skip
            except DomainError as exc:
                _apply_error(exc, form)
            else:
                messages.success(request, _("The finding was written into %(element)s as version %(number)s.") % {
                    "element": version.get_element_display(), "number": version.number})  # fmt: skip
                return redirect("web:plans_activity", case_id=case.pk, activity_id=report.activity_id)
        status = 422
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
    reports = list(activity.reports.all())
    report = replaced = None
    status = 200
    if request.method == "POST":
        form = TrialPeriodForm(request.POST, reports=reports)
        if form.is_valid():
            try:
                services.trial_period_record(actor=request.user, activity=activity, **form.cleaned_data)
            except DomainError as exc:
                _apply_error(exc, form)
            else:
                messages.success(request, _("The work-trial period was recorded."))
                return redirect("web:plans_activity", case_id=case.pk, activity_id=activity.pk)
        report = next((r for r in reports if r.pk == form.cleaned_data.get("report")), None)
        status = 422
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
