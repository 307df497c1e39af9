"""Resource-profile pages: thin views over evne.profiles services and selectors, behind access_case()."""

from datetime import datetime, time

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case, log_access
from evne.accounts.models import AccessAction, AccessChannel, RecordType
from evne.cases.selectors import case_notes
from evne.errors import DomainError
from evne.evidence.selectors import documents_for as case_documents
from evne.profiles import selectors, services
from evne.profiles.models import ElementKey, ElementVersion

from .formflow import submit
from .forms import profile as pf

WEB = AccessChannel.WEB
FIELDS = [f for f in pf.ElementForm.base_fields if f not in ("base_version", "reason")]


def _element_or_404(element: str) -> ElementKey:
    if element not in ElementKey.values:
        raise Http404
    return ElementKey(element)


def _at(request: HttpRequest) -> datetime | None:
    """`?at=YYYY-MM-DD`: the profile as it stood at the end of that day."""
    day = parse_date(request.GET.get("at", "") or "") if request.GET.get("at") else None
    if request.GET.get("at") and day is None:
        messages.error(request, _("Enter the date as YYYY-MM-DD."))
    return timezone.make_aware(datetime.combine(day, time.max)) if day else None


def _profile_record(profile, at: datetime | None, *, pdf: bool = False) -> tuple[str, int | None, str]:
    """The access log's name for the profile read: as it stands now, or as it stood at the end of a day."""
    when = (
        _("as it stood at the end of %(day)s") % {"day": f"{timezone.localtime(at):%d-%m-%Y}"}
        if at
        else _("the current versions")
    )
    name = _("PDF, %(when)s") % {"when": when} if pdf else when
    return RecordType.PROFILE, getattr(profile, "pk", None), name


def profile_overview(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.PROFILE, channel=WEB, log=False)
    profile = selectors.profile_for(case)
    at = _at(request)
    log_access(
        user=request.user, action=AccessAction.PROFILE, channel=WEB, case=case, record=_profile_record(profile, at)
    )
    current = selectors.current_elements(profile, at=at)
    catalogue = selectors.element_catalogue()
    rows = [
        {"key": key, "label": label, "name_da": catalogue.get(key, {}).get("name_da", label),
         "version": current.get(key), "notices": selectors.element_notices(current[key]) if key in current else []}
        for key, label in ElementKey.choices
    ]  # fmt: skip
    can_write = can_write_case(request.user, case) and at is None
    context = {
        "case": case, "citizen": case.citizen, "rows": rows, "at": at, "can_write": can_write,
        "started": selectors.has_started(profile), "involvement": selectors.involvement(profile, at=at),
        "hypotheses": selectors.hypotheses(profile, at=at), "presentations": selectors.presentations(profile, at=at),
        "open_disagreements": selectors.open_disagreements(profile, at=at),
        "involvement_form": pf.InvolvementForm(initial={"occurred_on": timezone.localdate()}),
        "hypothesis_form": pf.HypothesisForm(elements=ElementKey.choices),
        "decision_form": pf.DecisionForm(),
    }  # fmt: skip
    return render(request, "web/profile/overview.html", context)


def _element_form_context(case, profile, element, *, form, facts, stale=None):
    catalogue = selectors.element_catalogue().get(element, {})
    return {
        "case": case, "citizen": case.citizen, "element": ElementKey(element), "help": catalogue,
        "form": form, "facts": facts, "stale": stale or [],
        "own_perspective": element in services.OWN_PERSPECTIVE, "is_other": element == ElementKey.OTHER,
        "current": selectors.current_elements(profile).get(element),
    }  # fmt: skip


def element_edit(request: HttpRequest, case_id: int, element: str) -> HttpResponse:
    element = _element_or_404(element)
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.PROFILE, channel=WEB, write=True)
    profile = selectors.profile_for(case)
    if not selectors.has_started(profile):
        messages.error(
            request,
            _(
                "Record the opening conversation with the citizen first (or that the citizen "
                "does not take part): the profile starts from a conversation with the citizen."
            ),
        )
        return redirect("web:profile", case_id=case.pk)
    current = selectors.current_elements(profile).get(element)
    notes = case_notes(case)
    documents = case_documents(case)
    hypotheses = [h for h in selectors.hypotheses(profile) if h.responses.all()]
    if request.method == "POST":
        form = pf.ElementForm(request.POST, hypotheses=hypotheses)
        facts = pf.FactFormSet(request.POST, prefix="facts", form_kwargs={"notes": notes, "documents": documents})
        if "more" in request.POST:  # more empty fact rows, nothing saved
            data = request.POST.copy()
            data["facts-TOTAL_FORMS"] = str(int(data.get("facts-TOTAL_FORMS", 0)) + 3)
            facts = pf.FactFormSet(data, prefix="facts", form_kwargs={"notes": notes, "documents": documents})
            form.is_valid()
            form.errors.clear()
            return render(
                request,
                "web/profile/element.html",
                _element_form_context(case, profile, element, form=form, facts=facts),
            )

        def save(data: dict):
            values = {f: data[f] for f in FIELDS}
            values["facts"] = [f for f in facts.cleaned_data if f.get("text")]
            values["assessment_fact_ids"] = [f["id"] for f in values["facts"] if f.get("used") and f.get("id")]
            return services.element_save(actor=request.user, case=case, element=element,
                                         base_version=data["base_version"], reason=data["reason"],
                                         **_with_new_fact_ids(values))  # fmt: skip

        outcome = submit(
            form, save, also=[facts], on_error=lambda exc: _field_error(form, facts, exc), model=ElementVersion,
            current_version=lambda: selectors.current_elements(profile)[element].number, version_field="base_version",
        )  # fmt: skip
        if outcome.ok:
            messages.success(request, _("%(element)s was saved.") % {"element": element.label})
            return redirect("web:profile", case_id=case.pk)
        return render(request, "web/profile/element.html", _element_form_context(
            case, profile, element, form=form, facts=facts, stale=outcome.stale), status=outcome.status)  # fmt: skip
    else:
        form = pf.ElementForm(initial=_initial(current), hypotheses=hypotheses)
        facts = pf.FactFormSet(
            initial=[{**f, "used": f["id"] in (current.assessment_fact_ids if current else [])}
                     for f in (current.facts if current else [])],
            prefix="facts", form_kwargs={"notes": notes, "documents": documents},
        )  # fmt: skip
        status = 200
    return render(
        request,
        "web/profile/element.html",
        _element_form_context(case, profile, element, form=form, facts=facts),
        status=status,
    )


def _with_new_fact_ids(values: dict) -> dict:
    """A ticked fact without an id (just typed) gets its id here, so the assessment can point at it."""
    import uuid

    for fact in values["facts"]:
        if not fact.get("id"):
            fact["id"] = uuid.uuid4().hex[:8]
            if fact.get("used"):
                values["assessment_fact_ids"].append(fact["id"])
    return values


def _initial(current: ElementVersion | None) -> dict:
    if current is None:
        return {"base_version": 0, "relevant": "yes", "reason": _("First description")}
    initial = {f: getattr(current, f) for f in FIELDS}
    initial.update(base_version=current.number, relevant="yes" if current.relevant else "no", reason="")
    return initial


def _field_error(form, facts, exc: DomainError) -> None:
    field = exc.field or ""
    if field.startswith("facts."):
        index = int(field.split(".")[1]) if field.split(".")[1].isdigit() else 0
        target = facts.forms[index] if index < len(facts.forms) else None
        if target is not None:
            target.add_error("text", exc.message)
            return
    if field == "assessment_fact_ids":
        form.add_error("assessment", exc.message)
    elif field in form.fields:
        form.add_error(field, exc.message)
    else:
        form.add_error(None, exc.message)


def element_history(request: HttpRequest, case_id: int, element: str) -> HttpResponse:
    element = _element_or_404(element)
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.PROFILE, channel=WEB, log=False)
    profile = selectors.profile_for(case)
    history = selectors.element_history(profile, element)
    comparison = None
    a, b = request.GET.get("a"), request.GET.get("b")
    name = _("history of %(element)s") % {"element": ElementKey(element).label}
    log_access(user=request.user, action=AccessAction.PROFILE, channel=WEB, case=case,
               record=(RecordType.PROFILE_VERSION, getattr(profile, "pk", None), name))  # fmt: skip
    if a and b and a.isdigit() and b.isdigit():
        by_number = {v.number: v for v in history}
        if int(a) in by_number and int(b) in by_number:
            old, new = sorted((by_number[int(a)], by_number[int(b)]), key=lambda v: v.number)
            comparison = {"old": old, "new": new, "rows": selectors.compare_versions(old, new)}
    return render(request, "web/profile/history.html", {
        "case": case, "citizen": case.citizen, "element": element, "history": history, "comparison": comparison,
    })  # fmt: skip


def _post_form(request, case, form, service, success):
    if form.is_valid():
        try:
            service(actor=request.user, case=case, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, success)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("web:profile", case_id=case.pk)


@require_POST
def involvement_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.PROFILE, channel=WEB, write=True)
    form = pf.InvolvementForm(request.POST)
    return _post_form(request, case, form, services.involvement_record, _("The involvement was recorded."))


@require_POST
def hypothesis_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.PROFILE, channel=WEB, write=True)
    form = pf.HypothesisForm(request.POST, elements=ElementKey.choices)
    return _post_form(request, case, form, services.hypothesis_add, _("The hypothesis was recorded."))


def presentation_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.PROFILE, channel=WEB, write=True)
    profile = selectors.profile_for(case)
    current = selectors.current_elements(profile)
    pending = [h for h in selectors.hypotheses(profile) if not h.responses.all()]
    form = pf.PresentationForm(request.POST or None, initial={"presented_on": timezone.localdate()})
    rows = [{"key": key, "version": version, "agrees": request.POST.get(f"agrees-{key}", "yes"),
             "disagreement": request.POST.get(f"disagreement-{key}", ""),
             "new_information": bool(request.POST.get(f"new_information-{key}"))}
            for key, version in current.items()]  # fmt: skip
    hypothesis_rows = [{"hypothesis": h, "presented": bool(request.POST.get(f"hypothesis-{h.pk}")),
                        "comment": request.POST.get(f"hypothesis_comment-{h.pk}", "")} for h in pending]  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_present(
                actor=request.user, case=case, **form.cleaned_data,
                responses={r["key"]: {"agrees": r["agrees"] == "yes", "disagreement": r["disagreement"],
                                      "new_information": r["new_information"]} for r in rows},
                hypothesis_comments={r["hypothesis"].pk: r["comment"] for r in hypothesis_rows if r["presented"]},
            )  # fmt: skip
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The presentation and the citizen's responses were recorded."))
            return redirect("web:profile", case_id=case.pk)
    return render(request, "web/profile/present.html", {
        "case": case, "citizen": case.citizen, "form": form, "rows": rows, "hypothesis_rows": hypothesis_rows,
    }, status=422 if request.method == "POST" else 200)  # fmt: skip


@require_POST
def disagreement_decide(request: HttpRequest, case_id: int, response_id: int) -> HttpResponse:
    case = access_case(user=request.user, case_id=case_id, what=AccessAction.PROFILE, channel=WEB, write=True)
    response = selectors.response_for(case, response_id)
    if response is None:
        raise Http404
    form = pf.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.disagreement_decide(actor=request.user, case=case, response=response, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The decision on the disagreement was recorded."))
    else:
        messages.error(request, _("Choose whether to keep or amend the element."))
    return redirect("web:profile", case_id=case.pk)


def profile_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    from evne.profiles.pdf import render_profile_pdf

    case = access_case(user=request.user, case_id=case_id, what=AccessAction.DOCUMENT, channel=WEB, log=False)
    at = _at(request)
    record = _profile_record(selectors.profile_for(case), at, pdf=True)
    log_access(user=request.user, action=AccessAction.DOCUMENT, channel=WEB, case=case, record=record)
    pdf = render_profile_pdf(case=case, at=at)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ressourceprofil-{case.number}.pdf"'
    response["Cache-Control"] = "no-store"  # personal data: no copies in shared caches
    return response
