"""The reform pathways' pages: the rehabilitation plan's preparatory part, the case's presentations to the
rehabilitation team (referral, recommendation, departure), the transfer to pension treatment, the ressourceforløb and
the fleksjob — and the team's own pages (meetings, agenda, minutes, recommendations).

Thin views: parse the form → pass the gate (access_case / access_meeting) → one service → redirect or render.
The services in evne.reform apply the law and give the messages.
"""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evne.accounts.access import access_case, can_write_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.errors import AccessDenied, DomainError
from evne.reform import selectors, services
from evne.reform.access import access_meeting, access_team, can_manage_team
from evne.reform.models import (
    PLAN_CONTENT,
    AgendaItem,
    GpBasis,
    RehabPlanRevision,
)

from .formflow import submit
from .forms.reform import (
    ActionPartForm,
    AttendanceForm,
    ClarificationEndForm,
    ClarificationForm,
    CourseEndForm,
    CourseForm,
    DepartureForm,
    FlexJobEndForm,
    FlexJobForm,
    FollowUpForm,
    MeetingForm,
    MinutesForm,
    PensionTransferForm,
    PeriodEndForm,
    PeriodForm,
    RecommendationForm,
    ReferForm,
    RehabPlanForm,
    VisitationForm,
    _label,
)

WEB = AccessChannel.WEB

# --- helpers ----------------------------------------------------------------------------------------------


def _case(request, case_id: int, *, write: bool = False):
    return access_case(user=request.user, case_id=case_id, what=AccessAction.CASE, channel=WEB, write=write)


def _form_page(request, *, case=None, form, title: str, intro: str = "", status: int = 200, back=None):
    return render(request, "web/reform/form.html", {
        "case": case, "citizen": case.citizen if case else None, "form": form, "title": title, "intro": intro,
        "back": back,
    }, status=status)  # fmt: skip


def _run(request, form, call, *, success: str, **flow):
    """The one form flow (formflow.submit) with its success message. Returns (result or None, status)."""
    outcome = submit(form, call, **flow)
    if not outcome.ok:
        return None, outcome.status
    messages.success(request, success)
    return outcome.result, 200


# --- the case's pages -------------------------------------------------------------------------------------


def case_section(request: HttpRequest, case) -> dict:
    """Context for this app's section on the case page (template web/reform/_case_section.html)."""
    return {
        "reform_plan": selectors.latest_rehab_plan(case),
        "reform_rereferral": selectors.pending_rereferral(case),
        "reform_agenda": selectors.case_agenda(case)[:3],
    }


def overview(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id)
    can_write = can_write_case(request.user, case)
    agenda = selectors.case_agenda(case)
    return render(request, "web/reform/overview.html", {
        "case": case, "citizen": case.citizen, "can_write": can_write, "plan": selectors.latest_rehab_plan(case),
        "agenda": agenda, "rereferral": selectors.pending_rereferral(case),
        "transfer": selectors.pension_transfer(case), "courses": selectors.resource_courses(case),
        "clarifications": selectors.clarification_courses(case),
        "visitations": selectors.visitations(case), "flex_jobs": selectors.flex_jobs(case),
        "periods": selectors.ledighedsydelse_periods(case),
    })  # fmt: skip


def plan_detail(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    case = _case(request, case_id)
    plan = selectors.rehab_plan_by_number(case, number)
    if plan is None:
        raise Http404
    content = [(_label(RehabPlanRevision, f), getattr(plan, f)) for f in PLAN_CONTENT]
    return render(request, "web/reform/plan.html", {
        "case": case, "citizen": case.citizen, "plan": plan, "content": content,
        "versions": selectors.plan_profile_versions(plan), "all_plans": selectors.rehab_plans(case),
    })  # fmt: skip


def plan_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    latest = selectors.latest_rehab_plan(case)
    documents = selectors.lae_265_documents(case)
    status = 200
    if request.method == "POST":
        form = RehabPlanForm(request.POST, documents=documents)

        def call(data):
            return services.rehab_plan_save(actor=request.user, case=case, **data)

        plan, status = _run(request, form, call, success=_("The rehabilitation plan was saved."))
        if plan is not None:
            return redirect("web:reform_plan", case_id=case.pk, number=plan.number)
    else:
        initial = {"base_version": latest.number if latest else 0, "gp_basis": GpBasis.LAE_265}
        if latest is None:  # a first version starts from the resource profile
            initial.update(selectors.rehab_plan_prefill(case))
        if latest:
            initial.update({f: getattr(latest, f) for f in PLAN_CONTENT})
            initial.update(gp_basis=latest.gp_basis, gp_document_id=latest.gp_document_id,
                           existing_evidence=latest.existing_evidence,
                           citizen_accepted_on=latest.citizen_accepted_on)  # fmt: skip
        form = RehabPlanForm(initial=initial, documents=documents)
    from evne.profiles.selectors import current_elements, profile_for

    return render(request, "web/reform/plan_form.html", {
        "case": case, "citizen": case.citizen, "form": form, "latest": latest,
        "versions": list(current_elements(profile_for(case)).values()),
    }, status=status)  # fmt: skip


def refer(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    meetings = selectors.upcoming_meetings(case, timezone.localdate() - timedelta(days=60))
    form = ReferForm(request.POST or None, meetings=meetings)
    status = 200
    if request.method == "POST":
        from evne.reform.models import RehabMeeting

        def call(data):
            meeting = RehabMeeting.objects.select_related("team").get(pk=data["meeting"])
            return services.agenda_add(actor=request.user, meeting=meeting, case=case, reason=data["reason"])

        item, status = _run(request, form, call, success=_("The case was put on the team's agenda."))
        if item is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=_("Put the case on a team meeting"), status=status)


def depart(request: HttpRequest, case_id: int, recommendation_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    rec = selectors.recommendation_for(case, recommendation_id)
    if rec is None:
        raise Http404
    form = DepartureForm(request.POST or None, initial={"departed_on": timezone.localdate()})
    status = 200
    if request.method == "POST":

        def call(data):
            return services.departure_record(actor=request.user, recommendation=rec, **data)

        done, status = _run(
            request,
            form,
            call,
            success=_("The departure was recorded: the case must be presented to the rehabilitation team again."),
        )
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    intro = _(
        "The team recommended: %(kind)s (meeting %(date)s). When the municipality does not follow the "
        "recommendation, the case must be presented to the team again before the decision (lov om organisering "
        "§ 11, stk. 2)."
    ) % {"kind": rec.get_kind_display(), "date": f"{rec.item.meeting.held_on:%d-%m-%Y}"}
    return _form_page(request, case=case, form=form, title=_("Depart from the recommendation"), intro=intro,
                      status=status)  # fmt: skip


def pension_transfer(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    form = PensionTransferForm(request.POST or None)
    status = 200
    if request.method == "POST":

        def call(data):
            return services.pension_transfer_record(actor=request.user, case=case, **data)

        done, status = _run(request, form, call, success=_("The transfer to pension treatment was recorded."))
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    intro = _(
        "The time of the transfer must appear from the case and be told to the citizen; the 3-month decision "
        "deadline runs from it (pension act §§ 18, stk. 1 and 21)."
    )
    return _form_page(request, case=case, form=form, title=_("Transfer to pension treatment"), status=status,
                      intro=intro)  # fmt: skip


def _caseworkers(case):
    return selectors.coordinating_caseworkers(case)


def course_grant(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    caseworkers = list(_caseworkers(case))
    form = CourseForm(request.POST or None, caseworkers=caseworkers, courses=selectors.resource_courses(case),
                      plans=selectors.rehab_plans(case), presentations=selectors.case_agenda(case))  # fmt: skip
    status = 200
    if request.method == "POST":

        def call(data):
            worker = next(u for u in caseworkers if u.pk == data.pop("coordinating_caseworker"))
            return services.course_grant(actor=request.user, case=case, coordinating_caseworker=worker, **data)

        done, status = _run(request, form, call, success=_("The ressourceforløb was recorded."))
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=_("Ressourceforløb granted"), status=status)


def _course(case, course_id):
    course = selectors.course_for(case, course_id)
    if course is None:
        raise Http404
    return course


def course_action_part(request: HttpRequest, case_id: int, course_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    course = _course(case, course_id)
    form = ActionPartForm(request.POST or None, initial={
        "version": course.version, "action_part": course.action_part,
        "written_on": course.action_part_written_on or timezone.localdate()})  # fmt: skip
    status = 200
    if request.method == "POST":

        def call(data):
            return services.course_action_part_write(actor=request.user, course=course,
                                                     expected_version=data["version"], action_part=data["action_part"],
                                                     written_on=data["written_on"])  # fmt: skip

        done, status = _run(request, form, call, success=_("The action part was saved."))
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=_("Action part (indsatsdel)"), status=status)


def course_end(request: HttpRequest, case_id: int, course_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    course = _course(case, course_id)
    form = CourseEndForm(request.POST or None, initial={"version": course.version})
    status = 200
    if request.method == "POST":

        def call(data):
            return services.course_end(actor=request.user, course=course, expected_version=data.pop("version"), **data)

        done, status = _run(request, form, call, success=_("The end of the ressourceforløb was recorded."))
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=_("End the ressourceforløb"), status=status,
                      intro=_("A new ressourceforløb must be offered when the citizen still needs a "
                              "cross-disciplinary effort (Ankestyrelsen 42-17)."))  # fmt: skip


def course_follow_up(request: HttpRequest, case_id: int, course_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    course = _course(case, course_id)
    form = FollowUpForm(request.POST or None, initial={"held_on": timezone.localdate(), "with_citizen": True})
    status = 200
    if request.method == "POST":

        def call(data):
            return services.course_follow_up_record(actor=request.user, course=course, **data)

        done, status = _run(request, form, call, success=_("The follow-up was recorded."))
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=_("Follow-up in the ressourceforløb"), status=status)


def clarification_start(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    caseworkers = list(_caseworkers(case))
    form = ClarificationForm(request.POST or None, caseworkers=caseworkers)
    status = 200
    if request.method == "POST":

        def call(data):
            worker = next(u for u in caseworkers if u.pk == data["coordinating_caseworker"])
            return services.clarification_start(actor=request.user, case=case, start_on=data["start_on"],
                                                coordinating_caseworker=worker, plan=data["plan"])  # fmt: skip

        done, status = _run(request, form, call, success=_("The jobafklaringsforløb was recorded."))
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=_("Jobafklaringsforløb"), status=status)


def clarification_end(request: HttpRequest, case_id: int, course_id: int) -> HttpResponse:
    case = _case(request, case_id, write=True)
    course = selectors.course_for(case, course_id, related="job_clarification_courses")
    if course is None:
        raise Http404
    form = ClarificationEndForm(request.POST or None, initial={"version": course.version})
    status = 200
    if request.method == "POST":

        def call(data):
            return services.clarification_end(actor=request.user, course=course, expected_version=data["version"],
                                              ended_on=data["ended_on"], outcome=data["outcome"])  # fmt: skip

        done, status = _run(request, form, call, success=_("The end of the jobafklaringsforløb was recorded."))
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=_("End the jobafklaringsforløb"), status=status)


def _simple(request, case_id, form_class, service, title, success):
    case = _case(request, case_id, write=True)
    form = form_class(request.POST or None)
    status = 200
    if request.method == "POST":

        def call(data):
            return service(actor=request.user, case=case, **data)

        done, status = _run(request, form, call, success=success)
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=title, status=status)


def visitation(request: HttpRequest, case_id: int) -> HttpResponse:
    return _simple(
        request,
        case_id,
        VisitationForm,
        services.visitation_record,
        _("Fleksjob visitation"),
        _("The visitation was recorded."),
    )


def flex_job(request: HttpRequest, case_id: int) -> HttpResponse:
    return _simple(
        request, case_id, FlexJobForm, services.flex_job_record, _("Flex job"), _("The flex job was recorded.")
    )


def ledighedsydelse(request: HttpRequest, case_id: int) -> HttpResponse:
    return _simple(
        request,
        case_id,
        PeriodForm,
        services.ledighedsydelse_record,
        _("Ledighedsydelse period"),
        _("The period was recorded."),
    )


def _ended(request, case_id, record_id, *, related: str, form_class, service, key: str, title, success):
    case = _case(request, case_id, write=True)
    record = selectors.course_for(case, record_id, related=related)
    if record is None:
        raise Http404
    form = form_class(request.POST or None, initial={"ended_on": timezone.localdate()})
    status = 200
    if request.method == "POST":

        def call(data):
            return service(actor=request.user, **{key: record}, **data)

        done, status = _run(request, form, call, success=success)
        if done is not None:
            return redirect("web:reform", case_id=case.pk)
    return _form_page(request, case=case, form=form, title=title, status=status)


def flex_job_end(request: HttpRequest, case_id: int, job_id: int) -> HttpResponse:
    return _ended(request, case_id, job_id, related="flex_jobs", form_class=FlexJobEndForm,
                  service=services.flex_job_end, key="job", title=_("End the flex job"),
                  success=_("The end of the flex job was recorded."))  # fmt: skip


def ledighedsydelse_end(request: HttpRequest, case_id: int, period_id: int) -> HttpResponse:
    return _ended(request, case_id, period_id, related="ledighedsydelse_periods", form_class=PeriodEndForm,
                  service=services.ledighedsydelse_end, key="period", title=_("End the ledighedsydelse period"),
                  success=_("The end of the period was recorded."))  # fmt: skip


# --- the team's pages -------------------------------------------------------------------------------------


def teams(request: HttpRequest) -> HttpResponse:
    return render(request, "web/reform/teams.html", {"teams": selectors.teams_for(request.user)})


def team_detail(request: HttpRequest, team_id: int) -> HttpResponse:
    team = access_team(user=request.user, team_id=team_id)
    can_manage = can_manage_team(request.user, team)
    form = MeetingForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not can_manage:
            raise Http404

        def call(data):
            return services.meeting_create(actor=request.user, team=team, **data)

        meeting, status = _run(request, form, call, success=_("The meeting was created."))
        if meeting is not None:
            return redirect("web:rehab_meeting", meeting_id=meeting.pk)
    again = selectors.cases_to_present_again(team)
    from evne.accounts.access import log_listing

    log_listing(user=request.user, cases=again, channel=WEB, detail=f"rehab team {team.pk}: present again")
    return render(request, "web/reform/team.html", {
        "team": team, "members": team.members.filter(active=True).select_related("user"),
        "missing_roles": selectors.missing_roles(team), "meetings": selectors.team_meetings(team),
        "again": again, "can_manage": can_manage, "form": form,
    }, status=status)  # fmt: skip


def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = access_meeting(user=request.user, meeting_id=meeting_id)
    can_manage = can_manage_team(request.user, meeting.team)
    minutes_form = MinutesForm(request.POST or None, initial={"version": meeting.version, "minutes": meeting.minutes})
    status = 200
    if request.method == "POST":
        if not can_manage:
            raise Http404

        def call(data):
            return services.meeting_minutes_save(actor=request.user, meeting=meeting,
                                                 expected_version=data["version"], minutes=data["minutes"])  # fmt: skip

        done, status = _run(request, minutes_form, call, success=_("The minutes were saved."))
        if done is not None:
            return redirect("web:rehab_meeting", meeting_id=meeting.pk)
    items = selectors.meeting_items(meeting)
    for item in items:
        item.form = AttendanceForm(
            initial={
                "version": item.version,
                "citizen_present": item.citizen_present,
                "caseworker_present": item.caseworker_present,
            },
            prefix=f"i{item.pk}",
        )
    return render(request, "web/reform/meeting.html", {
        "meeting": meeting, "items": items, "can_manage": can_manage, "minutes_form": minutes_form,
        "ahead": meeting.held_on >= timezone.localdate(),
        "again": [c for c in selectors.cases_to_present_again(meeting.team)
                  if not any(i.case_id == c.pk for i in items)],
    }, status=status)  # fmt: skip


def _item(meeting, item_id) -> AgendaItem:
    item = meeting.items.filter(pk=item_id).select_related("case", "case__citizen", "meeting__team").first()
    if item is None:
        raise Http404
    return item


def attendance(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = access_meeting(user=request.user, meeting_id=meeting_id, write=True)
    item = _item(meeting, item_id)
    form = AttendanceForm(request.POST or None, prefix=f"i{item.pk}")
    if request.method == "POST":

        def call(data):
            return services.attendance_record(actor=request.user, item=item, expected_version=data["version"],
                                              citizen_present=data["citizen_present"],
                                              caseworker_present=data["caseworker_present"])  # fmt: skip

        done, _status = _run(request, form, call, success=_("The attendance was recorded."))
        if done is None:
            for error in form.non_field_errors() or [_("The attendance was not saved.")]:
                messages.error(request, error)
    return redirect("web:rehab_meeting", meeting_id=meeting.pk)


def recommend(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = access_meeting(user=request.user, meeting_id=meeting_id, write=True)
    item = _item(meeting, item_id)
    form = RecommendationForm(request.POST or None)
    status = 200
    if request.method == "POST":

        def call(data):
            return services.recommendation_record(actor=request.user, item=item, **data)

        done, status = _run(request, form, call, success=_("The recommendation was recorded."))
        if done is not None:
            return redirect("web:rehab_meeting", meeting_id=meeting.pk)
    intro = _("Case %(number)s · %(citizen)s. The team recommends; the municipality decides.") % {
        "number": item.case.number,
        "citizen": item.case.citizen.full_name,
    }
    return _form_page(request, form=form, title=_("The team's recommendation"), intro=intro, status=status,
                      back=meeting)  # fmt: skip


@require_POST
def agenda_remove(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """Take a case off a meeting ahead, with the reason (the service decides who may and when)."""
    meeting = access_meeting(user=request.user, meeting_id=meeting_id)
    item = _item(meeting, item_id)
    try:
        services.agenda_remove(actor=request.user, item=item, reason=request.POST.get("reason", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
    except AccessDenied:
        raise PermissionDenied from None  # the meeting is readable (access_meeting): refused, not hidden
    else:
        messages.success(request, _("The case was taken off the agenda; the timeline keeps why."))
    return redirect("web:rehab_meeting", meeting_id=meeting.pk)
