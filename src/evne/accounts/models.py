"""Municipalities, teams, users with roles, and the access log (who read which citizen's data)."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from evne.appendonly import AppendOnlyModel


class Municipality(models.Model):
    """A kommune. Every citizen, case and user belongs to one; it is the tenant key."""

    code = models.CharField(
        _("municipality code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", _("The municipality code is three digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    # Municipal policies that are not law (e.g. a one-year clarification guarantee): the names of the policy
    # parameters in evne.rules.parameters the municipality has switched on. Off by default.
    policies = models.JSONField(_("policies switched on"), default=list, blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="team_name_unique_in_municipality")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    TEAM_LEADER = "team_leader", _("Team leader")
    REHAB_MEMBER = "rehab_member", _("Rehabilitation team member")
    AUDITOR = "auditor", _("Lawyer / auditor")
    ADMINISTRATOR = "administrator", _("Administrator")


class User(AbstractUser):
    """A municipal employee. Role, municipality and team decide what they may see and change."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CASEWORKER)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="members", null=True, blank=True, verbose_name=_("team")
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class AccessAction(models.TextChoices):
    """What was viewed. One entry is written for every view of a citizen's data."""

    CITIZEN = "citizen", _("Citizen record viewed")
    CASE = "case", _("Case viewed")
    TIMELINE = "timeline", _("Timeline viewed")
    NOTES = "notes", _("Journal notes viewed")
    PROFILE = "profile", _("Resource profile viewed")
    DOCUMENT = "document", _("Document printed or downloaded")
    LIST = "list", _("Shown in a list")
    SEARCH = "search", _("Search")
    SEARCH_HIT = "search_hit", _("Shown in search results")
    EXPORT = "export", _("Exported")
    ACCESS_LOG = "access_log", _("Access log searched or exported")
    RETENTION = "retention", _("Access log erased after its retention period")


class RecordType(models.TextChoices):
    """Which kind of record an access-log entry names (beside the citizen and the case)."""

    DOCUMENT = "document", _("Document")
    DECISION = "decision", _("Decision")
    PROFILE = "profile", _("Resource profile")
    PROFILE_VERSION = "profile_version", _("Resource profile element version")
    CASE_FILE = "case_file", _("Case file")
    ACCESS_LOG = "access_log", _("Access log")


class AccessChannel(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    CLI = "cli", _("Command line")


class ApiTokenScope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class ApiToken(models.Model):
    """A personal API token: an integration calls the API as its user, within the token's scope.

    Only a SHA-256 hash of the secret is stored; the token is shown once, when it is made. A token is never
    deleted (the access log names it), only revoked; it always expires. See evne.accounts.tokens.
    """

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. the system using it."))
    prefix = models.CharField(_("token prefix"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    scope = models.CharField(_("access"), max_length=10, choices=ApiTokenScope.choices, default=ApiTokenScope.READ)
    areas = models.JSONField(_("limited to"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by"), editable=False
    )
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("revoked by"),
        editable=False,
    )  # fmt: skip
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class AccessLogEntry(AppendOnlyModel):
    """An immutable record of one read of personal data (GDPR art. 9 data: need-to-know, logged)."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # The foreign keys carry no single-column index: each leads one of the composite indexes below.
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="access_log", verbose_name=_("user"), db_index=False
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, related_name="+", db_index=False
    )
    citizen = models.ForeignKey(
        "citizens.Citizen",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_log",
        verbose_name=_("citizen"),
        db_index=False,
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_log",
        verbose_name=_("case"),
        db_index=False,
    )
    action = models.CharField(_("what was viewed"), max_length=20, choices=AccessAction.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=AccessChannel.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    # The record read, when it is more than the case itself (which document, which decision, the profile as it
    # stood on which date): its kind, its id, and a readable name written when it was read (a later change of the
    # record's title does not rewrite the log).
    record_type = models.CharField(_("record type"), max_length=20, choices=RecordType.choices, blank=True)
    record_id = models.BigIntegerField(_("record id"), null=True, blank=True)
    record = models.CharField(_("record"), max_length=200, blank=True)
    api_token = models.ForeignKey(
        ApiToken, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("API token")
    )

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-id"]
        # The searches of the access-log page (docs/decisions/0011-access-log-at-scale.md): by citizen, user or case
        # within a period, and everything of a municipality within a period (the action is filtered in the index).
        indexes = [
            models.Index(fields=["citizen", "at"]),
            models.Index(fields=["user", "at"]),
            models.Index(fields=["case", "at"], name="accesslog_case_at"),
            models.Index(fields=["municipality", "at"], name="accesslog_municipality_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action}"
