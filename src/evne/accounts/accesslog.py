"""Reading the access log: the search of the lawyer/auditor and the team leader, its pages and its CSV export.

Who read a citizen's data is itself personal data (docs/decisions/0002-access-policy.md): only a lawyer/auditor and
a team leader search it, within their own municipality. Every search and every export is itself written to the log
(action "access_log", naming the filters used — never a CPR number, which the search takes only as a citizen's
record it resolves to).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from .models import AccessAction, AccessChannel, AccessLogEntry, RecordType, Role, User

PAGE_SIZE = 50
EXPORT_LIMIT = 100_000  # rows in one CSV export; a narrower period or filter for more
SEARCH_ROLES = frozenset({Role.AUDITOR, Role.TEAM_LEADER})


def can_search_access_log(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.municipality_id and user.role in SEARCH_ROLES)


@dataclass(frozen=True)
class LogFilter:
    """The search's filters. `citizen` and `case` are records the caller obtained through the need-to-know gate."""

    citizen: object | None = None
    case: object | None = None
    user: User | None = None
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def describe(self) -> str:
        """The filters in the log's own words (ids, not names or CPR numbers): what the search was."""
        parts = []
        if self.citizen is not None:
            parts.append(f"citizen={self.citizen.pk}")
        if self.case is not None:
            parts.append(f"case={self.case.pk}")
        if self.user is not None:
            parts.append(f"user={self.user.username}")
        if self.action:
            parts.append(f"action={self.action}")
        if self.date_from:
            parts.append(f"from={self.date_from:%d-%m-%Y}")
        if self.date_to:
            parts.append(f"to={self.date_to:%d-%m-%Y}")
        return " ".join(parts)


def _bounds(day: dt.date, *, end: bool) -> dt.datetime:
    moment = dt.datetime.combine(day + dt.timedelta(days=1) if end else day, dt.time.min)
    return timezone.make_aware(moment)


def entries(user: User, flt: LogFilter) -> QuerySet[AccessLogEntry]:
    """The entries of the user's municipality matching the filters, newest first (served by the indexes
    (citizen, at), (case, at), (user, at) and (municipality, at))."""
    if not can_search_access_log(user):
        return AccessLogEntry.objects.none()
    qs = AccessLogEntry.objects.filter(municipality_id=user.municipality_id)
    if flt.citizen is not None:
        qs = qs.filter(citizen_id=flt.citizen.pk)
    if flt.case is not None:
        qs = qs.filter(case_id=flt.case.pk)
    if flt.user is not None:
        qs = qs.filter(user_id=flt.user.pk)
    if flt.action:
        qs = qs.filter(action=flt.action)
    if flt.date_from:
        qs = qs.filter(at__gte=_bounds(flt.date_from, end=False))
    if flt.date_to:
        qs = qs.filter(at__lt=_bounds(flt.date_to, end=True))
    return qs.select_related("user", "case", "citizen", "api_token").order_by("-at", "-id")


def _log_search(user: User, flt: LogFilter, *, channel: str, export: bool, shown: int) -> None:
    from .access import log_access

    what = "export" if export else "search"
    log_access(
        user=user,
        action=AccessAction.ACCESS_LOG,
        channel=channel,
        citizen=flt.citizen,
        case=flt.case,
        detail=f"{what} {flt.describe()} ({shown})".strip(),
        record=(RecordType.ACCESS_LOG, None, what),
    )


def search(user: User, flt: LogFilter, *, page: int, channel: str = AccessChannel.WEB) -> Page:
    """One page (PAGE_SIZE rows) of the search; the search is logged (one entry, however many rows are shown)."""
    shown = Paginator(entries(user, flt), PAGE_SIZE).get_page(page)
    shown.object_list = list(shown.object_list)
    _log_search(user, flt, channel=channel, export=False, shown=len(shown.object_list))
    return shown


CSV_COLUMNS = ("time", "user", "role", "citizen", "case", "action", "record", "channel", "detail")


def export_csv(user: User, flt: LogFilter, *, channel: str = AccessChannel.WEB) -> str:
    """The search as CSV (UTF-8, ';'-separated as Danish spreadsheets expect), at most EXPORT_LIMIT rows; the
    export itself is logged. Columns: time (local, dd-mm-yyyy hh:mm:ss), user, role, citizen (name), case number,
    what was viewed, the record read, channel, detail."""
    rows = list(entries(user, flt)[:EXPORT_LIMIT])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(label) for label in csv_header()])
    for e in rows:
        writer.writerow([
            f"{timezone.localtime(e.at):%d-%m-%Y %H:%M:%S}", e.user.get_full_name() or e.user.username,
            e.user.get_role_display(), e.citizen.full_name if e.citizen else "", e.case.number if e.case else "",
            e.get_action_display(), record_text(e), e.get_channel_display(), e.detail,
        ])  # fmt: skip
    _log_search(user, flt, channel=channel, export=True, shown=len(rows))
    return out.getvalue()


def csv_header():
    from django.utils.translation import gettext as _

    return (
        _("Time"), _("User"), _("Role"), _("Citizen"), _("Case"), _("What was viewed"), _("Record"), _("Channel"),
        _("Detail"),
    )  # fmt: skip


def record_text(entry: AccessLogEntry) -> str:
    """The record an entry names, in words: "Dokument: Lægeerklæring (12-05-2026)"."""
    if not entry.record_type and not entry.record:
        return ""
    kind = entry.get_record_type_display() if entry.record_type else ""
    return f"{kind}: {entry.record}" if kind and entry.record else kind or entry.record
