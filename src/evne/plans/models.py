"""Developing work ability: the action plan (handleplan / jobplan), activities (tilbud) with their order
(kravspecifikation) and the provider's report (statusudtalelse).

Sources: bek. 543/2002 § 7, stk. 4 and the guidance on the action plan (seed 001, l. 2059–2093, 2304–2317); the
method book on activities, orders and reports (seed 000, L3259–3311, L4516–4523, L5107–5207); rules K1–K6, R41.
"""

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
