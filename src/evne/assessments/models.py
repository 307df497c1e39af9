"""The work-ability assessment (arbejdsevnevurdering): bek. 543/2002 §§ 4–5, 8 (seed 001, l. 546–961,
2318–2340) and the method book (seed 000, L1080–1101, L3224–3257, L3879–3933); rules A1–A9, R10–R14, R37–R38.

Only the municipality authors it; partners' statements are inputs (documents). It records the exact profile
versions and documents it rests on, and is append-only: a new assessment follows an old one.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evne.appendonly import AppendOnlyModel
from evne.cases.models import Case


class Conclusion(models.TextChoices):
    """The method's ladder (seed 000, L3241–3257, L3900–3929; A6)."""

    SUFFICIENT = "sufficient", _("Sufficient for ordinary work (incl. the social chapters)")
    CAN_BE_IMPROVED = "can_be_improved", _("Not sufficient, but can be improved")
    FLEX_JOB_LEVEL = "flex_job_level", _("Permanently and substantially limited, but enough for a flex job")
    BELOW_FLEX_JOB = "below_flex_job", _("Not enough for a flex job and cannot be improved")
    NOT_FINAL = "not_final", _("Not final: development and clarification continue")


class CanMeet(models.TextChoices):
    """Whether the citizen can meet the requirements of a concrete job function (A2; seed 000, L3233–3239)."""

    YES = "yes", _("Yes")
    WITH_ACCOMMODATION = "with_accommodation", _("Yes, with accommodation")
    NO = "no", _("No")


class WorkAbilityAssessment(AppendOnlyModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    number = models.PositiveIntegerField(_("number"))
    assessed_on = models.DateField(_("assessed on"))
    actual_resources = models.TextField(_("the citizen's actual resources"))
    development_possibilities = models.TextField(_("possibilities for developing the resources"))
    barrier_reduction = models.TextField(_("possibilities for reducing or removing barriers"))
    job_functions = models.JSONField(
        _("concrete job functions"), default=list,
        help_text=_("List of {text, can_meet: yes|no|with_accommodation, note}; at least one."),
    )  # fmt: skip
    restitution = models.TextField(_("restitution (recovery)"))
    conclusion = models.CharField(_("conclusion"), max_length=30, choices=Conclusion.choices)
    reasons = models.TextField(_("professional reasons"))
    citizen_view = models.TextField(_("the citizen's own assessment"), blank=True)
    profile_version_ids = models.JSONField(_("profile versions it rests on"), default=list)
    document_ids = models.JSONField(_("documents it rests on"), default=list)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("work-ability assessment")
        verbose_name_plural = _("work-ability assessments")
        ordering = ["case", "-number"]
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="assessment_number_unique")]

    def __str__(self) -> str:
        return f"{self.case_id} assessment {self.number}"
