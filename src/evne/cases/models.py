"""The case (sag), its caseworker assignments, journal notes and the immutable timeline.

Journal notes, assignments and timeline events are append-only: a correction is a new row. The database
refuses UPDATE on them (triggers in migration 0002), and the managers refuse bulk update and delete.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evne.accounts.models import Municipality, Team
from evne.appendonly import AppendOnlyModel
from evne.citizens.models import Citizen


class Pathway(models.TextChoices):
    """The pathway (forløb / sagstype) the case concerns."""

    REVALIDERING = "revalidering", _("Vocational rehabilitation (revalidering)")
    RESSOURCEFORLOB = "ressourceforlob", _("Resource course (ressourceforløb)")
    JOBAFKLARING = "jobafklaring", _("Job clarification course (jobafklaringsforløb)")
    FLEKSJOB = "fleksjob", _("Flex job (fleksjob)")
    FORTIDSPENSION = "fortidspension", _("Disability pension (førtidspension)")
    SYGEDAGPENGE = "sygedagpenge", _("Sickness benefit (sygedagpenge)")
    KONTANTHJAELP = "kontanthjaelp", _("Social assistance / activation (kontanthjælp/aktivering)")


class Benefit(models.TextChoices):
    """The benefit the citizen receives while the case runs (forsørgelsesgrundlag)."""

    KONTANTHJAELP = "kontanthjaelp", _("Social assistance (kontanthjælp)")
    UDDANNELSESHJAELP = "uddannelseshjaelp", _("Education assistance (uddannelseshjælp)")
    SYGEDAGPENGE = "sygedagpenge", _("Sickness benefit (sygedagpenge)")
    RESSOURCEFORLOBSYDELSE = "ressourceforlobsydelse", _("Resource course benefit (ressourceforløbsydelse)")
    JOBAFKLARINGSYDELSE = (
        "jobafklaringsydelse",
        _("Resource course benefit in job clarification (ressourceforløbsydelse under jobafklaringsforløb)"),
    )
    REVALIDERINGSYDELSE = "revalideringsydelse", _("Rehabilitation benefit (revalideringsydelse)")
    LEDIGHEDSYDELSE = "ledighedsydelse", _("Flex-job unemployment benefit (ledighedsydelse)")
    DAGPENGE = "dagpenge", _("Unemployment insurance (a-dagpenge)")
    FORTIDSPENSION = "fortidspension", _("Disability pension (førtidspension)")
    WAGES = "wages", _("Wages / flex-job wages")
    NONE = "none", _("No public benefit (self-supporting)")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Opened")
    CLARIFICATION = "clarification", _("Being clarified")
    IN_COURSE = "in_course", _("In a course or activity")
    AWAITING_DECISION = "awaiting_decision", _("Awaiting decision")
    DECIDED = "decided", _("Decided")
    CLOSED = "closed", _("Closed")


class Case(models.Model):
    """One pathway of one citizen, from opening to final decision."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="cases")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases", verbose_name=_("team"))
    citizen = models.ForeignKey(Citizen, on_delete=models.PROTECT, related_name="cases", verbose_name=_("citizen"))
    number = models.CharField(_("case number"), max_length=20, unique=True)
    pathway = models.CharField(_("pathway"), max_length=20, choices=Pathway.choices)
    benefit = models.CharField(_("benefit"), max_length=30, choices=Benefit.choices)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    help_requested_on = models.DateField(
        _("help first requested on"),
        help_text=_("The date the citizen first asked for help. Deadlines run from this date."),
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("responsible caseworker"),
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["caseworker", "status"]),
        ]

    def __str__(self) -> str:
        return self.number


class CaseAssignment(AppendOnlyModel):
    """Who was responsible for the case from when. The current caseworker is the latest row."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("caseworker")
    )
    assigned_at = models.DateTimeField(_("assigned"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("assigned by")
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("caseworker assignment")
        verbose_name_plural = _("caseworker assignments")
        ordering = ["assigned_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.caseworker_id} ({self.assigned_at:%Y-%m-%d})"


class NoteKind(models.TextChoices):
    """Facts and judgements are kept apart (notatpligt; the method's description vs. assessment)."""

    FACT = "fact", _("Fact (oplysning)")
    ASSESSMENT = "assessment", _("Assessment (vurdering)")


class JournalNote(AppendOnlyModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("kind"), max_length=20, choices=NoteKind.choices)
    text = models.TextField(_("text"))
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the fact came from: conversation, document, phone call …"),
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects note"),
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("written"))

    class Meta:
        verbose_name = _("journal note")
        verbose_name_plural = _("journal notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class FollowUpForm(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video meeting")
    DIGITAL = "digital", _("Digital (written)")


class FollowUpParty(models.TextChoices):
    """Parties the job centre may involve in the follow-up (DPL § 24, stk. 2; seed 000 L4139–4146, K5)."""

    EMPLOYER = "employer", _("Employer")
    DOCTOR = "doctor", _("The citizen's doctor")
    UNION = "union", _("Trade union or unemployment fund")
    PROVIDER = "provider", _("Provider of an activity")
    OTHER = "other", _("Other party")


class FollowUp(AppendOnlyModel):
    """A follow-up conversation (opfølgningssamtale) in the case: when, how, with whom, and — at the first one — that
    the caseworker took a position on which parties to involve. The sick-pay and activation follow-up deadlines run
    from these (seed 000 D5, D6; seed 003 T8, T10). What was said goes in the summary (never into the rules)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    held_on = models.DateField(_("held on"))
    form = models.CharField(_("form"), max_length=20, choices=FollowUpForm.choices)
    with_citizen = models.BooleanField(_("the citizen took part"), default=True)
    parties_decided = models.BooleanField(
        _("took a position on which parties to involve"), default=False,
        help_text=_("At the first follow-up in a sickness-benefit case the law requires it (DPL § 24, stk. 2)."),
    )  # fmt: skip
    parties = models.JSONField(_("parties involved"), default=list, blank=True)
    interpreter_used = models.BooleanField(_("an interpreter took part"), default=False)
    summary = models.TextField(_("summary"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("follow-up conversation")
        verbose_name_plural = _("follow-up conversations")
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.held_on:%Y-%m-%d}"

    def party_labels(self) -> list[str]:
        return [str(FollowUpParty(p).label) for p in self.parties if p in FollowUpParty.values]


class EventKind(models.TextChoices):
    CASE_OPENED = "case_opened", _("Case opened")
    CASEWORKER_ASSIGNED = "caseworker_assigned", _("Caseworker assigned")
    STATUS_CHANGED = "status_changed", _("Status changed")
    CASE_UPDATED = "case_updated", _("Case details changed")
    NOTE_ADDED = "note_added", _("Journal note added")
    CITIZEN_UPDATED = "citizen_updated", _("Citizen details changed")
    SUPPORTER_ADDED = "supporter_added", _("Companion or representative added")
    PROFILE_ELEMENT_SAVED = "profile_element_saved", _("Resource profile element saved")
    PROFILE_PRESENTED = "profile_presented", _("Resource profile presented to the citizen")
    PROFILE_DISAGREEMENT_DECIDED = "profile_disagreement_decided", _("Decision on the citizen's disagreement")
    INVOLVEMENT_RECORDED = "involvement_recorded", _("Citizen involvement recorded")
    HYPOTHESIS_RECORDED = "hypothesis_recorded", _("Hypothesis recorded")
    CONSENT_RECORDED = "consent_recorded", _("Consent recorded")
    REQUEST_CREATED = "request_created", _("Information request created")
    REQUEST_SENT = "request_sent", _("Information request sent")
    REQUEST_ANSWERED = "request_answered", _("Information request answered")
    REQUEST_CANCELLED = "request_cancelled", _("Information request cancelled")
    DOCUMENT_RECEIVED = "document_received", _("Document received")
    PLAN_REVISED = "plan_revised", _("Action plan saved")
    ACTIVITY_CREATED = "activity_created", _("Activity created")
    ACTIVITY_ORDERED = "activity_ordered", _("Order sent to the provider")
    ACTIVITY_UPDATED = "activity_updated", _("Activity changed")
    ACTIVITY_ENDED = "activity_ended", _("Activity ended")
    PROVIDER_REPORT_RECEIVED = "provider_report_received", _("Provider report received")
    REPORT_FINDING_CARRIED = "report_finding_carried", _("Finding carried into the resource profile")
    ASSESSMENT_MADE = "assessment_made", _("Work-ability assessment made")
    PROMPT_ANSWERED = "prompt_answered", _("Question from a legal check answered")
    REHAB_PLAN_SAVED = "rehab_plan_saved", _("Rehabilitation plan (preparatory part) saved")
    REHAB_REFERRED = "rehab_referred", _("Case put on the rehabilitation team's agenda")
    REHAB_UNREFERRED = "rehab_unreferred", _("Case taken off the rehabilitation team's agenda")
    REHAB_ATTENDANCE = "rehab_attendance", _("Attendance at the rehabilitation team meeting recorded")
    REHAB_RECOMMENDATION = "rehab_recommendation", _("Rehabilitation team's recommendation recorded")
    REHAB_DEPARTURE = "rehab_departure", _("The municipality departs from the team's recommendation")
    PENSION_TRANSFERRED = "pension_transferred", _("Case transferred to pension treatment")
    COURSE_GRANTED = "course_granted", _("Ressourceforløb granted")
    COURSE_ACTION_PART = "course_action_part", _("Action part of the rehabilitation plan written")
    COURSE_ENDED = "course_ended", _("Ressourceforløb ended")
    COURSE_FOLLOW_UP = "course_follow_up", _("Follow-up in the ressourceforløb recorded")
    CLARIFICATION_STARTED = "clarification_started", _("Jobafklaringsforløb started")
    CLARIFICATION_ENDED = "clarification_ended", _("Jobafklaringsforløb ended")
    FLEX_JOB_VISITATION = "flex_job_visitation", _("Fleksjob visitation recorded")
    FLEX_JOB_STARTED = "flex_job_started", _("Flex job recorded")
    LEDIGHEDSYDELSE_PERIOD = "ledighedsydelse_period", _("Ledighedsydelse period recorded")
    FLEX_JOB_ENDED = "flex_job_ended", _("Flex job ended")
    LEDIGHEDSYDELSE_ENDED = "ledighedsydelse_ended", _("Ledighedsydelse period ended")
    FOLLOW_UP_RECORDED = "follow_up_recorded", _("Follow-up conversation recorded")
    DECISION_DRAFTED = "decision_drafted", _("Decision drafted")
    DECISION_REVISED = "decision_revised", _("Decision draft changed")
    HEARING_SENT = "hearing_sent", _("Hearing sent")
    HEARING_ANSWERED = "hearing_answered", _("Hearing answered or expired")
    DECISION_ISSUED = "decision_issued", _("Decision issued")
    COMPLAINT_RECEIVED = "complaint_received", _("Complaint received")
    COMPLAINT_RECONSIDERED = "complaint_reconsidered", _("Complaint reconsidered")
    COMPLAINT_FORWARDED = "complaint_forwarded", _("Complaint forwarded to the appeal body")
    APPEAL_DECIDED = "appeal_decided", _("Appeal body's decision recorded")
    FILE_ACCESS_REQUESTED = "file_access_requested", _("File access requested")
    FILE_ACCESS_GIVEN = "file_access_given", _("File access given")
    REASONS_REQUESTED = "reasons_requested", _("Written reasons requested")
    REASONS_GIVEN = "reasons_given", _("Written reasons given")
    DELAY_NOTICE_SENT = "delay_notice_sent", _("Notice of a delayed decision sent")
    STATEMENT_RECORDED = "statement_recorded", _("Conclusions of a statement recorded")
    TREATMENT_RECORDED = "treatment_recorded", _("Recommended treatment recorded")
    TREATMENT_UPDATED = "treatment_updated", _("What became of a treatment recorded")
    WORK_TRIAL_RECORDED = "work_trial_recorded", _("Work trial period recorded")
    OWN_WORK_RECORDED = "own_work_recorded", _("The citizen's own work recorded")
    APPLICATION_RECEIVED = "application_received", _("Application received")
    APPLICATION_WITHDRAWN = "application_withdrawn", _("Application withdrawn")
    DOCUMENT_PRINTED = "document_printed", _("Document printed or downloaded")


class TimelineEvent(AppendOnlyModel):
    """An immutable, typed record of one change to the case, with author and time."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=40, choices=EventKind.choices)
    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    data = models.JSONField(default=dict, blank=True)
    note = models.ForeignKey(JournalNote, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    case_version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The case's version after this event, for events that change the case."
    )

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class PromptAnswer(AppendOnlyModel):
    """The caseworker's recorded answer to a legal check that needs judgement (a rule's prompt): a fact of its own —
    the text, the day it was given, who gave it, the rule version and the decision it was given for. It counts only
    from the day it was given; older answers stay as the record of how the judgement developed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="prompt_answers")
    rule_id = models.CharField(_("rule"), max_length=100)
    # the version of the rule (its first day in force) the answer was given under; it counts only for that version
    rule_version = models.DateField(_("rule version"), null=True, blank=True)
    answer = models.TextField(_("answer"))
    # the decision (its number in the case) the answer was given for; null = a question about the case itself
    decision_number = models.PositiveIntegerField(_("for decision number"), null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(_("answered"))

    class Meta:
        verbose_name = _("answer to a legal check")
        verbose_name_plural = _("answers to legal checks")
        ordering = ["answered_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.rule_id}"
