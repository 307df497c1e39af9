"""Writes to the resource profile. Each service checks access, validates the method's rules, runs in one
transaction and records its timeline event. Rule ids (P…, C…, R…) refer to the rule tables in
shared/domain/seed-000-notes.md §6 and seed-001-notes.md §6.
"""

import uuid
from datetime import date
from typing import Any

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import require_case_write
from evne.accounts.models import User
from evne.cases.models import Case, EventKind, JournalNote
from evne.cases.timeline import record_event
from evne.errors import DomainError, StaleVersion
from evne.validation import clean_text, model_text, past_or_today

from .models import (
    OWN_PERSPECTIVE,
    AccommodationDuration,
    DisagreementDecision,
    DisagreementOutcome,
    ElementKey,
    ElementResponse,
    ElementVersion,
    Hypothesis,
    HypothesisResponse,
    InvolvementKind,
    InvolvementRecord,
    NonParticipation,
    PresentationMethod,
    ProfilePresentation,
    ResourceProfile,
    SourceKind,
)

TEXT_MAX = 20_000
FACT_MAX = 5_000
TEXT_FIELDS = (
    "not_relevant_reason", "justification", "citizen_view", "resources", "barriers", "development",
    "accommodation_needs", "missing_information", "assessment",
)  # fmt: skip
COMPARED_FIELDS = (
    "relevant", "not_relevant_obvious", "not_relevant_reason", "title", "justification", "facts", "citizen_view",
    "resources", "barriers", "development", "accommodation_needs", "accommodation_duration", "accommodation_until",
    "missing_information", "assessment", "assessment_fact_ids", "hypothesis_ids",
)  # fmt: skip


def _text(values: dict, field: str) -> str:
    return model_text(ElementVersion, field, values.get(field), default_max_length=TEXT_MAX)


def _profile(case: Case, actor: User) -> ResourceProfile:
    """The case's profile, created on first write and locked for the rest of the transaction."""
    profile, _created = ResourceProfile.objects.get_or_create(case=case, defaults={"created_by": actor})
    return ResourceProfile.objects.select_for_update().get(pk=profile.pk)


# --- facts -------------------------------------------------------------------------------------------------


def _clean_facts(case: Case, raw_facts) -> list[dict]:
    """Each fact carries its source (P9; seed 001, l. 1923–1968); a source note must be in this case."""
    facts, seen = [], set()
    for index, raw in enumerate(raw_facts or []):
        field = f"facts.{index}"
        text = clean_text(raw.get("text"), field=field, label=_("Fact"), max_length=FACT_MAX)
        if not text:
            continue  # an empty row in the editor
        kind = raw.get("source_kind") or ""
        if kind not in SourceKind.values:
            raise DomainError(_("State the source of every fact in the description."), field=field)
        fact_id = str(raw.get("id") or "") or uuid.uuid4().hex[:8]
        if not (len(fact_id) <= 16 and fact_id.isalnum()) or fact_id in seen:
            fact_id = uuid.uuid4().hex[:8]
        seen.add(fact_id)
        links = _source_links(case, raw, field)
        facts.append({
            "id": fact_id,
            "text": text,
            "source_kind": kind,
            "source_detail": clean_text(raw.get("source_detail"), field=field, label=_("Source"), max_length=200),
            **links,
        })  # fmt: skip
    return facts


def _source_links(case: Case, raw: dict, field: str) -> dict:
    """Where the source is in the case, link it: a journal note, a received document, or a provider report."""
    from evne.evidence.models import Document

    ProviderReport = apps.get_model("plans", "ProviderReport")

    links: dict[str, int | None] = {"note_id": None}
    checks = (
        ("note_id", JournalNote.objects.filter(case=case), _("The source note must be a journal note in this case.")),
        ("document_id", Document.objects.filter(case=case), _("The source document must be a document in this case.")),
        ("report_id", ProviderReport.objects.filter(activity__case=case),
         _("The source report must be a provider report in this case.")),
    )  # fmt: skip
    for key, queryset, message in checks:
        value = raw.get(key) or None
        if value is None:
            continue
        if not str(value).isdigit() or not queryset.filter(pk=int(value)).exists():
            raise DomainError(message, field=field)
        links[key] = int(value)
    return links


# --- the method's rules for one element ---------------------------------------------------------------------


def _validate_element(case: Case, profile: ResourceProfile, element: str, values: dict) -> dict:
    if element not in ElementKey.values:
        raise DomainError(_("Unknown element of the resource profile."), field="element")
    cleaned: dict[str, Any] = {f: _text(values, f) for f in TEXT_FIELDS}
    cleaned["title"] = _text(values, "title")  # a CharField: its own max_length (200) applies
    cleaned["relevant"] = bool(values.get("relevant"))
    cleaned["not_relevant_obvious"] = bool(values.get("not_relevant_obvious")) and not cleaned["relevant"]
    cleaned["facts"] = _clean_facts(case, values.get("facts"))
    fact_ids = {f["id"] for f in cleaned["facts"]}

    # P2 / R17: not relevant, and not obviously so → the case must show why (seed 001, l. 1604–1610).
    if not cleaned["relevant"] and not cleaned["not_relevant_obvious"] and not cleaned["not_relevant_reason"]:
        raise DomainError(
            _("State why the element is not relevant, or mark that it is obviously not relevant."),
            field="not_relevant_reason",
        )
    # R18: "Andet arbejdsmarkedsrelateret" must be justified in writing (seed 001, l. 1585–1587).
    if element == ElementKey.OTHER and cleaned["relevant"]:
        if not cleaned["title"]:
            raise DomainError(_("Give the other labour-market-related matter a title."), field="title")
        if not cleaned["justification"]:
            raise DomainError(
                _("Including another labour-market-related matter must be justified in writing."),
                field="justification",
            )
    if cleaned["relevant"]:
        # P6: the citizen's own perspective elements always carry the citizen's view (seed 000, L2187–2189).
        if element in OWN_PERSPECTIVE and not cleaned["citizen_view"]:
            raise DomainError(
                _("This element is the citizen's own perspective: record the citizen's own view."),
                field="citizen_view",
            )
        # P4 / R28: the assessment rests on facts in the case and points at them (seed 001, l. 1908–1911).
        used = [str(i) for i in values.get("assessment_fact_ids") or []]
        if cleaned["assessment"]:
            if not used:
                raise DomainError(
                    _("Point out the facts in the description that the assessment rests on."),
                    field="assessment_fact_ids",
                )
            unknown = [i for i in used if i not in fact_ids]
            if unknown:
                raise DomainError(
                    _("The assessment points at facts that are not in the description."), field="assessment_fact_ids"
                )
        cleaned["assessment_fact_ids"] = used if cleaned["assessment"] else []
        # P8: an accommodation need carries its duration (seed 000, L2054–2059, L2833–2836).
        duration = values.get("accommodation_duration") or ""
        until = values.get("accommodation_until") or None
        if cleaned["accommodation_needs"]:
            if duration not in AccommodationDuration.values:
                raise DomainError(_("State how long the accommodation need lasts."), field="accommodation_duration")
            if duration == AccommodationDuration.TEMPORARY and not isinstance(until, date):
                raise DomainError(
                    _("A temporary accommodation need needs the date it lasts until."), field="accommodation_until"
                )
            if duration == AccommodationDuration.UNCLARIFIED and not cleaned["missing_information"]:
                raise DomainError(
                    _("When the duration is not yet clarified, note under missing information what is lacking."),
                    field="missing_information",
                )
        elif duration or until:
            raise DomainError(_("Describe the accommodation need before its duration."), field="accommodation_needs")
        cleaned["accommodation_duration"] = duration if cleaned["accommodation_needs"] else ""
        cleaned["accommodation_until"] = until if duration == AccommodationDuration.TEMPORARY else None
        # C1: hypotheses must be presented to the citizen before they are used (seed 000, L1337–1345).
        hypothesis_ids = sorted({int(h) for h in values.get("hypothesis_ids") or []})
        known = set(profile.hypotheses.filter(pk__in=hypothesis_ids).values_list("pk", flat=True))
        if known != set(hypothesis_ids):
            raise DomainError(_("Unknown hypothesis."), field="hypothesis_ids")
        presented = set(
            HypothesisResponse.objects.filter(hypothesis_id__in=hypothesis_ids).values_list("hypothesis_id", flat=True)
        )
        if set(hypothesis_ids) - presented:
            raise DomainError(
                _("A hypothesis must be presented to the citizen before the assessment uses it."),
                field="hypothesis_ids",
            )
        cleaned["hypothesis_ids"] = hypothesis_ids
    else:
        cleaned.update(assessment_fact_ids=[], hypothesis_ids=[], accommodation_duration="", accommodation_until=None)
    return cleaned


def version_values(version: ElementVersion | None) -> dict:
    return {f: getattr(version, f) if version else None for f in COMPARED_FIELDS}


def _stale(profile: ResourceProfile, element: str, base_number: int, latest: ElementVersion) -> StaleVersion:
    base = profile.versions.filter(element=element, number=base_number).first()
    before, now = version_values(base), version_values(latest)
    changes = {f: (before[f], now[f]) for f in COMPARED_FIELDS if before[f] != now[f]}
    return StaleVersion(
        _(
            "%(name)s was saved by %(author)s at %(time)s while you were editing (version %(number)d). Your "
            "version was not saved; compare the changes below, then edit the current version."
        )
        % {
            "name": ElementKey(latest.element).label,
            "author": latest.author,
            "time": timezone.localtime(latest.saved_at).strftime("%d-%m-%Y %H:%M"),
            "number": latest.number,
        },
        changes=changes,
    )


def _require_involvement(profile: ResourceProfile) -> None:
    """R22: the profile starts from a recorded conversation with the citizen (bek. 543/2002 § 7, stk. 1) — or,
    when the citizen will not or cannot take part, from a record of that (R23–R24)."""
    starts = (InvolvementKind.OPENING_CONVERSATION, InvolvementKind.NON_PARTICIPATION)
    if not profile.involvement.filter(kind__in=starts).exists():
        raise DomainError(
            _(
                "Record the opening conversation with the citizen first (or that the citizen does not take "
                "part): the profile starts from a conversation with the citizen."
            ),
            field="involvement",
        )


def element_save(*, actor: User, case: Case, element: str, base_version: int, reason: str, **values) -> ElementVersion:
    """Save a new version of one element. `base_version` is the version the user edited (0 for a new element);
    if someone saved the element since, the save is refused and nothing is overwritten."""
    require_case_write(actor, case)
    reason = clean_text(reason, field="reason", label=_("Reason for the change"), max_length=300, required=True)
    try:
        with transaction.atomic():
            profile = _profile(case, actor)
            _require_involvement(profile)
            latest = profile.versions.filter(element=element).order_by("-number").first()
            current = latest.number if latest else 0
            if int(base_version) != current:
                if latest is None:
                    raise DomainError(
                        _("The element has no saved version yet: send base_version 0."), field="base_version"
                    )
                raise _stale(profile, element, int(base_version), latest)
            cleaned = _validate_element(case, profile, element, values)
            now = timezone.now()
            version = ElementVersion.objects.create(
                profile=profile, element=element, number=current + 1, saved_at=now, author=actor, reason=reason,
                **cleaned,
            )  # fmt: skip
            record_event(
                case=case, kind=EventKind.PROFILE_ELEMENT_SAVED, actor=actor, at=now,
                data={"element": element, "number": version.number, "reason": reason, "relevant": version.relevant},
            )  # fmt: skip
            return version
    except IntegrityError:
        # Two saves raced past the lock (SQLite has no row locks): the unique (element, number) decided.
        profile = case.profile
        latest = profile.versions.filter(element=element).order_by("-number").first()
        if latest is None:
            raise  # no version was saved, so no save raced this one: the error is something else
        raise _stale(profile, element, int(base_version), latest) from None


@transaction.atomic
def involvement_record(
    *, actor: User, case: Case, kind: str, occurred_on: date, text: str, non_participation: str = "",
    consequences_explained: bool = False,
) -> InvolvementRecord:  # fmt: skip
    """Record the opening conversation, guidance on companion/representative, the citizen's contribution, or
    that the citizen will not or cannot take part and how their interests were safeguarded."""
    require_case_write(actor, case)
    if kind not in InvolvementKind.values:
        raise DomainError(_("Choose what kind of involvement to record."), field="kind")
    past_or_today(occurred_on, field="occurred_on")
    text = clean_text(text, field="text", label=_("What happened"), max_length=TEXT_MAX, required=True)
    if kind == InvolvementKind.NON_PARTICIPATION:
        if non_participation not in NonParticipation.values:
            raise DomainError(_("State whether the citizen will not or cannot take part."), field="non_participation")
        # R26: the citizen who will not take part is told the consequence (seed 001, l. 1806–1817).
        if non_participation == NonParticipation.WILL_NOT and not consequences_explained:
            raise DomainError(
                _(
                    "Tell the citizen that the case will be decided on the information available, and record "
                    "that you did."
                ),
                field="consequences_explained",
            )
    else:
        non_participation, consequences_explained = "", False
    profile = _profile(case, actor)
    now = timezone.now()
    record = InvolvementRecord.objects.create(
        profile=profile, kind=kind, occurred_on=occurred_on, text=text, non_participation=non_participation,
        consequences_explained=consequences_explained, recorded_by=actor, recorded_at=now,
    )  # fmt: skip
    record_event(
        case=case, kind=EventKind.INVOLVEMENT_RECORDED, actor=actor, at=now,
        data={"kind": kind, "occurred_on": occurred_on.isoformat(), "non_participation": non_participation},
    )  # fmt: skip
    return record


@transaction.atomic
def hypothesis_add(*, actor: User, case: Case, text: str, element: str = "") -> Hypothesis:
    require_case_write(actor, case)
    if element and element not in ElementKey.values:
        raise DomainError(_("Unknown element of the resource profile."), field="element")
    text = clean_text(text, field="text", label=_("Hypothesis"), max_length=TEXT_MAX, required=True)
    profile = _profile(case, actor)
    now = timezone.now()
    hypothesis = Hypothesis.objects.create(
        profile=profile, element=element, text=text, created_by=actor, created_at=now
    )
    record_event(
        case=case, kind=EventKind.HYPOTHESIS_RECORDED, actor=actor, at=now,
        data={"hypothesis_id": hypothesis.pk, "element": element},
    )  # fmt: skip
    return hypothesis


@transaction.atomic
def profile_present(
    *, actor: User, case: Case, presented_on: date, method: str, responses: dict[str, dict],
    hypothesis_comments: dict[int, str] | None = None, notes: str = "",
) -> ProfilePresentation:  # fmt: skip
    """Record that the overall description and assessment were presented (bek. 543/2002 § 7, stk. 8), with the
    citizen's agreement or disagreement on every element, and the hypotheses presented with it."""
    from .selectors import current_elements

    require_case_write(actor, case)
    if method not in PresentationMethod.values:
        raise DomainError(_("Choose how the profile was presented."), field="method")
    past_or_today(presented_on, field="presented_on")
    profile = _profile(case, actor)
    current = current_elements(profile)
    if not current:
        raise DomainError(_("There is nothing to present yet: describe at least one element."), field="responses")
    missing = [ElementKey(e).label for e in current if e not in responses]
    if missing:
        raise DomainError(
            _("Record the citizen's response to every element presented. Missing: %(elements)s")
            % {"elements": ", ".join(str(m) for m in missing)},
            field="responses",
        )
    unknown = set(responses) - set(current)
    if unknown:
        raise DomainError(_("Responses to elements that have not been described."), field="responses")
    cleaned = {}
    for element, answer in responses.items():
        agrees = bool(answer.get("agrees"))
        disagreement = clean_text(
            answer.get("disagreement"), field=f"responses.{element}", label=_("What the disagreement consists of"),
            max_length=TEXT_MAX,
        )  # fmt: skip
        # C5 / R40: a disagreement is made concrete (seed 001, l. 2291–2293; seed 000, L3618–3635).
        if not agrees and not disagreement:
            raise DomainError(
                _("%(element)s: record what the citizen's disagreement consists of.")
                % {"element": ElementKey(element).label},
                field=f"responses.{element}",
            )
        cleaned[element] = (agrees, disagreement if not agrees else "", bool(answer.get("new_information")))
    comments = {int(k): v for k, v in (hypothesis_comments or {}).items()}
    hypotheses = list(profile.hypotheses.filter(pk__in=comments))
    if len(hypotheses) != len(comments):
        raise DomainError(_("Unknown hypothesis."), field="hypotheses")
    now = timezone.now()
    presentation = ProfilePresentation.objects.create(
        profile=profile, presented_on=presented_on, method=method, presented_by=actor, recorded_at=now,
        notes=clean_text(notes, field="notes", label=_("Notes"), max_length=TEXT_MAX),
    )  # fmt: skip
    for element, (agrees, disagreement, new_information) in cleaned.items():
        ElementResponse.objects.create(
            presentation=presentation, version=current[element], agrees=agrees, disagreement=disagreement,
            new_information=new_information,
        )  # fmt: skip
    for hypothesis in hypotheses:
        comment = clean_text(comments[hypothesis.pk], field="hypotheses", label=_("Comment"), max_length=TEXT_MAX)
        HypothesisResponse.objects.create(presentation=presentation, hypothesis=hypothesis, citizen_comment=comment)
    record_event(
        case=case, kind=EventKind.PROFILE_PRESENTED, actor=actor, at=now,
        data={
            "presentation_id": presentation.pk, "presented_on": presented_on.isoformat(), "method": method,
            "disagreements": sorted(e for e, (agrees, _d, _n) in cleaned.items() if not agrees),
            "hypotheses": sorted(h.pk for h in hypotheses),
        },
    )  # fmt: skip
    return presentation


@transaction.atomic
def disagreement_decide(
    *, actor: User, case: Case, response: ElementResponse, outcome: str, explanation: str = ""
) -> DisagreementDecision:
    """Keep or amend after a disagreement. Keeping needs a professional explanation, which the citizen is also
    shown (C4; bek. 543/2002 § 7, stk. 8); amending needs the amended version saved after the presentation."""
    require_case_write(actor, case)
    if response.presentation.profile.case_id != case.pk:
        raise DomainError(_("The response does not belong to this case."))
    if response.agrees:
        raise DomainError(_("The citizen agreed with this element: there is no disagreement to decide."))
    if DisagreementDecision.objects.filter(response=response).exists():
        raise DomainError(_("This disagreement has already been decided."))
    if outcome not in DisagreementOutcome.values:
        raise DomainError(_("Choose whether to keep or amend the element."), field="outcome")
    explanation = clean_text(explanation, field="explanation", label=_("Professional explanation"), max_length=TEXT_MAX)
    amended = None
    if outcome == DisagreementOutcome.KEEP and not explanation:
        raise DomainError(
            _("Keeping the description and assessment requires a written professional explanation; it is also "
              "shown to the citizen."),
            field="explanation",
        )  # fmt: skip
    if outcome == DisagreementOutcome.AMEND:
        amended = (
            response.version.profile.versions.filter(
                element=response.version.element, number__gt=response.version.number
            )
            .order_by("-number")
            .first()
        )
        if amended is None:
            raise DomainError(_("Save the amended element first; then record that it was amended."), field="outcome")
    now = timezone.now()
    decision = DisagreementDecision.objects.create(
        response=response, outcome=outcome, explanation=explanation, amended_version=amended, decided_by=actor,
        decided_at=now,
    )  # fmt: skip
    record_event(
        case=case, kind=EventKind.PROFILE_DISAGREEMENT_DECIDED, actor=actor, at=now,
        data={"element": response.version.element, "outcome": outcome, "response_id": response.pk,
              "amended_number": amended.number if amended else None},
    )  # fmt: skip
    return decision
