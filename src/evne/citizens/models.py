"""The citizen (borger) and the people who assist them (bisidder, partsrepræsentant)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evne.accounts.models import Municipality

from . import cpr as cpr_module


class Citizen(models.Model):
    """A person with a case in the job centre. CPR and contact data are personal data (need-to-know)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="citizens", verbose_name=_("municipality")
    )
    cpr = models.CharField(_("CPR number"), max_length=10)
    birth_date = models.DateField(_("date of birth"))
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=4, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # The official maxim: an interpreter when needed to establish the facts (seed 000 L6540–6543, I2). Blank = none.
    interpreter_language = models.CharField(
        _("interpreter needed (language)"), max_length=60, blank=True,
        help_text=_("Fill in the language when the citizen needs an interpreter; leave empty when not."),
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("citizen")
        verbose_name_plural = _("citizens")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "cpr"], name="citizen_cpr_unique_in_municipality")
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.cpr_masked})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def cpr_masked(self) -> str:
        return cpr_module.mask(self.cpr)

    @property
    def cpr_formatted(self) -> str:
        return f"{self.cpr[:6]}-{self.cpr[6:]}"


class SupporterKind(models.TextChoices):
    """Forvaltningsloven § 8: the citizen may bring a companion or be represented at any stage."""

    COMPANION = "companion", _("Companion (bisidder)")
    REPRESENTATIVE = "representative", _("Representative (partsrepræsentant)")


class Supporter(models.Model):
    """A companion or representative of the citizen, with the period they act."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="supporters")
    kind = models.CharField(_("kind"), max_length=20, choices=SupporterKind.choices)
    name = models.CharField(_("name"), max_length=200)
    relation = models.CharField(_("relation to the citizen"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    power_of_attorney_on = models.DateField(_("power of attorney received"), null=True, blank=True)
    active_from = models.DateField(_("from"))
    active_to = models.DateField(_("to"), null=True, blank=True)

    class Meta:
        verbose_name = _("companion or representative")
        verbose_name_plural = _("companions and representatives")
        ordering = ["-active_from", "name"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


class EmploymentKind(models.TextChoices):
    """The kinds of the citizen's own work. A flex job is not one of them: reform.FlexJob records it."""

    ORDINARY = "ordinary", _("Ordinary terms")
    SPECIAL_TERMS = "special_terms", _("Job on special terms")
    SKAANEJOB = "skaanejob", _("Skånejob")
    SELF_EMPLOYED = "self_employed", _("Self-employed")
    OTHER = "other", _("Other")


class Employment(models.Model):
    """The citizen's own work, current or past: an ordinary or accommodated job, or self-employment. Whether the
    citizen works, how many hours and on which terms is evidence of work ability that Ankestyrelsen weighs in
    fleksjob and førtidspension cases.

    It belongs to the citizen (it is the same job whichever case looks at it) and is recorded through a case,
    whose timeline gets the event. Editable: a change names the `version` it was based on, and a stale save is
    refused; the timeline event of each change keeps the old and new values."""

    citizen = models.ForeignKey(Citizen, on_delete=models.CASCADE, related_name="employments")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("recorded in case"),
    )  # fmt: skip
    employer = models.CharField(_("employer"), max_length=200)
    job_functions = models.TextField(_("job and functions"))
    kind = models.CharField(_("kind of employment"), max_length=20, choices=EmploymentKind.choices)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    start_on = models.DateField(_("since"))
    end_on = models.DateField(_("until"), null=True, blank=True)
    accommodation = models.TextField(_("accommodation given"), blank=True)
    end_reason = models.TextField(_("why it ended"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("the citizen's own work")
        verbose_name_plural = _("the citizen's own work")
        ordering = ["-start_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True) | models.Q(end_on__gte=models.F("start_on")),
                name="employment_dates",
            )
        ]

    def __str__(self) -> str:
        return f"{self.employer} ({self.start_on})"

    @property
    def is_current(self) -> bool:
        return self.end_on is None or self.end_on >= timezone.localdate()
