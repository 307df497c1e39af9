"""Thin views: parse input, pass the gate (access_*), call one service or selector, render.

NotFound and AccessDenied from the gate are Http404 / PermissionDenied, so Django answers 404 / 403.
"""

from functools import partial

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from evne.accounts.access import (
    access_case,
    access_citizen,
    can_create,
    can_read_access_log,
    can_read_citizen,
    can_write_case,
    can_write_citizen,
    log_search,
)
from evne.accounts.models import AccessAction, AccessChannel, Role
from evne.casefile.export import read_case_rows
from evne.cases import selectors as case_selectors
from evne.cases import services as case_services
from evne.cases.models import Case
from evne.cases.timeline import describe
from evne.checks.case import case_checks
from evne.checks.case import message as check_message
from evne.checks.case import title as check_title
from evne.citizens import selectors as citizen_selectors
from evne.citizens import services as citizen_services
from evne.errors import AccessDenied, DomainError, NotFound, StaleVersion
from evne.evidence import selectors as evidence_selectors
from evne.paging import Page, page_number
from evne.rules.catalogue import BY_ID, current_id
from evne.shared_reads import shared_reads

from . import (
    accesslog_views,
    assessments_views,
    decisions_views,
    employment_views,
    evidence_views,
    followups_views,
    forms,
    plans_views,
    reform_views,
)
from .formflow import apply_error as _apply_error
from .formflow import stale_rows, submit

WEB = AccessChannel.WEB


def worklist_rows(cases, today) -> list[dict]:
    """Each case on a worklist page with its next deadline in words (the rule's title, the date, overdue or not)."""
    rows = []
    for case in cases:
        rule = BY_ID.get(current_id(case.next_rule_id)) if getattr(case, "next_rule_id", "") else None
        due = getattr(case, "next_due", None)
        rows.append({"case": case, "due": due, "overdue": bool(due and due < today),
                     "deadline": check_title(rule) if rule else ""})  # fmt: skip
    return rows


def worklist(request: HttpRequest) -> HttpResponse:
    """ "My cases", paged and ordered by the next deadline; the lawyer/auditor gets their own start page."""
    if request.user.role == Role.AUDITOR:
        return accesslog_views.auditor_landing(request)
    today = timezone.localdate()
    scope = request.GET.get("scope", "mine")
    listing = case_selectors.worklist(
        user=request.user, channel=WEB, scope=scope, page=case_selectors.page_number(request.GET.get("page")), on=today
    )
    cases = listing.page.object_list
    reminders = evidence_selectors.worklist_reminders(request.user, today, channel=WEB, cases=cases)
    context = {
        "listing": listing, "page": listing.page, "rows": worklist_rows(cases, today), "reminders": reminders,
        "can_create": can_create(request.user), "scope": listing.scope,
    }  # fmt: skip
    return render(request, "web/worklist.html", context)


@require_http_methods(["GET", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    """Search by POST, so that no CPR number or name is ever in a URL (browser history, proxy and server logs);
    GET shows the empty form. One page of at most 50 cases and 50 citizens the user may read; the search and
    exactly the rows shown are logged in one insert."""
    query = citizen_selectors.normalise_query(request.POST.get("q", ""))[:100] if request.method == "POST" else ""
    page = page_number(request.POST.get("page"))
    cases = citizens = Page()
    if query:
        cases = case_selectors.case_search(user=request.user, query=query, channel=WEB, page=page, log=False)
        citizens = citizen_selectors.citizen_search(user=request.user, query=query, channel=WEB, page=page, log=False)
        shown = Page(rows=[*cases, *citizens], number=page)
        log_search(user=request.user, channel=WEB, detail=citizen_selectors.search_detail(query, shown),
                   cases=cases.rows, citizens=citizens.rows)  # fmt: skip
    context = {
        "query": query, "cases": cases.rows, "citizens": citizens.rows, "page_number": page,
        "has_previous": page > 1, "has_next": cases.has_next or citizens.has_next,
    }  # fmt: skip
    template = "web/_search_results.html" if request.htmx else "web/search.html"
    return render(request, template, context)


def citizen_create(request: HttpRequest) -> HttpResponse:
    if not can_create(request.user):
        raise AccessDenied
    form = forms.CitizenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            citizen = citizen_services.citizen_create(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            messages.success(request, _("The citizen was registered."))
            return redirect("web:citizen_detail", citizen_id=citizen.pk)
    return render(request, "web/citizen_form.html", {"form": form, "title": _("New citizen")})


def citizen_detail(request: HttpRequest, citizen_id: int) -> HttpResponse:
    citizen = access_citizen(user=request.user, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=WEB)
    return render(
        request,
        "web/citizen_detail.html",
        {
            "citizen": citizen,
            "cases": citizen_selectors.citizen_cases(citizen),
            "supporters": citizen_selectors.citizen_supporters(citizen),
            "can_write": can_write_citizen(request.user, citizen),
            "can_create_case": can_create(request.user) and can_write_citizen(request.user, citizen),
            "can_read_access_log": can_read_access_log(request.user, citizen),
        },
    )


def _versioned_edit(request: HttpRequest, *, obj, fields, form_class, save, success: str, done_url: str):
    """The edit-form flow shared by citizen and case: prefill with the version, save through the service,
    and on a stale version keep the user's input and show what someone else changed.

    Returns the redirect after a successful save, otherwise (form, stale rows) to render."""
    initial = {f: getattr(obj, f) for f in fields} | {"version": obj.version}
    form = form_class(request.POST or None, initial=initial)
    if request.method != "POST":
        return form, []
    outcome = submit(
        form,
        lambda data: save(expected_version=data["version"], **{k: v for k, v in data.items() if k != "version"}),
        model=type(obj),
    )
    if outcome.ok:
        messages.success(request, success)
        return redirect(done_url)
    return form, outcome.stale


def citizen_edit(request: HttpRequest, citizen_id: int) -> HttpResponse:
    citizen = access_citizen(
        user=request.user, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=WEB, write=True
    )
    result = _versioned_edit(
        request,
        obj=citizen,
        fields=citizen_services.CONTACT_FIELDS,
        form_class=forms.CitizenEditForm,
        save=partial(citizen_services.citizen_update, actor=request.user, citizen=citizen),
        success=_("The citizen's details were saved."),
        done_url=reverse("web:citizen_detail", args=[citizen.pk]),
    )
    if isinstance(result, HttpResponse):
        return result
    form, stale = result
    context = {"form": form, "citizen": citizen, "stale": stale, "title": _("Edit citizen details")}
    return render(request, "web/citizen_form.html", context)


def supporter_create(request: HttpRequest, citizen_id: int) -> HttpResponse:
    citizen = access_citizen(
        user=request.user, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=WEB, write=True
    )
    form = forms.SupporterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            citizen_services.supporter_add(actor=request.user, citizen=citizen, **form.cleaned_data)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            messages.success(request, _("The companion or representative was registered."))
            return redirect("web:citizen_detail", citizen_id=citizen.pk)
    return render(
        request,
        "web/simple_form.html",
        {
            "form": form,
            "citizen": citizen,
            "title": _("Companion or representative"),
            "intro": _(
                "The citizen may bring a companion or be represented at any stage of the case (forvaltningsloven § 8)."
            ),
        },
    )


def case_create(request: HttpRequest, citizen_id: int) -> HttpResponse:
    citizen = access_citizen(
        user=request.user, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=WEB, write=True
    )
    form = forms.CaseCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = case_services.case_open(actor=request.user, citizen=citizen, **form.cleaned_data)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            messages.success(request, _("Case %(number)s was opened.") % {"number": case.number})
            return redirect("web:case_detail", case_id=case.pk)
    return render(request, "web/simple_form.html", {"form": form, "citizen": citizen, "title": _("New case")})


def _case_page(request: HttpRequest, case, *, note_form=None, status=200) -> HttpResponse:
    with shared_reads():  # the sections share what they read (evne.shared_reads); after any write
        return _case_page_shared(request, case, note_form=note_form, status=status)


def _case_page_shared(request: HttpRequest, case, *, note_form=None, status=200) -> HttpResponse:
    can_write = can_write_case(request.user, case)
    read_case_rows(case)  # every row of the case in one query, for the sections and the checks alike
    # the newest events first, 50 a page (`?timeline_page=`), paged from the rows just read
    timeline = case_selectors.timeline_page(case, case_selectors.page_number(request.GET.get("timeline_page")))
    context = {
        "case": case,
        "citizen": case.citizen,
        "timeline": [(event, describe(event)) for event in timeline.object_list],
        "timeline_page": timeline,
        "assignments": case_selectors.case_assignments(case),
        "can_write": can_write,
        "note_form": note_form or forms.NoteForm(initial={"kind": "fact"}),
    }
    if can_write:
        context["status_form"] = forms.StatusForm(initial={"status": case.status, "version": case.version})
        context["assign_form"] = forms.AssignForm(
            initial={"caseworker": case.caseworker_id, "version": case.version},
            caseworkers=case_selectors.assignable_caseworkers(case),
        )
    if not (request.htmx and request.method == "POST"):
        sections = (evidence_views, plans_views, employment_views, assessments_views, followups_views, reform_views,
                    decisions_views)  # fmt: skip
        for section in sections:
            context.update(section.case_section(request, case))
        context["checks"] = _checks(case)
    template = "web/_case_timeline.html" if request.htmx and request.method == "POST" else "web/case_detail.html"
    return render(request, template, context, status=status)


def _answer_title(rule_id: str) -> str:
    """The title of the check an answer was given to (an id from before a rename names the rule today)."""
    rule = BY_ID.get(current_id(rule_id))
    return check_title(rule) if rule else rule_id


def _checks(case):
    """The legal checks for the case page, with each message in the reader's language."""
    checks = case_checks(case, on=timezone.localdate())
    return {
        "findings": [{"rule": r.rule, "finding": r.finding, "title": check_title(r), "message": check_message(r)}
                     for r in checks.findings],
        "deadlines": [{"rule": r.rule, "finding": r.finding, "title": check_title(r)} for r in checks.deadlines],
        "readiness": checks.readiness,
        "answers": [
            {"answer": a, "title": _answer_title(a.rule_id)}
            for a in case_selectors.recent_prompt_answers(case, 20)
        ],
    }  # fmt: skip


def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    # the caseworker comes with the other users the page reads (casefile.export.read_case_rows)
    cases = Case.objects.select_related("citizen", "team", "municipality")
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, queryset=cases)
    return _case_page(request, case)


@require_POST
def note_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.NOTES, channel=WEB, write=True)
    form = forms.NoteForm(request.POST)
    if form.is_valid():
        try:
            case_services.note_add(actor=request.user, case=case, **form.cleaned_data)
        except DomainError as exc:
            _apply_error(form, exc)
        else:
            if not request.htmx:
                messages.success(request, _("The note was added to the case."))
                return redirect("web:case_detail", case_id=case.pk)
            return _case_page(request, case)
    return _case_page(request, case, note_form=form, status=422 if not request.htmx else 200)


def _stale_message(request: HttpRequest, exc: StaleVersion, case) -> None:
    rows = stale_rows(exc, model=type(case))
    detail = "; ".join(f"{r['label']}: {r['mine']} → {r['theirs']}" for r in rows)
    messages.error(request, f"{exc.message} {detail}".strip())


@require_POST
def case_status(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    form = forms.StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return redirect("web:case_detail", case_id=case.pk)
    try:
        case_services.case_change_status(
            actor=request.user,
            case=case,
            status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
        )
    except StaleVersion as exc:
        _stale_message(request, exc, case)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The status was changed."))
    return redirect("web:case_detail", case_id=case.pk)


@require_POST
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    form = forms.AssignForm(request.POST, caseworkers=case_selectors.team_caseworkers(case))
    if not form.is_valid():
        messages.error(request, _("Choose a caseworker from the case's team."))
        return redirect("web:case_detail", case_id=case.pk)
    caseworker = case_selectors.team_caseworkers(case).get(pk=form.cleaned_data["caseworker"])
    try:
        case_services.case_assign_caseworker(
            actor=request.user,
            case=case,
            caseworker=caseworker,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except StaleVersion as exc:
        _stale_message(request, exc, case)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The responsible caseworker was changed."))
    return redirect("web:case_detail", case_id=case.pk)


def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    result = _versioned_edit(
        request,
        obj=case,
        fields=case_services.EDITABLE_FIELDS,
        form_class=forms.CaseEditForm,
        save=partial(case_services.case_update, actor=request.user, case=case),
        success=_("The case details were saved."),
        done_url=reverse("web:case_detail", args=[case.pk]),
    )
    if isinstance(result, HttpResponse):
        return result
    form, stale = result
    context = {"form": form, "citizen": case.citizen, "case": case, "stale": stale, "title": _("Edit case details")}
    return render(request, "web/simple_form.html", context)


def citizen_access_log(request: HttpRequest, citizen_id: int) -> HttpResponse:
    """Who has read this citizen's data (for team leaders and lawyers/auditors): the access-log search for them."""
    citizen = citizen_selectors.citizens_visible_to(request.user).filter(pk=citizen_id).first()
    if citizen is None or not can_read_citizen(request.user, citizen):
        raise NotFound
    if not can_read_access_log(request.user, citizen):
        raise AccessDenied
    return redirect(f"{reverse('web:access_log')}?citizen={citizen.pk}")


@require_POST
def prompt_answer(request: HttpRequest, case_id: int) -> HttpResponse:
    """Record the caseworker's answer to a legal check's question; the check then reads it as a fact."""
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=True)
    number = request.POST.get("decision_number", "")
    try:
        case_services.prompt_answer(
            actor=request.user, case=case, rule_id=request.POST.get("rule_id", ""),
            answer=request.POST.get("answer", ""), decision_number=int(number) if number.isdigit() else None,
        )  # fmt: skip
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The answer was recorded."))
    # Answered where the question was shown (the case page, a decision draft, the reform section): back there.
    back = request.POST.get("next", "")
    if back.startswith(f"/cases/{case.pk}/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return redirect(back)
    return redirect("web:case_detail", case_id=case.pk)
