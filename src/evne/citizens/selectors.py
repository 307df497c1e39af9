"""Reads of citizens shared by the web UI and the API. Every read of citizen data is access-logged."""

import re

from django.db.models import Q, QuerySet

from evne.accounts.access import can_read_cases, log_access
from evne.accounts.models import AccessAction, User
from evne.logfilters import scrub

from .models import Citizen, Employment, Supporter

SEARCH_LIMIT = 50
CPR_QUERY = re.compile(r"^(\d{6})-?(\d{4})?$")


def search_filter(text: str, *, prefix: str = "") -> Q:
    """The citizen part of a search: the full CPR (with or without hyphen), its 6-digit date part, or every
    word of the text in the first or last name. `prefix` reaches the citizen from another model."""
    cpr = CPR_QUERY.match(text)
    if cpr:
        date_part, serial = cpr.groups()
        return Q(**{f"{prefix}cpr": date_part + serial}) if serial else Q(**{f"{prefix}cpr__startswith": date_part})
    condition = Q()
    for term in text.split(" "):
        condition &= Q(**{f"{prefix}first_name__icontains": term}) | Q(**{f"{prefix}last_name__icontains": term})
    return condition


def normalise_query(query: str) -> str:
    return " ".join((query or "").split())


def citizens_visible_to(user: User) -> QuerySet[Citizen]:
    if not can_read_cases(user):
        return Citizen.objects.none()
    return Citizen.objects.filter(municipality_id=user.municipality_id)


def citizen_search(*, user: User, query: str, channel: str, log_query: bool = True) -> list[Citizen]:
    """Find citizens by name or CPR (10 digits or the date part). The search and each hit are logged.

    `log_query=False` when the same query was already logged as a search (a combined search page)."""
    text = normalise_query(query)
    if not text:
        return []
    qs = citizens_visible_to(user).filter(search_filter(text))
    hits = list(qs.order_by("last_name", "first_name")[:SEARCH_LIMIT])
    if log_query:
        log_access(user=user, action=AccessAction.SEARCH, channel=channel, detail=f"{scrub(text)} ({len(hits)})")
    for citizen in hits:
        log_access(user=user, action=AccessAction.SEARCH_HIT, channel=channel, citizen=citizen, detail="search")
    return hits


def citizen_supporters(citizen: Citizen) -> list[Supporter]:
    """Call only on a citizen obtained through access_citizen()."""
    return list(citizen.supporters.all())


def citizen_cases(citizen: Citizen):
    """The citizen's cases. Call only on a citizen obtained through access_citizen()."""
    return list(citizen.cases.select_related("team", "caseworker").order_by("-opened_at"))


def employments(citizen: Citizen) -> list[Employment]:
    """The citizen's own work, current and past, newest start first. Call only on a citizen obtained through
    access_citizen() or access_case()."""
    return list(citizen.employments.select_related("created_by").order_by("-start_on", "-id"))


def employment_for(citizen: Citizen, employment_id: int) -> Employment | None:
    """One job of the citizen, or None (also for a job of another citizen)."""
    return citizen.employments.filter(pk=employment_id).first()
