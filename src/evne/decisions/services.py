"""Writes of decisions, hearings, complaints, file access and notices. One service per use case, one transaction,
its timeline event inside it; letters are rendered and stored in the same transaction (a failed write removes the
stored file again). Rule ids (X…, D…, G…) refer to shared/domain/seed-000-notes.md §§ 6.2, 6.8, 6.9.

Evne never decides for the caseworker: it assembles, checks and records. The outcome, the reasons and the choice
to issue despite a blocking finding (with a written reason) are the caseworker's.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from evne.accounts.access import require_case_write
from evne.accounts.models import User
from evne.cases.models import Case, CaseStatus, EventKind
from evne.cases.timeline import record_event
from evne.errors import DomainError, StaleVersion
from evne.evidence.models import Document, DocumentKind
from evne.validation import clean_text, law_date, law_param, model_text, past_or_today

from . import casebundle, content
from .guidance import guidance_for
from .letters import CASE_FILE_TEMPLATE, plan_attachments, require_contact, store_letter
from .models import (
    NEVER_FULL,
    SUBJECT_OF_OUTCOME,
    AppealOutcome,
    Application,
    ApplicationChannel,
    ApplicationKind,
    ApplicationWithdrawal,
    Channel,
    Complaint,
    Decision,
    DecisionStatus,
    DelayNotice,
    EvidenceStance,
    FileAccessRequest,
    Hearing,
    HearingAnswer,
    Measure,
    OutcomeKind,
    ReasonsRequest,
    Reconsideration,
)

TEXT_MAX = 20_000
FACTS_MAX = 100
SPECIALIST_KINDS = frozenset({DocumentKind.SPECIALIST_STATEMENT, DocumentKind.MEDICAL_ADVISER})
DRAFT_FIELDS = (
    "outcome", "applied_for", "fully_grants", "appealable", "decision_text", "reasons", "considerations", "facts",
    "legal_basis", "answer_dealt_with", "document_ids", "assessment_id", "subject", "application_id",
    "evidence_weighing", "revision_on", "revision_reason",
)  # fmt: skip
NOTE_MAX = 2_000


def _text(model, field: str, value, *, required: bool = False) -> str:
    return model_text(model, field, value, required=required, default_max_length=TEXT_MAX)


def _choice(value, choices, field: str, message: str) -> str:
    if value not in choices.values:
        raise DomainError(message, field=field)
    return value


def _discard(stored: list[str]) -> None:
    from evne.evidence.services import _discard as discard

    discard(stored)


def _atomic_with_files(work):
    """Run `work(stored)` in one transaction; remove the letter files it stored if the transaction fails."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            return work(stored)
    except BaseException:
        _discard(stored)
        raise


def _stale(message: str, mine: Mapping, current_obj) -> StaleVersion:
    changes = {f: (v, getattr(current_obj, f)) for f, v in mine.items() if getattr(current_obj, f) != v}
    return StaleVersion(message, changes=changes)


# --- letters are written to the citizen ----------------------------------------------------------------------

# Words that speak of the citizen in the third person: case text ("Borgeren har …") pasted into a letter addressed
# to her. Her own first and last name are checked too (as written, capitalised).
THIRD_PERSON = ("borgeren", "borgerens", "ansøgeren", "ansøgerens", "klienten", "klientens")


def third_person(case: Case, text: str) -> str:
    """The first word in `text` that speaks of the citizen in the third person, or ""."""
    import re

    for word in THIRD_PERSON:
        found = re.search(rf"\b{word}\b", text, flags=re.IGNORECASE)
        if found:
            return found.group(0)
    for name in (case.citizen.first_name, case.citizen.last_name):
        for part in (name or "").split():
            if len(part) > 1 and re.search(rf"\b{re.escape(part)}\b", text):
                return part
    return ""


def require_second_person(case: Case, texts: Mapping[str, str]) -> None:
    """A letter speaks to the citizen ("du"); refuse a letter whose fields speak about her."""
    for field, text in texts.items():
        word = third_person(case, text or "")
        if word:
            raise DomainError(
                _("The letter is written to the citizen, but this text speaks of her or him in the third person "
                  "(“%(word)s”). Write it to the citizen: “du”, “dig”, “din”.") % {"word": word},
                field=field,
            )  # fmt: skip


def _letter_texts(decision: Decision) -> dict[str, str]:
    texts = {f: getattr(decision, f) for f in ("decision_text", "applied_for", "reasons", "considerations",
                                              "answer_dealt_with", "legal_basis")}  # fmt: skip
    for index, fact in enumerate(decision.facts):
        texts[f"facts.{index}"] = fact.get("text", "")
    return texts


# --- the draft -------------------------------------------------------------------------------------------------


def _source_exists(case: Case, source: str) -> bool:
    from evne.cases.references import resolve

    return resolve(case, source) is not None


def _clean_facts(case: Case, raw) -> list[dict]:
    """Facts relied on, each pointing at a record of this case (X6; FVL § 24, stk. 2): `document:<id>`,
    `note:<id>`, `version:<id>` (a resource-profile element version), `assessment:<id>`, `report:<id>` (a provider
    report) or `recommendation:<id>` (the rehabilitation team's) — see cases.references. A fact without a source is
    kept and warned about; a source outside the case is refused."""
    if raw is None:
        raw = []
    if not isinstance(raw, list | tuple):
        raise DomainError(_("The facts must be a list."), field="facts")
    rows = []
    for index, item in enumerate(raw):
        field = f"facts.{index}"
        if not isinstance(item, Mapping):
            raise DomainError(_("Each fact needs a text and its source."), field=field)
        text = model_text(Decision, "reasons", item.get("text"), default_max_length=2_000, error_field=field)
        source = str(item.get("source") or "").strip()
        if not text:
            if source:
                raise DomainError(_("Write the fact."), field=field)
            continue
        if source:
            exists = _source_exists(case, source)
            if not exists:
                raise DomainError(
                    _("Fact %(n)d: its source is not in this case. Choose a record of the case: a document, a note, "
                      "a profile version, an assessment, a provider report or the team's recommendation.")
                    % {"n": index + 1}, field=field,
                )  # fmt: skip
        rows.append({"text": text, "source": source})
    if len(rows) > FACTS_MAX:
        raise DomainError(_("At most %(max)d facts.") % {"max": FACTS_MAX}, field="facts")
    return rows


def _clean_documents(case: Case, document_ids: Iterable | None) -> list[int]:
    try:
        ids = sorted({int(i) for i in document_ids or []})
    except (TypeError, ValueError):
        raise DomainError(_("Unknown document."), field="document_ids") from None
    if len(set(Document.objects.filter(case=case, pk__in=ids).values_list("pk", flat=True))) != len(ids):
        raise DomainError(_("The decision can only rest on documents in this case."), field="document_ids")
    return ids


def _clean_assessment(case: Case, assessment_id):
    if assessment_id in (None, ""):
        return None
    found = case.assessments.filter(pk=assessment_id).first() if str(assessment_id).isdigit() else None
    if found is None:
        raise DomainError(_("The decision can only rest on an assessment of this case."), field="assessment_id")
    return found.pk


def _clean_application(case: Case, application_id) -> Application | None:
    """The application the decision answers: one of this case's, not withdrawn."""
    if application_id in (None, ""):
        return None
    found = (
        case.applications.select_related("withdrawal").filter(pk=application_id).first()
        if str(application_id).isdigit() else None
    )  # fmt: skip
    if found is None:
        raise DomainError(_("The decision can only answer an application of this case."), field="application_id")
    withdrawal = found.withdrawal_or_none
    if withdrawal is not None:
        raise DomainError(
            _("The application was withdrawn on %(date)s: no decision answers it.")
            % {"date": f"{withdrawal.withdrawn_on:%d-%m-%Y}"},
            field="application_id",
        )
    return found


def _clean_subject(subject, outcome: str, application: Application | None) -> str:
    """What the decision concerns: as chosen, else from the outcome for a grant, else from the application it
    answers. A refusal or a partial grant without an application needs the choice."""
    if subject not in (None, ""):
        return _choice(subject, Measure, "subject", _("Choose what the decision concerns."))
    if outcome in SUBJECT_OF_OUTCOME:
        return SUBJECT_OF_OUTCOME[OutcomeKind(outcome)]
    if application is not None:
        return application.measure
    raise DomainError(
        _("Choose what the decision concerns: what does the refusal or partial grant refuse (e.g. fleksjob)?"),
        field="subject",
    )


def _clean_weighing(case: Case, raw) -> list[dict]:
    """Per received document of the case: do the reasons rely on it, or does it point another way — and if so, do
    the reasons deal with it, and where (FVL § 24, stk. 1; seed 003 L3345–3347, L3773–3774: how the documentation
    was weighed must be visible)."""
    if raw is None:
        raw = []
    if not isinstance(raw, list | tuple):
        raise DomainError(_("The weighing of the evidence must be a list."), field="evidence_weighing")
    received = set(
        Document.objects.filter(case=case).exclude(kind=DocumentKind.OUTGOING_LETTER).values_list("pk", flat=True)
    )
    rows, seen = [], set()
    for index, item in enumerate(raw):
        field = f"evidence_weighing.{index}"
        if not isinstance(item, Mapping):
            raise DomainError(_("Each row names a document and how the reasons stand to it."), field=field)
        pk = item.get("document_id")
        if pk is None or isinstance(pk, bool) or not str(pk).isdigit():
            raise DomainError(_("Unknown document."), field=field)
        pk = int(pk)
        if pk not in received:
            raise DomainError(_("Only documents received in this case can be weighed."), field=field)
        if pk in seen:
            raise DomainError(_("Each document can be weighed only once."), field=field)
        seen.add(pk)
        stance = _choice(item.get("stance"), EvidenceStance, field,
                         _("Choose whether the reasons rely on the document or it points another way."))  # fmt: skip
        dealt_with = item.get("dealt_with", False)
        if not isinstance(dealt_with, bool):
            raise DomainError(_("Say whether the reasons deal with the document: yes or no."), field=field)
        note = clean_text(item.get("note"), field=field, label=_("Where and how"), max_length=NOTE_MAX)
        if stance == EvidenceStance.RELIED_ON:
            dealt_with = False  # only a document pointing another way is "dealt with"
        elif dealt_with and not note:
            raise DomainError(
                _("Document %(n)d points another way and the reasons deal with it: say where and how.") % {"n": pk},
                field=field,
            )
        rows.append({"document_id": pk, "stance": stance, "dealt_with": dealt_with, "note": note})
    return sorted(rows, key=lambda r: r["document_id"])


def _clean_draft(case: Case, values: Mapping) -> dict:
    outcome = _choice(values.get("outcome"), OutcomeKind, "outcome", _("Choose what the decision decides."))
    fully = bool(values.get("fully_grants"))
    if fully and outcome in NEVER_FULL:
        raise DomainError(
            _("A refusal, a partial grant or a stop or reduction does not fully grant the request."),
            field="fully_grants",
        )
    application = _clean_application(case, values.get("application_id"))
    return {
        "subject": _clean_subject(values.get("subject"), outcome, application),
        "application_id": application.pk if application else None,
        "evidence_weighing": _clean_weighing(case, values.get("evidence_weighing")),
        "outcome": outcome,
        "applied_for": _text(Decision, "applied_for", values.get("applied_for"), required=True),
        "fully_grants": fully,
        "appealable": bool(values.get("appealable", True)),
        "decision_text": _text(Decision, "decision_text", values.get("decision_text")),
        "reasons": _text(Decision, "reasons", values.get("reasons")),
        "considerations": _text(Decision, "considerations", values.get("considerations")),
        "facts": _clean_facts(case, values.get("facts")),
        "legal_basis": _text(Decision, "legal_basis", values.get("legal_basis")),
        "answer_dealt_with": _text(Decision, "answer_dealt_with", values.get("answer_dealt_with")),
        "document_ids": _clean_documents(case, values.get("document_ids")),
        "assessment_id": _clean_assessment(case, values.get("assessment_id")),
        **_clean_revision(outcome, values.get("revision_on"), values.get("revision_reason")),
    }


PENSION_GRANTS = (OutcomeKind.FORTIDSPENSION, OutcomeKind.FORTIDSPENSION_EXISTING, OutcomeKind.SENIOR_FORTIDSPENSION)


def _clean_revision(outcome: str, revision_on, reason) -> dict:
    """A revision condition belongs only to a pension grant, lies in the future of the draft, and says why (the rule
    pension.revision_exceptional judges whether the reason is one the practice allows)."""
    reason = _text(Decision, "revision_reason", reason)
    if revision_on in (None, ""):
        if reason:
            raise DomainError(_("Give the day the pension is taken up again, or leave the reason empty."),
                              field="revision_on")  # fmt: skip
        return {"revision_on": None, "revision_reason": ""}
    if outcome not in PENSION_GRANTS:
        raise DomainError(_("Only a grant of førtidspension can carry a revision condition."), field="revision_on")
    if isinstance(revision_on, str):
        try:
            revision_on = date.fromisoformat(revision_on)
        except ValueError:
            raise DomainError(_("Enter a date (YYYY-MM-DD)."), field="revision_on") from None
    if revision_on <= timezone.localdate():
        raise DomainError(_("The day the pension is taken up again lies in the future."), field="revision_on")
    return {"revision_on": revision_on, "revision_reason": reason}


def _current_profile_versions(case: Case) -> list[int]:
    from evne.profiles.selectors import current_elements, profile_for

    return sorted(v.pk for v in current_elements(profile_for(case)).values())


def decision_draft(
    *, actor: User, case: Case, outcome: str, applied_for: str, fully_grants: bool = False, appealable: bool = True,
    decision_text: str = "", reasons: str = "", considerations: str = "", facts: list | None = None,
    legal_basis: str = "", answer_dealt_with: str = "", document_ids: Iterable[int] = (), assessment_id=None,
    subject: str = "", application_id: int | None = None, evidence_weighing: list | None = None,
    revision_on: date | None = None, revision_reason: str = "",
) -> Decision:  # fmt: skip
    """Start a decision draft. It records the exact current resource-profile versions and, unless told otherwise,
    the latest work-ability assessment it rests on (ARCHITECTURE §3; R47). `subject` is the measure it concerns:
    by default from the outcome for a grant, from the application it answers (`application_id`) for a refusal or
    a partial grant; a refusal to start a case (e.g. a pension case) is a decision answering its application."""
    require_case_write(actor, case)
    values = _clean_draft(case, locals())
    if values["assessment_id"] is None:
        latest = case.assessments.order_by("-number").first()
        values["assessment_id"] = latest.pk if latest else None
    try:
        with transaction.atomic():
            current_case = Case.objects.select_for_update().get(pk=case.pk)
            number = (current_case.decisions.aggregate(n=Max("number"))["n"] or 0) + 1
            now = timezone.now()
            decision = Decision.objects.create(
                case=current_case, number=number, created_by=actor, created_at=now,
                profile_version_ids=_current_profile_versions(current_case), **values,
            )  # fmt: skip
            record_event(
                case=current_case, kind=EventKind.DECISION_DRAFTED, actor=actor, at=now,
                data={"decision_id": decision.pk, "number": number, "outcome": decision.outcome,
                      "fully_grants": decision.fully_grants, "subject": decision.subject,
                      "application_id": decision.application_id},
            )  # fmt: skip
            return decision
    except IntegrityError:
        raise StaleVersion(_("Someone else started a decision in this case at the same time. Try again.")) from None


def _locked_decision(decision: Decision, expected_version: int) -> Decision:
    current = Decision.objects.select_for_update().get(pk=decision.pk)
    if current.issued:
        raise DomainError(
            _("Decision %(number)s is issued and cannot be changed; make a new decision instead.")
            % {"number": current.number},
            field="status",
        )
    if current.version != int(expected_version):
        raise StaleVersion(
            _("Someone else changed the draft while you were working on it. Your change was not saved."),
            changes={"version": (int(expected_version), current.version)},
        )
    return current


def decision_revise(*, actor: User, decision: Decision, expected_version: int, **values) -> Decision:
    """Change a draft (the structured reasons editor). Refused once issued, or when based on a stale version."""
    case = decision.case
    require_case_write(actor, case)
    unknown = set(values) - set(DRAFT_FIELDS)
    if unknown:
        raise DomainError(_("Unknown field."), field=sorted(unknown)[0])
    merged = {f: getattr(decision, f) for f in DRAFT_FIELDS} | values
    cleaned = _clean_draft(case, merged)
    with transaction.atomic():
        try:
            current = _locked_decision(decision, expected_version)
        except StaleVersion as exc:
            current = Decision.objects.get(pk=decision.pk)
            raise _stale(exc.message, cleaned, current) from None
        changed = [f for f, v in cleaned.items() if getattr(current, f) != v]
        for f, v in cleaned.items():
            setattr(current, f, v)
        current.version += 1
        current.save()
        record_event(
            case=case, kind=EventKind.DECISION_REVISED, actor=actor, at=timezone.now(),
            data={"decision_id": current.pk, "number": current.number, "version": current.version,
                  "fields": changed},
        )  # fmt: skip
        return current


# --- applications -----------------------------------------------------------------------------------------------


def application_record(
    *, actor: User, case: Case, kind: str, applied_on: date, channel: str, other_text: str = "", note: str = ""
) -> Application:
    """What the citizen applied for, when and how (any form; a decision, or a refusal to start a case, answers it —
    `Decision.application`). "Other" names what was applied for."""
    require_case_write(actor, case)
    _choice(kind, ApplicationKind, "kind", _("Choose what the citizen applied for."))
    past_or_today(applied_on, field="applied_on")
    _choice(channel, ApplicationChannel, "channel", _("Choose how the application came."))
    other_text = _text(Application, "other_text", other_text, required=kind == ApplicationKind.OTHER)
    if kind != ApplicationKind.OTHER:
        other_text = ""
    note = _text(Application, "note", note)
    with transaction.atomic():
        now = timezone.now()
        application = Application.objects.create(
            case=case, kind=kind, other_text=other_text, applied_on=applied_on, channel=channel, note=note,
            recorded_by=actor, created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.APPLICATION_RECEIVED, actor=actor, at=now,
            data={"application_id": application.pk, "kind": kind, "other_text": other_text,
                  "applied_on": applied_on.isoformat(), "channel": channel},
        )  # fmt: skip
        return application


def application_withdraw(
    *, actor: User, application: Application, withdrawn_on: date, guidance: str
) -> ApplicationWithdrawal:
    """The citizen withdraws the application. Recorded once, with the guidance the citizen was given before
    withdrawing (what the withdrawal means, and the alternatives; RTL § 5, FVL § 7): without it the withdrawal is
    refused. An application an issued decision has answered can no longer be withdrawn."""
    case = application.case
    require_case_write(actor, case)
    past_or_today(withdrawn_on, field="withdrawn_on")
    if withdrawn_on < application.applied_on:
        raise DomainError(_("The application cannot be withdrawn before it was made."), field="withdrawn_on")
    guidance = _text(ApplicationWithdrawal, "guidance", guidance, required=True)
    try:
        with transaction.atomic():
            decided = application.decisions.filter(status=DecisionStatus.ISSUED).order_by("number").first()
            if decided is not None:
                raise DomainError(
                    _("Decision %(number)s has answered the application: it can no longer be withdrawn.")
                    % {"number": decided.number},
                    field="withdrawn_on",
                )
            now = timezone.now()
            withdrawal = ApplicationWithdrawal.objects.create(
                application=application, withdrawn_on=withdrawn_on, guidance=guidance, recorded_by=actor,
                created_at=now,
            )  # fmt: skip
            record_event(
                case=case, kind=EventKind.APPLICATION_WITHDRAWN, actor=actor, at=now,
                data={"application_id": application.pk, "kind": application.kind,
                      "withdrawn_on": withdrawn_on.isoformat()},
            )  # fmt: skip
            return withdrawal
    except IntegrityError:
        raise DomainError(_("The application has already been withdrawn."), field="withdrawn_on") from None


# --- the hearing ------------------------------------------------------------------------------------------------


def hearing_package(case: Case, *, document_ids: Iterable[int] = ()) -> list[dict]:
    """X5 (seed 000, L7037–7222): the whole resource profile, every specialist statement even if favourable, and
    the documents the caseworker chooses (those holding unfavourable material facts)."""
    from evne.profiles.selectors import current_elements, profile_for

    package = [
        {"kind": "version", "version_id": v.pk, "element": v.element, "number": v.number}
        for v in current_elements(profile_for(case)).values()
    ]
    chosen = set(document_ids)
    for doc in Document.objects.filter(case=case).exclude(kind=DocumentKind.OUTGOING_LETTER).order_by("pk"):
        if doc.kind in SPECIALIST_KINDS or doc.pk in chosen:
            package.append({"kind": "document", "document_id": doc.pk, "title": doc.title,
                            "specialist": doc.kind in SPECIALIST_KINDS})  # fmt: skip
    return package


def hearing_send(
    *, actor: User, decision: Decision, expected_version: int, sent_on: date, unfavourable_facts: str,
    response_due_on: date | None = None, document_ids: Iterable[int] = (),
) -> Hearing:  # fmt: skip
    """Send the hearing letter with its package and a response deadline (D14: a reasonable time; the default is the
    dated parameter `deadlines.hearing_response_days`). Allowed for any draft: if in doubt, hear."""
    case = decision.case
    require_case_write(actor, case)
    past_or_today(sent_on, field="sent_on")
    unfavourable = _text(Hearing, "unfavourable_facts", unfavourable_facts, required=True)
    documents = _clean_documents(case, document_ids)
    law_date(sent_on, field="sent_on", label=_("Sent on"))
    days = law_param("deadlines.hearing_response_days", sent_on, field="sent_on", label=_("Sent on"))
    due = response_due_on or sent_on + timedelta(days=days)
    if due <= sent_on:
        raise DomainError(_("The answer must be due after the letter is sent."), field="response_due_on")

    require_contact(case)
    require_second_person(case, {"unfavourable_facts": unfavourable, "applied_for": decision.applied_for})

    def work(stored):
        current = _locked_decision(decision, expected_version)
        package = hearing_package(case, document_ids=documents)
        # The documents of the package go with the letter: their own files as numbered bilag (a document without
        # a file has its essential content in the letter itself).
        docs = Document.objects.filter(pk__in=[p["document_id"] for p in package if p["kind"] == "document"])
        attachments = plan_attachments(list(docs.order_by("pk")))
        title, sections = content.hearing_letter(current, package=package, unfavourable=unfavourable, due=due,
                                                 attached={a.document.pk: a for a in attachments})  # fmt: skip
        letter = store_letter(actor=actor, case=case, title=title, sections=sections, letter_date=sent_on,
                              stored=stored, attachments=attachments,
                              sensitive=any(d.sensitive for d in docs))  # fmt: skip
        now = timezone.now()
        hearing = Hearing.objects.create(
            decision=current, sent_on=sent_on, response_due_on=due, package=package, unfavourable_facts=unfavourable,
            letter=letter, sent_by=actor, created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.HEARING_SENT, actor=actor, at=now,
            data={"decision_id": current.pk, "number": current.number, "hearing_id": hearing.pk,
                  "sent_on": sent_on.isoformat(), "response_due_on": due.isoformat(), "document_id": letter.pk,
                  "items": len(package)},
        )  # fmt: skip
        return hearing

    return _atomic_with_files(work)


def hearing_record_answer(
    *, actor: User, hearing: Hearing, expected_version: int, answer: str, answered_on: date | None = None,
    summary: str = "", form: str = "",
) -> Hearing:  # fmt: skip
    """Record the citizen's answer (any form), or that none came by the deadline. G4: an answer is documented in
    the case; the decision must then say how it was dealt with (`answer_dealt_with`)."""
    case = hearing.decision.case
    require_case_write(actor, case)
    _choice(answer, HearingAnswer, "answer", _("Choose whether the citizen answered."))
    if answer == HearingAnswer.NONE_YET:
        raise DomainError(_("Choose whether the citizen answered."), field="answer")
    if answer == HearingAnswer.ANSWERED:
        answered_on = past_or_today(answered_on, field="answered_on")
        if answered_on < hearing.sent_on:
            raise DomainError(_("The answer cannot come before the letter was sent."), field="answered_on")
        summary = _text(Hearing, "answer_summary", summary, required=True)
        form = _choice(form or Channel.WRITTEN, Channel, "answer_form", _("Choose how the citizen answered."))
    else:
        if timezone.localdate() <= hearing.response_due_on:
            raise DomainError(
                _("The deadline runs until %(date)s: the absence of an answer can only be recorded after it.")
                % {"date": f"{hearing.response_due_on:%d-%m-%Y}"},
                field="answer",
            )
        answered_on, summary, form = None, "", ""
    with transaction.atomic():
        current = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if current.version != int(expected_version):
            raise StaleVersion(
                _("Someone else recorded the answer while you were working on it."),
                changes={"answer": (answer, current.answer), "answered_on": (answered_on, current.answered_on)},
            )
        if current.decision.issued:
            raise DomainError(_("The decision is already issued."), field="answer")
        current.answer, current.answered_on, current.answer_summary, current.answer_form = (
            answer, answered_on, summary, form)  # fmt: skip
        current.version += 1
        current.save()
        record_event(
            case=case, kind=EventKind.HEARING_ANSWERED, actor=actor, at=timezone.now(),
            data={"decision_id": current.decision_id, "number": current.decision.number, "hearing_id": current.pk,
                  "answer": answer, "answered_on": answered_on.isoformat() if answered_on else None,
                  "form": form, "version": current.version},
        )  # fmt: skip
        return current


# --- issuing ----------------------------------------------------------------------------------------------------


def decision_issue(*, actor: User, decision: Decision, expected_version: int, override_reason: str = "") -> Decision:
    """Issue the decision today: the letter (decision first → reasons → facts → rules → complaint guidance) is
    rendered and stored in the case, the rules explanation under the law in force today is stored with it, and the
    row is frozen (a database trigger refuses any later UPDATE). A blocking finding of `evne.rules` for this
    decision type needs a written override reason, recorded on the timeline."""
    from .evaluator import evaluation_for
    from .evaluator import title as check_title

    case = decision.case
    require_case_write(actor, case)
    override = _text(Decision, "override_reason", override_reason)
    today = timezone.localdate()
    if not decision.decision_text:
        raise DomainError(_("Write the decision itself: the clear answer comes first."), field="decision_text")
    if not decision.legal_basis:
        raise DomainError(_("State the legal basis (act and section) of the decision."), field="legal_basis")
    require_contact(case)
    require_second_person(case, _letter_texts(decision))
    answered = decision.hearings.filter(answer=HearingAnswer.ANSWERED).exists()
    if answered and not decision.answer_dealt_with:
        raise DomainError(
            _("The citizen answered the hearing: write how the answer was dealt with (G4)."),
            field="answer_dealt_with",
        )

    def work(stored):
        current = _locked_decision(decision, expected_version)
        evaluation = evaluation_for(current, on=today)
        blocking = evaluation.blocking(evaluation.in_question)
        if blocking and not override:
            raise DomainError(
                _("The legal checks still find something blocking (%(rules)s). Resolve it, or write why the "
                  "decision is issued anyway.") % {"rules": "; ".join(check_title(r) for r in blocking)},
                field="override_reason",
            )  # fmt: skip
        guidance = guidance_for(today) if current.appealable and not current.fully_grants else None
        title, sections = content.decision_letter(current, guidance=guidance, on=today)
        letter = store_letter(actor=actor, case=case, title=title, sections=sections, letter_date=today,
                              stored=stored)  # fmt: skip
        now = timezone.now()
        current.status = DecisionStatus.ISSUED
        current.decided_on = today
        current.override_reason = override if blocking else ""
        current.explanation = evaluation.explain()
        current.guidance_version = guidance.version if guidance else ""
        current.guidance_text = guidance.text if guidance else ""
        current.letter = letter
        current.issued_by = actor
        current.issued_at = now
        current.version += 1
        current.save()
        record_event(
            case=case, kind=EventKind.DECISION_ISSUED, actor=actor, at=now,
            data={"decision_id": current.pk, "number": current.number, "outcome": current.outcome,
                  "decided_on": today.isoformat(), "document_id": letter.pk,
                  "guidance": bool(guidance), "override_reason": current.override_reason,
                  "blocking": [r.rule.id for r in blocking]},
        )  # fmt: skip
        locked_case = Case.objects.select_for_update().get(pk=case.pk)
        if locked_case.status not in (CaseStatus.DECIDED, CaseStatus.CLOSED):
            from evne.cases.services import case_change_status

            case_change_status(actor=actor, case=locked_case, status=CaseStatus.DECIDED,
                               expected_version=locked_case.version)  # fmt: skip
        return current

    return _atomic_with_files(work)


# --- complaints -------------------------------------------------------------------------------------------------


def complaint_deadline(decision: Decision, *, on: date | None = None) -> date | None:
    """D10: 4 weeks from notification (the decision date stands for the day the citizen received it), running only
    from correct complaint guidance, suspended while file access is late (7 working days from 2014), and rolled over
    from a weekend or public holiday to the next working day (seed 000, L7260–7262, L7389–7421;
    evne.rules.catalogue.deadline.complaint_due). None: the deadline does not run."""
    from evne.rules.catalogue.deadline import complaint_due

    if not decision.issued or not decision.guidance_text or decision.decided_on is None:
        return None
    requests = decision.case.file_access_requests.values_list("requested_on", "handed_out_on")
    return complaint_due(decision.decided_on, list(requests), on or timezone.localdate())


def complaint_register(*, actor: User, decision: Decision, received_on: date, channel: str, summary: str) -> Complaint:
    """Register a complaint in any form — oral included (X8: no form requirement)."""
    case = decision.case
    require_case_write(actor, case)
    if not decision.issued:
        raise DomainError(_("Only an issued decision can be complained about."), field="decision")
    past_or_today(received_on, field="received_on")
    if decision.decided_on and received_on < decision.decided_on:
        raise DomainError(_("The complaint cannot come before the decision."), field="received_on")
    _choice(channel, Channel, "channel", _("Choose how the complaint was made."))
    summary = _text(Complaint, "summary", summary, required=True)
    due = complaint_deadline(decision, on=received_on)
    with transaction.atomic():
        now = timezone.now()
        complaint = Complaint.objects.create(
            decision=decision, received_on=received_on, channel=channel, summary=summary, recorded_by=actor,
            created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.COMPLAINT_RECEIVED, actor=actor, at=now,
            data={"complaint_id": complaint.pk, "decision_id": decision.pk, "number": decision.number,
                  "received_on": received_on.isoformat(), "channel": channel,
                  "deadline": due.isoformat() if due else None, "in_time": due is None or received_on <= due},
        )  # fmt: skip
        return complaint


def _locked_complaint(complaint: Complaint, expected_version: int, mine: dict) -> Complaint:
    current = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if current.version != int(expected_version):
        raise _stale(_("Someone else changed the complaint while you were working on it."), mine, current)
    return current


def complaint_reconsider(
    *, actor: User, complaint: Complaint, expected_version: int, outcome: str, reconsidered_on: date, reasons: str
) -> Complaint:
    """RTL § 66: the municipality looks at the case again. A change or a need for more information is told to the
    citizen by letter now; a kept decision is told when the complaint is forwarded (D11)."""
    case = complaint.decision.case
    require_case_write(actor, case)
    _choice(outcome, Reconsideration, "reconsideration", _("Choose the outcome of the reconsideration."))
    past_or_today(reconsidered_on, field="reconsidered_on")
    if reconsidered_on < complaint.received_on:
        raise DomainError(_("The reconsideration cannot come before the complaint."), field="reconsidered_on")
    reasons = _text(Complaint, "reconsideration_reasons", reasons, required=True)

    def work(stored):
        current = _locked_complaint(complaint, expected_version, {"reconsideration": outcome})
        if current.forwarded_on:
            raise DomainError(_("The complaint has already been forwarded."), field="reconsideration")
        letter = None
        if outcome != Reconsideration.KEPT:
            title, sections = content.reconsideration_letter(current, outcome=outcome, reasons=reasons)
            letter = store_letter(actor=actor, case=case, title=title, sections=sections,
                                  letter_date=reconsidered_on, stored=stored)  # fmt: skip
        current.reconsideration, current.reconsidered_on = outcome, reconsidered_on
        current.reconsideration_reasons, current.reconsideration_letter = reasons, letter
        current.version += 1
        current.save()
        record_event(
            case=case, kind=EventKind.COMPLAINT_RECONSIDERED, actor=actor, at=timezone.now(),
            data={"complaint_id": current.pk, "number": current.decision.number, "outcome": outcome,
                  "reconsidered_on": reconsidered_on.isoformat(), "document_id": letter.pk if letter else None,
                  "version": current.version},
        )  # fmt: skip
        return current

    return _atomic_with_files(work)


def complaint_forward(*, actor: User, complaint: Complaint, expected_version: int, forwarded_on: date) -> Complaint:
    """Forward a kept complaint to the appeal body in force on the day, with the decision, and tell the citizen
    by letter (RTL § 66; D11)."""
    case = complaint.decision.case
    require_case_write(actor, case)
    past_or_today(forwarded_on, field="forwarded_on")

    def work(stored):
        current = _locked_complaint(complaint, expected_version, {"forwarded_on": forwarded_on})
        if current.reconsideration != Reconsideration.KEPT:
            raise DomainError(
                _("Reconsider the complaint first: only a kept decision is forwarded."), field="forwarded_on"
            )
        if current.forwarded_on:
            raise DomainError(_("The complaint has already been forwarded."), field="forwarded_on")
        assert current.reconsidered_on is not None  # complaint_reconsider records it with the reconsideration
        if forwarded_on < current.reconsidered_on:
            raise DomainError(_("The complaint cannot be forwarded before it was reconsidered."), field="forwarded_on")
        body = str(law_param("appeals.appeal_body", forwarded_on, field="forwarded_on", label=_("Forwarded on")))
        title, sections = content.forwarding_letter(current, appeal_body=body)
        letter = store_letter(actor=actor, case=case, title=title, sections=sections, letter_date=forwarded_on,
                              stored=stored)  # fmt: skip
        current.forwarded_on, current.appeal_body, current.reconsideration_letter = forwarded_on, body, letter
        current.version += 1
        current.save()
        package = _appeal_package(actor=actor, complaint=current, appeal_body=body, on=forwarded_on, stored=stored)
        record_event(
            case=case, kind=EventKind.COMPLAINT_FORWARDED, actor=actor, at=timezone.now(),
            data={"complaint_id": current.pk, "number": current.decision.number, "appeal_body": body,
                  "forwarded_on": forwarded_on.isoformat(), "document_id": letter.pk, "version": current.version,
                  "package_document_id": package.pk},
        )  # fmt: skip
        return current

    return _atomic_with_files(work)


def _appeal_package(*, actor: User, complaint: Complaint, appeal_body: str, on: date, stored: list[str]) -> Document:
    """The forwarding package for the appeal body: a cover letter to it, then the whole case file (every record, no
    exemption: the rules of file access do not limit what the appeal body receives) with the documents' own files."""
    case = complaint.decision.case
    records = casebundle.collect(case)
    with translation.override("da"):
        parts, _rows = casebundle.sections(records, selection=casebundle.Selection(), exemptions={})
        title, sections = content.appeal_cover(complaint, appeal_body=appeal_body, on=on)
    sections.append(content.Section("", [content.contact_paragraph(case)]))
    return _case_file_letter(
        actor=actor,
        case=case,
        title=title,
        sections=sections,
        letter_date=on,
        stored=stored,
        parts=parts,
        attachments=_bundle_attachments(case, parts),
        recipient=[appeal_body],
    )


def appeal_outcome_record(
    *, actor: User, complaint: Complaint, expected_version: int, outcome: str, decided_on: date, note: str = ""
) -> Complaint:
    """The appeal body's outcome back on the case: upheld, changed or remitted (hjemvist). A remittal should say
    what is missing and who must supply it (seed 002 R25)."""
    case = complaint.decision.case
    require_case_write(actor, case)
    _choice(outcome, AppealOutcome, "appeal_outcome", _("Choose the appeal body's outcome."))
    past_or_today(decided_on, field="appeal_decided_on")
    note = _text(Complaint, "appeal_note", note, required=outcome == AppealOutcome.REMITTED)
    with transaction.atomic():
        current = _locked_complaint(complaint, expected_version, {"appeal_outcome": outcome})
        if not current.forwarded_on:
            raise DomainError(_("The complaint has not been forwarded to the appeal body."), field="appeal_outcome")
        if decided_on < current.forwarded_on:
            raise DomainError(_("The appeal body cannot decide before the complaint was forwarded."),
                              field="appeal_decided_on")  # fmt: skip
        current.appeal_outcome, current.appeal_decided_on, current.appeal_note = outcome, decided_on, note
        current.version += 1
        current.save()
        record_event(
            case=case, kind=EventKind.APPEAL_DECIDED, actor=actor, at=timezone.now(),
            data={"complaint_id": current.pk, "number": current.decision.number, "outcome": outcome,
                  "decided_on": decided_on.isoformat(), "appeal_body": current.appeal_body,
                  "version": current.version},
        )  # fmt: skip
        return current


# --- file access (aktindsigt) -----------------------------------------------------------------------------------


def file_access_request(
    *, actor: User, case: Case, requested_on: date, channel: str, scope: str = ""
) -> FileAccessRequest:
    """G1: no form requirement, oral is enough; an unspecified request is the whole file. D8: the day by which the
    request is answered or the citizen told why and when — 10 days, from 2014 7 working days (FVL § 16; the rule's
    evne.rules.catalogue.deadline.file_access_due)."""
    from evne.rules.catalogue.deadline import file_access_due

    require_case_write(actor, case)
    past_or_today(requested_on, field="requested_on")
    _choice(channel, Channel, "channel", _("Choose how the request was made."))
    scope = _text(FileAccessRequest, "scope", scope)
    law_date(requested_on, field="requested_on", label=_("Requested on"))
    due = file_access_due(requested_on)
    with transaction.atomic():
        now = timezone.now()
        request = FileAccessRequest.objects.create(
            case=case, requested_on=requested_on, channel=channel, scope=scope, due_on=due, recorded_by=actor,
            created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.FILE_ACCESS_REQUESTED, actor=actor, at=now,
            data={"file_access_id": request.pk, "requested_on": requested_on.isoformat(), "channel": channel,
                  "due_on": due.isoformat()},
        )  # fmt: skip
        return request


def _clean_exemptions(records: dict[str, list], documents, exemptions) -> dict[str, tuple[str, str]]:
    """Per record: is it exempted, and why (casebundle.ExemptionReason, with the weighing written down where the
    reason weighs interests: FVL §§ 15–15 b, § 22). An internal working document is handed out anyway when it holds
    facts found nowhere else (FVL § 12; seed 000, L6352–6364). `documents` is the older form for documents only:
    {document_id, internal, unique_facts}. A draft decision is an internal working document unless the caseworker
    says otherwise."""
    items = {item.key: item for part in records.values() for item in part if item.exemptable}
    rows = [
        {"item": f"document:{row.get('document_id')}", "reason": casebundle.ExemptionReason.INTERNAL if
         row.get("internal") else "", "unique_facts": bool(row.get("unique_facts"))}
        if isinstance(row, Mapping) else row for row in (documents or [])
    ] + list(exemptions or [])  # fmt: skip
    marks: dict[str, tuple[str, str]] = {}
    decided: set[str] = set()
    for index, row in enumerate(rows):
        field = f"exemptions.{index}"
        if not isinstance(row, Mapping) or str(row.get("item", "")) not in items:
            raise DomainError(_("Only records of this case can be handed out or exempted."), field=field)
        key, reason = str(row["item"]), str(row.get("reason") or "")
        decided.add(key)
        if not reason:
            continue
        _choice(reason, casebundle.ExemptionReason, field, _("Choose the ground for the exemption."))
        note = clean_text(row.get("note"), field=field, label=_("Reason"), max_length=NOTE_MAX)
        if reason == casebundle.ExemptionReason.INTERNAL and row.get("unique_facts"):
            continue  # facts found nowhere else: handed out
        if reason in casebundle.NEEDS_NOTE and not note:
            raise DomainError(
                _("%(record)s: write why the consideration outweighs the citizen's interest in seeing it.")
                % {"record": items[key].title}, field=field,
            )  # fmt: skip
        marks[key] = (reason, note)
    for key, item in items.items():
        if item.internal and key not in decided:
            marks[key] = (casebundle.ExemptionReason.INTERNAL, "Udkast til en afgørelse, der ikke er truffet.")
    return marks


def _clean_selection(parts, period_from, period_to) -> casebundle.Selection:
    chosen = tuple(p for p in casebundle.Part.values if p in set(parts or ()))
    if len(chosen) != len(set(parts or ())):
        raise DomainError(_("Choose the parts of the file among those listed."), field="parts")
    if period_from and period_to and period_to < period_from:
        raise DomainError(_("The period cannot end before it starts."), field="period_to")
    return casebundle.Selection(parts=chosen, period_from=period_from or None, period_to=period_to or None)


def _case_file_letter(*, actor, case: Case, title: str, sections: list, letter_date: date, stored: list[str],
                      parts: list, attachments: list, recipient: list[str] | None = None) -> Document:  # fmt: skip
    """The cover letter with the case's parts after it (the contents first) and the documents' own files as bilag."""
    attached = {a.document.pk: a for a in attachments}
    for part in parts:
        for item in part.items:
            a = attached.get(item.pk) if item.kind == "document" else None
            if a is not None and a.kind != "separate":
                pages = f"{a.pages} side" + ("r" if a.pages != 1 else "")
                item.paragraphs.append(f"Dokumentet er vedlagt som bilag {a.number} ({pages}).")
            elif a is not None:
                item.paragraphs.append(f"Filen {a.document.original_filename} kan ikke sættes ind her og er vedlagt "
                                       "særskilt.")  # fmt: skip
    note = ""
    numbered = [a for a in attachments if a.kind != "separate"]
    if numbered:
        note = f"Bilag 1–{len(numbered)}: dokumenternes egne filer, efter sagens akter." if len(numbered) > 1 else (
            "Bilag 1: dokumentets egen fil, efter sagens akter.")  # fmt: skip
    summary = "\n".join([title, *(p for s in sections for p in s.paragraphs), *(p.heading for p in parts)])
    return store_letter(actor=actor, case=case, title=title, sections=sections, letter_date=letter_date,
                        stored=stored, attachments=attachments, template=CASE_FILE_TEMPLATE,
                        extra={"parts": parts, "attachments_note": note}, recipient=recipient,
                        summary=summary, sensitive=True)  # fmt: skip


def _bundle_attachments(case: Case, parts: list) -> list:
    """The included documents' own files, in the order shown; earlier file-access bundles and forwarding packages
    are not attached again (their files are copies of what the case holds)."""
    earlier = set(FileAccessRequest.objects.filter(case=case).exclude(bundle=None).values_list("bundle_id", flat=True))
    earlier |= {e.data.get("package_document_id") for e in case.events.filter(kind=EventKind.COMPLAINT_FORWARDED)}
    documents = [i.document for p in parts for i in p.items if i.kind == "document" and i.pk not in earlier]
    return plan_attachments(documents)


def file_access_hand_out(
    *, actor: User, request: FileAccessRequest, expected_version: int, handed_out_on: date,
    documents: list[dict] | None = None, exemptions: list[dict] | None = None, parts: Iterable[str] = (),
    period_from: date | None = None, period_to: date | None = None,
) -> FileAccessRequest:  # fmt: skip
    """Build the file as one PDF (FVL § 9): a cover letter, the contents, every record of the case in readable
    parts — or, for a specified request, the parts and period asked for — and the documents' own files as bilag.
    Exempted records are named with their reason, their content left out (`exemptions`: {item: "kind:id", reason,
    note, unique_facts}). Stored in the case; `handed_out` records per record what was handed out and why not."""
    case = request.case
    require_case_write(actor, case)
    past_or_today(handed_out_on, field="handed_out_on")
    if handed_out_on < request.requested_on:
        raise DomainError(_("The file cannot be handed out before it was requested."), field="handed_out_on")
    selection = _clean_selection(parts, period_from, period_to)
    require_contact(case)

    def work(stored):
        current = FileAccessRequest.objects.select_for_update().get(pk=request.pk)
        if current.version != int(expected_version):
            raise _stale(_("Someone else changed the request while you were working on it."),
                         {"handed_out_on": handed_out_on}, current)  # fmt: skip
        if current.handed_out_on:
            raise DomainError(_("The file has already been handed out for this request."), field="handed_out_on")
        records = casebundle.collect(case)
        marks = _clean_exemptions(records, documents, exemptions)
        with translation.override("da"):  # the file is the citizen's, in Danish
            parts_shown, rows = casebundle.sections(records, selection=selection, exemptions=marks)
            attachments = _bundle_attachments(case, parts_shown)
            exempted = sum(len(p.exempted) for p in parts_shown)
            title, sections = content.file_access_cover(current, selection=selection, parts=parts_shown,
                                                        attachments=attachments, exempted=exempted)  # fmt: skip
        sections.append(content.Section("", [content.contact_paragraph(case)]))
        bundle = _case_file_letter(actor=actor, case=case, title=title, sections=sections, letter_date=handed_out_on,
                                   stored=stored, parts=parts_shown, attachments=attachments)  # fmt: skip
        # Per document row, how its file went with it: "pdf", "image", "separate" (hand it out beside the bundle)
        # or "" (no file, left out, or an earlier bundle).
        how = {a.document.pk: a.kind for a in attachments}
        handed = [r | {"file": how.get(r["document_id"], "")} if "document_id" in r else r for r in rows]
        current.handed_out_on, current.handed_out, current.bundle = handed_out_on, handed, bundle
        current.version += 1
        current.save()
        record_event(
            case=case, kind=EventKind.FILE_ACCESS_GIVEN, actor=actor, at=timezone.now(),
            data={"file_access_id": current.pk, "handed_out_on": handed_out_on.isoformat(),
                  "document_id": bundle.pk, "included": sum(len(p.items) for p in parts_shown),
                  "excluded": exempted, "in_time": handed_out_on <= current.due_on,
                  "parts": list(selection.parts),
                  "period_from": selection.period_from.isoformat() if selection.period_from else None,
                  "period_to": selection.period_to.isoformat() if selection.period_to else None,
                  "separate": [r["document_id"] for r in handed if r.get("file") == "separate"]},
        )  # fmt: skip
        return current

    return _atomic_with_files(work)


# --- other notices ----------------------------------------------------------------------------------------------


def delay_notice_send(*, actor: User, case: Case, sent_on: date, expected_on: date, reason: str) -> DelayNotice:
    """D3 (RTL § 3, stk. 2): written notice that the local decision deadline will be missed, and when a decision
    can be expected."""
    require_case_write(actor, case)
    past_or_today(sent_on, field="sent_on")
    if not isinstance(expected_on, date) or expected_on <= sent_on:
        raise DomainError(_("The expected date must lie after the notice."), field="expected_on")
    reason = _text(DelayNotice, "reason", reason, required=True)

    def work(stored):
        title, sections = content.delay_letter(expected_on=expected_on, reason=reason)
        letter = store_letter(actor=actor, case=case, title=title, sections=sections, letter_date=sent_on,
                              stored=stored)  # fmt: skip
        now = timezone.now()
        notice = DelayNotice.objects.create(case=case, sent_on=sent_on, expected_on=expected_on, reason=reason,
                                            letter=letter, recorded_by=actor, created_at=now)  # fmt: skip
        record_event(
            case=case, kind=EventKind.DELAY_NOTICE_SENT, actor=actor, at=now,
            data={"delay_notice_id": notice.pk, "sent_on": sent_on.isoformat(), "expected_on": expected_on.isoformat(),
                  "document_id": letter.pk},
        )  # fmt: skip
        return notice

    return _atomic_with_files(work)


def reasons_request_record(
    *, actor: User, case: Case, decision_notified_on: date, decision_summary: str, requested_on: date
) -> ReasonsRequest:
    """D9 (FVL § 23): a request for written reasons for an oral decision, within 14 days of it."""
    require_case_write(actor, case)
    past_or_today(decision_notified_on, field="decision_notified_on")
    past_or_today(requested_on, field="requested_on")
    if requested_on < decision_notified_on:
        raise DomainError(_("The request cannot come before the decision."), field="requested_on")
    law_date(requested_on, field="requested_on", label=_("Requested on"))
    days = law_param("deadlines.reasons_request_days", requested_on, field="requested_on", label=_("Requested on"))
    if requested_on > decision_notified_on + timedelta(days=days):
        raise DomainError(
            _("Written reasons must be asked for within %(days)d days of the oral decision (FVL § 23, stk. 1).")
            % {"days": days},
            field="requested_on",
        )
    summary = _text(ReasonsRequest, "decision_summary", decision_summary, required=True)
    with transaction.atomic():
        now = timezone.now()
        request = ReasonsRequest.objects.create(
            case=case, decision_notified_on=decision_notified_on, decision_summary=summary,
            requested_on=requested_on, recorded_by=actor, created_at=now,
        )  # fmt: skip
        record_event(
            case=case, kind=EventKind.REASONS_REQUESTED, actor=actor, at=now,
            data={"reasons_request_id": request.pk, "requested_on": requested_on.isoformat(),
                  "due_on": (requested_on + timedelta(days=days)).isoformat()},
        )  # fmt: skip
        return request


def reasons_request_answer(
    *, actor: User, request: ReasonsRequest, expected_version: int, answered_on: date, reasons: str, legal_basis: str
) -> ReasonsRequest:
    """Give the written reasons (FVL §§ 23–24) by letter."""
    case = request.case
    require_case_write(actor, case)
    past_or_today(answered_on, field="answered_on")
    reasons = _text(Decision, "reasons", reasons, required=True)
    legal_basis = _text(Decision, "legal_basis", legal_basis, required=True)

    def work(stored):
        current = ReasonsRequest.objects.select_for_update().get(pk=request.pk)
        if current.version != int(expected_version):
            raise _stale(_("Someone else changed the request while you were working on it."),
                         {"answered_on": answered_on}, current)  # fmt: skip
        if current.answered_on:
            raise DomainError(_("The written reasons have already been given."), field="answered_on")
        if answered_on < current.requested_on:
            raise DomainError(_("The written reasons cannot be given before they were asked for."),
                              field="answered_on")  # fmt: skip
        title, sections = content.written_reasons_letter(current, reasons=reasons, legal_basis=legal_basis,
                                                         guidance=guidance_for(answered_on))  # fmt: skip
        letter = store_letter(actor=actor, case=case, title=title, sections=sections, letter_date=answered_on,
                              stored=stored)  # fmt: skip
        current.answered_on, current.letter = answered_on, letter
        current.version += 1
        current.save()
        record_event(
            case=case, kind=EventKind.REASONS_GIVEN, actor=actor, at=timezone.now(),
            data={"reasons_request_id": current.pk, "answered_on": answered_on.isoformat(), "document_id": letter.pk},
        )  # fmt: skip
        return current

    return _atomic_with_files(work)
