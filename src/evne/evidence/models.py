"""Getting the facts: consent, information requests, and the documents received.

Sources: retssikkerhedsloven §§ 10–12 and forvaltningsloven § 29 as described in seed 000 (L6586–6849) and the
guidance to bek. 543/2002 § 7, stk. 4–7 (seed 001, l. 2094–2248); rule ids I1–I16 (seed-000-notes §6.6) and
R33–R37 (seed-001-notes §6).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from evne.appendonly import AppendOnlyModel
from evne.cases.models import Case


class ConsentPurpose(models.TextChoices):
    COLLECT = "collect", _("Consent to obtain information")
    DISCLOSE = "disclose", _("Consent to disclose information")


class ConsentStatus(models.TextChoices):
    GIVEN = "given", _("Given")
    REFUSED = "refused", _("Refused")
    NOT_POSSIBLE = "not_possible", _("Not possible (the citizen cannot understand the consequences)")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Consent(AppendOnlyModel):
    """One consent statement. A change (refusal, withdrawal, renewal) is a new row; the latest per scope counts."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    status = models.CharField(_("status"), max_length=20, choices=ConsentStatus.choices)
    scope = models.TextField(_("scope: which information, from or to whom"))
    recipient = models.CharField(_("recipient (for disclosure)"), max_length=200, blank=True)
    given_on = models.DateField(_("date"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    written = models.BooleanField(_("in writing"), default=True)
    guidance_given = models.BooleanField(
        _("the citizen was told about the duty to inform, the right to obtain information and the consequences"),
        default=False,
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.purpose} {self.status} {self.given_on}"


class RecipientKind(models.TextChoices):
    GP = "gp", _("General practitioner (own doctor)")
    SPECIALIST = "specialist", _("Specialist")
    HOSPITAL = "hospital", _("Hospital")
    EMPLOYER = "employer", _("Employer")
    PROVIDER = "provider", _("Provider of an activity")
    AKASSE = "akasse", _("Unemployment insurance fund (a-kasse)")
    MEDICAL_ADVISER = "medical_adviser", _("Municipal medical adviser (lægekonsulent)")
    OTHER = "other", _("Other")


class RequestedDocument(models.TextChoices):
    """Ordered from the least to the most intrusive (seed 000, L5331–5362; I11–I12: the least intrusive that
    answers the question; no specialist statement when a status statement is enough)."""

    STATUS_STATEMENT = "status_statement", _("Status statement (statusattest)")
    GENERAL_CERTIFICATE = "general_certificate", _("General health certificate")
    SPECIFIC_CERTIFICATE = "specific_certificate", _("Specific health certificate")
    LAE_265 = "lae_265", _("Medical certificate LÆ 265")
    HOSPITAL_RECORDS = "hospital_records", _("Extract of hospital records")
    SPECIALIST_STATEMENT = "specialist_statement", _("Specialist statement (speciallægeerklæring)")
    EMPLOYER_STATEMENT = "employer_statement", _("Statement from employer")
    PROVIDER_STATEMENT = "provider_statement", _("Statement from provider")
    OTHER = "other", _("Other information")


MEDICAL_LADDER = [
    RequestedDocument.STATUS_STATEMENT,
    RequestedDocument.GENERAL_CERTIFICATE,
    RequestedDocument.SPECIFIC_CERTIFICATE,
    RequestedDocument.LAE_265,
    RequestedDocument.HOSPITAL_RECORDS,
    RequestedDocument.SPECIALIST_STATEMENT,
]


class CollectionGround(models.TextChoices):
    """The legal ground when information is obtained without the citizen's consent (I4; seed 000, L6656–6780)."""

    CANNOT_UNDERSTAND = "cannot_understand", _("The citizen cannot understand the consequences (e.g. psychosis)")
    CONTROL = "control", _("Control purpose with a legal basis")
    NOTICE_RTL_12_3 = "notice_rtl_12_3", _("Notice under retssikkerhedsloven § 12, stk. 3, with time to object")


class InformationRequest(models.Model):
    """A request for information to a doctor, employer, provider, a-kasse … (bek. 543/2002 § 7, stk. 5–7)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="information_requests")
    recipient_kind = models.CharField(_("recipient"), max_length=20, choices=RecipientKind.choices)
    recipient_name = models.CharField(_("recipient's name"), max_length=200)
    purpose = models.TextField(_("purpose (explained to the citizen and the recipient)"))
    necessity = models.TextField(_("why the information is necessary"))
    questions = models.TextField(_("the questions asked"))
    document_type = models.CharField(_("document requested"), max_length=30, choices=RequestedDocument.choices)
    intrusion_reason = models.TextField(_("why a less intrusive document is not enough"), blank=True)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="requests", verbose_name=_("consent")
    )
    collection_ground = models.CharField(
        _("legal ground without consent"), max_length=30, choices=CollectionGround.choices, blank=True
    )
    collection_note = models.TextField(_("note on collecting without consent"), blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    answer_due_on = models.DateField(_("answer due on"), null=True, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    cancel_reason = models.TextField(_("why it was cancelled"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.recipient_name} ({self.document_type})"


class DocumentKind(models.TextChoices):
    LAE_265 = "lae_265", _("Medical certificate LÆ 265")
    MEDICAL_CERTIFICATE = "medical_certificate", _("Other medical certificate")
    STATUS_STATEMENT = "status_statement", _("Status statement (statusattest)")
    SPECIALIST_STATEMENT = "specialist_statement", _("Specialist statement (speciallægeerklæring)")
    HOSPITAL_RECORDS = "hospital_records", _("Extract of hospital records")
    CLINICAL_FUNCTION = "clinical_function", _("Statement from the region's clinical function (klinisk funktion)")
    PSYCHOLOGIST_STATEMENT = "psychologist_statement", _("Psychologist's statement")
    MEDICAL_ADVISER = "medical_adviser", _("Medical adviser's statement (lægekonsulent)")
    PROVIDER_REPORT = "provider_report", _("Provider report (statusudtalelse)")
    EMPLOYER_STATEMENT = "employer_statement", _("Statement from employer")
    CITIZEN_DOCUMENT = "citizen_document", _("The citizen's own document")
    OUTGOING_LETTER = "outgoing_letter", _("Letter from the municipality")
    OTHER = "other", _("Other document")


MEDICAL_DOCUMENTS = frozenset({
    DocumentKind.LAE_265, DocumentKind.MEDICAL_CERTIFICATE, DocumentKind.STATUS_STATEMENT,
    DocumentKind.SPECIALIST_STATEMENT, DocumentKind.HOSPITAL_RECORDS, DocumentKind.MEDICAL_ADVISER,
    DocumentKind.CLINICAL_FUNCTION, DocumentKind.PSYCHOLOGIST_STATEMENT,
})  # fmt: skip


def document_upload_to(instance: "Document", filename: str) -> str:
    # The stored name carries no personal data: case id and a random token (set by the service).
    return f"documents/{instance.case_id}/{instance.storage_token}"


class Document(AppendOnlyModel):
    """A document received in the case, summarised (medical statements are summarised, not copied: seed 001,
    l. 1923–1968). The file, if uploaded, is kept under a random name; its type and size are checked."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=30, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    document_date = models.DateField(_("date of the document"))
    author = models.CharField(_("author"), max_length=200)
    received_on = models.DateField(_("received on"))
    summary = models.TextField(_("summary (essential content and conclusion)"))
    sensitive = models.BooleanField(_("contains health information"), default=False)
    request = models.ForeignKey(
        InformationRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="answers",
        verbose_name=_("answer to request"),
    )  # fmt: skip
    file = models.FileField(_("file"), upload_to=document_upload_to, blank=True)
    storage_token = models.CharField(max_length=64, blank=True)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-document_date", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.document_date})"


# --- statements as structured facts, and the treatment history ------------------------------------------
#
# Appeals are won or lost on the substance of the statements, not their existence: treatment the doctor
# recommended that never happened, a specialist statement the reasons pass over, a lægekonsulent's statement the
# citizen never saw (Ankestyrelsen's principles on a fully investigated case; bek. 543/2002 § 7, stk. 4–6, seed
# 001 l. 2094–2248; the method's rule that statements are summarised, never copied, seed 001 l. 1923–1968). The
# conclusions sit beside the document, whose own `summary` stays the summary.


class StatementAuthorRole(models.TextChoices):
    GP = "gp", _("Own doctor (general practitioner)")
    SPECIALIST = "specialist", _("Specialist")
    HOSPITAL = "hospital", _("Hospital")
    CLINICAL_FUNCTION = "clinical_function", _("The region's clinical function (klinisk funktion)")
    MEDICAL_ADVISER = "medical_adviser", _("The municipality's medical adviser (lægekonsulent)")
    HEALTH_ADVISER = "health_adviser", _("Other health adviser")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    PROVIDER = "provider", _("Provider of an activity")
    EMPLOYER = "employer", _("Employer")
    CITIZEN = "citizen", _("The citizen")
    OTHER = "other", _("Other")


class Prognosis(models.TextChoices):
    PERMANENT = "permanent", pgettext_lazy("prognosis", "Permanent")
    TEMPORARY = "temporary", _("Temporary, until a date")
    UNCLEAR = "unclear", _("Unclear")
    NOT_STATED = "not_stated", _("Not stated in the statement")


class DevelopmentView(models.TextChoices):
    """The statement's view on whether the work ability can be developed (the question behind ressourceforløb,
    fleksjob and førtidspension: are the possibilities of development exhausted?)."""

    YES = "yes", _("The work ability can be developed")
    NO = "no", _("The work ability cannot be developed")
    UNCLEAR = "unclear", _("Unclear whether the work ability can be developed")
    NOT_STATED = "not_stated", _("Not stated in the statement")


class WorkAbilityView(models.TextChoices):
    """The statement's own view on the work ability. The municipality alone assesses the work ability (A9, R38);
    this records what the author says, in the words the law uses for flex jobs and pensions."""

    PERMANENTLY_SUBSTANTIALLY_REDUCED = "permanently_substantially_reduced", _("Permanently and substantially reduced")
    REDUCED = "reduced", _("Reduced")
    NOT_REDUCED = "not_reduced", _("Not reduced")
    NOT_ASSESSED = "not_assessed", _("Not assessed in the statement")


class StatementAgreement(models.TextChoices):
    AGREES = "agrees", _("Agrees with other statements")
    DISAGREES = "disagrees", _("Disagrees with other statements")
    NOT_STATED = "not_stated", _("Not stated")


class StatementConclusions(AppendOnlyModel):
    """The conclusions of one statement, as structured facts. Revisions are new rows numbered per document; the
    latest counts. `document_ids` are the documents of the same case it agrees or disagrees with."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="conclusions", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("revision"))
    author_role = models.CharField(_("author's role"), max_length=30, choices=StatementAuthorRole.choices)
    examined_on = models.DateField(_("date of the examination"), null=True, blank=True)
    stated_on = models.DateField(_("date of the statement"))
    conditions = models.TextField(_("conditions and diagnoses"), blank=True)
    icd10_code = models.CharField(_("ICD-10 code"), max_length=10, blank=True)
    prognosis = models.CharField(_("prognosis"), max_length=20, choices=Prognosis.choices)
    prognosis_until = models.DateField(_("temporary until"), null=True, blank=True)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=2, null=True, blank=True)
    restrictions = models.TextField(_("functional restrictions"), blank=True)
    accommodation_needs = models.TextField(_("accommodation needs (skånehensyn)"), blank=True)
    development_view = models.CharField(
        _("can the work ability be developed?"), max_length=20, choices=DevelopmentView.choices
    )
    development_quote = models.TextField(_("the statement's own words on development"), blank=True)
    work_ability_view = models.CharField(
        _("the statement's view on the work ability"), max_length=40, choices=WorkAbilityView.choices
    )
    agreement = models.CharField(
        _("agreement with other statements"), max_length=20, choices=StatementAgreement.choices
    )
    document_ids = models.JSONField(_("the other statements it refers to"), default=list, blank=True)
    reason = models.CharField(_("reason for the revision"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("conclusions of a statement")
        verbose_name_plural = _("conclusions of statements")
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="statement_conclusions_unique")]

    def __str__(self) -> str:
        return f"{self.document_id} conclusions v{self.number}"


class TreatmentSource(models.TextChoices):
    STATEMENT = "statement", _("A statement")
    PLAN = "plan", _("The action plan")
    FOLLOW_UP = "follow_up", _("A follow-up conversation")
    OTHER = "other", _("Other")


class ExpectedEffect(models.TextChoices):
    """Ankestyrelsen distinguishes treatment expected to improve the work ability from treatment that only
    eases the condition: only the first must be tried before the work ability is judged permanently reduced."""

    WORK_ABILITY = "work_ability", _("On the work ability")
    QUALITY_OF_LIFE = "quality_of_life", _("On the quality of life only")
    UNCLEAR = "unclear", _("Unclear")


class TreatmentStatusKind(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined by the citizen")
    NOT_POSSIBLE = "not_possible", _("Not possible")


class Treatment(AppendOnlyModel):
    """A treatment recommended in the case (behandlingsmulighed). What became of it is its status history
    (TreatmentStatus); the recommendation itself is never rewritten."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="treatments")
    description = models.TextField(_("treatment recommended"))
    source = models.CharField(_("recommended in"), max_length=20, choices=TreatmentSource.choices)
    # RESTRICT, not PROTECT: the statement cannot go while the treatment names it, but erasing the whole case
    # (cascading to both) still works.
    document = models.ForeignKey(
        Document, on_delete=models.RESTRICT, null=True, blank=True, related_name="treatments",
        verbose_name=_("statement"),
    )  # fmt: skip
    recommended_by = models.CharField(_("recommended by (role or name)"), max_length=200, blank=True)
    recommended_on = models.DateField(_("recommended on"))
    expected_effect = models.CharField(_("expected effect"), max_length=20, choices=ExpectedEffect.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("treatment")
        verbose_name_plural = _("treatments")
        ordering = ["-recommended_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.description[:40]} ({self.recommended_on})"


class TreatmentStatus(AppendOnlyModel):
    """One step in what became of a treatment; numbered per treatment, the latest counts."""

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="statuses")
    number = models.PositiveIntegerField(_("number"))
    status = models.CharField(_("status"), max_length=20, choices=TreatmentStatusKind.choices)
    status_on = models.DateField(_("date"))
    reason = models.TextField(_("reason"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("treatment status")
        verbose_name_plural = _("treatment statuses")
        ordering = ["treatment", "number"]
        constraints = [models.UniqueConstraint(fields=["treatment", "number"], name="treatment_status_unique")]

    def __str__(self) -> str:
        return f"{self.treatment_id} #{self.number} {self.status} {self.status_on}"
