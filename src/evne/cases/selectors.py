"""Reads of cases shared by the web UI, the API and the CLI. Every read of citizen data is access-logged."""

from django.db.models import Q, QuerySet

from evne.accounts.access import log_listing, log_search, log_shown, readable_cases
from evne.accounts.models import AccessAction, Role, User
from evne.citizens.selectors import CPR_QUERY, normalise_query, search_detail, search_filter
from evne.paging import Page, page_of
from evne.shared_reads import already_read, case_rows

from .models import Case, CaseAssignment, CaseStatus, FollowUp, JournalNote, PromptAnswer, TimelineEvent


def cases_visible_to(user: User) -> QuerySet[Case]:
    """Need-to-know: the cases the user may read (accounts.access.readable_cases)."""
    return readable_cases(user).select_related("citizen", "team", "caseworker")


def worklist(*, user: User, channel: str) -> dict[str, list[Case]]:
    """ "My cases": the open cases the user is responsible for; a team leader also sees the team's."""
    open_cases = cases_visible_to(user).exclude(status=CaseStatus.CLOSED).order_by("help_requested_on", "number")
    mine = list(open_cases.filter(caseworker=user))
    team: list[Case] = []
    if user.role == Role.TEAM_LEADER and user.team_id:
        team = list(open_cases.filter(team_id=user.team_id).exclude(caseworker=user))
    log_listing(user=user, cases=mine + team, channel=channel, detail="worklist")
    return {"mine": mine, "team": team}


def case_list(*, user: User, channel: str, page: int = 1) -> Page:
    """The cases the user may read, by case number, one page of at most 50; exactly the cases shown are logged."""
    shown = page_of(cases_visible_to(user).order_by("number", "pk"), page)
    log_shown(user=user, channel=channel, action=AccessAction.LIST, detail="case list", cases=shown.rows)
    return shown


def case_search(*, user: User, query: str, channel: str, page: int = 1, log: bool = True) -> Page:
    """Search by name, CPR (10 digits, or the 6-digit date part) or case number, one page of at most 50 cases the
    user may read. With `log`, the search and exactly the cases shown are logged in one insert."""
    text = normalise_query(query)
    if not text:
        return Page()
    condition = search_filter(text, prefix="citizen__")
    if not CPR_QUERY.match(text):
        condition |= Q(number__icontains=text)
    qs = cases_visible_to(user).filter(condition).order_by("citizen__last_name", "citizen__first_name", "number")
    hits = page_of(qs, page)
    if log:  # the query may itself be a CPR number: the log keeps its shape, the hits say whom it found
        log_search(user=user, channel=channel, detail=search_detail(text, hits), cases=hits.rows)
    return hits


def case_timeline(case: Case) -> list[TimelineEvent]:
    """The case's events, oldest first. Call only on a case obtained through access_case()."""
    rows = case_rows(case.pk, TimelineEvent)
    if rows is not None:
        return sorted(rows, key=lambda e: (e.at, e.pk))
    return list(case.events.select_related("actor", "note", "note__author").order_by("at", "id"))


def case_notes(case: Case) -> list[JournalNote]:
    return list(case.notes.select_related("author", "corrects").order_by("created_at", "id"))


def case_assignments(case: Case) -> list[CaseAssignment]:
    rows = case_rows(case.pk, CaseAssignment)
    if rows is not None:
        return sorted(rows, key=lambda a: (a.assigned_at, a.pk))
    return list(case.assignments.select_related("caseworker", "assigned_by").order_by("assigned_at", "id"))


def recent_follow_ups(case: Case, limit: int = 5) -> list[FollowUp]:
    """The latest follow-up conversations, newest first."""
    rows = case_rows(case.pk, FollowUp)
    if rows is not None:
        return sorted(rows, key=lambda f: (f.held_on, f.pk), reverse=True)[:limit]
    return list(case.follow_ups.select_related("author").order_by("-held_on", "-id")[:limit])


def recent_prompt_answers(case: Case, limit: int = 20) -> list[PromptAnswer]:
    """The caseworker's latest answers to the checks' questions, newest first."""
    rows = case_rows(case.pk, PromptAnswer)
    if rows is not None:
        return sorted(rows, key=lambda a: (a.answered_at, a.pk), reverse=True)[:limit]
    return list(case.prompt_answers.select_related("answered_by").order_by("-answered_at", "-id")[:limit])


ASSIGNABLE_ROLES = (Role.CASEWORKER, Role.TEAM_LEADER)


def team_caseworkers(case: Case) -> QuerySet[User]:
    """Who may be made responsible for the case: active caseworkers and team leaders of its team."""
    return User.objects.filter(team_id=case.team_id, role__in=ASSIGNABLE_ROLES, is_active=True).order_by(
        "first_name", "last_name"
    )


def assignable_caseworkers(case: Case) -> list[User]:
    """team_caseworkers, as a list; on the case page from the users it has read already."""
    loaded = already_read(("case-rows", case.pk))
    if loaded is None:
        return list(team_caseworkers(case))
    team = [u for u in loaded.users.values()
            if u.team_id == case.team_id and u.role in ASSIGNABLE_ROLES and u.is_active]  # fmt: skip
    return sorted(team, key=lambda u: (u.first_name, u.last_name, u.pk))
