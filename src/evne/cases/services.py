"""Writes to cases. One function per use case, one transaction each, each recording its timeline event."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import WRITE_ROLES, can_create, can_write_citizen, require_case_write
from evne.accounts.models import Team, User
from evne.citizens.models import Citizen
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.validation import clean_text, model_text, past_or_today

from .models import (
    Benefit,
    Case,
    CaseAssignment,
    CaseStatus,
    EventKind,
    FollowUp,
    FollowUpForm,
    FollowUpParty,
    JournalNote,
    NoteKind,
    Pathway,
    PromptAnswer,
)
from .timeline import changes_since, record_event

NOTE_MAX_LENGTH = 20_000
EDITABLE_FIELDS = ("pathway", "benefit", "help_requested_on")


def _check_choice(value: str, choices, field: str, message: str) -> None:
    if value not in choices.values:
        raise DomainError(message, field=field)


def _check_help_requested_on(value: date) -> None:
    if not isinstance(value, date):
        raise DomainError(_("Enter the date help was first requested."), field="help_requested_on")
    if value > timezone.localdate():
        raise DomainError(_("The date help was first requested cannot lie in the future."), field="help_requested_on")


def _check_caseworker(caseworker: User, team: Team) -> None:
    if caseworker.team_id != team.pk or caseworker.role not in WRITE_ROLES or not caseworker.is_active:
        raise DomainError(
            _("The responsible caseworker must be an active caseworker or team leader of the case's team."),
            field="caseworker",
        )


def _next_number(municipality_code: str, year: int) -> str:
    prefix = f"{municipality_code}-{year}-"
    last = Case.objects.filter(number__startswith=prefix).order_by("-number").values_list("number", flat=True).first()
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:05d}"


def case_open(
    *,
    actor: User,
    citizen: Citizen,
    pathway: str,
    benefit: str,
    help_requested_on: date,
    caseworker: User | None = None,
) -> Case:
    """Open a case for the citizen in the actor's team, with the actor (or the named caseworker) responsible."""
    if not can_create(actor) or not can_write_citizen(actor, citizen):
        raise AccessDenied
    _check_choice(pathway, Pathway, "pathway", _("Choose the pathway of the case."))
    _check_choice(benefit, Benefit, "benefit", _("Choose the benefit the citizen receives."))
    _check_help_requested_on(help_requested_on)
    team, municipality = actor.team, actor.municipality
    assert team is not None and municipality is not None  # can_create: the actor has a team in a municipality
    caseworker = caseworker or actor
    _check_caseworker(caseworker, team)
    for _attempt in range(5):  # two caseworkers opening cases at once may race for the same number
        try:
            with transaction.atomic():
                now = timezone.now()
                case = Case.objects.create(
                    municipality=municipality,
                    team=team,
                    citizen=citizen,
                    number=_next_number(municipality.code, timezone.localdate().year),
                    pathway=pathway,
                    benefit=benefit,
                    help_requested_on=help_requested_on,
                    caseworker=caseworker,
                )
                CaseAssignment.objects.create(case=case, caseworker=caseworker, assigned_at=now, assigned_by=actor)
                record_event(
                    case=case,
                    kind=EventKind.CASE_OPENED,
                    actor=actor,
                    at=now,
                    data={
                        "number": case.number,
                        "pathway": pathway,
                        "benefit": benefit,
                        "help_requested_on": help_requested_on.isoformat(),
                    },
                    case_version=case.version,
                )
                record_event(
                    case=case,
                    kind=EventKind.CASEWORKER_ASSIGNED,
                    actor=actor,
                    at=now,
                    data={
                        "caseworker_id": caseworker.pk,
                        "caseworker_name": str(caseworker),
                        "reason": "",
                    },
                )
                return case
        except IntegrityError:
            continue
    raise DomainError(_("The case could not be given a number. Please try again."))


def _locked(case: Case, expected_version: int) -> Case:
    """Lock the case row; refuse when it moved past the version the user's change was based on."""
    current = Case.objects.select_for_update().get(pk=case.pk)
    if current.version != expected_version:
        since = current.events.filter(case_version__gt=expected_version).order_by("id")
        changes = changes_since(since)
        raise StaleVersion(
            _(
                "Someone else changed the case while you were working on it. Your change was not saved; "
                "reload the case to see what changed."
            ),
            changes=changes,
        )
    return current


@transaction.atomic
def case_assign_caseworker(
    *, actor: User, case: Case, caseworker: User, expected_version: int, reason: str = ""
) -> Case:
    require_case_write(actor, case)
    reason = model_text(CaseAssignment, "reason", reason)
    current = _locked(case, expected_version)
    _check_caseworker(caseworker, current.team)
    if caseworker.pk == current.caseworker_id:
        raise DomainError(_("%(name)s is already responsible for the case.") % {"name": caseworker}, field="caseworker")
    now = timezone.now()
    old_caseworker_id = current.caseworker_id
    current.caseworker = caseworker
    current.version += 1
    current.save(update_fields=["caseworker", "version"])
    CaseAssignment.objects.create(
        case=current, caseworker=caseworker, assigned_at=now, assigned_by=actor, reason=reason
    )
    record_event(
        case=current,
        kind=EventKind.CASEWORKER_ASSIGNED,
        actor=actor,
        at=now,
        data={
            "caseworker_id": caseworker.pk,
            "old_caseworker_id": old_caseworker_id,
            "caseworker_name": str(caseworker),
            "reason": reason,
        },
        case_version=current.version,
    )
    return current


@transaction.atomic
def case_change_status(*, actor: User, case: Case, status: str, expected_version: int) -> Case:
    require_case_write(actor, case)
    _check_choice(status, CaseStatus, "status", _("Choose a valid status."))
    current = _locked(case, expected_version)
    if current.status == status:
        return current
    # The status follows the records: a case is decided when a decision is issued (the decision service sets it);
    # a status the records contradict is refused with the reason (issue 13).
    if status == CaseStatus.DECIDED and not current.decisions.filter(issued_at__isnull=False).exists():
        raise DomainError(
            _("The case cannot be “Decided”: no decision has been issued. Issue the decision; the status follows."),
            field="status",
        )
    old = current.status
    current.status = status
    current.closed_on = timezone.localdate() if status == CaseStatus.CLOSED else None
    current.version += 1
    current.save(update_fields=["status", "closed_on", "version"])
    record_event(
        case=current,
        kind=EventKind.STATUS_CHANGED,
        actor=actor,
        at=timezone.now(),
        data={"old": old, "new": status},
        case_version=current.version,
    )
    return current


@transaction.atomic
def case_update(*, actor: User, case: Case, expected_version: int, **changes) -> Case:
    """Change pathway, benefit or the date help was first requested."""
    require_case_write(actor, case)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(_("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if "pathway" in changes:
        _check_choice(changes["pathway"], Pathway, "pathway", _("Choose the pathway of the case."))
    if "benefit" in changes:
        _check_choice(changes["benefit"], Benefit, "benefit", _("Choose the benefit the citizen receives."))
    if "help_requested_on" in changes:
        _check_help_requested_on(changes["help_requested_on"])
    current = _locked(case, expected_version)
    diff = [(f, getattr(current, f), v) for f, v in changes.items() if getattr(current, f) != v]
    if not diff:
        return current
    rows = []
    for field, old, new in diff:
        setattr(current, field, new)
        rows.append({"field": field, "old": str(old), "new": str(new)})
    current.version += 1
    current.save(update_fields=[f for f, _o, _n in diff] + ["version"])
    record_event(
        case=current,
        kind=EventKind.CASE_UPDATED,
        actor=actor,
        at=timezone.now(),
        data={"changes": rows},
        case_version=current.version,
    )
    return current


@transaction.atomic
def note_add(
    *, actor: User, case: Case, kind: str, text: str, source: str = "", corrects: JournalNote | None = None
) -> JournalNote:
    """Add a journal note: a fact (oplysning) or an assessment (vurdering). Notes are never edited."""
    require_case_write(actor, case)
    _check_choice(kind, NoteKind, "kind", _("Choose whether the note is a fact or an assessment."))
    text = clean_text(text, field="text", label=_("The note"), max_length=NOTE_MAX_LENGTH)
    if not text:
        raise DomainError(_("The note is empty."), field="text")
    source = model_text(JournalNote, "source", source)
    # A fact (oplysning) says where it comes from, so the file shows what a decision may rest on (FVL § 22-24).
    if kind == NoteKind.FACT and not source:
        raise DomainError(
            _("Enter the source of the fact (e.g. “Samtale 14. september” or a document)."), field="source"
        )
    if corrects is not None and corrects.case_id != case.pk:
        raise DomainError(_("A note can only correct a note in the same case."), field="corrects")
    now = timezone.now()
    note = JournalNote.objects.create(
        case=case,
        kind=kind,
        text=text,
        source=source,
        corrects=corrects,
        author=actor,
        created_at=now,
    )
    record_event(
        case=case,
        kind=EventKind.NOTE_ADDED,
        actor=actor,
        at=now,
        note=note,
        data={
            "kind": kind,
            "corrects": corrects.pk if corrects else None,
        },
    )
    return note


@transaction.atomic
def follow_up_record(
    *,
    actor: User,
    case: Case,
    held_on: date,
    form: str,
    summary: str,
    with_citizen: bool = True,
    parties_decided: bool = False,
    parties: list[str] | None = None,
    interpreter_used: bool = False,
) -> FollowUp:
    """Record a follow-up conversation (opfølgningssamtale). Append-only: a mistake is corrected by a journal note."""
    require_case_write(actor, case)
    past_or_today(held_on, field="held_on")
    if held_on < case.help_requested_on:
        raise DomainError(_("The follow-up cannot be before help was first requested."), field="held_on")
    _check_choice(form, FollowUpForm, "form", _("Choose how the follow-up was held."))
    parties = list(dict.fromkeys(parties or []))
    for party in parties:
        _check_choice(party, FollowUpParty, "parties", _("Choose the parties from the list."))
    summary = clean_text(summary, field="summary", label=_("The summary"), max_length=NOTE_MAX_LENGTH, required=True)
    now = timezone.now()
    follow_up = FollowUp.objects.create(
        case=case, held_on=held_on, form=form, with_citizen=bool(with_citizen), parties_decided=bool(parties_decided),
        parties=parties, interpreter_used=bool(interpreter_used), summary=summary, author=actor, created_at=now,
    )  # fmt: skip
    record_event(case=case, kind=EventKind.FOLLOW_UP_RECORDED, actor=actor, at=now,
                 data={"follow_up_id": follow_up.pk, "held_on": held_on.isoformat(), "form": form,
                       "parties": parties})  # fmt: skip
    return follow_up


@transaction.atomic
def prompt_answer(
    *, actor: User, case: Case, rule_id: str, answer: str, decision_number: int | None = None
) -> PromptAnswer:
    """Record the caseworker's answer to a legal check that asks for judgement; it becomes a fact for the rules:
    the text, the day, who gave it, the rule version in force and — for a question about a decision — the decision
    (its number in the case) it was given for. It counts only from the day it was given."""
    from evne.rules.catalogue import BY_ID, current_id

    require_case_write(actor, case)
    rule_id = current_id(rule_id)  # an id from before a rename is accepted and stored as the rule's id today
    if rule_id not in BY_ID:
        raise DomainError(_("Unknown legal check."), field="rule_id")
    if decision_number is not None and not case.decisions.filter(number=decision_number).exists():
        raise DomainError(_("The case has no decision with that number."), field="decision_number")
    answer = clean_text(answer, field="answer", label=_("The answer"), max_length=NOTE_MAX_LENGTH, required=True)
    now = timezone.now()
    version = BY_ID[rule_id].version_on(timezone.localdate(now))
    if version is None:
        raise DomainError(_("This legal check is not in force today."), field="rule_id")
    recorded = PromptAnswer.objects.create(
        case=case,
        rule_id=rule_id,
        rule_version=version.valid_from,
        answer=answer,
        decision_number=decision_number,
        answered_by=actor,
        answered_at=now,
    )
    data = {"rule_id": rule_id, "answer_id": recorded.pk}
    if decision_number is not None:
        data["decision_number"] = decision_number
    record_event(case=case, kind=EventKind.PROMPT_ANSWERED, actor=actor, at=now, data=data)
    return recorded
