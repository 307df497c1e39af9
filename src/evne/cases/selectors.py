"""Reads of cases shared by the web UI, the API and the CLI. Every read of citizen data is access-logged."""

from django.db.models import Q, QuerySet

from evne.accounts.access import can_read_cases, log_access, log_listing
from evne.accounts.models import AccessAction, Role, User
from evne.citizens.selectors import CPR_QUERY, normalise_query, search_filter
from evne.logfilters import scrub

from .models import Case, CaseAssignment, CaseStatus, JournalNote, TimelineEvent

SEARCH_LIMIT = 50


def cases_visible_to(user: User) -> QuerySet[Case]:
    """Need-to-know: the cases of the user's own municipality, for roles that work with cases."""
    if not can_read_cases(user):
        return Case.objects.none()
    cases = Case.objects.filter(municipality_id=user.municipality_id)
    if user.role == Role.REHAB_MEMBER:  # only the cases on their team's agendas (docs/decisions/0007)
        cases = cases.filter(
            rehab_agenda_items__meeting__team__members__user=user,
            rehab_agenda_items__meeting__team__members__active=True,
        ).distinct()
    return cases.select_related("citizen", "team", "caseworker")


def worklist(*, user: User, channel: str) -> dict[str, list[Case]]:
    """ "My cases": the open cases the user is responsible for; a team leader also sees the team's."""
    open_cases = cases_visible_to(user).exclude(status=CaseStatus.CLOSED).order_by("help_requested_on", "number")
    mine = list(open_cases.filter(caseworker=user))
    team: list[Case] = []
    if user.role == Role.TEAM_LEADER and user.team_id:
        team = list(open_cases.filter(team_id=user.team_id).exclude(caseworker=user))
    log_listing(user=user, cases=mine + team, channel=channel, detail="worklist")
    return {"mine": mine, "team": team}


def case_search(*, user: User, query: str, channel: str) -> list[Case]:
    """Search by name, CPR (10 digits, or the 6-digit date part) or case number; the search itself is logged."""
    text = normalise_query(query)
    if not text:
        return []
    condition = search_filter(text, prefix="citizen__")
    if not CPR_QUERY.match(text):
        condition |= Q(number__icontains=text)
    qs = cases_visible_to(user).filter(condition)
    hits = list(qs.order_by("citizen__last_name", "citizen__first_name", "number")[:SEARCH_LIMIT])
    # The query may itself be a CPR number: the log keeps its shape, the hits say whom it found.
    log_access(user=user, action=AccessAction.SEARCH, channel=channel, detail=f"{scrub(text)} ({len(hits)})")
    log_listing(user=user, cases=hits, channel=channel, action=AccessAction.SEARCH_HIT, detail="search")
    return hits


def case_timeline(case: Case) -> list[TimelineEvent]:
    """The case's events, oldest first. Call only on a case obtained through access_case()."""
    return list(case.events.select_related("actor", "note", "note__author").order_by("at", "id"))


def case_notes(case: Case) -> list[JournalNote]:
    return list(case.notes.select_related("author", "corrects").order_by("created_at", "id"))


def follow_ups_for(case: Case, *, limit: int | None = None) -> list:
    """The follow-up conversations of the case, newest first."""
    rows = case.follow_ups.select_related("author").order_by("-held_on", "-id")
    return list(rows[:limit] if limit else rows)


def case_assignments(case: Case) -> list[CaseAssignment]:
    return list(case.assignments.select_related("caseworker", "assigned_by").order_by("assigned_at", "id"))


def team_caseworkers(case: Case) -> QuerySet[User]:
    """Who may be made responsible for the case: active caseworkers and team leaders of its team."""
    return User.objects.filter(
        team_id=case.team_id, role__in=[Role.CASEWORKER, Role.TEAM_LEADER], is_active=True
    ).order_by("first_name", "last_name")
