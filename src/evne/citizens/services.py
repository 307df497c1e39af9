"""Writes to citizen data. Each service runs in one transaction and records its timeline events."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import can_create, can_write_citizen, require_case_write
from evne.accounts.models import User
from evne.cases.models import EventKind, TimelineEvent
from evne.cases.timeline import changes_since, record_event
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.validation import hours_per_week, model_text, past_or_today

from .cpr import InvalidCpr, parse_cpr
from .models import Citizen, Employment, EmploymentKind, Supporter, SupporterKind

CONTACT_FIELDS = ("first_name", "last_name", "address", "postal_code", "city", "phone", "email", "interpreter_language")


def _clean_contact(values: dict) -> dict:
    cleaned = {k: model_text(Citizen, k, values.get(k)) for k in CONTACT_FIELDS if k in values}
    for field in ("first_name", "last_name"):
        if field in cleaned and not cleaned[field]:
            raise DomainError(_("First and last name are required."), field=field)
    if cleaned.get("postal_code") and not (cleaned["postal_code"].isdigit() and len(cleaned["postal_code"]) == 4):
        raise DomainError(_("A Danish postal code has four digits."), field="postal_code")
    if cleaned.get("email"):
        _check_email(cleaned["email"])
    return cleaned


def _check_email(value: str) -> None:
    try:
        validate_email(value)
    except ValidationError:
        raise DomainError(_("Enter a valid e-mail address."), field="email") from None


def citizen_create(*, actor: User, cpr: str, first_name: str, last_name: str, **contact) -> Citizen:
    """Register a citizen in the actor's municipality."""
    if not can_create(actor):
        raise AccessDenied
    municipality_id = actor.municipality_id
    assert municipality_id is not None  # can_create: the actor works in a municipality
    try:
        parsed = parse_cpr(cpr, today=timezone.localdate())
    except InvalidCpr as exc:
        raise DomainError(str(exc), field="cpr") from None
    values = _clean_contact({"first_name": first_name, "last_name": last_name, **contact})
    if Citizen.objects.filter(municipality_id=municipality_id, cpr=parsed.digits).exists():
        raise DomainError(_("A citizen with this CPR number is already registered in the municipality."), field="cpr")
    try:
        with transaction.atomic():
            return Citizen.objects.create(
                municipality_id=municipality_id,
                cpr=parsed.digits,
                birth_date=parsed.birth_date,
                **values,
            )
    except IntegrityError:
        raise DomainError(
            _("A citizen with this CPR number is already registered in the municipality."), field="cpr"
        ) from None


def _open_cases(citizen: Citizen):
    return citizen.cases.exclude(status="closed")


@transaction.atomic
def citizen_update(*, actor: User, citizen: Citizen, expected_version: int, **changes) -> Citizen:
    """Change contact details. A save based on a stale version is refused (no lost update)."""
    if not can_write_citizen(actor, citizen):
        raise AccessDenied
    values = _clean_contact(changes)
    current = Citizen.objects.select_for_update().get(pk=citizen.pk)
    diff = [(k, getattr(current, k), v) for k, v in values.items() if getattr(current, k) != v]
    if current.version != expected_version:
        # One event per citizen version is enough (the same change is recorded on each open case).
        since = {
            e.data["citizen_version"]: e
            for e in TimelineEvent.objects.filter(
                case__citizen=current, kind=EventKind.CITIZEN_UPDATED, data__citizen_version__gt=expected_version
            ).order_by("id")
        }
        raise StaleVersion(
            _(
                "Someone else changed the citizen's details while you were editing. Your changes were not saved; "
                "reload to see the current details."
            ),
            changes=changes_since(since[v] for v in sorted(since)),
        )
    if not diff:
        return current
    for field, _old, new in diff:
        setattr(current, field, new)
    current.version += 1
    current.save()
    now = timezone.now()
    data = {"changes": [{"field": f, "old": o, "new": n} for f, o, n in diff], "citizen_version": current.version}
    for case in _open_cases(current):
        record_event(case=case, kind=EventKind.CITIZEN_UPDATED, actor=actor, at=now, data=data)
    return current


@transaction.atomic
def supporter_add(
    *,
    actor: User,
    citizen: Citizen,
    kind: str,
    name: str,
    active_from: date,
    relation: str = "",
    phone: str = "",
    email: str = "",
    power_of_attorney_on: date | None = None,
) -> Supporter:
    """Register a companion (bisidder) or representative (partsrepræsentant), forvaltningsloven § 8."""
    if not can_write_citizen(actor, citizen):
        raise AccessDenied
    if kind not in SupporterKind.values:
        raise DomainError(_("Choose companion or representative."), field="kind")
    if not (name or "").strip():
        raise DomainError(_("Enter the name of the companion or representative."), field="name")
    name, relation, phone, email = (
        model_text(Supporter, f, v)
        for f, v in (("name", name), ("relation", relation), ("phone", phone), ("email", email))
    )
    if email:
        _check_email(email)
    supporter = Supporter.objects.create(
        citizen=citizen,
        kind=kind,
        name=name,
        relation=relation,
        phone=phone,
        email=email,
        active_from=active_from,
        power_of_attorney_on=power_of_attorney_on,
    )
    now = timezone.now()
    data = {"kind": kind, "name": supporter.name}
    for case in _open_cases(citizen):
        record_event(case=case, kind=EventKind.SUPPORTER_ADDED, actor=actor, at=now, data=data)
    return supporter


# --- the citizen's own work ----------------------------------------------------------------------------------

EMPLOYMENT_FIELDS = (
    "employer", "job_functions", "kind", "hours_per_week", "start_on", "end_on", "accommodation", "end_reason",
)  # fmt: skip
EMPLOYMENT_TEXT_MAX = 20_000
# A job on special terms and a skånejob are defined by the accommodation the employer gives.
ACCOMMODATED_KINDS = (EmploymentKind.SPECIAL_TERMS, EmploymentKind.SKAANEJOB)


def _employment_text(values: dict, field: str, *, required: bool = False) -> str:
    return model_text(Employment, field, values.get(field), required=required,
                      default_max_length=EMPLOYMENT_TEXT_MAX)  # fmt: skip


def _clean_employment(values: dict) -> dict:
    """Every field of a job, checked together: the same rules for a new record and for a change."""
    cleaned: dict[str, Any] = {
        "employer": _employment_text(values, "employer", required=True),
        "job_functions": _employment_text(values, "job_functions", required=True),
    }
    kind = values.get("kind") or ""
    if kind not in EmploymentKind.values:
        raise DomainError(
            _("Choose the kind of work: ordinary terms, job on special terms, skånejob, self-employed or other. A "
              "flex job is recorded under fleksjob."),
            field="kind",
        )  # fmt: skip
    cleaned["kind"] = kind
    cleaned["hours_per_week"] = hours_per_week(values.get("hours_per_week"), field="hours_per_week",
                                               label=_("Hours per week"))  # fmt: skip
    start_on = past_or_today(values.get("start_on"), field="start_on")
    end_on = values.get("end_on")
    if end_on is not None and not isinstance(end_on, date):
        raise DomainError(_("Enter a date."), field="end_on")
    if end_on is not None and end_on < start_on:
        raise DomainError(_("The job cannot end before it started."), field="end_on")
    cleaned["start_on"], cleaned["end_on"] = start_on, end_on
    cleaned["accommodation"] = _employment_text(values, "accommodation")
    if kind in ACCOMMODATED_KINDS and not cleaned["accommodation"]:
        raise DomainError(
            _("A job on special terms or a skånejob rests on the accommodation the employer gives: describe the "
              "accommodation given."),
            field="accommodation",
        )  # fmt: skip
    cleaned["end_reason"] = _employment_text(values, "end_reason")
    if cleaned["end_reason"] and end_on is None:
        raise DomainError(_("Give the date the job ended, or leave the reason it ended empty."), field="end_on")
    return cleaned


def _shown(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _employment_event(*, case, actor, employment: Employment, at, changes: list[dict] | None = None) -> None:
    record_event(
        case=case, kind=EventKind.OWN_WORK_RECORDED, actor=actor, at=at,
        data={"employment_id": employment.pk, "version": employment.version,
              "action": "updated" if changes is not None else "created", "employer": employment.employer,
              "kind": employment.kind, "hours_per_week": str(employment.hours_per_week),
              "start_on": employment.start_on.isoformat(), "end_on": _shown(employment.end_on),
              "changes": changes or []},
    )  # fmt: skip


@transaction.atomic
def employment_record(
    *, actor: User, case, employer: str, job_functions: str, kind: str, hours_per_week: Decimal | str,
    start_on: date, end_on: date | None = None, accommodation: str = "", end_reason: str = "",
) -> Employment:  # fmt: skip
    """Record a job the citizen has or had (their own work; a flex job is recorded under fleksjob). Recorded through
    `case`, whose timeline gets the event; the job belongs to the citizen and shows on each of their cases."""
    require_case_write(actor, case)  # recorded through one of the citizen's cases
    cleaned = _clean_employment({
        "employer": employer, "job_functions": job_functions, "kind": kind, "hours_per_week": hours_per_week,
        "start_on": start_on, "end_on": end_on, "accommodation": accommodation, "end_reason": end_reason,
    })  # fmt: skip
    now = timezone.now()
    employment = Employment.objects.create(citizen_id=case.citizen_id, case=case, created_by=actor, created_at=now,
                                           **cleaned)  # fmt: skip
    _employment_event(case=case, actor=actor, employment=employment, at=now)
    return employment


@transaction.atomic
def employment_update(*, actor: User, case, employment: Employment, expected_version: int, **changes) -> Employment:
    """Change a job of the citizen: send the fields that change and the version you read. A save based on a stale
    version is refused and nothing is overwritten; the event on `case` keeps the old and the new values."""
    require_case_write(actor, case)  # recorded through one of the citizen's cases
    unknown = set(changes) - set(EMPLOYMENT_FIELDS)
    if unknown:
        raise DomainError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    current = Employment.objects.select_for_update().filter(pk=employment.pk, citizen_id=case.citizen_id).first()
    if current is None:
        raise DomainError(_("The job does not belong to the citizen of this case."), field="employment")
    if current.version != int(expected_version):
        since: dict[str, list] = {}
        events = TimelineEvent.objects.filter(kind=EventKind.OWN_WORK_RECORDED, data__employment_id=current.pk)
        for event in events.order_by("id"):
            if (event.data.get("version") or 0) <= int(expected_version):
                continue
            for row in event.data.get("changes", []):
                since.setdefault(row["field"], [row["old"], row["new"]])[1] = row["new"]
        raise StaleVersion(
            _("Someone else changed the job while you were editing. Your changes were not saved; reload to see the "
              "current details."),
            changes={f: (old, new) for f, (old, new) in since.items() if old != new},
        )  # fmt: skip
    cleaned = _clean_employment({**{f: getattr(current, f) for f in EMPLOYMENT_FIELDS}, **changes})
    diff = [(f, getattr(current, f), v) for f, v in cleaned.items() if getattr(current, f) != v]
    if not diff:
        return current
    for field, _old, new in diff:
        setattr(current, field, new)
    current.version += 1
    current.save(update_fields=[f for f, _o, _n in diff] + ["version"])
    rows = [{"field": f, "old": _shown(o), "new": _shown(n)} for f, o, n in diff]
    _employment_event(case=case, actor=actor, employment=current, at=timezone.now(), changes=rows)
    return current
