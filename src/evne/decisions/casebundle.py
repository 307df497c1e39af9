"""The whole case as readable parts: what file access (aktindsigt) hands out and what the appeal body receives.

FVL § 9, stk. 1 (seed 000, L6298–6382): the party may see the case's documents; an unspecified request is a request
for every record of the case — "Ved en akt forstås" incoming and outgoing letters, notes of information received
orally (including the resource profile's), the client journal, e-mails. So the bundle renders every record Evne
holds for the case, grouped in parts (the record types a specified request can choose), each record readable in
Danish: the fields with their Danish labels, no internal codes.

Exemptions are recorded per record with their reason and legal ground (`ExemptionReason`); an exempted record is
named in the bundle with the reason, and its content is left out. A specified request chooses parts and/or a
period (the date each record concerns).

Call only for a case obtained through access_case(); this module reads, it never checks access.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from evne.cases.models import Case

# A record's id key in handed_out rows and timeline data: the keys the case file rewrites to refs
# (evne.casefile.export.JSON_ID_KEYS), so an exported file keeps pointing at the right record.
ID_KEY = {
    "version": "version_id",
    "presentation": "presentation_id",
    "hypothesis": "hypothesis_id",
    "plan": "plan_id",
    "activity": "activity_id",
    "order": "order_id",
    "report": "report_id",
    "trial_period": "trial_period_id",
    "request": "request_id",
    "consent": "consent_id",
    "document": "document_id",
    "conclusions": "conclusions_id",
    "treatment": "treatment_id",
    "assessment": "assessment_id",
    "rehab_plan": "rehab_plan_id",
    "course": "course_id",
    "agenda_item": "agenda_item_id",
    "recommendation": "recommendation_id",
    "follow_up": "follow_up_id",
    "application": "application_id",
    "decision": "decision_id",
    "hearing": "hearing_id",
    "complaint": "complaint_id",
    "employment": "employment_id",
    "visitation": "visitation_id",
    "flex_job": "flex_job_id",
    "period": "period_id",
    "note": "note_id",
}


class Part(models.TextChoices):
    """The parts of the file, in the order the bundle shows them; a specified request chooses among them. The
    bundle is rendered in Danish (translation.override), the labels' English msgids serve an English screen."""

    PROFILE = "profile", _("The resource profile (every version and presentation)")
    PLAN = "plan", _("The action plan (every version)")
    ACTIVITY = "activity", _("Activities and offers")
    ORDER = "order", _("Orders to providers (kravspecifikationer)")
    REPORT = "report", _("Reports from providers (statusudtalelser)")
    REQUEST = "request", _("Requests for information")
    CONSENT = "consent", _("Consents")
    DOCUMENT = "document", _("Documents received and sent")
    ASSESSMENT = "assessment", _("Work-ability assessments")
    REHAB_PLAN = "rehab_plan", _("The rehabilitation plan and courses")
    TEAM = "team", _("The rehabilitation team: presentations and recommendations")
    FOLLOW_UP = "follow_up", _("Follow-up conversations")
    DECISION = "decision", _("Applications, decisions, hearings and complaints")
    WORK = "work", _("Work, flex job and benefits")
    NOTE = "note", _("Journal notes")
    TIMELINE = "timeline", _("The course of the case (timeline)")


class ExemptionReason(models.TextChoices):
    """Why a record is not handed out, with its legal ground (forvaltningsloven, lovbekendtgørelse nr. 433 af 22.
    april 2014, chapter 4 as in force since 1 January 2014). § 12: internal documents (seed 000, L6340–6364: the
    caseworker's recommendation to the pension board, the internal medical adviser's recommendation) — unless they
    hold facts found nowhere else in the case (L6352–6364). §§ 15–15 b: the party's interest yields to decisive
    considerations for the party themself or for other private or public interests; the reasons must be given
    (FVL § 22). The labels are what the citizen reads (in Danish)."""

    INTERNAL = "internal", _("Internal working document (forvaltningsloven § 12, stk. 1)")
    SPECIAL = "special", _("Special document, e.g. correspondence with experts for a lawsuit (forvaltningsloven § 14)")
    CITIZEN = "citizen", _("Decisive consideration for you yourself (forvaltningsloven §§ 15–15 b)")
    PRIVATE = "private", _("Decisive consideration for other persons' private matters (forvaltningsloven §§ 15–15 b)")
    PUBLIC = "public", _("Decisive consideration for public interests (forvaltningsloven §§ 15–15 b)")


# Reasons that weigh interests: the weighing must be written down, for the citizen to read (FVL §§ 15–15 b, § 22).
NEEDS_NOTE = frozenset({ExemptionReason.CITIZEN, ExemptionReason.PRIVATE, ExemptionReason.PUBLIC})


@dataclass
class Item:
    """One record of the case as the bundle shows it."""

    kind: str
    pk: int | None
    on: dt.date | None
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    document: object | None = None  # an evidence Document: its own file may follow as an attachment
    internal: bool = False  # an internal working document by its nature (a draft decision)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.pk}" if self.pk is not None else ""

    @property
    def exemptable(self) -> bool:
        return self.pk is not None and self.kind in ID_KEY


@dataclass
class Section:
    part: str
    heading: str
    items: list[Item] = field(default_factory=list)
    exempted: list[tuple[Item, str, str]] = field(default_factory=list)  # (item, reason label, note)

    @property
    def anchor(self) -> str:
        return f"part-{self.part}"


def _d(day) -> str:
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = timezone.localtime(day).date()
    return f"{day:%d-%m-%Y}"


def _value(obj: models.Model, f: models.Field) -> str:
    value = getattr(obj, f.attname)
    if value in (None, "", [], {}):
        return ""
    if f.choices:
        return str(getattr(obj, f"get_{f.name}_display")())
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%d-%m-%Y %H:%M}"
    if isinstance(value, dt.date):
        return _d(value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    return str(value)


# Fields never shown: keys, links rendered elsewhere, storage details and bookkeeping.
_SKIP = {
    "id", "case", "version", "storage_token", "file", "sha256", "size", "content_type", "profile", "activity",
    "profile_version_ids", "document_ids", "assessment_fact_ids", "hypothesis_ids", "goal_ids", "profile_versions",
    "facts", "goals", "job_functions", "element_keys", "resources_by_element", "package", "explanation", "handed_out",
    "evidence_weighing", "item", "presentation", "response", "meeting", "recommendation", "job", "extends",
    "rehab_plan", "gp_document", "document", "report", "replaces", "consent", "request", "decision", "application",
    "letter", "bundle", "reconsideration_letter", "course", "treatment", "parties", "type", "guidance_text",
}  # fmt: skip


# The people fields carry no verbose name of their own (Django would print "author"): their Danish labels.
_WHO = {
    "author": "Skrevet af", "recorded_by": "Registreret af", "created_by": "Oprettet af", "written_by": "Skrevet af",
    "presented_by": "Forelagt af", "sent_by": "Sendt af", "issued_by": "Udstedt af", "decided_by": "Besluttet af",
    "answered_by": "Besvaret af", "added_by": "Tilføjet af", "assigned_by": "Tildelt af", "actor": "Udført af",
    "coordinating_caseworker": "Koordinerende sagsbehandler", "created_at": "Oprettet",
}  # fmt: skip


def _label(f: models.Field) -> str:
    """The field's Danish label; "" for a field without a label of its own (a link shown elsewhere, a key)."""
    if f.name in _WHO:
        return _WHO[f.name]
    if not isinstance(f.verbose_name, Promise):  # Django's default from the field name: not for a reader
        return ""
    return capfirst(str(f.verbose_name))


def _rows(obj: models.Model, *, skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Each filled field with its Danish label (the models' verbose names, translated)."""
    out = []
    omit = _SKIP | set(skip)
    for f in obj._meta.concrete_fields:
        if f.name in omit or not _label(f):
            continue
        if isinstance(f, models.ForeignKey):
            related = getattr(obj, f.name, None)
            if related is None:
                continue
            name = related.get_full_name() if hasattr(related, "get_full_name") else str(related)
            out.append((_label(f), name or getattr(related, "username", "")))
            continue
        text = _value(obj, f)
        if text:
            out.append((_label(f), text))
    return out


def _element(key: str) -> str:
    from evne.profiles.pdf import element_name_da

    return element_name_da(key)


# --- the records, part by part -----------------------------------------------------------------------------


def _profile(case: Case) -> list[Item]:
    from evne.profiles.models import ElementVersion, Hypothesis, InvolvementRecord, ProfilePresentation

    items = []
    versions = ElementVersion.objects.filter(profile__case=case).select_related("author").order_by("saved_at", "id")
    for v in versions:
        name = _element(v.element) + (f": {v.title}" if v.title else "")
        paragraphs = [f"Oplysning: {f.get('text', '')}" for f in v.facts if f.get("text")]
        items.append(Item("version", v.pk, timezone.localtime(v.saved_at).date(),
                          f"{name}, version {v.number}", _rows(v, skip={"element", "title"}), paragraphs))  # fmt: skip
    for h in Hypothesis.objects.filter(profile__case=case).order_by("created_at", "id"):
        title = "Hypotese" + (f" om {_element(h.element)}" if h.element else "")
        items.append(
            Item("hypothesis", h.pk, timezone.localtime(h.created_at).date(), title, _rows(h, skip={"element"}))
        )
    for r in InvolvementRecord.objects.filter(profile__case=case).order_by("occurred_on", "id"):
        items.append(Item("involvement", None, r.occurred_on, f"Inddragelse: {r.get_kind_display()}", _rows(r)))
    presentations = ProfilePresentation.objects.filter(profile__case=case).prefetch_related("responses__version")
    for p in presentations.order_by("presented_on", "id"):
        answers = []
        for response in p.responses.all():
            word = "enig" if response.agrees else f"uenig: {response.disagreement}"
            answers.append(f"{_element(response.version.element)} (version {response.version.number}): {word}")
        title = f"Forelæggelse af ressourceprofilen {_d(p.presented_on)}"
        items.append(Item("presentation", p.pk, p.presented_on, title, _rows(p), answers))
    return items


def _plan(case: Case) -> list[Item]:
    from evne.plans.models import PlanRevision
    from evne.plans.selectors import goal_rows

    items = []
    for plan in PlanRevision.objects.filter(case=case).select_related("author").order_by("number"):
        goals = [f"Mål {g['label']}: {g['text']}" + (f" Midler: {g['means']}" if g.get("means") else "")
                 for g in goal_rows(plan)]  # fmt: skip
        day = timezone.localtime(plan.saved_at).date()
        items.append(Item("plan", plan.pk, day, f"Handleplan, version {plan.number}", _rows(plan), goals))
    return items


def _activities(case: Case) -> tuple[list[Item], list[Item], list[Item]]:
    from evne.plans.models import Activity

    activities, orders, reports = [], [], []
    qs = (
        Activity.objects.filter(case=case).select_related("type").prefetch_related("orders", "reports", "trial_periods")
    )
    for a in qs.order_by("start_on", "id"):
        name = f"{a.type.name_da} hos {a.provider}"
        activities.append(Item("activity", a.pk, a.start_on, name, [("Type", a.type.name_da), *_rows(a)]))
        for t in sorted(a.trial_periods.all(), key=lambda t: (t.start_on, t.pk)):
            activities.append(Item("trial_period", t.pk, t.start_on,
                                   f"Arbejdsprøvning {_d(t.start_on)}–{_d(t.end_on)} ({name})", _rows(t)))  # fmt: skip
        for o in sorted(a.orders.all(), key=lambda o: o.number):
            elements = ", ".join(_element(k) for k in o.element_keys)
            rows = [("Aktivitet", name), *_rows(o)] + (
                [("Elementer i ressourceprofilen", elements)] if elements else []
            )
            orders.append(Item("order", o.pk, timezone.localtime(o.written_at).date(),
                               f"Kravspecifikation, version {o.number}, til {a.provider}", rows))  # fmt: skip
        for r in sorted(a.reports.all(), key=lambda r: (r.report_date, r.pk)):
            found = [f"{_element(e.get('element', ''))}: {e.get('text', '')}" for e in r.resources_by_element
                     if isinstance(e, dict) and e.get("text")]  # fmt: skip
            reports.append(Item("report", r.pk, r.report_date, f"Statusudtalelse fra {a.provider} {_d(r.report_date)}",
                                [("Aktivitet", name), *_rows(r)], found))  # fmt: skip
    return activities, orders, reports


def _evidence(case: Case) -> tuple[list[Item], list[Item], list[Item]]:
    from evne.evidence.models import Consent, Document, InformationRequest, Treatment

    requests = [
        Item("request", r.pk, r.sent_on or timezone.localtime(r.created_at).date(),
             f"Anmodning om {r.get_document_type_display().lower()} til {r.recipient_name}", _rows(r))
        for r in InformationRequest.objects.filter(case=case).order_by("created_at", "id")
    ]  # fmt: skip
    consents = [
        Item("consent", c.pk, c.given_on, f"Samtykke: {c.get_purpose_display()} ({c.get_status_display().lower()})",
             _rows(c))
        for c in Consent.objects.filter(case=case).order_by("given_on", "id")
    ]  # fmt: skip
    documents = []
    qs = Document.objects.filter(case=case).prefetch_related("conclusions").order_by("document_date", "id")
    for d in qs:
        paragraphs = [d.summary] if d.summary else []
        rows = _rows(d, skip={"summary", "title", "original_filename"})
        if d.original_filename:
            rows.append(("Fil", d.original_filename))
        for c in sorted(d.conclusions.all(), key=lambda c: c.number)[-1:]:  # the latest revision is in force
            rows += [(f"Konklusion: {label.lower()}", value) for label, value in _rows(c, skip={"number", "reason"})]
        documents.append(Item("document", d.pk, d.document_date, f"{d.title} ({d.author}, {_d(d.document_date)})",
                              rows, paragraphs, document=d))  # fmt: skip
    for t in Treatment.objects.filter(case=case).prefetch_related("statuses").order_by("recommended_on", "id"):
        statuses = [f"{_d(s.status_on)}: {s.get_status_display()}" + (f" – {s.reason}" if s.reason else "")
                    for s in sorted(t.statuses.all(), key=lambda s: s.number)]  # fmt: skip
        documents.append(Item("treatment", t.pk, t.recommended_on, f"Anbefalet behandling: {t.description[:80]}",
                              _rows(t), statuses))  # fmt: skip
    return requests, consents, documents


def _assessments(case: Case) -> list[Item]:
    items = []
    for a in case.assessments.select_related("author").order_by("number"):
        jobs = [f"Jobfunktion: {j.get('text', '')}" + (f" ({j.get('note')})" if j.get("note") else "")
                for j in a.job_functions]  # fmt: skip
        title = f"Arbejdsevnevurdering nr. {a.number}, {_d(a.assessed_on)}"
        items.append(Item("assessment", a.pk, a.assessed_on, title, _rows(a, skip={"number"}), jobs))
    return items


def _reform(case: Case) -> tuple[list[Item], list[Item], list[Item]]:
    from evne.reform.models import (
        AgendaItem,
        FlexJob,
        FlexJobVisitation,
        JobClarificationCourse,
        PensionTransfer,
        RehabPlanRevision,
        ResourceCourse,
        UnemploymentPeriod,
    )

    plans = [
        Item("rehab_plan", p.pk, timezone.localtime(p.saved_at).date(),
             f"Rehabiliteringsplanens forberedende del, version {p.number}", _rows(p, skip={"number"}))
        for p in RehabPlanRevision.objects.filter(case=case).order_by("number")
    ]  # fmt: skip
    for c in ResourceCourse.objects.filter(case=case).order_by("start_on", "id"):
        plans.append(Item("course", c.pk, c.start_on, f"Ressourceforløb {_d(c.start_on)}–{_d(c.end_on)}", _rows(c)))
    for j in JobClarificationCourse.objects.filter(case=case).order_by("start_on", "id"):
        plans.append(Item("clarification", None, j.start_on, f"Jobafklaringsforløb fra {_d(j.start_on)}", _rows(j)))
    team = []
    agenda = AgendaItem.objects.filter(case=case).select_related("meeting", "recommendation__departure")
    for item in agenda.order_by("meeting__held_on", "id"):
        title = f"Forelæggelse for rehabiliteringsteamet {_d(item.meeting.held_on)}"
        team.append(Item("agenda_item", item.pk, item.meeting.held_on, title, _rows(item)))
        recommendation = getattr(item, "recommendation", None)
        if recommendation is not None:
            paragraphs = []
            departure = getattr(recommendation, "departure", None)
            if departure is not None:
                paragraphs.append(f"Kommunen besluttede den {_d(departure.departed_on)} ikke at følge indstillingen. "
                                  f"Begrundelse: {departure.reason}")  # fmt: skip
            team.append(Item("recommendation", recommendation.pk, item.meeting.held_on,
                             f"Rehabiliteringsteamets indstilling {_d(item.meeting.held_on)}", _rows(recommendation),
                             paragraphs))  # fmt: skip
    work = [
        Item("transfer", None, t.transferred_on, f"Overgang til behandling efter reglerne om førtidspension "
             f"{_d(t.transferred_on)}", _rows(t))
        for t in PensionTransfer.objects.filter(case=case).order_by("transferred_on", "id")
    ]  # fmt: skip
    for v in FlexJobVisitation.objects.filter(case=case).order_by("visited_on", "id"):
        work.append(Item("visitation", v.pk, v.visited_on, f"Visitation til fleksjob {_d(v.visited_on)}", _rows(v)))
    for f in FlexJob.objects.filter(case=case).select_related("end").order_by("start_on", "id"):
        end = getattr(f, "end", None)
        extra = [f"Ophørt {_d(end.ended_on)}: {end.get_reason_display()}"] if end is not None else []
        work.append(
            Item("flex_job", f.pk, f.start_on, f"Fleksjob hos {f.employer} fra {_d(f.start_on)}", _rows(f), extra)
        )
    for p in UnemploymentPeriod.objects.filter(case=case).order_by("start_on", "id"):
        work.append(Item("period", p.pk, p.start_on, f"Ledighedsydelse fra {_d(p.start_on)}", _rows(p)))
    return plans, team, work


def _follow_ups(case: Case) -> list[Item]:
    from evne.reform.models import CourseFollowUp

    items = []
    for f in case.follow_ups.order_by("held_on", "id"):
        rows = _rows(f) + ([("Parter", ", ".join(f.party_labels()))] if f.parties else [])
        items.append(Item("follow_up", f.pk, f.held_on, f"Opfølgningssamtale {_d(f.held_on)}", rows))
    for c in CourseFollowUp.objects.filter(course__case=case).order_by("held_on", "id"):
        items.append(Item("course_follow_up", None, c.held_on, f"Opfølgning i ressourceforløbet {_d(c.held_on)}",
                          _rows(c)))  # fmt: skip
    return items


def _decisions(case: Case) -> list[Item]:
    from .content import OUTCOME_DA
    from .models import Application, Complaint, Hearing

    items = []
    for a in Application.objects.filter(case=case).select_related("withdrawal").order_by("applied_on", "id"):
        extra = []
        if a.withdrawal_or_none is not None:
            extra.append(f"Trukket tilbage {_d(a.withdrawal.withdrawn_on)}. Vejledning givet: {a.withdrawal.guidance}")
        items.append(Item("application", a.pk, a.applied_on, f"Ansøgning om {a.label.lower()} {_d(a.applied_on)}",
                          _rows(a, skip={"other_text"}), extra))  # fmt: skip
    for d in case.decisions.order_by("number"):
        outcome = OUTCOME_DA.get(d.outcome, d.outcome)
        paragraphs = [f"Oplysning: {f.get('text', '')}" for f in d.facts if f.get("text")]
        if d.issued:
            title = f"Afgørelse om {outcome} af {_d(d.decided_on)}"
            on = d.decided_on
        else:
            title = f"Udkast til afgørelse om {outcome}"
            on = timezone.localtime(d.created_at).date()
        items.append(Item("decision", d.pk, on, title, _rows(d, skip={"number", "override_reason"}), paragraphs,
                          internal=not d.issued))  # fmt: skip
    for h in Hearing.objects.filter(decision__case=case).order_by("sent_on", "id"):
        items.append(Item("hearing", h.pk, h.sent_on, f"Partshøring sendt {_d(h.sent_on)}", _rows(h)))
    for c in Complaint.objects.filter(decision__case=case).select_related("decision").order_by("received_on", "id"):
        items.append(Item("complaint", c.pk, c.received_on, f"Klage modtaget {_d(c.received_on)}", _rows(c)))
    return items


def _employment(case: Case) -> list[Item]:
    from evne.citizens.models import Employment

    return [
        Item("employment", e.pk, e.start_on, f"Eget arbejde: {e.employer} fra {_d(e.start_on)}", _rows(e))
        for e in Employment.objects.filter(case=case).order_by("start_on", "id")
    ]


def _notes(case: Case) -> list[Item]:
    return [
        Item("note", n.pk, timezone.localtime(n.created_at).date(),
             f"Journalnotat {_d(n.created_at)} ({n.get_kind_display().lower()})", _rows(n, skip={"text", "kind"}),
             [n.text])
        for n in case.notes.select_related("author").order_by("created_at", "id")
    ]  # fmt: skip


def _timeline(case: Case) -> list[Item]:
    from evne.cases.timeline import describe

    events = case.events.select_related("actor").order_by("at", "id")
    return [
        Item("event", None, timezone.localtime(e.at).date(), f"{timezone.localtime(e.at):%d-%m-%Y %H:%M}",
             paragraphs=[describe(e)])
        for e in events
    ]  # fmt: skip


def collect(case: Case) -> dict[str, list[Item]]:
    """Every record of the case, per part, in Danish (whatever language the caller's screen uses)."""
    with translation.override("da"):
        activities, orders, reports = _activities(case)
        requests, consents, documents = _evidence(case)
        rehab, team, work = _reform(case)
        return {
            Part.PROFILE: _profile(case),
            Part.PLAN: _plan(case),
            Part.ACTIVITY: activities,
            Part.ORDER: orders,
            Part.REPORT: reports,
            Part.REQUEST: requests,
            Part.CONSENT: consents,
            Part.DOCUMENT: documents,
            Part.ASSESSMENT: _assessments(case),
            Part.REHAB_PLAN: rehab,
            Part.TEAM: team,
            Part.FOLLOW_UP: _follow_ups(case),
            Part.DECISION: _decisions(case),
            Part.WORK: _employment(case) + work,
            Part.NOTE: _notes(case),
            Part.TIMELINE: _timeline(case),
        }


@dataclass
class Selection:
    """What a specified request asks for: parts (empty: all) and a period of the date each record concerns."""

    parts: tuple[str, ...] = ()
    period_from: dt.date | None = None
    period_to: dt.date | None = None

    @property
    def whole_file(self) -> bool:
        return not self.parts and self.period_from is None and self.period_to is None

    def wants(self, part: str, item: Item) -> bool:
        if self.parts and part not in self.parts:
            return False
        if item.on is not None:
            if self.period_from is not None and item.on < self.period_from:
                return False
            if self.period_to is not None and item.on > self.period_to:
                return False
        return True


def sections(records: dict[str, list[Item]], *, selection: Selection, exemptions: dict[str, tuple[str, str]]
             ) -> tuple[list[Section], list[dict]]:  # fmt: skip
    """The bundle's parts (only those asked for, with what is handed out and what is exempted), and one row per
    record that has an id: whether it was handed out, and why not. `exemptions`: item key → (reason, note)."""
    out, rows = [], []
    for part in Part:
        section = Section(part.value, str(part.label))
        for item in records.get(part.value, []):
            wanted = selection.wants(part.value, item)
            exemption = exemptions.get(item.key) if item.key else None
            row = {"part": part.value, ID_KEY[item.kind]: item.pk} if item.exemptable else None
            if not wanted:
                if row is not None:
                    rows.append(row | {"included": False, "reason": "not_requested"})
                continue
            if exemption is not None:
                reason, note = exemption
                section.exempted.append((item, str(ExemptionReason(reason).label), note))
                if row is not None:
                    rows.append(row | {"included": False, "reason": reason, "note": note})
                continue
            section.items.append(item)
            if row is not None:
                rows.append(row | {"included": True, "reason": ""})
        if section.items or section.exempted:
            out.append(section)
    return out, rows
