"""Personal API tokens: made and revoked by their user (or an administrator), checked on every API call.

A token reads `evne_<prefix>_<secret>`. The prefix (public, shown in lists) finds the row; the secret (32
random bytes) is compared by its SHA-256 hash with `hmac.compare_digest`. A fast hash is enough here: the secret
is random with 256 bits, so there is nothing to guess from a leaked hash, unlike a password — and a call costs
one indexed lookup and one SHA-256 instead of a password hash.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.errors import AccessDenied, DomainError

from .models import ApiToken, ApiTokenScope, Role, User

# What a token may be limited to: the API's areas, as the OpenAPI document tags its routers (one tag per router;
# tests/api/test_tokens.py fails on a tag without a label).
AREA_LABELS = {
    "cases": gettext_lazy("Cases, journal notes and timeline"),
    "citizens": gettext_lazy("Citizens"),
    "resource profile": gettext_lazy("Resource profile"),
    "evidence": gettext_lazy("Consent, information requests and documents"),
    "action plan and activities": gettext_lazy("Action plan and activities"),
    "the citizen's own work": gettext_lazy("The citizen's own work"),
    "work-ability assessment": gettext_lazy("Work-ability assessment"),
    "decisions": gettext_lazy("Decisions, hearings and complaints"),
    "reform pathways": gettext_lazy("Rehabilitation plan, team and pathways"),
}


def area_choices() -> list[tuple[str, str]]:
    return [(key, str(label)) for key, label in AREA_LABELS.items()]


TOKEN_PREFIX = "evne_"  # noqa: S105 - the marker every token starts with, not a secret
_LAST_USED_EVERY = timedelta(minutes=1)  # how often last_used_at is written (not a write per call)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # the whole token, shown once; never stored


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _can_manage(actor: User, owner: User) -> bool:
    if actor.pk == owner.pk or actor.is_superuser:
        return True
    return actor.role == Role.ADMINISTRATOR and actor.municipality_id == owner.municipality_id


@transaction.atomic
def token_create(
    *, actor: User, user: User, name: str, scope: str, expires_at: datetime, areas: list[str] | None = None
) -> NewToken:
    """Make a token for `user` (the actor themself, or by an administrator). Returns the token text, once."""
    if not _can_manage(actor, user):
        raise AccessDenied(_("You may only make API tokens for yourself."))
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the token a name, e.g. the system that will use it."), field="name")
    if scope not in ApiTokenScope.values:
        raise DomainError(_("Choose read only or read and write."), field="scope")
    now = timezone.now()
    if expires_at <= now:
        raise DomainError(_("The expiry date must lie in the future."), field="expires_at")
    longest = settings.EVNE_API_TOKEN_MAX_DAYS
    if expires_at > now + timedelta(days=longest):
        raise DomainError(
            _("A token may last at most %(days)d days; choose an earlier expiry date.") % {"days": longest},
            field="expires_at",
        )
    prefix = secrets.token_hex(6)
    secret = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=prefix,
        key_hash=_hash(secret),
        scope=scope,
        areas=sorted(set(areas or [])),
        created_by=actor,
        expires_at=expires_at,
    )
    return NewToken(token=token, secret=secret)


@transaction.atomic
def token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    if not _can_manage(actor, token.user):
        raise AccessDenied(_("You may only revoke your own API tokens."))
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = actor
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def token_status(token: ApiToken, *, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at <= now:
        return "expired"
    return "active"


def token_authenticate(secret: str) -> ApiToken | None:
    """The active token this text is, with its active user; None for anything else (nothing to tell apart)."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    prefix, _sep, rest = secret[len(TOKEN_PREFIX) :].partition("_")
    if not prefix or not rest or "\x00" in secret:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.key_hash, _hash(secret)):
        return None
    now = timezone.now()
    if token_status(token, now=now) != "active" or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= _LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def tokens_of(user: User):
    return ApiToken.objects.filter(user=user)
