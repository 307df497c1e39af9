"""Writes to citizen data. Each service runs in one transaction and records its timeline events."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import can_create, can_write_citizen
from evne.accounts.models import User
from evne.cases.models import EventKind
from evne.cases.timeline import record_event
from evne.errors import AccessDenied, DomainError, StaleVersion

from .cpr import InvalidCpr, parse_cpr
from .models import Citizen, Supporter, SupporterKind

CONTACT_FIELDS = ("first_name", "last_name", "address", "postal_code", "city", "phone", "email")


def _clean_contact(values: dict) -> dict:
    cleaned = {k: (values.get(k) or "").strip() for k in CONTACT_FIELDS if k in values}
    for field in ("first_name", "last_name"):
        if field in cleaned and not cleaned[field]:
            raise DomainError(_("First and last name are required."), field=field)
    if cleaned.get("postal_code") and not (cleaned["postal_code"].isdigit() and len(cleaned["postal_code"]) == 4):
        raise DomainError(_("A Danish postal code has four digits."), field="postal_code")
    if cleaned.get("email"):
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            raise DomainError(_("Enter a valid e-mail address."), field="email") from None
    limits = {f.name: f.max_length for f in Citizen._meta.fields if f.name in CONTACT_FIELDS}
    for field, value in cleaned.items():
        if limits.get(field) and len(value) > limits[field]:
            raise DomainError(
                _("%(field)s may be at most %(max)d characters.")
                % {"field": Citizen._meta.get_field(field).verbose_name, "max": limits[field]},
                field=field,
            )
    return cleaned


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
        raise StaleVersion(
            _(
                "Someone else changed the citizen's details while you were editing. Your changes were not saved; "
                "reload to see the current details."
            ),
            changes={
                k: (getattr(citizen, k), getattr(current, k))
                for k in CONTACT_FIELDS
                if getattr(citizen, k) != getattr(current, k)
            },
        )
    if not diff:
        return current
    for field, _old, new in diff:
        setattr(current, field, new)
    current.version += 1
    current.save()
    now = timezone.now()
    data = {"changes": [{"field": f, "old": o, "new": n} for f, o, n in diff]}
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
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise DomainError(_("Enter a valid e-mail address."), field="email") from None
    supporter = Supporter.objects.create(
        citizen=citizen,
        kind=kind,
        name=name.strip(),
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
