"""Writes of the reform pathways: one service per use case, one transaction, one timeline event each.

Sources: seed 003 (Copenhagen taskforce 2018) §1–§2 and §5, read at the lines cited; seed 002 (DS memo 2019).
The services refuse what is malformed or what the law plainly forbids (a postponement without its reason, a
ressourceforløb outside 1–5 years, an action part before the course is granted, an obviously futile case without
the team unless the four conditions are checked); what needs the caseworker's judgement is left to the legal
checks in evne.rules (catalogue/pathways.py), which flag it before the decision.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Field, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import can_write_case, require_case_write
from evne.accounts.models import Role, User
from evne.cases.models import Case, EventKind
from evne.cases.timeline import record_event
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.rules.catalogue.deadline import add_months
from evne.rules.vocabulary import CONTENT_FIELDS, REQUIRED_CONTENT
from evne.shared_reads import case_rows
from evne.validation import clean_text, law_param, model_text, past_or_today

from .access import can_manage_team
from .models import (
    PLAN_CONTENT,
    AgendaItem,
    AgendaReason,
    ClarificationOutcome,
    CourseFollowUp,
    CourseKind,
    CourseOutcome,
    Departure,
    FlexJob,
    FlexJobEnd,
    FlexJobEndReason,
    FlexJobVisitation,
    GpBasis,
    JobClarificationCourse,
    Measure,
    PensionTransfer,
    Recommendation,
    RecommendationKind,
    RehabMeeting,
    RehabPlanRevision,
    RehabTeam,
    ResourceCourse,
    UnemploymentPeriod,
    UnemploymentPeriodEnd,
)

TEXT_MAX = 20_000


def _text(model, field: str, value, *, required: bool = False) -> str:
    return model_text(model, field, value, required=required, default_max_length=TEXT_MAX)


def _date(value, field: str) -> date:
    if not isinstance(value, date):
        raise DomainError(_("Enter a date."), field=field)
    return value


def _hours(value, field: str = "hours_per_week") -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DomainError(_("Enter the hours per week as a number."), field=field) from None
    if not hours.is_finite() or hours <= 0 or hours > 37:
        raise DomainError(_("The hours per week must be more than 0 and at most 37."), field=field)
    return hours.quantize(Decimal("0.1"))


def _stale(what: str, changes: dict | None = None) -> StaleVersion:
    return StaleVersion(
        _("%(what)s was changed by someone else while you were editing. Your change was not saved; reload and try "
          "again.") % {"what": what},
        changes=changes,
    )  # fmt: skip


# --- rehabiliteringsplan, forberedende del -------------------------------------------------------------------


def _profile_basis(case: Case) -> list[int]:
    """The plan reuses the resource profile: it points at the current element versions (never copies them)."""
    from evne.profiles.selectors import current_elements, profile_for

    return [v.pk for v in current_elements(profile_for(case)).values()]


def rehab_plan_save(
    *, actor: User, case: Case, base_version: int, gp_basis: str, gp_document_id: int | None = None,
    existing_evidence: str = "", citizen_accepted_on: date | None = None, reason: str = "", **content: str,
) -> RehabPlanRevision:  # fmt: skip
    """Save a new version of the preparatory part (forberedende del), written with the citizen (bek. 996/2016;
    seed 003 L3131–3141, L2784–2800). Every content part is required. The GP's assessment is an LÆ 265 in the case
    (L3143–3152) — or, for an application on the existing evidence (pension act § 17, stk. 2; 39-17, L726–738), a
    reference to what the file already holds, and then no new LÆ 265."""
    require_case_write(actor, case)
    unknown = set(content) - set(PLAN_CONTENT)
    if unknown:
        raise DomainError(_("Unknown field."), field=sorted(unknown)[0])
    base_version = int(base_version)
    values = {f: _text(RehabPlanRevision, f, content.get(f), required=True) for f in PLAN_CONTENT}
    reason = _text(RehabPlanRevision, "reason", reason)
    if base_version > 0 and not reason:
        raise DomainError(_("State the reason for revising the plan."), field="reason")
    if gp_basis not in GpBasis.values:
        raise DomainError(_("Choose the basis of the GP's assessment."), field="gp_basis")
    existing_evidence = _text(RehabPlanRevision, "existing_evidence", existing_evidence)
    document = None
    if gp_basis == GpBasis.LAE_265:
        from evne.evidence.models import Document, DocumentKind

        document = Document.objects.filter(case=case, pk=gp_document_id or 0, kind=DocumentKind.LAE_265).first()
        if document is None:
            raise DomainError(
                _("Choose the LÆ 265 in this case that holds the GP's assessment (record it under documents first)."),
                field="gp_document_id",
            )
    elif not existing_evidence:
        raise DomainError(
            _("Describe what the file already holds: an application on the existing evidence gets no new LÆ 265."),
            field="existing_evidence",
        )
    if citizen_accepted_on is not None:
        past_or_today(citizen_accepted_on, field="citizen_accepted_on")
    try:
        with transaction.atomic():
            Case.objects.select_for_update().filter(pk=case.pk).first()
            current = case.rehab_plans.aggregate(n=Max("number"))["n"] or 0
            if base_version != current:
                latest = case.rehab_plans.order_by("-number").first()
                raise _stale(_("The rehabilitation plan"), {"number": (base_version, latest.number if latest else 0)})
            now = timezone.now()
            plan = RehabPlanRevision.objects.create(
                case=case, number=current + 1, **values, gp_basis=gp_basis, gp_document=document,
                existing_evidence=existing_evidence, profile_version_ids=_profile_basis(case),
                citizen_accepted_on=citizen_accepted_on, reason=reason, author=actor, saved_at=now,
            )  # fmt: skip
            record_event(
                case=case, kind=EventKind.REHAB_PLAN_SAVED, actor=actor, at=now,
                data={"number": plan.number, "gp_basis": gp_basis, "document_id": document.pk if document else None,
                      "citizen_accepted_on": citizen_accepted_on.isoformat() if citizen_accepted_on else None},
            )  # fmt: skip
            return plan
    except IntegrityError:
        raise _stale(_("The rehabilitation plan")) from None


# --- the rehabilitation team -----------------------------------------------------------------------------------


def meeting_create(*, actor: User, team: RehabTeam, held_on: date) -> RehabMeeting:
    if not can_manage_team(actor, team):
        raise AccessDenied
    _date(held_on, "held_on")
    return RehabMeeting.objects.create(team=team, held_on=held_on, created_by=actor, created_at=timezone.now())


def meeting_minutes_save(*, actor: User, meeting: RehabMeeting, expected_version: int, minutes: str) -> RehabMeeting:
    if not can_manage_team(actor, meeting.team):
        raise AccessDenied
    minutes = _text(RehabMeeting, "minutes", minutes, required=True)
    with transaction.atomic():
        current = RehabMeeting.objects.select_for_update().get(pk=meeting.pk)
        if current.version != int(expected_version):
            raise _stale(_("The minutes"), {"minutes": (meeting.minutes, current.minutes)})
        current.minutes = minutes
        current.version += 1
        current.save(update_fields=["minutes", "version"])
        return current


def pending_rereferral(case: Case) -> Departure | None:
    """The latest departure from a recommendation that the case has not yet been back to the team for."""
    departures, items = case_rows(case.pk, Departure), case_rows(case.pk, AgendaItem)
    if departures is not None and items is not None:
        latest = max(departures, key=lambda d: (d.departed_on, d.pk), default=None)
        if latest is None:
            return None
        held = latest.recommendation.item.meeting.held_on
        again = any(i.meeting.held_on > held and i.meeting.held_on >= latest.departed_on for i in items)
        return None if again else latest
    departure = (
        Departure.objects.filter(recommendation__case=case).select_related("recommendation__item__meeting")
        .order_by("-departed_on", "-id").first()
    )  # fmt: skip
    if departure is None:
        return None
    held = departure.recommendation.item.meeting.held_on
    later = case.rehab_agenda_items.filter(meeting__held_on__gt=held, meeting__held_on__gte=departure.departed_on)
    return None if later.exists() else departure


def agenda_add(
    *, actor: User, meeting: RehabMeeting, case: Case, reason: str = "", referred_on: date | None = None
) -> AgendaItem:
    """Put a case on a meeting's agenda (the referral). The case's own caseworkers refer it; the team's members and
    team leaders may too. After a departure the case goes back to the team (§ 11, stk. 2): the reason says so.
    A case is referred to a meeting still ahead on the day of the referral (`referred_on`, today unless a referral
    made earlier is recorded late), and once per meeting."""
    if case.municipality_id != meeting.team.municipality_id:
        raise DomainError(_("The meeting belongs to another municipality."), field="meeting")
    if not (can_write_case(actor, case) or can_manage_team(actor, meeting.team)):
        raise AccessDenied
    if meeting.held_on < (referred_on or timezone.localdate()):
        raise DomainError(_("The meeting has already been held: choose a meeting ahead."), field="meeting")
    if meeting.items.filter(case=case).exists():
        raise DomainError(_("The case is already on this meeting's agenda."), field="meeting")
    if pending_rereferral(case) is not None and not reason:
        reason = AgendaReason.DEPARTURE
    reason = reason or (AgendaReason.FIRST if not case.rehab_agenda_items.exists() else AgendaReason.OTHER)
    if reason not in AgendaReason.values:
        raise DomainError(_("Choose why the case is presented."), field="reason")
    try:
        with transaction.atomic():
            now = timezone.now()
            item = AgendaItem.objects.create(meeting=meeting, case=case, reason=reason, added_by=actor, added_at=now)
            record_event(
                case=case, kind=EventKind.REHAB_REFERRED, actor=actor, at=now,
                data={"agenda_item_id": item.pk, "held_on": meeting.held_on.isoformat(), "team": meeting.team.name,
                      "reason": reason},
            )  # fmt: skip
            return item
    except IntegrityError:
        raise DomainError(_("The case is already on this meeting's agenda."), field="meeting") from None


@transaction.atomic
def agenda_remove(*, actor: User, item: AgendaItem, reason: str) -> None:
    """Take a case off a meeting's agenda before the meeting, with the reason; the timeline keeps the referral and
    the removal. A meeting held (or a recommendation recorded) cannot lose its cases."""
    case, meeting = item.case, item.meeting
    if not (can_write_case(actor, case) or can_manage_team(actor, meeting.team)):
        raise AccessDenied
    reason = clean_text(reason, field="reason", label=_("The reason"), max_length=300)
    if not reason:
        raise DomainError(_("Say why the case is taken off the agenda."), field="reason")
    locked = AgendaItem.objects.select_for_update().filter(pk=item.pk).first()
    if locked is None:
        raise DomainError(_("The case is no longer on this meeting's agenda."), field="item")
    if meeting.held_on < timezone.localdate() or Recommendation.objects.filter(item=locked).exists():
        raise DomainError(_("The meeting has been held: its agenda is part of the case."), field="item")
    now = timezone.now()
    record_event(
        case=case, kind=EventKind.REHAB_UNREFERRED, actor=actor, at=now,
        data={"held_on": meeting.held_on.isoformat(), "team": meeting.team.name, "reason": reason},
    )  # fmt: skip
    locked.delete()


def attendance_record(
    *, actor: User, item: AgendaItem, expected_version: int, citizen_present: bool, caseworker_present: bool
) -> AgendaItem:
    """The citizen and the caseworker attend in person (seed 003 L3160–3164)."""
    if not can_manage_team(actor, item.meeting.team):
        raise AccessDenied
    with transaction.atomic():
        current = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if current.version != int(expected_version):
            raise _stale(_("The attendance"), {
                "citizen_present": (item.citizen_present, current.citizen_present),
                "caseworker_present": (item.caseworker_present, current.caseworker_present)})  # fmt: skip
        current.citizen_present, current.caseworker_present = bool(citizen_present), bool(caseworker_present)
        current.version += 1
        current.save(update_fields=["citizen_present", "caseworker_present", "version"])
        record_event(
            case=current.case, kind=EventKind.REHAB_ATTENDANCE, actor=actor, at=timezone.now(),
            data={"agenda_item_id": item.pk, "held_on": item.meeting.held_on.isoformat(),
                  "team": item.meeting.team.name, "citizen_present": current.citizen_present,
                  "caseworker_present": current.caseworker_present},
        )  # fmt: skip
        return current


def recommendation_record(
    *, actor: User, item: AgendaItem, kind: str, presented_for: str, reasons: str, legal_test: str = "", **content
) -> Recommendation:
    """The team's recommendation with the content the law requires for its kind (bek. 996/2016 §§ 8–10; seed 003
    L3188–3300). A postponement names its reason and what exactly is missing (L3297–3300; BDO L3769–3771).

    Every recommendation names the measure the case was presented for (`presented_for`: the decision it is for),
    so a recommendation of another measure — "ressourceforløb, not the førtidspension applied for" — is on record,
    and gives its reasons; `legal_test` is the legal criterion it states (e.g. "arbejdsevnen er varigt og væsentligt
    nedsat"), required when the team finds the case not sufficiently clarified."""
    meeting = item.meeting
    if not can_manage_team(actor, meeting.team):
        raise AccessDenied
    if kind not in RecommendationKind.values:
        raise DomainError(_("Choose the recommendation."), field="kind")
    if presented_for not in Measure.values:
        raise DomainError(_("Choose the measure the case was presented for."), field="presented_for")
    content["reasons"], content["legal_test"] = reasons, legal_test
    if meeting.held_on > timezone.localdate():
        raise DomainError(_("The recommendation is recorded once the meeting has been held."), field="kind")
    flags = {f: bool(content.pop(f, False)) for f in ("wants_case_back", "development_perspective", "very_few_hours")}
    texts = {}
    for field, value in content.items():
        if field not in CONTENT_FIELDS:
            raise DomainError(_("Unknown field."), field=field)
        texts[field] = _text(Recommendation, field, value)
    if not texts["reasons"]:
        raise DomainError(_("State the team's reasons for the recommendation."), field="reasons")
    for field in REQUIRED_CONTENT[kind]:  # the table pathways.recommendation_content checks
        if not texts.get(field):
            model_field = Recommendation._meta.get_field(field)
            assert isinstance(model_field, Field)  # CONTENT_FIELDS are the recommendation's own text fields
            label = str(model_field.verbose_name)
            raise DomainError(
                _("A recommendation of %(kind)s must state: %(field)s.")
                % {"kind": RecommendationKind(kind).label, "field": label}, field=field,
            )  # fmt: skip
    # bek. 996/2016 § 9 and 25-14 (seed 003 L829–832, L3252–3254): very few hours need the development argued.
    if (
        kind == RecommendationKind.FLEKSJOB
        and flags["very_few_hours"]
        and not texts.get("development_within_reasonable_time")
    ):
        raise DomainError(
            _("For very few hours, explain why the work ability can develop within a reasonable time."),
            field="development_within_reasonable_time",
        )
    try:
        with transaction.atomic():
            now = timezone.now()
            rec = Recommendation.objects.create(
                item=item, case=item.case, kind=kind, presented_for=presented_for, **texts, **flags, author=actor,
                created_at=now,
            )  # fmt: skip
            record_event(
                case=item.case, kind=EventKind.REHAB_RECOMMENDATION, actor=actor, at=now,
                data={"recommendation_id": rec.pk, "agenda_item_id": item.pk, "held_on": meeting.held_on.isoformat(),
                      "team": meeting.team.name, "kind": kind, "wants_case_back": flags["wants_case_back"],
                      "presented_for": presented_for, "against_presented_measure": rec.against_presented_measure},
            )  # fmt: skip
            return rec
    except IntegrityError:
        raise DomainError(_("The team has already recorded its recommendation for this case at this meeting."),
                          field="kind") from None  # fmt: skip


def departure_record(*, actor: User, recommendation: Recommendation, departed_on: date, reason: str) -> Departure:
    """The municipality will not follow the team's recommendation. The case must go back to the team before the
    decision (lov om organisering § 11, stk. 2; seed 003 L3325–3335): Evne then blocks the decision types the team
    recommends on until the case has been on a later meeting (rule reform.rehab_team_rereferral)."""
    require_case_write(actor, recommendation.case)
    past_or_today(departed_on, field="departed_on")
    if departed_on < recommendation.item.meeting.held_on:
        raise DomainError(_("The departure cannot precede the meeting."), field="departed_on")
    reason = _text(Departure, "reason", reason, required=True)
    try:
        with transaction.atomic():
            now = timezone.now()
            departure = Departure.objects.create(
                recommendation=recommendation, departed_on=departed_on, reason=reason, author=actor, created_at=now
            )
            record_event(
                case=recommendation.case, kind=EventKind.REHAB_DEPARTURE, actor=actor, at=now,
                data={"recommendation_id": recommendation.pk, "kind": recommendation.kind,
                      "departed_on": departed_on.isoformat()},
            )  # fmt: skip
            return departure
    except IntegrityError:
        raise DomainError(_("A departure from this recommendation is already recorded."), field="reason") from None


# --- førtidspension ----------------------------------------------------------------------------------------------


def pension_transfer_record(
    *, actor: User, case: Case, transferred_on: date, citizen_told_on: date | None = None,
    on_existing_evidence: bool = False, senior: bool = False, long_attachment: bool = False,
    without_team: bool = False, futile_health_alone: bool = False, futile_unambiguous: bool = False,
    futile_not_contradictory: bool = False, futile_documented: bool = False, note: str = "",
) -> PensionTransfer:  # fmt: skip
    """Record the transfer to treatment under the pension rules (pension act § 18, stk. 1: "Tidspunktet for
    overgangen … skal fremgå af sagen og meddeles til borgeren"; seed 003 L713–721). The 3-month deadline (§ 21,
    stk. 1) runs from it. Deciding without the team because it is obviously futile (§ 18, stk. 2) needs all four
    conditions of vejledning 9465/2016 (seed 003 L646–652)."""
    require_case_write(actor, case)
    past_or_today(transferred_on, field="transferred_on")
    if citizen_told_on is not None:
        past_or_today(citizen_told_on, field="citizen_told_on")
        if citizen_told_on < transferred_on:
            raise DomainError(_("The citizen cannot be told before the transfer."), field="citizen_told_on")
    futile = {
        "futile_health_alone": bool(futile_health_alone), "futile_unambiguous": bool(futile_unambiguous),
        "futile_not_contradictory": bool(futile_not_contradictory), "futile_documented": bool(futile_documented),
    }  # fmt: skip
    if without_team:
        missing = [k for k, v in futile.items() if not v]
        if missing:
            raise DomainError(
                _("An obviously futile case is decided without the team only when all four conditions hold: the "
                  "health situation alone, unambiguous and not contradictory information, and documented permanently "
                  "and severely reduced functional capacity."),
                field=missing[0],
            )  # fmt: skip
    note = _text(PensionTransfer, "note", note)
    with transaction.atomic():
        now = timezone.now()
        transfer = PensionTransfer.objects.create(
            case=case, transferred_on=transferred_on, citizen_told_on=citizen_told_on,
            on_existing_evidence=bool(on_existing_evidence), senior=bool(senior), long_attachment=bool(long_attachment),
            without_team=bool(without_team), **futile, note=note, author=actor, created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.PENSION_TRANSFERRED, actor=actor, at=now,
            data={"transferred_on": transferred_on.isoformat(),
                  "citizen_told_on": citizen_told_on.isoformat() if citizen_told_on else None,
                  "on_existing_evidence": bool(on_existing_evidence), "senior": bool(senior),
                  "without_team": bool(without_team)},
        )  # fmt: skip
        return transfer


# --- ressourceforløb ---------------------------------------------------------------------------------------------


def _course_links(
    case: Case, *, kind: str, extends_id, rehab_plan_id, presentation_id
) -> tuple[ResourceCourse | None, RehabPlanRevision | None, AgendaItem | None]:
    """The course it extends, its preparatory part and its presentation to the team: records of the same case only.
    An extension needs the course it extends; a new course extends none. Whether a new course granted from 2013 has
    its own preparatory part and presentation is for the legal checks to judge, not refused here."""
    if kind not in CourseKind.values:
        raise DomainError(_("Choose whether it is a new ressourceforløb or an extension."), field="kind")

    def find(queryset, pk, field: str, message: str):
        if pk in (None, ""):
            return None
        found = queryset.filter(pk=pk).first() if str(pk).isdigit() else None
        if found is None:
            raise DomainError(message, field=field)
        return found

    extends = find(case.resource_courses.all(), extends_id, "extends_id",
                   _("Choose a ressourceforløb of this case to extend."))  # fmt: skip
    if kind == CourseKind.EXTENSION and extends is None:
        raise DomainError(_("An extension needs the ressourceforløb it extends."), field="extends_id")
    if kind == CourseKind.NEW and extends is not None:
        raise DomainError(_("A new ressourceforløb extends no other course; choose extension."), field="kind")
    plan = find(case.rehab_plans.all(), rehab_plan_id, "rehab_plan_id",
                _("Choose a version of this case's rehabilitation plan."))  # fmt: skip
    presentation = find(case.rehab_agenda_items.all(), presentation_id, "presentation_id",
                        _("Choose a presentation of this case to the rehabilitation team."))  # fmt: skip
    return extends, plan, presentation


def course_grant(
    *, actor: User, case: Case, start_on: date, end_on: date, coordinating_caseworker: User,
    kind: str = CourseKind.NEW, extends_id: int | None = None, rehab_plan_id: int | None = None,
    presentation_id: int | None = None,
) -> ResourceCourse:  # fmt: skip
    """Record a granted ressourceforløb of 1–5 years (LAB § 68 b; seed 003 L2052–2054; parameters
    ressourceforloeb.min_years / max_years) with its coordinating caseworker (seed 003 L2840–2866): a new course
    (with its own preparatory part and presentation to the team) or an extension of a course of the case."""
    require_case_write(actor, case)
    _date(start_on, "start_on")
    _date(end_on, "end_on")
    extends, plan, presentation = _course_links(case, kind=kind, extends_id=extends_id, rehab_plan_id=rehab_plan_id,
                                                presentation_id=presentation_id)  # fmt: skip
    low = law_param("ressourceforloeb.min_years", start_on, field="start_on", label=_("Start"))
    high = law_param("ressourceforloeb.max_years", start_on, field="start_on", label=_("Start"))
    if end_on < add_months(start_on, 12 * low) or end_on > add_months(start_on, 12 * high):
        raise DomainError(
            _("A ressourceforløb is granted for %(min)d to %(max)d years.") % {"min": low, "max": high},
            field="end_on",
        )
    if not (
        coordinating_caseworker.municipality_id == case.municipality_id
        and coordinating_caseworker.role in (Role.CASEWORKER, Role.TEAM_LEADER)
        and coordinating_caseworker.is_active
    ):
        raise DomainError(_("Choose a caseworker of the municipality."), field="coordinating_caseworker")
    with transaction.atomic():
        now = timezone.now()
        course = ResourceCourse.objects.create(
            case=case, start_on=start_on, end_on=end_on, coordinating_caseworker=coordinating_caseworker,
            kind=kind, extends=extends, rehab_plan=plan, presentation=presentation, created_by=actor, created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.COURSE_GRANTED, actor=actor, at=now,
            data={"course_id": course.pk, "start_on": start_on.isoformat(), "end_on": end_on.isoformat(),
                  "caseworker_id": coordinating_caseworker.pk, "kind": kind,
                  "extends_id": extends.pk if extends else None, "rehab_plan_id": plan.pk if plan else None,
                  "agenda_item_id": presentation.pk if presentation else None},
        )  # fmt: skip
        return course


def _locked_course(course: ResourceCourse, expected_version: int) -> ResourceCourse:
    current = ResourceCourse.objects.select_for_update().get(pk=course.pk)
    if current.version != int(expected_version):
        raise _stale(_("The ressourceforløb"), {
            "action_part": (course.action_part, current.action_part), "ended_on": (course.ended_on, current.ended_on),
        })  # fmt: skip
    return current


def course_action_part_write(
    *, actor: User, course: ResourceCourse, expected_version: int, action_part: str, written_on: date
) -> ResourceCourse:
    """The action part (indsatsdel) exists only for a granted course, built on the recommendation (seed 003
    L3286–3288): the course record is what makes it possible."""
    require_case_write(actor, course.case)
    action_part = _text(ResourceCourse, "action_part", action_part, required=True)
    past_or_today(written_on, field="written_on")
    with transaction.atomic():
        current = _locked_course(course, expected_version)
        current.action_part, current.action_part_written_on = action_part, written_on
        current.version += 1
        current.save(update_fields=["action_part", "action_part_written_on", "version"])
        record_event(case=course.case, kind=EventKind.COURSE_ACTION_PART, actor=actor, at=timezone.now(),
                     data={"course_id": course.pk, "written_on": written_on.isoformat()})  # fmt: skip
        return current


def course_end(
    *, actor: User, course: ResourceCourse, expected_version: int, ended_on: date, outcome: str,
    still_in_target_group: bool = False,
) -> ResourceCourse:  # fmt: skip
    """End the course and record what follows. When the citizen is still in the target group, a new course must be
    offered (42-17; seed 003 L930–949): the rule pathways.ressourceforloeb_after_end checks it."""
    require_case_write(actor, course.case)
    past_or_today(ended_on, field="ended_on")
    if ended_on < course.start_on:
        raise DomainError(_("The course cannot end before it began."), field="ended_on")
    if outcome not in CourseOutcome.values:
        raise DomainError(_("Choose what follows the course."), field="outcome")
    with transaction.atomic():
        current = _locked_course(course, expected_version)
        if current.ended_on:
            raise DomainError(_("The course has already ended."), field="ended_on")
        current.ended_on, current.outcome = ended_on, outcome
        current.still_in_target_group = bool(still_in_target_group)
        current.version += 1
        current.save(update_fields=["ended_on", "outcome", "still_in_target_group", "version"])
        record_event(case=course.case, kind=EventKind.COURSE_ENDED, actor=actor, at=timezone.now(),
                     data={"course_id": course.pk, "ended_on": ended_on.isoformat(), "outcome": outcome,
                           "still_in_target_group": bool(still_in_target_group)})  # fmt: skip
        return current


def course_follow_up_record(
    *, actor: User, course: ResourceCourse, held_on: date, note: str, with_citizen: bool = True
) -> CourseFollowUp:
    """A follow-up conversation in the course (seed 003 L2910–2918: six in twelve months in KK's practice)."""
    require_case_write(actor, course.case)
    past_or_today(held_on, field="held_on")
    if held_on < course.start_on:
        raise DomainError(_("The follow-up cannot precede the course."), field="held_on")
    note = _text(CourseFollowUp, "note", note, required=True)
    with transaction.atomic():
        now = timezone.now()
        follow_up = CourseFollowUp.objects.create(course=course, held_on=held_on, with_citizen=bool(with_citizen),
                                                  note=note, author=actor, created_at=now)  # fmt: skip
        record_event(case=course.case, kind=EventKind.COURSE_FOLLOW_UP, actor=actor, at=now,
                     data={"course_id": course.pk, "held_on": held_on.isoformat()})  # fmt: skip
        return follow_up


# --- jobafklaringsforløb ------------------------------------------------------------------------------------------


def _coordinator(case: Case, user: User) -> User:
    if not (user.municipality_id == case.municipality_id and user.role in (Role.CASEWORKER, Role.TEAM_LEADER)
            and user.is_active):  # fmt: skip
        raise DomainError(_("Choose a caseworker of the municipality."), field="coordinating_caseworker")
    return user


def clarification_start(
    *, actor: User, case: Case, start_on: date, coordinating_caseworker: User, plan: str
) -> JobClarificationCourse:
    """A jobafklaringsforløb for a sickness-benefit case, with its own plan and coordinating caseworker."""
    require_case_write(actor, case)
    _date(start_on, "start_on")
    _coordinator(case, coordinating_caseworker)
    plan = _text(JobClarificationCourse, "plan", plan, required=True)
    with transaction.atomic():
        now = timezone.now()
        course = JobClarificationCourse.objects.create(
            case=case, start_on=start_on, coordinating_caseworker=coordinating_caseworker, plan=plan,
            created_by=actor, created_at=now,
        )  # fmt: skip
        record_event(case=case, kind=EventKind.CLARIFICATION_STARTED, actor=actor, at=now,
                     data={"start_on": start_on.isoformat(), "caseworker_id": coordinating_caseworker.pk})  # fmt: skip
        return course


def clarification_end(
    *, actor: User, course: JobClarificationCourse, expected_version: int, ended_on: date, outcome: str
) -> JobClarificationCourse:
    require_case_write(actor, course.case)
    past_or_today(ended_on, field="ended_on")
    if ended_on < course.start_on:
        raise DomainError(_("The course cannot end before it began."), field="ended_on")
    if outcome not in ClarificationOutcome.values:
        raise DomainError(_("Choose what follows the course."), field="outcome")
    with transaction.atomic():
        current = JobClarificationCourse.objects.select_for_update().get(pk=course.pk)
        if current.version != int(expected_version):
            raise _stale(_("The jobafklaringsforløb"), {"ended_on": (course.ended_on, current.ended_on)})
        if current.ended_on:
            raise DomainError(_("The course has already ended."), field="ended_on")
        current.ended_on, current.outcome, current.version = ended_on, outcome, current.version + 1
        current.save(update_fields=["ended_on", "outcome", "version"])
        record_event(case=course.case, kind=EventKind.CLARIFICATION_ENDED, actor=actor, at=timezone.now(),
                     data={"ended_on": ended_on.isoformat(), "outcome": outcome})  # fmt: skip
        return current


# --- fleksjob ----------------------------------------------------------------------------------------------------


def visitation_record(
    *, actor: User, case: Case, visited_on: date, permanently_reduced: bool, measures_tried: bool,
    work_functions: str, hours_per_week, futile_reason: str = "", very_few_hours: bool = False,
    development_plan: str = "",
) -> FlexJobVisitation:  # fmt: skip
    """Record the fleksjob visitation (LAB §§ 69–70; seed 003 L819–837). The conditions are checked by the rule
    pathways.fleksjob_visitation before a fleksjob decision; here the facts are recorded as the caseworker found
    them."""
    require_case_write(actor, case)
    past_or_today(visited_on, field="visited_on")
    values = {
        "work_functions": _text(FlexJobVisitation, "work_functions", work_functions, required=True),
        "futile_reason": _text(FlexJobVisitation, "futile_reason", futile_reason),
        "development_plan": _text(FlexJobVisitation, "development_plan", development_plan),
    }
    hours = _hours(hours_per_week)
    with transaction.atomic():
        now = timezone.now()
        visitation = FlexJobVisitation.objects.create(
            case=case, visited_on=visited_on, permanently_reduced=bool(permanently_reduced),
            measures_tried=bool(measures_tried), hours_per_week=hours, very_few_hours=bool(very_few_hours),
            **values, author=actor, created_at=now,
        )  # fmt: skip
        record_event(case=case, kind=EventKind.FLEX_JOB_VISITATION, actor=actor, at=now,
                     data={"visitation_id": visitation.pk, "visited_on": visited_on.isoformat(),
                           "hours_per_week": str(hours)})  # fmt: skip
        return visitation


def flex_job_record(
    *, actor: User, case: Case, employer: str, start_on: date, hours_per_week, accommodation: str
) -> FlexJob:
    require_case_write(actor, case)
    _date(start_on, "start_on")
    employer = _text(FlexJob, "employer", employer, required=True)
    accommodation = _text(FlexJob, "accommodation", accommodation, required=True)
    hours = _hours(hours_per_week)
    with transaction.atomic():
        now = timezone.now()
        job = FlexJob.objects.create(case=case, employer=employer, start_on=start_on, hours_per_week=hours,
                                     accommodation=accommodation, author=actor, created_at=now)  # fmt: skip
        record_event(case=case, kind=EventKind.FLEX_JOB_STARTED, actor=actor, at=now,
                     data={"flex_job_id": job.pk, "start_on": start_on.isoformat(),
                           "hours_per_week": str(hours)})  # fmt: skip
        return job


def ledighedsydelse_record(
    *, actor: User, case: Case, start_on: date, end_on: date | None = None
) -> UnemploymentPeriod:
    require_case_write(actor, case)
    _date(start_on, "start_on")
    if end_on is not None and end_on < start_on:
        raise DomainError(_("The period cannot end before it starts."), field="end_on")
    with transaction.atomic():
        now = timezone.now()
        period = UnemploymentPeriod.objects.create(case=case, start_on=start_on, end_on=end_on, author=actor,
                                                   created_at=now)  # fmt: skip
        record_event(
            case=case,
            kind=EventKind.LEDIGHEDSYDELSE_PERIOD,
            actor=actor,
            at=now,
            data={
                "period_id": period.pk,
                "start_on": start_on.isoformat(),
                "end_on": end_on.isoformat() if end_on else None,
            },
        )
        return period


def flex_job_end(*, actor: User, job: FlexJob, ended_on: date, reason: str, note: str = "") -> FlexJobEnd:
    """The flex job ends: its end date and why, recorded once (the job is append-only, so the end is a record of its
    own). Between flex jobs the citizen may receive ledighedsydelse (LAB § 74)."""
    require_case_write(actor, job.case)
    past_or_today(ended_on, field="ended_on")
    if ended_on < job.start_on:
        raise DomainError(_("The flex job cannot end before it began."), field="ended_on")
    if reason not in FlexJobEndReason.values:
        raise DomainError(_("Choose why the flex job ended."), field="reason")
    note = _text(FlexJobEnd, "note", note, required=reason == FlexJobEndReason.OTHER)
    try:
        with transaction.atomic():
            now = timezone.now()
            end = FlexJobEnd.objects.create(job=job, ended_on=ended_on, reason=reason, note=note, author=actor,
                                            created_at=now)  # fmt: skip
            record_event(case=job.case, kind=EventKind.FLEX_JOB_ENDED, actor=actor, at=now,
                         data={"flex_job_id": job.pk, "ended_on": ended_on.isoformat(), "reason": reason})  # fmt: skip
            return end
    except IntegrityError:
        raise DomainError(_("The flex job has already ended."), field="ended_on") from None


def ledighedsydelse_end(*, actor: User, period: UnemploymentPeriod, ended_on: date) -> UnemploymentPeriodEnd:
    """End a ledighedsydelse period that was recorded without an end (once; the period is append-only)."""
    require_case_write(actor, period.case)
    past_or_today(ended_on, field="ended_on")
    if period.end_on is not None:
        raise DomainError(_("The period has already ended."), field="ended_on")
    if ended_on < period.start_on:
        raise DomainError(_("The period cannot end before it starts."), field="ended_on")
    try:
        with transaction.atomic():
            now = timezone.now()
            end = UnemploymentPeriodEnd.objects.create(period=period, ended_on=ended_on, author=actor, created_at=now)
            record_event(case=period.case, kind=EventKind.LEDIGHEDSYDELSE_ENDED, actor=actor, at=now,
                         data={"period_id": period.pk, "ended_on": ended_on.isoformat()})  # fmt: skip
            return end
    except IntegrityError:
        raise DomainError(_("The period has already ended."), field="ended_on") from None
