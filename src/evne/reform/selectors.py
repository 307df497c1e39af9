"""Reads of the reform pathways. Call only for a case obtained through access_case() (or a meeting through
access_meeting()), which logs the access."""

from evne.accounts.models import Role, User
from evne.cases.models import Case
from evne.shared_reads import case_rows

from .models import (
    AgendaItem,
    MemberRole,
    Recommendation,
    RehabMeeting,
    RehabPlanRevision,
    RehabTeam,
    ResourceCourse,
)
from .services import pending_rereferral

__all__ = ["pending_rereferral"]


def latest_rehab_plan(case: Case) -> RehabPlanRevision | None:
    rows = case_rows(case.pk, RehabPlanRevision)
    if rows is not None:
        return max(rows, key=lambda p: p.number, default=None)
    return case.rehab_plans.select_related("author", "gp_document").order_by("-number").first()


# Where the resource profile's elements go in the preparatory part (bek. om en rehabiliteringsplan, § 2: the
# employment, social and health resources and challenges, the personal resources and network, and the citizen's
# wishes). The part describes and documents only (seed 003 L3131–3141): the facts, resources, barriers and the
# citizen's view are carried over, never the caseworker's assessment.
PREFILL_FROM_PROFILE: dict[str, tuple[str, ...]] = {
    "employment_resources": ("education", "labour_market_experience", "adaptability", "learning_ability",
                             "work_identity", "performance_expectations", "other"),
    "social_resources": ("social_competences", "housing_finances"),
    "health_resources": ("health",),
    "personal_resources": ("interests", "social_network"),
    "wishes": ("work_wishes",),
}  # fmt: skip


def _element_text(version) -> str:
    from django.utils.translation import gettext as _

    parts = [f["text"] for f in version.facts if f.get("text")]
    for label, text in ((_("Resources"), version.resources), (_("Barriers"), version.barriers),
                        (_("The citizen's own view"), version.citizen_view)):  # fmt: skip
        if text:
            parts.append(f"{label}: {text}")
    return " ".join(parts)


def rehab_plan_prefill(case: Case) -> dict[str, str]:
    """The preparatory part's text fields prefilled from the current resource profile, each element under its
    name, so the caseworker edits instead of retyping (issue 13). Fields no element feeds stay empty."""
    from evne.profiles.models import ElementKey
    from evne.profiles.selectors import current_elements, profile_for

    current = current_elements(profile_for(case))
    initial: dict[str, str] = {}
    for field, keys in PREFILL_FROM_PROFILE.items():
        lines = []
        for key in keys:
            version = current.get(key)
            text = _element_text(version) if version is not None and version.relevant else ""
            if text:
                lines.append(f"{ElementKey(key).label}: {text}")
        if lines:
            initial[field] = "\n".join(lines)
    health = current.get("health")
    if health is not None and health.relevant and health.facts:
        initial["health_situation"] = " ".join(f["text"] for f in health.facts if f.get("text"))
    return initial


def lae_265_documents(case: Case) -> list:
    """The case's LÆ 265 certificates, newest first (the preparatory part rests on one)."""
    from evne.evidence.models import Document, DocumentKind

    return list(Document.objects.filter(case=case, kind=DocumentKind.LAE_265).order_by("-document_date", "-id"))


def recommendation_for(case: Case, recommendation_id: int) -> Recommendation | None:
    return Recommendation.objects.filter(case=case, pk=recommendation_id).select_related("item__meeting").first()


def coordinating_caseworkers(case: Case):
    """Who may coordinate a course: the municipality's active caseworkers and team leaders."""
    return User.objects.filter(
        municipality_id=case.municipality_id, is_active=True, role__in=[Role.CASEWORKER, Role.TEAM_LEADER]
    ).order_by("first_name", "last_name")


def course_for(case: Case, course_id: int, *, related: str = "resource_courses"):
    """One course or pathway record of the case by its related name (resource_courses, job_clarification_courses,
    flex_jobs, …), or None."""
    return getattr(case, related).filter(pk=course_id).first()


def rehab_plans(case: Case) -> list[RehabPlanRevision]:
    return list(case.rehab_plans.select_related("author").order_by("-number"))


def rehab_plan_by_number(case: Case, number: int) -> RehabPlanRevision | None:
    return case.rehab_plans.select_related("author", "gp_document").filter(number=number).first()


def plan_profile_versions(plan: RehabPlanRevision) -> list:
    """The exact resource-profile element versions the plan rests on (shown, never copied), in the law's order."""
    from evne.profiles.models import ElementKey, ElementVersion

    order = {key: index for index, key in enumerate(ElementKey.values)}
    versions = ElementVersion.objects.filter(pk__in=plan.profile_version_ids, profile__case_id=plan.case_id)
    return sorted(versions.select_related("author"), key=lambda v: (order.get(v.element, len(order)), v.number))


def case_agenda(case: Case) -> list[AgendaItem]:
    """The case's presentations to the team, newest first, with recommendation and departure."""
    rows = case_rows(case.pk, AgendaItem)
    if rows is not None:  # meeting, team, recommendation and departure are in place
        items = sorted(rows, key=lambda i: (i.meeting.held_on, i.pk), reverse=True)
        for item in items:
            item.rec = getattr(item, "recommendation", None)
        return items
    items = case.rehab_agenda_items.select_related("meeting", "meeting__team").order_by("-meeting__held_on", "-id")
    items = list(items)
    recs = {
        r.item_id: r
        for r in Recommendation.objects.filter(item__in=items).select_related(
            "author", "departure", "departure__author"
        )
    }
    for item in items:
        item.rec = recs.get(item.pk)
    return items


def upcoming_meetings(case: Case, on) -> list[RehabMeeting]:
    """Meetings of the municipality's teams the case can be put on (not already on the agenda)."""
    taken = case.rehab_agenda_items.values_list("meeting_id", flat=True)
    return list(
        RehabMeeting.objects.filter(team__municipality_id=case.municipality_id, held_on__gte=on)
        .exclude(pk__in=taken).select_related("team").order_by("held_on", "id")[:50]
    )  # fmt: skip


def pension_transfer(case: Case):
    return case.pension_transfers.select_related("author").order_by("-created_at", "-id").first()


def resource_courses(case: Case) -> list[ResourceCourse]:
    return list(
        case.resource_courses.select_related("coordinating_caseworker", "extends", "rehab_plan",
                                             "presentation__meeting").prefetch_related("follow_ups")
        .order_by("-start_on", "-id")
    )  # fmt: skip


def clarification_courses(case: Case) -> list:
    return list(case.job_clarification_courses.select_related("coordinating_caseworker").order_by("-start_on", "-id"))


def visitations(case: Case) -> list:
    return list(case.flex_job_visitations.select_related("author").order_by("-visited_on", "-id"))


def flex_jobs(case: Case) -> list:
    """Newest first, each with its end (`job.end`, absent while the job runs)."""
    return list(case.flex_jobs.select_related("end").order_by("-start_on", "-id"))


def flex_job_end(job):
    return getattr(job, "end", None)


def ledighedsydelse_periods(case: Case) -> list:
    """Newest first; `effective_end_on` is the end given with the period or recorded later."""
    return list(case.ledighedsydelse_periods.select_related("end").order_by("-start_on", "-id"))


def course_follow_ups(course: ResourceCourse) -> list:
    return list(course.follow_ups.select_related("author").order_by("held_on", "id"))


def teams_for(user: User) -> list[RehabTeam]:
    """The rehabilitation teams the user may see: a member sees their own teams, others the municipality's."""
    qs = RehabTeam.objects.filter(municipality_id=user.municipality_id)
    if user.role == Role.REHAB_MEMBER:
        qs = qs.filter(members__user=user, members__active=True).distinct()
    return list(qs.order_by("name"))


def team_meetings(team: RehabTeam) -> list[RehabMeeting]:
    return list(team.meetings.order_by("-held_on", "-id")[:100])


def missing_roles(team: RehabTeam) -> list[str]:
    """The roles the law requires that no active member holds (seed 003 L3100–3104); education is required only
    for citizens under 30 and is checked per case (rule pathways.team_composition)."""
    present = set(team.members.filter(active=True).values_list("role", flat=True))
    required = (MemberRole.EMPLOYMENT, MemberRole.SOCIAL, MemberRole.HEALTH, MemberRole.HEALTH_COORDINATOR)
    return [str(r.label) for r in required if r not in present]


def meeting_items(meeting: RehabMeeting) -> list[AgendaItem]:
    items = list(meeting.items.select_related("case", "case__citizen", "case__caseworker").order_by("id"))
    recs = {r.item_id: r for r in Recommendation.objects.filter(item__in=items).select_related("departure")}
    for item in items:
        item.rec = recs.get(item.pk)
    return items


def cases_to_present_again(team: RehabTeam) -> list[Case]:
    """Cases whose recommendation from this team the municipality departed from, not yet back on a later meeting
    (lov om organisering § 11, stk. 2): they are required back on the team's agenda."""
    cases = Case.objects.filter(rehab_recommendations__departure__isnull=False,
                                rehab_recommendations__item__meeting__team=team).distinct()  # fmt: skip
    return [c for c in cases.select_related("citizen") if pending_rereferral(c) is not None]
