"""Reads of citizens shared by the web UI and the API. Every read of citizen data is access-logged."""

import re

from django.db.models import Q, QuerySet

from evne.accounts.access import log_search, log_shown, readable_citizens
from evne.accounts.models import AccessAction, User
from evne.logfilters import scrub
from evne.paging import Page, page_of
from evne.shared_reads import case_rows

from .models import Citizen, Employment, Supporter

SEARCH_LIMIT = 50
CPR_QUERY = re.compile(r"^(\d{6})-?(\d{4})?$")


def search_filter(text: str, *, prefix: str = "") -> Q:
    """The citizen part of a search: the full CPR (with or without hyphen), its 6-digit date part, or every
    word of the text in the first or last name. `prefix` reaches the citizen from another model.

    The CPR is stored as its ten digits: the full number is an exact match and the date part a range of the
    (municipality, cpr) unique index, on every database. A name is matched anywhere in the first or last name;
    on PostgreSQL trigram indexes serve that (migration citizens 0005)."""
    cpr = CPR_QUERY.match(text)
    if cpr:
        date_part, serial = cpr.groups()
        if serial:
            return Q(**{f"{prefix}cpr": date_part + serial})
        return Q(**{f"{prefix}cpr__range": (date_part + "0000", date_part + "9999")})
    condition = Q()
    for term in text.split(" "):
        condition &= Q(**{f"{prefix}first_name__icontains": term}) | Q(**{f"{prefix}last_name__icontains": term})
    return condition


def normalise_query(query: str) -> str:
    return " ".join((query or "").split())


def citizens_visible_to(user: User) -> QuerySet[Citizen]:
    """Need-to-know: the citizens the user may read (accounts.access.readable_citizens)."""
    return readable_citizens(user)


def citizen_list(*, user: User, channel: str, page: int = 1) -> Page:
    """The citizens the user may read, by name, one page of at most 50; exactly the citizens shown are logged."""
    shown = page_of(citizens_visible_to(user).order_by("last_name", "first_name", "pk"), page)
    log_shown(user=user, channel=channel, action=AccessAction.LIST, detail="citizen list", citizens=shown.rows)
    return shown


def citizen_search(*, user: User, query: str, channel: str, page: int = 1, log: bool = True) -> Page:
    """Find citizens by name or CPR (10 digits or the date part), one page of at most 50. Only the citizens the
    user may read are found. With `log`, the search and exactly the citizens shown are logged in one insert."""
    text = normalise_query(query)
    if not text:
        return Page()
    qs = citizens_visible_to(user).filter(search_filter(text)).order_by("last_name", "first_name", "pk")
    hits = page_of(qs, page)
    if log:
        log_search(user=user, channel=channel, detail=search_detail(text, hits), citizens=hits.rows)
    return hits


def search_detail(text: str, hits: Page) -> str:
    """What the access log keeps of a search: its text with CPR-shaped parts scrubbed, the page and its rows."""
    return f"{scrub(text)} ({len(hits)})" if hits.number == 1 else f"{scrub(text)} (side {hits.number}: {len(hits)})"


def citizen_supporters(citizen: Citizen) -> list[Supporter]:
    """Call only on a citizen obtained through access_citizen()."""
    return list(citizen.supporters.all())


def citizen_cases(citizen: Citizen):
    """The citizen's cases. Call only on a citizen obtained through access_citizen()."""
    return list(citizen.cases.select_related("team", "caseworker").order_by("-opened_at"))


def employments(citizen: Citizen, *, case=None) -> list[Employment]:
    """The citizen's own work, current and past, newest start first. Call only on a citizen obtained through
    access_citizen() or access_case() (`case`: the case whose page is shown)."""
    rows = case_rows(case.pk, Employment) if case is not None else None
    if rows is not None:
        return sorted(rows, key=lambda e: (e.start_on, e.pk), reverse=True)
    return list(citizen.employments.select_related("created_by").order_by("-start_on", "-id"))


def employment_for(citizen: Citizen, employment_id: int) -> Employment | None:
    """One job of the citizen, or None (also for a job of another citizen)."""
    return citizen.employments.filter(pk=employment_id).first()
