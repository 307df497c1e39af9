"""Request and response shapes of the resource profile (ressourceprofil) in the API.

There is deliberately no score, rank or total anywhere in these shapes: the law forbids an overall score of
the resource profile ("Der kan ikke på baggrund af ressourceprofilen udarbejdes en samlet score", seed 001,
l. 1634–1644). Input refuses unknown fields, NUL characters and over-long text, as in schemas.py.
"""

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import BeforeValidator, Field

from evne.profiles.models import (
    AccommodationDuration,
    DisagreementOutcome,
    ElementKey,
    InvolvementKind,
    NonParticipation,
    PresentationMethod,
    SourceKind,
)
from evne.profiles.services import FACT_MAX, TEXT_MAX

from .schemas import Id, In, UserRef, text_max

MAX_NUMBER = 2**31 - 1  # a PositiveIntegerField: a larger version number cannot exist in the database

LongText = text_max(TEXT_MAX)


def choice_label(choices, value: str) -> str:
    """The readable label of a code; an empty code (or one no longer in the list) has no label."""
    try:
        return str(choices(value).label) if value else ""
    except ValueError:
        return ""


def _moment(value):
    """An ISO 8601 time; without a zone it is Danish time (settings.TIME_ZONE). Always timezone-aware, and
    within the range the database can compare, so an absurd year is a 422, never a 500."""
    if isinstance(value, datetime):
        parsed = value
    else:
        try:
            parsed = parse_datetime(str(value))
        except ValueError:
            parsed = None
    if parsed is None:
        raise ValueError(_("Enter a time as YYYY-MM-DDTHH:MM, optionally with a zone such as +01:00."))
    try:
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        offset = parsed.utcoffset()
        if offset is not None and abs(offset) > timedelta(hours=14):  # no zone on Earth; PostgreSQL refuses it
            raise ValueError
        parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError(_("The time is out of range.")) from None
    return parsed


Moment = Annotated[datetime, BeforeValidator(_moment)]


def _blank_is_none(value):
    """An empty code is "none chosen", as the answers show it: a client may send back what it read."""
    return None if value == "" else value


def optional(choices) -> Any:
    """A code from `choices`, or none (null or "")."""
    return Annotated[choices | None, BeforeValidator(_blank_is_none)]


# --- output ---------------------------------------------------------------------------------------------


class FactOut(Schema):
    id: str
    text: str
    source_kind: str
    source_kind_label: str
    source_detail: str
    note_id: int | None = Field(None, description="The journal note the fact was taken from, if any")
    document_id: int | None = Field(None, description="The received document the fact was taken from, if any")
    report_id: int | None = Field(None, description="The provider report the fact was taken from, if any")

    @staticmethod
    def resolve_source_kind_label(obj) -> str:
        return choice_label(SourceKind, obj.get("source_kind", ""))


class ElementVersionOut(Schema):
    """One saved version of one element, in full. Versions are never changed; a change is a new version."""

    element: str
    element_label: str
    number: int
    saved_at: datetime
    author: UserRef
    reason: str = Field(description="Why this version was saved")
    relevant: bool
    not_relevant_obvious: bool
    not_relevant_reason: str
    title: str = Field(description="For 'other': the matter's title")
    justification: str = Field(description="For 'other': the written justification for including it")
    facts: list[FactOut] = Field(description="The description: facts, each with its source")
    citizen_view: str
    resources: str
    barriers: str
    development: str
    accommodation_needs: str
    accommodation_duration: str
    accommodation_duration_label: str
    accommodation_until: date | None
    missing_information: str
    assessment: str = Field(description="The caseworker's professional assessment")
    assessment_fact_ids: list[str] = Field(description="The ids of the facts the assessment rests on")
    hypothesis_ids: list[int] = Field(description="The hypotheses the assessment uses (presented first)")

    @staticmethod
    def resolve_element_label(obj) -> str:
        return choice_label(ElementKey, obj.element)

    @staticmethod
    def resolve_accommodation_duration_label(obj) -> str:
        return choice_label(AccommodationDuration, obj.accommodation_duration)


class ProfileElementOut(Schema):
    key: str
    label: str
    relevant: bool | None = Field(description="As the current version says; null before the first version")
    current: ElementVersionOut | None
    notices: list[str] = Field(description="What the method still asks for: sentences to act on, never a score")


class InvolvementOut(Schema):
    id: int
    kind: str
    kind_label: str
    occurred_on: date
    text: str
    non_participation: str
    non_participation_label: str
    consequences_explained: bool
    recorded_by: UserRef
    recorded_at: datetime

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return choice_label(InvolvementKind, obj.kind)

    @staticmethod
    def resolve_non_participation_label(obj) -> str:
        return choice_label(NonParticipation, obj.non_participation)


class HypothesisOut(Schema):
    id: int
    element: str
    element_label: str
    text: str
    created_by: UserRef
    created_at: datetime
    presented: bool = Field(description="Presented to the citizen; only then may an assessment use it")
    presented_on: date | None = Field(description="The first presentation that included it")


class DisagreementDecisionOut(Schema):
    id: int
    outcome: str
    outcome_label: str
    explanation: str = Field(description="The professional explanation; also shown to the citizen")
    amended_number: int | None = Field(description="The element version that amended it (outcome amend)")
    decided_by: UserRef
    decided_at: datetime

    @staticmethod
    def resolve_outcome_label(obj) -> str:
        return choice_label(DisagreementOutcome, obj.outcome)

    @staticmethod
    def resolve_amended_number(obj) -> int | None:
        return obj.amended_version.number if obj.amended_version_id else None


class _PresentedVersion(Schema):
    """A response's presented element version, flattened: element key, its label and the version number."""

    element: str
    element_label: str
    number: int = Field(description="The element version that was presented")

    @staticmethod
    def resolve_element(obj) -> str:
        return obj.version.element

    @staticmethod
    def resolve_element_label(obj) -> str:
        return choice_label(ElementKey, obj.version.element)

    @staticmethod
    def resolve_number(obj) -> int:
        return obj.version.number


class ResponseOut(_PresentedVersion):
    """The citizen's response to one presented element version."""

    id: int
    agrees: bool
    disagreement: str
    new_information: bool
    decision: DisagreementDecisionOut | None = Field(
        description="The decision on a disagreement; null while it is open"
    )

    @staticmethod
    def resolve_decision(obj):
        return getattr(obj, "decision", None)  # a reverse one-to-one raises (an AttributeError) when absent


class DisagreementOut(_PresentedVersion):
    """A disagreement still waiting for the caseworker's decision (keep with an explanation, or amend)."""

    id: int = Field(description="The response id, for POST …/profile/responses/{id}/decision")
    disagreement: str
    new_information: bool
    presentation_id: int
    presented_on: date

    @staticmethod
    def resolve_presented_on(obj) -> date:
        return obj.presentation.presented_on


class HypothesisPresentedOut(Schema):
    hypothesis_id: int
    text: str
    citizen_comment: str

    @staticmethod
    def resolve_text(obj) -> str:
        return obj.hypothesis.text


class ProfilePresentationOut(Schema):
    id: int
    presented_on: date
    method: str
    method_label: str
    notes: str
    presented_by: UserRef
    recorded_at: datetime
    responses: list[ResponseOut]
    hypotheses: list[HypothesisPresentedOut]

    @staticmethod
    def resolve_method_label(obj) -> str:
        return choice_label(PresentationMethod, obj.method)

    @staticmethod
    def resolve_responses(obj):
        return list(obj.responses.all())

    @staticmethod
    def resolve_hypotheses(obj):
        return list(obj.hypothesis_responses.all())


class ProfileOut(Schema):
    case_id: int
    at: datetime | None = Field(description="The moment asked for with ?at=, or null for now")
    elements: list[ProfileElementOut] = Field(description="Every element in the order of the law, 'other' last")
    involvement: list[InvolvementOut]
    hypotheses: list[HypothesisOut]
    open_disagreements: list[DisagreementOut]


class CompareRowOut(Schema):
    label: str
    old: str
    new: str
    changed: bool
    diff: list[str] = Field(description="Word diff (ndiff): '- ' removed, '+ ' added, '  ' kept, '? ' a hint")


class VersionHeadOut(Schema):
    number: int
    saved_at: datetime
    author: UserRef
    reason: str


class CompareOut(Schema):
    element: str
    element_label: str
    a: VersionHeadOut
    b: VersionHeadOut
    rows: list[CompareRowOut] = Field(description="One row per field that either version fills in")


# --- input ----------------------------------------------------------------------------------------------


class FactIn(In):
    id: text_max(16) | None = Field(None, description="Keep the id of an existing fact; new facts get one")
    text: text_max(FACT_MAX)
    source_kind: optional(SourceKind) = Field(None, description="Where the fact came from (required by the method)")
    source_detail: text_max(200) = ""
    note_id: Id | None = Field(None, description="A journal note in this case the fact was taken from")
    document_id: Id | None = Field(None, description="A received document in this case the fact was taken from")
    report_id: Id | None = Field(None, description="A provider report in this case the fact was taken from")


class ElementIn(In):
    """A new version of the element, in full: fields left out are saved empty (a version is not a patch)."""

    base_version: int = Field(
        ge=0, le=MAX_NUMBER, description="The version you edited, 0 for the first; a stale one gives 409"
    )
    reason: text_max(300) = Field(description="Why this version is saved")
    relevant: bool
    not_relevant_obvious: bool = False
    not_relevant_reason: LongText = ""
    title: text_max(200) = ""
    justification: LongText = ""
    facts: list[FactIn] = []
    citizen_view: LongText = ""
    resources: LongText = ""
    barriers: LongText = ""
    development: LongText = ""
    accommodation_needs: LongText = ""
    accommodation_duration: optional(AccommodationDuration) = None
    accommodation_until: date | None = None
    missing_information: LongText = ""
    assessment: LongText = ""
    assessment_fact_ids: list[text_max(16)] = []
    hypothesis_ids: list[Id] = []


class InvolvementIn(In):
    kind: InvolvementKind
    occurred_on: date
    text: LongText = Field(description="What happened; for non-participation, how the interests were safeguarded")
    non_participation: optional(NonParticipation) = None
    consequences_explained: bool = False


class HypothesisIn(In):
    text: LongText
    element: optional(ElementKey) = None


class ResponseIn(In):
    agrees: bool
    disagreement: LongText = Field("", description="What the disagreement consists of (required if not agreed)")
    new_information: bool = False


class PresentationIn(In):
    presented_on: date
    method: PresentationMethod
    notes: LongText = ""
    responses: dict[ElementKey, ResponseIn] = Field(description="The citizen's response to every current element")
    hypothesis_comments: dict[Id, LongText] = Field(
        {}, description="The hypotheses presented, by id, with the citizen's comment"
    )


class DecisionIn(In):
    outcome: DisagreementOutcome = Field(description="keep (with an explanation) or amend (save the element first)")
    explanation: LongText = ""
