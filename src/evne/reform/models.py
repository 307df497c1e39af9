"""The 2013 reform pathways (seed 003 §1–§2; seed 002): the rehabiliteringsplan's preparatory part, the
rehabilitation team with its meetings and recommendations (indstillinger), the municipality's departure from a
recommendation, and the pathway records — ressourceforløb, fleksjob visitation and job, and the transfer to
førtidspension treatment.

Legal records are append-only (plan versions, recommendations, departures, transfers, visitations); records whose
state moves on (a meeting's minutes, a course, a flex job) carry a version number and change only through services.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evne.accounts.models import Municipality
from evne.appendonly import AppendOnlyModel
from evne.cases.models import Case
from evne.evidence.models import Document
from evne.rules import vocabulary

# --- rehabiliteringsplan, forberedende del -------------------------------------------------------------------


class GpBasis(models.TextChoices):
    """The GP's assessment in the preparatory part (bek. 996/2016; seed 003 L3143–3152, L726–738)."""

    LAE_265 = "lae_265", _("The GP's assessment on LÆ 265 after a consultation")
    EXISTING_EVIDENCE = (
        "existing_evidence",
        _("Application on the existing evidence (pension act § 17, stk. 2): what the file holds, no new LÆ 265"),
    )


# The content the preparatory part must have (bek. 996/2016; seed 003 L2784–2800, L3131–3141), in the form's order.
PLAN_CONTENT = (
    "goals",
    "employment_resources",
    "social_resources",
    "health_resources",
    "personal_resources",
    "wishes",
    "health_situation",
    "benefit_history",
    "earlier_efforts",
)


class RehabPlanRevision(AppendOnlyModel):
    """One version of the rehabiliteringsplan's preparatory part (forberedende del), written with the citizen.
    It describes and documents only — no assessment or recommendation of what should happen (seed 003 L3131–3141).
    It rests on the resource profile: `profile_version_ids` are the exact element versions it points at."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="rehab_plans")
    number = models.PositiveIntegerField(_("version"))
    goals = models.TextField(_("education and employment goals"))
    employment_resources = models.TextField(
        _("employment resources and challenges, with documentation of earlier efforts")
    )
    social_resources = models.TextField(_("social resources and challenges, with documentation of earlier efforts"))
    health_resources = models.TextField(_("health resources and challenges, with documentation of earlier efforts"))
    personal_resources = models.TextField(_("personal resources and network"))
    wishes = models.TextField(_("the citizen's wishes"))
    health_situation = models.TextField(_("the health situation, incl. ongoing examinations and treatment"))
    benefit_history = models.TextField(_("benefit history"))
    earlier_efforts = models.TextField(_("experience with earlier efforts"))
    gp_basis = models.CharField(_("the GP's assessment"), max_length=30, choices=GpBasis.choices)
    gp_document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("LÆ 265")
    )
    existing_evidence = models.TextField(_("what the file already holds"), blank=True)
    profile_version_ids = models.JSONField(_("resource-profile versions it rests on"), default=list)
    citizen_accepted_on = models.DateField(_("accepted by the citizen on"), null=True, blank=True)
    reason = models.CharField(_("reason for the revision"), max_length=300, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(_("saved"))

    class Meta:
        verbose_name = _("rehabilitation plan, preparatory part")
        verbose_name_plural = _("rehabilitation plans, preparatory part")
        ordering = ["case", "number"]
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="rehab_plan_unique")]

    def __str__(self) -> str:
        return f"{self.case_id} rehab plan v{self.number}"


# --- the rehabilitation team -----------------------------------------------------------------------------------


class MemberRole(models.TextChoices):
    """Who sits in the team (lov om organisering §§ 9–10; seed 003 L3094–3104, L3166–3174)."""

    EMPLOYMENT = "employment", _("Employment")
    SOCIAL = "social", _("Social services")
    HEALTH = "health", _("Municipal health services")
    EDUCATION = "education", _("Education (citizens under 30)")
    HEALTH_COORDINATOR = "health_coordinator", _("Regional health coordinator (clinical function)")
    CHAIR = "chair", _("Chair")


class RehabTeam(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="rehab_teams")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("rehabilitation team")
        verbose_name_plural = _("rehabilitation teams")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="rehab_team_name_unique")]

    def __str__(self) -> str:
        return self.name


class RehabTeamMember(models.Model):
    """A member by role. `user` is set for members who use Evne (they record minutes and recommendations)."""

    team = models.ForeignKey(RehabTeam, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role in the team"), max_length=30, choices=MemberRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="rehab_memberships"
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("rehabilitation team member")
        verbose_name_plural = _("rehabilitation team members")
        ordering = ["team", "role", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class RehabMeeting(models.Model):
    team = models.ForeignKey(RehabTeam, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField(_("meeting date"))
    minutes = models.TextField(_("minutes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("rehabilitation team meeting")
        verbose_name_plural = _("rehabilitation team meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.team} {self.held_on:%d-%m-%Y}"


class AgendaReason(models.TextChoices):
    FIRST = "first", _("First presentation")
    DEPARTURE = "departure", _("Again: the municipality departs from the recommendation")
    NO_MEASURE = "no_measure", _("Again: no measure started 6 months into the ressourceforløb")
    TEAM_WANTS = "team_wants", _("Again: the team wanted to see the case again")
    OTHER = "other", _("Again: other reason")


class AgendaItem(models.Model):
    """A case on a meeting's agenda, with who attended (the citizen and caseworker in person; seed 003 L3160–3164)."""

    meeting = models.ForeignKey(RehabMeeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="rehab_agenda_items")
    reason = models.CharField(_("why the case is presented"), max_length=20, choices=AgendaReason.choices)
    citizen_present = models.BooleanField(_("the citizen attended"), default=False)
    caseworker_present = models.BooleanField(_("the caseworker attended"), default=False)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("case on the agenda")
        verbose_name_plural = _("cases on the agenda")
        ordering = ["meeting", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="agenda_case_unique")]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.case_id}"


class Measure(models.TextChoices):
    """The measure a decision is about, and the measure a case is presented to the rehabilitation team for. One set
    shared by `Recommendation.presented_for` and `decisions.Decision.subject`: it lives here because reform sits
    below decisions (decisions may import from reform, never the reverse)."""

    FLEKSJOB = "fleksjob", _("Fleksjob")
    FORTIDSPENSION = "fortidspension", _("Førtidspension")
    RESSOURCEFORLOB = "ressourceforlob", _("Ressourceforløb")
    JOBAFKLARING = "jobafklaring", _("Jobafklaringsforløb")
    REVALIDERING = "revalidering", _("Revalidering")
    ORDINARY_WORK = "ordinary_work", _("Ordinary work")
    BENEFIT = "benefit", _("A benefit (stop or reduction)")
    OTHER = "other", _("Other")


class RecommendationKind(models.TextChoices):
    """What the team recommends (bek. 996/2016 §§ 8–10; seed 003 L3188–3300).

    Two kinds say the case cannot be recommended on yet, and the law treats them differently:
    - POSTPONEMENT: the team postpones its recommendation so that named information can be obtained, or new facts
      the citizen brought to the meeting examined (seed 003 L3297–3300); the case comes back to the team with the
      information. It must say what exactly is missing (BDO L3769–3771).
    - NOT_CLARIFIED: the team finds, on the material before it, that the case is not sufficiently clarified for
      the measure it was presented for — the legal test (`legal_test`) is not shown to be met — without asking for
      named information. It is a recommendation on the existing material, which matters where the case must be
      decided on the evidence as it stands: an application on the existing evidence (pension act § 17, stk. 2;
      39-17, L726–738) gets no new LÆ 265 and no new examinations, so postponing it for more information is not an
      option, while a finding that the conditions are not clarified is.
    """

    RESSOURCEFORLOB = "ressourceforlob", _("Ressourceforløb")
    FLEKSJOB = "fleksjob", _("Fleksjob")
    FORTIDSPENSION = "fortidspension", _("Førtidspension")
    JOBAFKLARING = "jobafklaring", _("Jobafklaringsforløb")
    OTHER = "other", _("Other measure (employment, social, health, revalidering)")
    POSTPONEMENT = "postponement", _("Postponement for more information")
    NOT_CLARIFIED = "not_clarified", _("The case is not sufficiently clarified")


# The measure each recommendation kind recommends; None for "other measure" (employment, social, health or
# revalidering) and for the kinds that recommend no measure yet.
RECOMMENDED_MEASURE = {
    RecommendationKind.RESSOURCEFORLOB: Measure.RESSOURCEFORLOB,
    RecommendationKind.FLEKSJOB: Measure.FLEKSJOB,
    RecommendationKind.FORTIDSPENSION: Measure.FORTIDSPENSION,
    RecommendationKind.JOBAFKLARING: Measure.JOBAFKLARING,
}
NO_MEASURE_YET = frozenset({RecommendationKind.POSTPONEMENT, RecommendationKind.NOT_CLARIFIED})


# What the recommendation must contain for each kind and its content fields: the rules package owns the tables
# (evne.rules.vocabulary); the form, the service and the rules read the same ones.
REQUIRED_CONTENT = {RecommendationKind(k): v for k, v in vocabulary.REQUIRED_CONTENT.items()}
CONTENT_FIELDS = vocabulary.CONTENT_FIELDS


class Recommendation(AppendOnlyModel):
    """The team's recommendation (indstilling) for one case at one meeting. A recommendation, never a decision."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="recommendation")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="rehab_recommendations")
    kind = models.CharField(_("recommendation"), max_length=20, choices=RecommendationKind.choices)
    presented_for = models.CharField(
        _("the measure the case was presented for (the decision the recommendation is for)"), max_length=20,
        choices=Measure.choices, blank=True,
    )  # fmt: skip
    reasons = models.TextField(_("the team's reasons"), blank=True)
    legal_test = models.TextField(_("the legal test the recommendation states"), blank=True)
    factors = models.TextField(_("employment, social and health factors relied on"), blank=True)
    goal = models.TextField(_("overall employment or education goal"), blank=True)
    measures = models.TextField(_("measures needed"), blank=True)
    order_of_measures = models.TextField(_("order of the measures (or that they can run in parallel)"), blank=True)
    follow_up = models.TextField(_("how follow-up is organised"), blank=True)
    mentor = models.TextField(_("mentor: whether one is needed"), blank=True)
    wants_case_back = models.BooleanField(_("the team wants to see the case again"), default=False)
    development_perspective = models.BooleanField(
        _("the team judges that the work ability can be developed (not merely that it cannot be ruled out)"),
        default=False,
    )
    why_clarified = models.TextField(_("why the citizen is clarified and cannot work on ordinary terms"), blank=True)
    flex_job_types = models.TextField(_("types of flex job or work functions"), blank=True)
    special_needs = models.TextField(_("special considerations or transitional support"), blank=True)
    very_few_hours = models.BooleanField(_("the citizen can currently work very few hours"), default=False)
    development_within_reasonable_time = models.TextField(
        _("why the work ability can develop within a reasonable time"), blank=True
    )
    professional_reasons = models.TextField(_("professional reasons"), blank=True)
    postponement_reason = models.TextField(_("reason for postponement and what exactly is missing"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("recommendation (indstilling)")
        verbose_name_plural = _("recommendations (indstillinger)")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"

    def content(self) -> tuple[str, ...]:
        """The content parts that are filled in (flags for the rules: which, not what)."""
        return tuple(f for f in CONTENT_FIELDS if getattr(self, f).strip())

    @property
    def against_presented_measure(self) -> bool:
        """The team recommends a measure other than the one the case was presented for ("ressourceforløb, not the
        førtidspension applied for"). "Other measure" counts as against fleksjob, førtidspension, ressourceforløb and
        jobafklaring, not against revalidering or other measures, which it covers."""
        if not self.presented_for or self.kind in NO_MEASURE_YET:
            return False
        recommended = RECOMMENDED_MEASURE.get(self.kind)
        if recommended is None:
            return self.presented_for in RECOMMENDED_MEASURE.values()
        return recommended != self.presented_for


class Departure(AppendOnlyModel):
    """The municipality will not follow the recommendation: the case must go back to the team before the decision
    (lov om organisering § 11, stk. 2; seed 003 L3325–3335)."""

    recommendation = models.OneToOneField(Recommendation, on_delete=models.CASCADE, related_name="departure")
    departed_on = models.DateField(_("decided to depart on"))
    reason = models.TextField(_("reason for departing from the recommendation"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("departure from the recommendation")
        verbose_name_plural = _("departures from recommendations")

    def __str__(self) -> str:
        return f"{self.recommendation_id} departed {self.departed_on}"


# --- førtidspension ----------------------------------------------------------------------------------------------


# The four conditions for deciding an obviously futile case without the team (evne.rules.vocabulary).
FUTILE_CONDITIONS = vocabulary.FUTILE_CONDITIONS


class PensionTransfer(AppendOnlyModel):
    """The case moved to treatment under the førtidspension rules (pension act § 18, stk. 1; seed 003 L713–744).
    The 3-month decision deadline (§ 21, stk. 1) runs from `transferred_on`. A correction is a new row."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pension_transfers")
    transferred_on = models.DateField(_("transferred to pension treatment on"))
    citizen_told_on = models.DateField(_("the citizen was told on"), null=True, blank=True)
    on_existing_evidence = models.BooleanField(
        _("the citizen applied on the existing evidence (§ 17, stk. 2)"), default=False
    )
    senior = models.BooleanField(_("senior førtidspension (§ 17, stk. 3)"), default=False)
    long_attachment = models.BooleanField(
        _("long and current attachment to the labour market (as a rule 25 years of full-time work)"), default=False
    )
    without_team = models.BooleanField(_("decided without the team: obviously futile (§ 18, stk. 2)"), default=False)
    futile_health_alone = models.BooleanField(
        _("the health situation alone shows the conditions are met"), default=False
    )
    futile_unambiguous = models.BooleanField(_("the health information is unambiguous"), default=False)
    futile_not_contradictory = models.BooleanField(_("the health information is not contradictory"), default=False)
    futile_documented = models.BooleanField(
        _("it is documented that the functional capacity is permanently and severely reduced"), default=False
    )
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("transfer to pension treatment")
        verbose_name_plural = _("transfers to pension treatment")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} transferred {self.transferred_on}"

    def futile_conditions(self) -> tuple[str, ...]:
        return tuple(c for c in FUTILE_CONDITIONS if getattr(self, f"futile_{c}"))


# --- ressourceforløb ---------------------------------------------------------------------------------------------


class CourseOutcome(models.TextChoices):
    """What follows a ressourceforløb (seed 003 L930–949, L2049–2083)."""

    NEW_COURSE = "new_course", _("A new ressourceforløb")
    FLEKSJOB = "fleksjob", _("Fleksjob")
    FORTIDSPENSION = "fortidspension", _("Førtidspension")
    KONTANTHJAELP = "kontanthjaelp", _("Social assistance (no longer in the target group)")
    JOB = "job", _("Ordinary work or education")
    OTHER = "other", _("Other")


class CourseKind(models.TextChoices):
    NEW = "new", _("New ressourceforløb")
    EXTENSION = "extension", _("Extension of the running ressourceforløb")


class ResourceCourse(models.Model):
    """A granted ressourceforløb (LAB § 68 a–b): the period (1–5 years), the coordinating caseworker, the action
    part (indsatsdel) of the rehabiliteringsplan — written only once the course is granted — and its end.

    A course is new or extends a course of the same case (`extends`). A new course names its own preparatory part
    (`rehab_plan`) and its presentation to the team (`presentation`); from 1 January 2013 a new course needs both
    (seed 003 L3286–3288, L3094–3098). They are recorded here and judged by the legal checks, not refused."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="resource_courses")
    kind = models.CharField(_("new course or extension"), max_length=10, choices=CourseKind.choices,
                            default=CourseKind.NEW)  # fmt: skip
    extends = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="extensions",
        verbose_name=_("the course it extends"),
    )  # fmt: skip
    rehab_plan = models.ForeignKey(
        RehabPlanRevision, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("its preparatory part (rehabilitation plan version)"),
    )  # fmt: skip
    presentation = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("its presentation to the rehabilitation team"),
    )  # fmt: skip
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("granted until"))
    coordinating_caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("coordinating caseworker")
    )
    action_part = models.TextField(_("action part (indsatsdel)"), blank=True)
    action_part_written_on = models.DateField(_("action part written on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    outcome = models.CharField(_("what follows"), max_length=20, choices=CourseOutcome.choices, blank=True)
    still_in_target_group = models.BooleanField(
        _("still in the target group (complex problems needing a cross-disciplinary effort)"), default=False
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("ressourceforløb")
        verbose_name_plural = _("ressourceforløb")
        ordering = ["-start_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} ressourceforløb {self.start_on}–{self.end_on}"


class CourseFollowUp(AppendOnlyModel):
    """A follow-up conversation in a ressourceforløb with the coordinating caseworker (seed 003 L2910–2918)."""

    course = models.ForeignKey(ResourceCourse, on_delete=models.CASCADE, related_name="follow_ups")
    held_on = models.DateField(_("held on"))
    with_citizen = models.BooleanField(_("with the citizen"), default=True)
    note = models.TextField(_("what was followed up"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("follow-up in a ressourceforløb")
        verbose_name_plural = _("follow-ups in ressourceforløb")
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.course_id} follow-up {self.held_on}"


# --- jobafklaringsforløb ------------------------------------------------------------------------------------------


class ClarificationOutcome(models.TextChoices):
    WORK = "work", _("Back to work or education")
    SICKNESS_BENEFIT = "sygedagpenge", _("Sickness benefit resumed (extension)")
    RESSOURCEFORLOB = "ressourceforlob", _("Ressourceforløb")
    FLEKSJOB = "fleksjob", _("Fleksjob")
    FORTIDSPENSION = "fortidspension", _("Førtidspension")
    OTHER = "other", _("Other")


class JobClarificationCourse(models.Model):
    """A jobafklaringsforløb for a citizen whose sickness benefit ends (the 2013 reform; law-timeline.md): its own
    period and coordinating caseworker; it uses the same preparatory part and team treatment as the other
    pathways (the recommendation kind `jobafklaring`)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="job_clarification_courses")
    start_on = models.DateField(_("start"))
    coordinating_caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("coordinating caseworker")
    )
    plan = models.TextField(_("the course's plan"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    outcome = models.CharField(_("what follows"), max_length=20, choices=ClarificationOutcome.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("jobafklaringsforløb")
        verbose_name_plural = _("jobafklaringsforløb")
        ordering = ["-start_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} jobafklaringsforløb {self.start_on}"


# --- fleksjob ----------------------------------------------------------------------------------------------------


class FlexJobVisitation(AppendOnlyModel):
    """Visitation to fleksjob (LAB §§ 69–70; seed 003 L819–837): permanently and substantially reduced work ability,
    all relevant measures tried unless obviously futile, concrete work functions and hours; very few hours only with
    a development plan (25-14; bek. 996/2016 § 9)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="flex_job_visitations")
    visited_on = models.DateField(_("visitation date"))
    permanently_reduced = models.BooleanField(_("the work ability is permanently and substantially reduced"))
    measures_tried = models.BooleanField(_("all relevant measures have been tried"))
    futile_reason = models.TextField(_("why further measures are obviously futile"), blank=True)
    work_functions = models.TextField(_("concrete work functions"))
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    very_few_hours = models.BooleanField(_("very few hours"), default=False)
    development_plan = models.TextField(_("how the hours are to develop within a reasonable time"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("fleksjob visitation")
        verbose_name_plural = _("fleksjob visitations")
        ordering = ["visited_on", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} visitation {self.visited_on}"


class FlexJob(AppendOnlyModel):
    """A flex job the citizen holds (employer, hours, accommodation)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="flex_jobs")
    employer = models.CharField(_("employer"), max_length=200)
    start_on = models.DateField(_("start"))
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1)
    accommodation = models.TextField(_("accommodation (skånehensyn)"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("flex job")
        verbose_name_plural = _("flex jobs")
        ordering = ["-start_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} flex job {self.start_on}"


class FlexJobEndReason(models.TextChoices):
    """Why a flex job ended (LAB § 74 ff.: ledighedsydelse is paid between flex jobs)."""

    DISMISSED = "dismissed", _("The employer ended the employment")
    RESIGNED = "resigned", _("The citizen resigned")
    NEW_FLEX_JOB = "new_flex_job", _("Another flex job")
    ORDINARY_WORK = "ordinary_work", _("Work on ordinary terms")
    FORTIDSPENSION = "fortidspension", _("Førtidspension")
    OTHER = "other", _("Other")


class FlexJobEnd(AppendOnlyModel):
    """The end of a flex job: a record of its own, as the job itself is append-only. At most one per job."""

    job = models.OneToOneField(FlexJob, on_delete=models.CASCADE, related_name="end")
    ended_on = models.DateField(_("ended on"))
    reason = models.CharField(_("why the flex job ended"), max_length=20, choices=FlexJobEndReason.choices)
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("end of a flex job")
        verbose_name_plural = _("ends of flex jobs")

    def __str__(self) -> str:
        return f"{self.job_id} ended {self.ended_on}"


class UnemploymentPeriod(AppendOnlyModel):
    """A period on ledighedsydelse (while waiting for or between flex jobs)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="ledighedsydelse_periods")
    start_on = models.DateField(_("start"))
    end_on = models.DateField(_("end"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("ledighedsydelse period")
        verbose_name_plural = _("ledighedsydelse periods")
        ordering = ["-start_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id} ledighedsydelse {self.start_on}"

    @property
    def effective_end_on(self):
        """The end given with the period, or recorded later (UnemploymentPeriodEnd); None while it runs."""
        if self.end_on is not None:
            return self.end_on
        end = getattr(self, "end", None)
        return end.ended_on if end is not None else None


class UnemploymentPeriodEnd(AppendOnlyModel):
    """The end of a ledighedsydelse period recorded without one (the period itself is append-only)."""

    period = models.OneToOneField(UnemploymentPeriod, on_delete=models.CASCADE, related_name="end")
    ended_on = models.DateField(_("ended on"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("end of a ledighedsydelse period")
        verbose_name_plural = _("ends of ledighedsydelse periods")

    def __str__(self) -> str:
        return f"{self.period_id} ended {self.ended_on}"
