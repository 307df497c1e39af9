"""The resource profile (ressourceprofil): 12 elements plus "Andet arbejdsmarkedsrelateret", built with the
citizen, versioned, presented, and answered.

Bek. nr. 543 af 28. maj 2002 § 6 (seed 001, l. 962–1668) and § 7 (l. 1669–2317); the method book (seed 000,
L1463–2335). Every record here is append-only: a change is a new version, a presentation is a new row, a
decision on a disagreement is a new row. There is deliberately no numeric field that could hold a score:
"Der kan ikke på baggrund af ressourceprofilen udarbejdes en samlet score" (seed 001, l. 1634–1644).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evne.appendonly import AppendOnlyModel
from evne.cases.models import Case


class ElementKey(models.TextChoices):
    """Bek. 543/2002 § 6, stk. 2 (the 12 elements) and stk. 3 (other labour-market-relevant matters)."""

    EDUCATION = "education", _("Education (Uddannelse)")
    LABOUR_MARKET_EXPERIENCE = "labour_market_experience", _("Labour-market experience (Arbejdsmarkedserfaring)")
    INTERESTS = "interests", _("Interests (Interesser)")
    SOCIAL_COMPETENCES = "social_competences", _("Social competences (Sociale kompetencer)")
    ADAPTABILITY = "adaptability", _("Adaptability (Omstillingsevne)")
    LEARNING_ABILITY = "learning_ability", _("Learning ability (Indlæringsevne)")
    WORK_WISHES = "work_wishes", _("Work-relevant wishes (Arbejdsrelevante ønsker)")
    PERFORMANCE_EXPECTATIONS = "performance_expectations", _("Performance expectations (Præstationsforventninger)")
    WORK_IDENTITY = "work_identity", _("Work identity (Arbejdsidentitet)")
    HOUSING_FINANCES = "housing_finances", _("Housing and finances (Bolig og økonomi)")
    SOCIAL_NETWORK = "social_network", _("Social network (Sociale netværk)")
    HEALTH = "health", _("Health (Helbred)")
    OTHER = "other", _("Other labour-market-related matters (Andet arbejdsmarkedsrelateret)")


# The citizen's own labour-market perspective: always carries the citizen's view (seed 000, L2187–2189).
OWN_PERSPECTIVE = frozenset({ElementKey.WORK_WISHES, ElementKey.PERFORMANCE_EXPECTATIONS, ElementKey.WORK_IDENTITY})


class SourceKind(models.TextChoices):
    """Where a fact in a description came from (seed 000, L1481–1494; P9: partners' information with its source)."""

    CONVERSATION = "conversation", _("Conversation with the citizen")
    CITIZEN_DOCUMENT = "citizen_document", _("The citizen's own document")
    DOCUMENT = "document", _("Document in the case")
    PROVIDER_REPORT = "provider_report", _("Provider report (statusudtalelse)")
    MEDICAL_STATEMENT = "medical_statement", _("Medical statement")
    THIRD_PARTY = "third_party", _("Information from employer, a-kasse or other party")
    OBSERVATION = "observation", _("Caseworker's own observation")


class AccommodationDuration(models.TextChoices):
    """How long the accommodation need (skånebehov) lasts (seed 000, L2054–2059; seed 001, l. 1525–1563)."""

    TEMPORARY = "temporary", _("Temporary (until a date)")
    PERMANENT = "permanent", _("Permanent")
    UNCLARIFIED = "unclarified", _("Not yet clarified (noted under missing information)")


class ResourceProfile(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="profile")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("resource profile")
        verbose_name_plural = _("resource profiles")

    def __str__(self) -> str:
        return f"Ressourceprofil {self.case.number}"


class ElementVersion(AppendOnlyModel):
    """One saved version of one element. The current element is the highest number."""

    profile = models.ForeignKey(ResourceProfile, on_delete=models.CASCADE, related_name="versions")
    element = models.CharField(_("element"), max_length=40, choices=ElementKey.choices)
    number = models.PositiveIntegerField(_("version"))
    saved_at = models.DateTimeField(_("saved"), db_index=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason for the change"), max_length=300)

    relevant = models.BooleanField(_("relevant"))
    not_relevant_obvious = models.BooleanField(_("obviously not relevant"), default=False)
    not_relevant_reason = models.TextField(_("why the element is not relevant"), blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    justification = models.TextField(_("written justification for including it"), blank=True)

    facts = models.JSONField(_("description (facts with sources)"), default=list, blank=True)
    citizen_view = models.TextField(_("the citizen's own view"), blank=True)
    resources = models.TextField(_("resources"), blank=True)
    barriers = models.TextField(_("barriers"), blank=True)
    development = models.TextField(_("development possibilities"), blank=True)
    accommodation_needs = models.TextField(_("accommodation needs (skånebehov)"), blank=True)
    accommodation_duration = models.CharField(
        _("duration of the accommodation needs"), max_length=20, choices=AccommodationDuration.choices, blank=True
    )
    accommodation_until = models.DateField(_("accommodation needed until"), null=True, blank=True)
    missing_information = models.TextField(_("missing information"), blank=True)
    assessment = models.TextField(_("the caseworker's assessment"), blank=True)
    assessment_fact_ids = models.JSONField(_("facts the assessment rests on"), default=list, blank=True)
    hypothesis_ids = models.JSONField(_("hypotheses the assessment uses"), default=list, blank=True)

    class Meta:
        verbose_name = _("element version")
        verbose_name_plural = _("element versions")
        ordering = ["element", "number"]
        constraints = [models.UniqueConstraint(fields=["profile", "element", "number"], name="element_version_unique")]

    def __str__(self) -> str:
        return f"{self.profile.case_id} {self.element} v{self.number}"

    def fact(self, fact_id: str) -> dict | None:
        return next((f for f in self.facts if f.get("id") == fact_id), None)


class Hypothesis(AppendOnlyModel):
    """A professional assumption (socialfaglig antagelse); it must be presented before it is used (C1)."""

    profile = models.ForeignKey(ResourceProfile, on_delete=models.CASCADE, related_name="hypotheses")
    element = models.CharField(_("element"), max_length=40, choices=ElementKey.choices, blank=True)
    text = models.TextField(_("hypothesis"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("hypothesis")
        verbose_name_plural = _("hypotheses")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"H{self.pk}"


class InvolvementKind(models.TextChoices):
    OPENING_CONVERSATION = "opening_conversation", _("Opening conversation with the citizen")
    REPRESENTATION_GUIDANCE = "representation_guidance", _("Guidance on companion or representative")
    NON_PARTICIPATION = "non_participation", _("The citizen does not take part")
    CITIZEN_CONTRIBUTION = "citizen_contribution", _("The citizen's own contribution")


class NonParticipation(models.TextChoices):
    WILL_NOT = "will_not", _("Will not take part")
    CANNOT = "cannot", _("Cannot take part (e.g. severe mental illness)")


class InvolvementRecord(AppendOnlyModel):
    """How the citizen was involved (bek. 543/2002 § 7, stk. 1 and 3; seed 001, l. 1679–1769, 1983–2058)."""

    profile = models.ForeignKey(ResourceProfile, on_delete=models.CASCADE, related_name="involvement")
    kind = models.CharField(_("kind"), max_length=30, choices=InvolvementKind.choices)
    occurred_on = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    non_participation = models.CharField(
        _("reason for not taking part"), max_length=20, choices=NonParticipation.choices, blank=True
    )
    consequences_explained = models.BooleanField(_("the consequences were explained to the citizen"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("involvement record")
        verbose_name_plural = _("involvement records")
        ordering = ["occurred_on", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_on}"


class PresentationMethod(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video meeting")
    LETTER = "letter", _("Letter")
    DIGITAL = "digital", _("Digital mail")


class ProfilePresentation(AppendOnlyModel):
    """The overall description and assessment presented to the citizen (bek. 543/2002 § 7, stk. 8)."""

    profile = models.ForeignKey(ResourceProfile, on_delete=models.CASCADE, related_name="presentations")
    presented_on = models.DateField(_("presented on"))
    method = models.CharField(_("how"), max_length=20, choices=PresentationMethod.choices)
    notes = models.TextField(_("notes"), blank=True)
    presented_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("presentation to the citizen")
        verbose_name_plural = _("presentations to the citizen")
        ordering = ["presented_on", "id"]

    def __str__(self) -> str:
        return f"{self.profile_id} {self.presented_on}"


class ElementResponse(AppendOnlyModel):
    """The citizen's agreement or disagreement with one presented element version."""

    presentation = models.ForeignKey(ProfilePresentation, on_delete=models.CASCADE, related_name="responses")
    version = models.ForeignKey(ElementVersion, on_delete=models.PROTECT, related_name="responses")
    agrees = models.BooleanField(_("the citizen agrees"))
    disagreement = models.TextField(_("what the disagreement consists of"), blank=True)
    new_information = models.BooleanField(_("the citizen brought new information"), default=False)

    class Meta:
        verbose_name = _("citizen's response")
        verbose_name_plural = _("citizen's responses")
        ordering = ["presentation", "id"]

    def __str__(self) -> str:
        return f"{self.version} {'agrees' if self.agrees else 'disagrees'}"


class HypothesisResponse(AppendOnlyModel):
    presentation = models.ForeignKey(ProfilePresentation, on_delete=models.CASCADE, related_name="hypothesis_responses")
    hypothesis = models.ForeignKey(Hypothesis, on_delete=models.PROTECT, related_name="responses")
    citizen_comment = models.TextField(_("the citizen's comment"), blank=True)

    class Meta:
        verbose_name = _("hypothesis presented")
        verbose_name_plural = _("hypotheses presented")

    def __str__(self) -> str:
        return f"{self.hypothesis_id} @ {self.presentation_id}"


class DisagreementOutcome(models.TextChoices):
    KEEP = "keep", _("Keep the description and assessment")
    AMEND = "amend", _("Amend the element")


class DisagreementDecision(AppendOnlyModel):
    """The caseworker's choice after a disagreement; keeping requires a professional explanation that is also
    shown to the citizen (seed 001, l. 2291–2298; seed 000, L3219–3222, L3868–3871)."""

    response = models.OneToOneField(ElementResponse, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(_("decision"), max_length=10, choices=DisagreementOutcome.choices)
    explanation = models.TextField(_("professional explanation"), blank=True)
    amended_version = models.ForeignKey(
        ElementVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        verbose_name = _("decision on a disagreement")
        verbose_name_plural = _("decisions on disagreements")

    def __str__(self) -> str:
        return f"{self.response_id}: {self.outcome}"
