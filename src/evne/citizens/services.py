"""Writes to citizen data. Each service runs in one transaction and records its timeline events."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import can_create, can_write_citizen
from evne.accounts.models import User
from evne.cases.models import EventKind, TimelineEvent
from evne.cases.timeline import changes_since, record_event
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.validation import model_text

from .cpr import InvalidCpr, parse_cpr
from .models import Citizen, Supporter, SupporterKind

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
    try:
        parsed = parse_cpr(cpr, today=timezone.localdate())
    except InvalidCpr as exc:
        raise DomainError(str(exc), field="cpr") from None
    values = _clean_contact({"first_name": first_name, "last_name": last_name, **contact})
    if Citizen.objects.filter(municipality_id=actor.municipality_id, cpr=parsed.digits).exists():
        raise DomainError(_("A citizen with this CPR number is already registered in the municipality."), field="cpr")
    try:
        with transaction.atomic():
            return Citizen.objects.create(
                municipality_id=actor.municipality_id,
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
