"""Need-to-know access: the one gate per entity, and the access log.

Policy (see docs/decisions/0002-access-policy.md):
- a user reads only citizens and cases of their own municipality, and only in a role that works with cases
  (caseworker, team leader, rehab-team member, lawyer/auditor); the administrator manages accounts and
  reads no case data; a rehab-team member reads only the cases on their team's meeting agendas (0007);
- a caseworker or team leader changes only cases of their own team; the rehab-team member and the
  lawyer/auditor never change case data;
- a record of another municipality is answered as "not found", so its existence is not disclosed;
- every read of a citizen's data writes an access-log entry (user, time, citizen, case, what was viewed).
"""

import contextvars
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.db.models import QuerySet

from evne.errors import AccessDenied, NotFound

from .models import AccessAction, AccessChannel, AccessLogEntry, RecordType, Role, User

READ_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.REHAB_MEMBER, Role.AUDITOR})
WRITE_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER})


def can_read_cases(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.municipality_id and user.role in READ_ROLES)


def can_create(user: User) -> bool:
    """May the user create citizens and cases (in their own team)?"""
    return can_read_cases(user) and user.role in WRITE_ROLES and user.team_id is not None


# Need-to-know for a rehabilitation-team member (docs/decisions/0007): the cases on the agendas of their team. The
# reform app, above this one, registers the test when Django starts (reform.apps); unregistered, such a member reads
# nothing.
def _nothing_on_agenda(user: User, case: Any) -> bool:
    return False


_on_members_agenda: Callable[[User, Any], bool] = _nothing_on_agenda


def register_agenda_check(check: Callable[[User, Any], bool]) -> None:
    global _on_members_agenda
    _on_members_agenda = check


def can_read_case(user: User, case) -> bool:
    if not (can_read_cases(user) and case.municipality_id == user.municipality_id):
        return False
    if user.role == Role.REHAB_MEMBER:
        return _on_members_agenda(user, case)
    return True


def can_write_case(user: User, case) -> bool:
    return can_read_case(user, case) and user.role in WRITE_ROLES and case.team_id == user.team_id


def require_case_write(user: User, case) -> None:
    """For services: refuse (AccessDenied) unless the user may change the case."""
    if not can_write_case(user, case):
        raise AccessDenied


def can_read_citizen(user: User, citizen) -> bool:
    if not (can_read_cases(user) and citizen.municipality_id == user.municipality_id):
        return False
    if user.role == Role.REHAB_MEMBER:  # only citizens with a case on their team's agenda (docs/decisions/0007)
        return any(_on_members_agenda(user, case) for case in citizen.cases.all())
    return True


def can_write_citizen(user: User, citizen) -> bool:
    """Citizen data is changed by the caseworkers of a team that has (or is about to open) a case for them."""
    if not (can_read_citizen(user, citizen) and user.role in WRITE_ROLES and user.team_id):
        return False
    teams = set(citizen.cases.values_list("team_id", flat=True))
    return not teams or user.team_id in teams


def can_read_access_log(user: User, citizen) -> bool:
    """Who read a citizen's data is itself personal data: team leaders and lawyers/auditors may see it."""
    return can_read_citizen(user, citizen) and user.role in {Role.TEAM_LEADER, Role.AUDITOR}


# The entries already written in this request (set by AccessLogScopeMiddleware): a page that reaches the same record
# twice (a search that finds the citizen and their case, a view that passes the gate twice) logs it once.
_logged_in_request: contextvars.ContextVar[set | None] = contextvars.ContextVar("evne_access_logged", default=None)


class AccessLogScopeMiddleware:
    """One request, one entry per (user, action, citizen, case, record): no duplicate rows per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _logged_in_request.set(set())
        try:
            return self.get_response(request)
        finally:
            _logged_in_request.reset(token)


def _first_in_request(key: tuple) -> bool:
    seen = _logged_in_request.get()
    if seen is None:  # outside a request (a command, a test calling a selector): every call is logged
        return True
    if key in seen:
        return False
    seen.add(key)
    return True


def record_reference(record) -> tuple[str, int | None, str]:
    """The record type, id and readable name an access-log entry stores for `record` (a model instance, or a
    (record type, id, name) triple for what has no row of its own, such as the profile as it stood on a date)."""
    if record is None:
        return "", None, ""
    if isinstance(record, tuple):
        kind, pk, name = record
        return kind, pk, str(name)[:200]
    model_name = record._meta.model_name
    name = _RECORD_NAMES.get(model_name, str)(record)
    kind = {"document": RecordType.DOCUMENT, "decision": RecordType.DECISION}.get(model_name, model_name[:20])
    return kind, record.pk, name[:200]


def _document_name(document) -> str:
    return f"{document.title} ({document.document_date:%d-%m-%Y})"


def _decision_name(decision) -> str:
    return f"{decision.number}: {decision.get_subject_display()}, {decision.get_outcome_display()}"


_RECORD_NAMES: dict[str, Callable[[Any], str]] = {"document": _document_name, "decision": _decision_name}


# The personal API token of the request being answered (set by the API's Bearer authentication, cleared at the
# start of every request by evne.web.security.NoStoreMiddleware): the access log names the token a read came
# through, without every selector taking it as an argument.
current_api_token: ContextVar[int | None] = ContextVar("evne_current_api_token", default=None)


def _token_for(channel: str) -> int | None:
    return current_api_token.get() if channel == AccessChannel.API else None


def readable_cases(user: User) -> QuerySet:
    """Every case the user may read, as a query (the same policy as can_read_case, for lists and searches)."""
    Case = apps.get_model("cases", "Case")
    if not can_read_cases(user):
        return Case.objects.none()
    cases = Case.objects.filter(municipality_id=user.municipality_id)
    if user.role == Role.REHAB_MEMBER:  # only the cases on their team's agendas (docs/decisions/0007)
        on_agenda = Case.objects.filter(
            rehab_agenda_items__meeting__team__members__user=user,
            rehab_agenda_items__meeting__team__members__active=True,
        )
        cases = cases.filter(pk__in=on_agenda.values("pk"))
    return cases


def readable_citizens(user: User) -> QuerySet:
    """Every citizen the user may read, as a query (the same policy as can_read_citizen): a rehab-team member
    only the citizens of the cases on the team's agendas."""
    Citizen = apps.get_model("citizens", "Citizen")
    if not can_read_cases(user):
        return Citizen.objects.none()
    citizens = Citizen.objects.filter(municipality_id=user.municipality_id)
    if user.role == Role.REHAB_MEMBER:
        citizens = citizens.filter(pk__in=readable_cases(user).values("citizen_id"))
    return citizens


def log_access(
    *, user: User, action: str, channel: str, citizen=None, case=None, detail: str = "", record=None
) -> AccessLogEntry | None:
    """Write one entry; `record` names what was read beyond the case (record_reference). Within one request the
    same entry is written once (returns None for the repeat)."""
    if case is not None and citizen is None:
        citizen = case.citizen
    record_type, record_id, record_name = record_reference(record)
    key = (user.pk, action, getattr(citizen, "pk", None), getattr(case, "pk", None), record_type, record_id, detail)
    if not _first_in_request(key):
        return None
    return AccessLogEntry.objects.create(
        api_token_id=_token_for(channel),
        user=user,
        municipality_id=user.municipality_id,
        citizen=citizen,
        case=case,
        action=action,
        channel=channel,
        detail=detail[:300],
        record_type=record_type,
        record_id=record_id,
        record=record_name,
    )


def log_listing(*, user: User, cases: Iterable, channel: str, action: str = AccessAction.LIST, detail: str = ""):
    """One entry per case shown in a list (the list shows the citizen's name and masked CPR), in ONE insert: pass
    exactly the rows on the page shown, never the whole query behind it."""
    entries = []
    for case in cases:
        key = (user.pk, action, case.citizen_id, case.pk, "", None, detail)
        if _first_in_request(key):
            entries.append(
                AccessLogEntry(
                    user=user,
                    municipality_id=user.municipality_id,
                    citizen_id=case.citizen_id,
                    case=case,
                    action=action,
                    channel=channel,
                    detail=detail[:300],
                    api_token_id=_token_for(channel),
                )
            )
    if entries:
        AccessLogEntry.objects.bulk_create(entries)


def log_search(*, user: User, channel: str, detail: str, cases: Iterable = (), citizens: Iterable = ()) -> None:
    """A search and exactly the rows it showed, in one insert: the search itself (its text, CPR-shaped parts
    scrubbed, in `detail`), one entry per case shown and one per citizen shown."""
    log_shown(user=user, channel=channel, action=AccessAction.SEARCH_HIT, detail="search", cases=cases,
              citizens=citizens, search=detail)  # fmt: skip


def log_shown(
    *, user: User, channel: str, action: str, detail: str, cases: Iterable = (), citizens: Iterable = (),
    search: str | None = None,
) -> None:  # fmt: skip
    """Exactly the cases and citizens a page or a list showed, one entry each, in one insert (with the search
    itself first when `search` gives its logged text)."""
    entry = {"user": user, "municipality_id": user.municipality_id, "channel": channel}
    rows = [] if search is None else [AccessLogEntry(**entry, action=AccessAction.SEARCH, detail=search[:300])]
    rows += [AccessLogEntry(**entry, action=action, citizen_id=c.citizen_id, case=c, detail=detail) for c in cases]
    rows += [AccessLogEntry(**entry, action=action, citizen=c, detail=detail) for c in citizens]
    if rows:
        AccessLogEntry.objects.bulk_create(rows)


def access_case(
    *,
    user: User,
    case_id: int,
    what: str = AccessAction.CASE,
    channel: str = AccessChannel.WEB,
    write: bool = False,
    queryset: QuerySet | None = None,
    log: bool = True,
):
    """The only way to a case. Raises NotFound or AccessDenied; every granted access is logged — with `log=False`
    the caller logs it itself, naming the record read (log_access with `record`), once it has found that record."""
    Case = apps.get_model("cases", "Case")

    qs = (
        queryset
        if queryset is not None
        else Case.objects.select_related("citizen", "team", "caseworker", "municipality")
    )
    case = qs.filter(pk=case_id).first()
    if case is None or not can_read_case(user, case):
        raise NotFound
    if write and not can_write_case(user, case):
        raise AccessDenied
    if log:
        log_access(user=user, action=what, channel=channel, case=case, citizen=case.citizen)
    return case


def access_citizen(
    *,
    user: User,
    citizen_id: int,
    what: str = AccessAction.CITIZEN,
    channel: str = AccessChannel.WEB,
    write: bool = False,
):
    """The only way to a citizen. Raises NotFound or AccessDenied; every granted access is logged."""
    Citizen = apps.get_model("citizens", "Citizen")

    citizen = Citizen.objects.filter(pk=citizen_id).first()
    if citizen is None or not can_read_citizen(user, citizen):
        raise NotFound
    if write and not can_write_citizen(user, citizen):
        raise AccessDenied
    log_access(user=user, action=what, channel=channel, citizen=citizen)
    return citizen
