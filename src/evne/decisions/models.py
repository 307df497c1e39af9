"""Decisions (afgørelser), the hearing (partshøring), complaints and reconsideration, file access (aktindsigt),
and the letters that tell the citizen. Sources: seed 000 §§ 5.12–5.13, 6.2 (D3, D8–D11, D14), 6.8 (X1–X12),
6.9 (G1, G4) in shared/domain/seed-000-notes.md; seed 001 R39–R50.

A decision is a draft until it is issued. Issuing freezes it: the rules explanation it was issued under, the
complaint guidance and the letter are stored on it, and a database trigger refuses every later UPDATE of an
issued row (migration 0002). A changed decision is a new decision.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evne.accounts.models import Municipality
from evne.appendonly import AppendOnlyModel
from evne.cases.models import Case, Pathway
from evne.reform.models import Measure
from evne.rules import vocabulary

# What a decision concerns is a measure (Decision.subject); the set is shared with the rehabilitation team's
# recommendation (reform.Recommendation.presented_for) and lives in reform, below this app.
DecisionSubject = Measure


class OutcomeKind(models.TextChoices):
    """What the decision decides (seed 000 §5.12, L3900–3929, L7075–7096)."""

    ORDINARY_WORK = "ordinary_work", _("Referral to ordinary work")
    ACTIVITIES = "activities", _("Activities / vocational rehabilitation (revalidering)")
    RESSOURCEFORLOB = "ressourceforlob", _("Resource course (ressourceforløb)")
    JOBAFKLARING = "jobafklaring", _("Job clarification course (jobafklaringsforløb)")
    FLEKSJOB = "fleksjob", _("Flex job (fleksjob)")
    FORTIDSPENSION = "fortidspension", _("Disability pension (førtidspension)")
    FORTIDSPENSION_EXISTING = "fortidspension_existing", _("Disability pension on the existing evidence")
    SENIOR_FORTIDSPENSION = "senior_fortidspension", _("Senior disability pension (seniorførtidspension)")
    REFUSAL = "refusal", _("Refusal")
    PARTIAL_GRANT = "partial_grant", _("Partial grant")
    STOP_REDUCTION = "stop_reduction", _("Stop or reduction of a benefit")
    REFUSE_PENSION_CASE = "refuse_pension_case", _("Refusal to start a pension case")


# The readiness decision type each outcome is checked as (the rules package owns the table: evne.rules.vocabulary).
DECISION_TYPE = {OutcomeKind(k): v for k, v in vocabulary.DECISION_TYPE.items()}

# Outcomes that never fully grant a request (X5 minimum list; seed 000 L7075–7096).
NEVER_FULL = frozenset({
    OutcomeKind.REFUSAL, OutcomeKind.PARTIAL_GRANT, OutcomeKind.STOP_REDUCTION, OutcomeKind.REFUSE_PENSION_CASE,
})  # fmt: skip


# What a decision that grants (or stops) something concerns, from its outcome. Refusals and partial grants concern
# what was applied for: the linked application, or the caseworker's choice.
SUBJECT_OF_OUTCOME = {
    OutcomeKind.ORDINARY_WORK: Measure.ORDINARY_WORK,
    OutcomeKind.ACTIVITIES: Measure.REVALIDERING,
    OutcomeKind.RESSOURCEFORLOB: Measure.RESSOURCEFORLOB,
    OutcomeKind.JOBAFKLARING: Measure.JOBAFKLARING,
    OutcomeKind.FLEKSJOB: Measure.FLEKSJOB,
    OutcomeKind.FORTIDSPENSION: Measure.FORTIDSPENSION,
    OutcomeKind.FORTIDSPENSION_EXISTING: Measure.FORTIDSPENSION,
    OutcomeKind.SENIOR_FORTIDSPENSION: Measure.FORTIDSPENSION,
    OutcomeKind.STOP_REDUCTION: Measure.BENEFIT,
    OutcomeKind.REFUSE_PENSION_CASE: Measure.FORTIDSPENSION,
}


class ApplicationKind(models.TextChoices):
    """What the citizen applied for (seed 003 §1.2–§1.4; pension act § 17, stk. 2 and 3)."""

    FLEKSJOB = "fleksjob", _("Fleksjob")
    FORTIDSPENSION = "fortidspension", _("Førtidspension")
    FORTIDSPENSION_EXISTING = (
        "fortidspension_existing",
        _("Førtidspension on the existing evidence (pension act § 17, stk. 2)"),
    )
    SENIOR_FORTIDSPENSION = "senior_fortidspension", _("Seniorførtidspension")
    REVALIDERING = "revalidering", _("Revalidering")
    RESSOURCEFORLOB = "ressourceforlob", _("Ressourceforløb")
    JOBAFKLARING = "jobafklaring", _("Jobafklaringsforløb")
    OTHER = "other", _("Other")


# The measure each kind of application concerns (a refusal answering it concerns the same measure).
MEASURE_OF_APPLICATION = {
    ApplicationKind.FLEKSJOB: Measure.FLEKSJOB,
    ApplicationKind.FORTIDSPENSION: Measure.FORTIDSPENSION,
    ApplicationKind.FORTIDSPENSION_EXISTING: Measure.FORTIDSPENSION,
    ApplicationKind.SENIOR_FORTIDSPENSION: Measure.FORTIDSPENSION,
    ApplicationKind.REVALIDERING: Measure.REVALIDERING,
    ApplicationKind.RESSOURCEFORLOB: Measure.RESSOURCEFORLOB,
    ApplicationKind.JOBAFKLARING: Measure.JOBAFKLARING,
    ApplicationKind.OTHER: Measure.OTHER,
}


class ApplicationChannel(models.TextChoices):
    """How the application came. `Channel` (complaints, file access) knows only oral and written; an application
    may also come through digital self-service, which the case should show as such."""

    WRITTEN = "written", _("In writing (letter, e-mail)")
    ORAL = "oral", _("Orally (in person or by phone)")
    DIGITAL = "digital", _("Digitally (self-service, e.g. borger.dk)")


class Application(AppendOnlyModel):
    """What the citizen applied for, when and how. Append-only: what became of it is a decision answering it
    (`Decision.application`) — a refusal to start a case is such a decision too — or its withdrawal."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="applications")
    kind = models.CharField(_("applied for"), max_length=30, choices=ApplicationKind.choices)
    other_text = models.CharField(_("what was applied for (other)"), max_length=200, blank=True)
    applied_on = models.DateField(_("applied on"))
    channel = models.CharField(_("how the application came"), max_length=10, choices=ApplicationChannel.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-applied_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} application {self.kind} {self.applied_on}"

    @property
    def measure(self) -> str:
        return MEASURE_OF_APPLICATION.get(self.kind, Measure.OTHER)

    @property
    def label(self) -> str:
        """What was applied for, as the caseworker reads it."""
        if self.kind == ApplicationKind.OTHER and self.other_text:
            return self.other_text
        return str(self.get_kind_display())

    @property
    def withdrawal_or_none(self):
        return getattr(self, "withdrawal", None)


class ApplicationWithdrawal(AppendOnlyModel):
    """The citizen withdrew the application. Recorded once, with the guidance given before withdrawing (what the
    withdrawal means for the citizen; RTL § 5, FVL § 7): a withdrawal without recorded guidance is refused."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="withdrawal")
    withdrawn_on = models.DateField(_("withdrawn on"))
    guidance = models.TextField(_("guidance given to the citizen before withdrawing"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("withdrawal of an application")
        verbose_name_plural = _("withdrawals of applications")

    def __str__(self) -> str:
        return f"{self.application_id} withdrawn {self.withdrawn_on}"


class EvidenceStance(models.TextChoices):
    """How the decision's reasons stand to a document of the case (FVL § 24; seed 003 L3345–3347, L3773–3774)."""

    RELIED_ON = "relied_on", _("The reasons rely on it")
    POINTS_ANOTHER_WAY = "points_another_way", _("It points another way")


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class Decision(models.Model):
    """One decision of the case: a versioned draft, then frozen when issued."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveIntegerField(_("number"))
    status = models.CharField(_("status"), max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    outcome = models.CharField(_("outcome"), max_length=30, choices=OutcomeKind.choices)
    applied_for = models.TextField(_("what the citizen applied for"))
    subject = models.CharField(_("what the decision concerns"), max_length=20, choices=Measure.choices)
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions",
        verbose_name=_("the application it answers"),
    )  # fmt: skip
    fully_grants = models.BooleanField(_("the decision fully grants the request"), default=False)
    appealable = models.BooleanField(_("the decision can be appealed"), default=True)
    decision_text = models.TextField(_("the decision"), blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    considerations = models.TextField(_("main considerations (discretion)"), blank=True)
    facts = models.JSONField(
        _("facts relied on"), default=list, blank=True,
        help_text=_("List of {text, source}; the source is document:<id>, note:<id> or version:<id>."),
    )  # fmt: skip
    legal_basis = models.TextField(_("legal basis (hjemmel)"), blank=True)
    answer_dealt_with = models.TextField(_("how the citizen's answer to the hearing was dealt with"), blank=True)
    profile_version_ids = models.JSONField(_("profile versions relied on"), default=list, blank=True)
    assessment = models.ForeignKey(
        "assessments.WorkAbilityAssessment", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("work-ability assessment relied on"),
    )  # fmt: skip
    document_ids = models.JSONField(_("documents relied on"), default=list, blank=True)
    evidence_weighing = models.JSONField(
        _("what the reasons rely on and what points another way"), default=list, blank=True,
        help_text=_("List of {document_id, stance, dealt_with, note}; stance is relied_on or points_another_way."),
    )  # fmt: skip
    # Set when issued, never changed afterwards (trigger in migration 0002).
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    # A pension granted with a revision condition is taken up again on this day. The exception, not the rule:
    # førtidspension is a lasting benefit (pension.revision_exceptional).
    revision_on = models.DateField(_("revision condition: taken up again on"), null=True, blank=True)
    revision_reason = models.TextField(_("why the pension is granted with a revision condition"), blank=True)
    override_reason = models.TextField(_("why it was issued despite blocking findings"), blank=True)
    explanation = models.JSONField(_("rules explanation it was issued under"), default=dict, blank=True)
    guidance_version = models.CharField(_("complaint guidance version"), max_length=40, blank=True)
    guidance_text = models.TextField(_("complaint guidance"), blank=True)
    letter = models.ForeignKey(
        "evidence.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("decision letter"),
    )  # fmt: skip
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["case", "-number"]
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="decision_number_unique")]

    def __str__(self) -> str:
        return f"{self.case_id} decision {self.number}"

    @property
    def decision_type(self) -> str:
        return DECISION_TYPE.get(self.outcome, "refusal")

    @property
    def issued(self) -> bool:
        return self.status == DecisionStatus.ISSUED

    @property
    def concerns(self) -> str:
        """The measure the decision is about (`subject`), whatever its outcome: a refusal of a fleksjob concerns
        fleksjob though its readiness type (`decision_type`) is "refusal"."""
        return self.subject or SUBJECT_OF_OUTCOME.get(self.outcome, Measure.OTHER)


class HearingAnswer(models.TextChoices):
    NONE_YET = "", _("Awaiting the answer")
    ANSWERED = "answered", _("The citizen answered")
    NO_ANSWER = "no_answer", _("No answer by the deadline")


class Hearing(models.Model):
    """Partshøring before a decision that does not fully grant the request (FVL § 19; X5, D14, G4)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="hearings")
    sent_on = models.DateField(_("sent on"))
    response_due_on = models.DateField(_("answer due on"))
    package = models.JSONField(_("hearing package"), default=list)
    unfavourable_facts = models.TextField(_("unfavourable material facts the decision may rest on"))
    letter = models.ForeignKey(
        "evidence.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("hearing letter"),
    )  # fmt: skip
    answer = models.CharField(_("answer"), max_length=10, choices=HearingAnswer.choices, blank=True, default="")
    answered_on = models.DateField(_("answer received on"), null=True, blank=True)
    answer_summary = models.TextField(_("the citizen's answer (summary)"), blank=True)
    answer_form = models.CharField(_("form of the answer"), max_length=20, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        ordering = ["decision", "-sent_on", "-id"]

    def __str__(self) -> str:
        return f"hearing {self.pk} of decision {self.decision_id}"


class Channel(models.TextChoices):
    """How the citizen contacted us. No form is required for a complaint or a file-access request (X8, G1)."""

    ORAL = "oral", _("Orally (in person or by phone)")
    WRITTEN = "written", _("In writing (letter, e-mail, digital post)")


class Reconsideration(models.TextChoices):
    CHANGED = "changed", _("Changed: the citizen is given (partly) what they asked for")
    KEPT = "kept", _("Kept: forwarded to the appeal body")
    MORE_INFORMATION = "more_information", _("More information needed")


class AppealOutcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld (stadfæstet)")
    CHANGED = "changed", _("Changed (ændret)")
    REMITTED = "remitted", _("Remitted for a new decision (hjemvist)")


class Complaint(models.Model):
    """A complaint against an issued decision: reconsideration (RTL § 66), forwarding and the appeal body's
    outcome (D10–D11; seed 000 L7340–7352, L7375–7436)."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="complaints")
    received_on = models.DateField(_("received on"))
    channel = models.CharField(_("form"), max_length=10, choices=Channel.choices)
    summary = models.TextField(_("what the citizen complains about"))
    reconsideration = models.CharField(
        _("reconsideration"), max_length=20, choices=Reconsideration.choices, blank=True, default=""
    )
    reconsidered_on = models.DateField(_("reconsidered on"), null=True, blank=True)
    reconsideration_reasons = models.TextField(_("reasons for the reconsideration"), blank=True)
    reconsideration_letter = models.ForeignKey(
        "evidence.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    forwarded_on = models.DateField(_("forwarded to the appeal body on"), null=True, blank=True)
    appeal_body = models.CharField(_("appeal body"), max_length=100, blank=True)
    appeal_outcome = models.CharField(
        _("the appeal body's outcome"), max_length=10, choices=AppealOutcome.choices, blank=True, default=""
    )
    appeal_decided_on = models.DateField(_("the appeal body decided on"), null=True, blank=True)
    appeal_note = models.TextField(_("what the appeal body said (e.g. what is missing)"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"complaint {self.pk} against decision {self.decision_id}"


class FileAccessRequest(models.Model):
    """Aktindsigt (FVL §§ 9, 16; G1, D8): oral is enough; an unspecified request is the whole file."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="file_access_requests")
    requested_on = models.DateField(_("requested on"))
    channel = models.CharField(_("form"), max_length=10, choices=Channel.choices)
    scope = models.TextField(_("scope (empty: the whole file)"), blank=True)
    due_on = models.DateField(_("due on"))
    handed_out_on = models.DateField(_("handed out on"), null=True, blank=True)
    handed_out = models.JSONField(
        _("what was handed out"), default=list, blank=True,
        help_text=_("List of {document_id, included, internal, unique_facts}."),
    )  # fmt: skip
    bundle = models.ForeignKey("evidence.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("file-access request")
        verbose_name_plural = _("file-access requests")
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"file access {self.pk} of case {self.case_id}"


class ReasonsRequest(models.Model):
    """A request for written reasons for an oral decision (FVL § 23; D9): within 14 days of the decision, answered
    within 14 days or the citizen is told why and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reasons_requests")
    decision_notified_on = models.DateField(_("the oral decision was given on"))
    decision_summary = models.TextField(_("the oral decision"))
    requested_on = models.DateField(_("requested on"))
    answered_on = models.DateField(_("written reasons given on"), null=True, blank=True)
    letter = models.ForeignKey("evidence.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("request for written reasons")
        verbose_name_plural = _("requests for written reasons")
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"reasons request {self.pk} of case {self.case_id}"


class DelayNotice(models.Model):
    """Written notice that the local decision deadline will be missed, and when to expect a decision (RTL § 3,
    stk. 2; D3; seed 000 L6417–6441)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="delay_notices")
    sent_on = models.DateField(_("sent on"))
    expected_on = models.DateField(_("a decision can be expected on"))
    reason = models.TextField(_("why the deadline cannot be kept"))
    letter = models.ForeignKey("evidence.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("delay notice")
        verbose_name_plural = _("delay notices")
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return f"delay notice {self.pk} of case {self.case_id}"


class LocalDeadline(models.Model):
    """The municipality's own decision deadline per case type (RTL § 3, stk. 2; D3). Municipal policy, set in
    Django admin; none set means no local-deadline check."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="local_deadlines")
    pathway = models.CharField(_("pathway"), max_length=20, choices=Pathway.choices)
    weeks = models.PositiveIntegerField(_("weeks from the first request"))

    class Meta:
        verbose_name = _("local decision deadline")
        verbose_name_plural = _("local decision deadlines")
        constraints = [models.UniqueConstraint(fields=["municipality", "pathway"], name="local_deadline_unique")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.pathway}: {self.weeks}"


class LetterBranding(models.Model):
    """How a municipality's letters look: logo, sender, signature, and the job centre's contact details (phone,
    e-mail, address, opening hours), which every letter must carry before it is issued (edited in Django admin)."""

    municipality = models.OneToOneField(Municipality, on_delete=models.CASCADE, related_name="letter_branding")
    sender = models.CharField(_("sender (e.g. Jobcenter Evnekøbing)"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.CharField(_("e-mail"), max_length=200, blank=True)
    opening_hours = models.TextField(_("opening hours and phone hours"), blank=True)
    signature = models.TextField(_("signature (e.g. 'Med venlig hilsen')"), blank=True)
    logo_svg = models.TextField(_("logo (SVG markup)"), blank=True)

    class Meta:
        verbose_name = _("letter branding")
        verbose_name_plural = _("letter branding")

    def __str__(self) -> str:
        return self.sender
