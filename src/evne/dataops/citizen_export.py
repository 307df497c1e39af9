"""The citizen's own data (GDPR art. 15, right of access): everything Evne holds about one citizen, as one ZIP.

`borger.json` (the citizen record and the people who support them), `sager/<case number>.json` for each case (the
case-file export, evne.casefile.export, with the whole timeline), `dokumenter/<case number>/…` (the documents' own
files), `adgangslog.json` (who has read the citizen's data, when and what) and `LAESMIG.txt`. Only a team leader or
lawyer/auditor of the citizen's municipality may make it (who read the data is itself personal data), and making it
is access-logged, naming the citizen, each case and what was exported.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal

from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import override

from evne.accounts.access import can_read_access_log, can_read_case, can_read_citizen, log_access
from evne.accounts.models import AccessAction, AccessLogEntry, User
from evne.casefile.export import dumps, export_case, fields_of, iso_datetime, normalise
from evne.citizens.models import Citizen
from evne.errors import AccessDenied, NotFound


def _value(value):
    if isinstance(value, dt.datetime):
        return iso_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return normalise(value)


def _record(obj) -> dict:
    return {f.name: _value(getattr(obj, f.attname)) for f in fields_of(type(obj))}


def _access_log(citizen) -> list[dict]:
    entries = AccessLogEntry.objects.filter(citizen=citizen).select_related("user", "case").order_by("at", "pk")
    return [
        {
            "tidspunkt": timezone.localtime(e.at).isoformat(),
            "bruger": e.user.get_full_name() or e.user.username,
            "sag": e.case.number if e.case else None,
            "hvad": str(AccessAction(e.action).label) if e.action in AccessAction.values else e.action,
            "kanal": e.channel,
            "post": e.record,
            "detalje": e.detail,
        }
        for e in entries
    ]


def build(*, user: User, citizen_id: int, channel: str) -> tuple[str, bytes]:
    """(file name, ZIP bytes). Raises NotFound or AccessDenied."""
    citizen = Citizen.objects.filter(pk=citizen_id).first()
    if citizen is None or not can_read_citizen(user, citizen):
        raise NotFound
    if not can_read_access_log(user, citizen):
        raise AccessDenied
    cases = [c for c in citizen.cases.order_by("pk") if can_read_case(user, c)]
    now = timezone.now()
    buffer = io.BytesIO()
    with override("da"), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        held = {
            "borger": _record(citizen),
            "bisiddere_og_repraesentanter": [_record(s) for s in citizen.supporters.order_by("pk")],
            "beskaeftigelse": [_record(e) for e in citizen.employments.order_by("pk")],
        }
        archive.writestr("borger.json", dumps(held))
        for case in cases:
            archive.writestr(
                f"sager/{case.number}.json", dumps(export_case(case, exported_at=now, include_files=False))
            )
            for document in case.documents.exclude(file="").order_by("pk"):
                with document.file.open("rb") as handle:
                    name = get_valid_filename(document.original_filename or document.storage_token) or "fil"
                    archive.writestr(f"dokumenter/{case.number}/{document.pk}-{name}", handle.read())
            log_access(user=user, action=AccessAction.EXPORT, channel=channel, case=case,
                       detail=_("Copy of the citizen's data (GDPR art. 15)"))  # fmt: skip
        archive.writestr("adgangslog.json", json.dumps(_access_log(citizen), ensure_ascii=False, indent=2) + "\n")
        archive.writestr(
            "LAESMIG.txt",
            _(
                "All data Evne holds about the citizen, made %(when)s (GDPR art. 15).\n"
                "borger.json: the citizen record and supporters.\n"
                "sager/: each case as a case file (JSON), with its timeline.\n"
                "dokumenter/: the documents' files, by case.\n"
                "adgangslog.json: who has read the citizen's data, when and what.\n"
            )
            % {"when": timezone.localtime(now).strftime("%d.%m.%Y %H:%M")},
        )
    log_access(user=user, action=AccessAction.EXPORT, channel=channel, citizen=citizen,
               detail=_("Copy of the citizen's data (GDPR art. 15)"))  # fmt: skip
    return f"indsigt-{citizen.pk}-{timezone.localdate():%Y%m%d}.zip", buffer.getvalue()
