"""Developing work ability: the action plan (handleplan / jobplan), activities (tilbud) with their order
(kravspecifikation) and the provider's report (statusudtalelse).

Sources: bek. 543/2002 § 7, stk. 4 and the guidance on the action plan (seed 001, l. 2059–2093, 2304–2317); the
method book on activities, orders and reports (seed 000, L3259–3311, L4516–4523, L5107–5207); rules K1–K6, R41.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evne.appendonly import AppendOnlyModel
from evne.cases.models import Case
from evne.evidence.models import Document


class PlanRevision(AppendOnlyModel):
    """One version of the action plan. `goals` is a list of {id, text, parent_id, element_keys, builds_on, means};
    `profile_versions` maps element → version number the plan was built on (to prompt a revision when the
    profile changes, P10)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_revisions")
    number = models.PositiveIntegerField(_("version"))
    goals = models.JSONField(_("goals and sub-goals"), default=list)
    means = models.TextField(_("means"), blank=True)
    agreed_with_citizen_on = models.DateField(_("agreed with the citizen on"), null=True, blank=True)
    citizen_comments = models.TextField(_("the citizen's comments"), blank=True)
    reason = models.CharField(_("reason for the revision"), max_length=300)
    profile_versions = models.JSONField(_("profile versions the plan builds on"), default=dict)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(_("saved"))

    class Meta:
        verbose_name = _("action plan version")
        verbose_name_plural = _("action plan versions")
        ordering = ["case", "number"]
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="plan_revision_unique")]

    def __str__(self) -> str:
        return f"{self.case_id} plan v{self.number}"


class ActivityType(models.Model):
    """The configurable catalogue of activities (tilbud). Administrators add and retire types in Django admin."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_da = models.CharField(_("Danish name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    company_based = models.BooleanField(
        _("takes place at a company"), default=False,
        help_text=_("Company placements need a concrete goal and a follow-up plan before the start (K2)."),
    )  # fmt: skip
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")
        ordering = ["name_da"]

    def __str__(self) -> str:
        return self.name_da


class AccommodationRespected(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_RELEVANT = "not_relevant", _("No accommodation needs")


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Completed as planned")
    GOAL_REACHED = "goal_reached", _("Goal reached early")
    HEALTH = "health", _("Ended for health reasons")
    CITIZEN = "citizen", _("Ended at the citizen's wish")
    PROVIDER = "provider", _("Ended by the provider")
    JOB = "job", _("The citizen got a job")
    OTHER = "other", _("Other reason")


class Activity(models.Model):
    """A development activity (tilbud) with its provider and dates. Changes go through services with a version."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="activities")
    type = models.ForeignKey(ActivityType, on_delete=models.PROTECT, related_name="+", verbose_name=_("type"))
    provider = models.CharField(_("provider"), max_length=200)
    provider_contact = models.CharField(_("contact at the provider"), max_length=200, blank=True)
    goal_ids = models.JSONField(_("plan goals it serves"), default=list, blank=True)
    start_on = models.DateField(_("start"))
    planned_end_on = models.DateField(_("planned end"))
    actual_end_on = models.DateField(_("actual end"), null=True, blank=True)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    accommodation_respected = models.CharField(
        _("accommodation needs respected"), max_length=20, choices=AccommodationRespected.choices, blank=True
    )
    accommodation_note = models.TextField(_("how accommodation needs were respected"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    end_reason = models.CharField(_("reason for ending"), max_length=20, choices=EndReason.choices, blank=True)
    end_note = models.TextField(_("note on the ending"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-start_on", "-id"]

    def __str__(self) -> str:
        return f"{self.type} hos {self.provider} ({self.start_on})"


class ActivityOrder(AppendOnlyModel):
    """The caseworker's order to the provider (kravspecifikation; seed 000, L5164–5172), versioned."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="orders")
    number = models.PositiveIntegerField(_("version"))
    purpose = models.TextField(_("overall purpose"))
    content_and_duration = models.TextField(_("expected content and duration"))
    element_keys = models.JSONField(_("profile elements to develop or clarify"), default=list)
    resources_to_clarify = models.TextField(_("resources to develop or clarify"))
    barriers_to_overcome = models.TextField(_("barriers to overcome"), blank=True)
    observe = models.TextField(_("what the provider should observe"))
    questions = models.TextField(_("questions to the provider"), blank=True)
    restrictions = models.TextField(_("restrictions and accommodation needs"), blank=True)
    follow_up_plan = models.TextField(_("plan for follow-up and evaluation"), blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(_("written"))

    class Meta:
        verbose_name = _("order to the provider")
        verbose_name_plural = _("orders to the provider")
        ordering = ["activity", "number"]
        constraints = [models.UniqueConstraint(fields=["activity", "number"], name="activity_order_unique")]

    def __str__(self) -> str:
        return f"{self.activity_id} order v{self.number}"


class CitizenAgreement(models.TextChoices):
    AGREES = "agrees", _("Agrees")
    PARTLY = "partly", _("Agrees in part")
    DISAGREES = "disagrees", _("Disagrees")
    NOT_ASKED = "not_asked", _("Not asked")


class ProviderReport(AppendOnlyModel):
    """The provider's report on an activity (statusudtalelse; seed 000, L5174–5197, L4675–4702)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reports")
    report_date = models.DateField(_("date of the report"))
    author = models.CharField(_("written by (at the provider)"), max_length=200)
    result_vs_purpose = models.TextField(_("result measured against the purpose"))
    actual_content = models.TextField(_("actual content and duration"))
    resources_by_element = models.JSONField(_("resources shown or developed, per element"), default=list)
    job_functions = models.TextField(_("usable in which concrete job functions"), blank=True)
    functional_capacity = models.TextField(_("observed functional capacity"))
    barriers = models.TextField(_("barriers to using or developing the resources"), blank=True)
    compensation = models.TextField(_("how to compensate or work with the barriers, incl. accommodation"), blank=True)
    proposals = models.TextField(_("proposals for further activities"), blank=True)
    citizen_participated = models.BooleanField(_("the citizen took part in the report"))
    citizen_agreement = models.CharField(
        _("the citizen's view of the report"), max_length=20, choices=CitizenAgreement.choices
    )
    citizen_disagreement = models.TextField(_("what the citizen disagrees with"), blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("the report file")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("provider report")
        verbose_name_plural = _("provider reports")
        ordering = ["-report_date", "-id"]

    def __str__(self) -> str:
        return f"{self.activity_id} report {self.report_date}"


class TrialAccommodation(models.TextChoices):
    """Whether the citizen's accommodation needs (skånehensyn) were respected in a period of work testing. The codes
    of AccommodationRespected plus "partly": Ankestyrelsen asks which restrictions a trial kept and which it did
    not, so a period can answer in part. Kept apart from AccommodationRespected, whose codes an activity's end and
    the case-file format use."""

    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    NOT_RELEVANT = "not_relevant", _("No accommodation needs")


class AbsenceUnit(models.TextChoices):
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")


class TrialOutcome(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    ENDED_HEALTH = "ended_health", _("Ended early for health reasons")
    ENDED_OTHER = "ended_other", _("Ended early for another reason")
    RUNNING = "running", _("Still running")


class TrialPeriod(AppendOnlyModel):
    """One period of work testing in an activity as it happened (arbejdsprøvning, virksomhedspraktik): the trade
    and the job functions tried, planned and actual hours, pace, absences, whether the accommodation needs were
    respected, the outcome and the hours sustained. Ankestyrelsen sets fleksjob and førtidspension decisions aside
    when the testing was too short, in the wrong trade or ignored the citizen's restrictions, so these are recorded
    as facts, not only as the provider's free text.

    Append-only: a correction is a new row that names the row it `replaces`; the latest counts. The duration in
    weeks is derived from the dates (`weeks`), never stored."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="trial_periods")
    start_on = models.DateField(_("period start"))
    end_on = models.DateField(_("period end"))
    trade = models.CharField(_("trade"), max_length=200)
    job_functions = models.TextField(_("job functions tried"))
    planned_hours_per_week = models.DecimalField(_("planned hours per week"), max_digits=4, decimal_places=1)
    actual_hours_per_week = models.DecimalField(_("actual hours per week"), max_digits=4, decimal_places=1)
    pace_percent = models.PositiveSmallIntegerField(
        _("work pace (percent of normal)"), null=True, blank=True,
        help_text=_("Only where the provider states it."),
    )  # fmt: skip
    absence_amount = models.DecimalField(_("absence"), max_digits=6, decimal_places=1, null=True, blank=True)
    absence_unit = models.CharField(_("absence counted in"), max_length=10, choices=AbsenceUnit.choices, blank=True)
    absence_reason = models.TextField(_("reason for the absence"), blank=True)
    accommodation_respected = models.CharField(
        _("accommodation needs respected"), max_length=20, choices=TrialAccommodation.choices
    )
    accommodation_note = models.TextField(_("note on the accommodation needs"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=TrialOutcome.choices)
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    sustained_hours_per_week = models.DecimalField(
        _("hours per week sustained"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    # CASCADE, not PROTECT or SET_NULL: neither row is ever deleted alone (both are append-only), and erasing a
    # whole case must pass through both (an UPDATE to set null would hit the append-only trigger).
    report = models.ForeignKey(
        ProviderReport, on_delete=models.CASCADE, null=True, blank=True, related_name="trial_periods",
        verbose_name=_("provider report it comes from"),
    )  # fmt: skip
    replaces = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="corrections",
        verbose_name=_("corrects the record"),
    )  # fmt: skip
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("work trial period")
        verbose_name_plural = _("work trial periods")
        ordering = ["start_on", "id"]
        constraints = [
            # A record is corrected once; a further correction corrects the correction (the latest counts).
            models.UniqueConstraint(fields=["replaces"], name="trial_period_replaced_once"),
            models.CheckConstraint(condition=models.Q(end_on__gte=models.F("start_on")), name="trial_period_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} trial {self.start_on}–{self.end_on}"

    @property
    def days(self) -> int:
        """Calendar days in the period, both ends included."""
        return (self.end_on - self.start_on).days + 1

    @property
    def weeks(self) -> Decimal:
        """The duration in weeks, to one decimal (calendar days / 7, both ends included)."""
        return (Decimal(self.days) / Decimal(7)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
