"""Reads of cases shared by the web UI, the API and the CLI. Every read of citizen data is access-logged."""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from evne.accounts.access import log_listing, log_search, log_shown, readable_cases
from evne.accounts.models import AccessAction, Role, User
from evne.citizens.selectors import CPR_QUERY, normalise_query, search_detail, search_filter
from evne.paging import Page as ListPage
from evne.paging import page_of
from evne.shared_reads import already_read, case_rows

from .models import Case, CaseAssignment, CaseStatus, FollowUp, JournalNote, PromptAnswer, TimelineEvent


def cases_visible_to(user: User) -> QuerySet[Case]:
    """Need-to-know: the cases the user may read (accounts.access.readable_cases)."""
    return readable_cases(user).select_related("citizen", "team", "caseworker")


PAGE_SIZE = 50  # rows per page of every list (worklist, team view, timeline, access log)


@dataclass(frozen=True)
class WorklistPage:
    scope: str  # "mine" or "team"
    page: Page  # the Django page; its object_list holds the cases shown, each with next_due and next_rule_id
    team_view: bool  # may the user see the team's cases (a team leader)


def page_number(value) -> int:
    """A page number from a query string: a positive integer, else 1 (Paginator.get_page clamps the top)."""
    text = str(value or "")
    return int(text) if text.isdigit() and 0 < int(text) < 10**9 else 1


def worklist(
    *, user: User, channel: str, scope: str = "mine", page: int = 1, on: dt.date | None = None
) -> WorklistPage:
    """ "My cases": the open cases the user is responsible for ("mine"), or — for a team leader — all the open cases
    of the team ("team"), ordered by the next running deadline (overdue first, then the nearest; cases with no
    running deadline last), paged by PAGE_SIZE. Exactly the cases on the page are access-logged, in one insert.

    The next deadline per case is the derived row checks.NextDeadline; stale rows of the listed cases are recomputed
    first (one batch per view, in a constant number of queries)."""
    from evne.checks import deadlines

    on = on or timezone.localdate()
    team_view = user.role == Role.TEAM_LEADER and bool(user.team_id)
    open_cases = cases_visible_to(user).exclude(status=CaseStatus.CLOSED)
    if scope == "team" and team_view:
        open_cases = open_cases.filter(team_id=user.team_id)
    else:
        scope = "mine"
        open_cases = open_cases.filter(caseworker=user)
    deadlines.refresh(open_cases, on=on)
    ordered = open_cases.annotate(
        next_due=F("next_deadline__due_on"), next_rule_id=F("next_deadline__rule_id")
    ).order_by(F("next_due").asc(nulls_last=True), "help_requested_on", "number", "pk")
    shown = Paginator(ordered, PAGE_SIZE).get_page(page)
    log_listing(user=user, cases=shown.object_list, channel=channel, detail="worklist")
    return WorklistPage(scope=scope, page=shown, team_view=team_view)


def case_list(*, user: User, channel: str, page: int = 1) -> ListPage:
    """The cases the user may read, by case number, one page of at most 50; exactly the cases shown are logged."""
    shown = page_of(cases_visible_to(user).order_by("number", "pk"), page)
    log_shown(user=user, channel=channel, action=AccessAction.LIST, detail="case list", cases=shown.rows)
    return shown


def case_search(*, user: User, query: str, channel: str, page: int = 1, log: bool = True) -> ListPage:
    """Search by name, CPR (10 digits, or the 6-digit date part) or case number, one page of at most 50 cases the
    user may read. With `log`, the search and exactly the cases shown are logged in one insert."""
    text = normalise_query(query)
    if not text:
        return ListPage()
    condition = search_filter(text, prefix="citizen__")
    if not CPR_QUERY.match(text):
        condition |= Q(number__icontains=text)
    qs = cases_visible_to(user).filter(condition).order_by("citizen__last_name", "citizen__first_name", "number")
    hits = page_of(qs, page)
    if log:  # the query may itself be a CPR number: the log keeps its shape, the hits say whom it found
        log_search(user=user, channel=channel, detail=search_detail(text, hits), cases=hits.rows)
    return hits


def case_timeline_query(case: Case) -> QuerySet[TimelineEvent]:
    """The case's events, oldest first, to be paged. Call only on a case obtained through access_case()."""
    return case.events.select_related("actor", "note", "note__author").order_by("at", "id")


def case_timeline(case: Case) -> list[TimelineEvent]:
    """The case's events, oldest first. Call only on a case obtained through access_case()."""
    rows = case_rows(case.pk, TimelineEvent)
    if rows is not None:
        return sorted(rows, key=lambda e: (e.at, e.pk))
    return list(case_timeline_query(case))


def timeline_page(case: Case, page: int) -> Page:
    """One page of the case's timeline, newest first (the case page shows the latest events on top)."""
    rows = case_rows(case.pk, TimelineEvent)  # the case page read the whole case already: page those rows
    events = (
        sorted(rows, key=lambda e: (e.at, e.pk), reverse=True)
        if rows is not None
        else case.events.select_related("actor", "note", "note__author").order_by("-at", "-id")
    )
    shown = Paginator(events, PAGE_SIZE).get_page(page)
    shown.object_list = list(shown.object_list)
    return shown


def case_notes_query(case: Case) -> QuerySet[JournalNote]:
    return case.notes.select_related("author", "corrects").order_by("created_at", "id")


def case_notes(case: Case) -> list[JournalNote]:
    return list(case_notes_query(case))


def follow_ups_for(case: Case, *, limit: int | None = None) -> list:
    """The follow-up conversations of the case, newest first."""
    rows = case.follow_ups.select_related("author").order_by("-held_on", "-id")
    return list(rows[:limit] if limit else rows)


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
