"""Request and response shapes of the API.

Lists show the masked CPR (DDMMYY-XXXX); only the single citizen record (`CitizenOut`) carries the full
number. Input schemas refuse unknown fields, NUL characters and text longer than the database column, so
bad input is answered with 422 and never reaches the database as a 500.
"""

from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, model_validator

from evne.cases.models import (
    Benefit,
    CaseAssignment,
    CaseStatus,
    FollowUpForm,
    FollowUpParty,
    JournalNote,
    NoteKind,
    Pathway,
)
from evne.cases.timeline import describe
from evne.citizens.models import Supporter, SupporterKind
from evne.paging import MAX_PAGE, PAGE_SIZE
from evne.validation import law_date, unsafe_character, unsafe_character_message

MAX_ID = 2**63 - 1  # a bigint primary key; a larger number would overflow in the database

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_ID, description="The version you read; a stale one gives 409.")]


def _storable(value: str) -> str:
    """PostgreSQL text cannot hold NUL, and lone surrogates cannot be encoded: refuse both as bad input."""
    if "\x00" in value:
        raise ValueError(_("The text contains a NUL character."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(_("The text is not valid Unicode.")) from None
    if unsafe_character(value) is not None:  # the services refuse it too (evne.validation.clean_text)
        raise ValueError(unsafe_character_message(_("The text")))
    return value


Text = Annotated[str, AfterValidator(_storable)]


def text_max(max_length: int) -> Any:
    """Text of at most `max_length` characters (the database column), storable as `Text`."""
    return Annotated[str, Field(max_length=max_length), AfterValidator(_storable)]


def _max(model, field: str) -> int:
    return model._meta.get_field(field).max_length


class In(Schema):
    """Input: unknown fields are an error (a misspelt field must not be silently ignored). A date before the law Evne
    knows (evne.rules.parameters.LAW_KNOWN_FROM) is refused with 400 naming the field, unless the field records
    history older than any case (`history_dates`, e.g. a job held in 1995)."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)
    history_dates: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _dates_within_the_law(self):
        for name in type(self).model_fields:
            if name not in self.history_dates:
                law_date(getattr(self, name), field=name, label=name)  # DomainError passes through pydantic: 400
        return self


# --- errors ---------------------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str
    field: str | None = None


class FieldErrorOut(Schema):
    field: str
    message: str
    type: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut]


class ChangeOut(Schema):
    yours: Any
    current: Any


class StaleOut(Schema):
    detail: str
    field: str | None = None
    changes: dict[str, ChangeOut]


def errors(*codes: int) -> dict[int, type[Schema]]:
    """Response schemas for the error codes an operation can give (401 and 422 always)."""
    shapes = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: StaleOut, 422: ValidationErrorOut}
    return {code: shapes[code] for code in sorted({401, 422, *codes})}


# --- references -----------------------------------------------------------------------------------------


class UserRef(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj)


class TeamRef(Schema):
    id: int
    name: str


class CitizenRef(Schema):
    id: int
    first_name: str
    last_name: str
    cpr_masked: str = Field(description="DDMMYY-XXXX")


# --- citizens -------------------------------------------------------------------------------------------


class CitizenListItem(CitizenRef):
    birth_date: date


class CitizenOut(Schema):
    id: int
    cpr: str = Field(description="The full CPR number, DDMMYY-SSSS. Only in the single citizen record.")
    birth_date: date
    first_name: str
    last_name: str
    address: str
    postal_code: str
    city: str
    phone: str
    email: str
    interpreter_language: str = Field(description="The language, when the citizen needs an interpreter; empty if not.")
    version: int
    created_at: datetime

    @staticmethod
    def resolve_cpr(obj) -> str:
        return obj.cpr_formatted


class CitizenCreateIn(In):
    cpr: Text = Field(description="10 digits, DDMMYY-SSSS (the hyphen is optional)")
    first_name: Text
    last_name: Text
    address: Text = ""
    postal_code: Text = ""
    city: Text = ""
    phone: Text = ""
    email: Text = ""
    interpreter_language: Text = ""


class CitizenUpdateIn(In):
    """Send only the fields you change, and the version you read."""

    version: Version
    first_name: Text = None
    last_name: Text = None
    address: Text = None
    postal_code: Text = None
    city: Text = None
    phone: Text = None
    email: Text = None
    interpreter_language: Text = None


class SupporterOut(Schema):
    id: int
    kind: str
    kind_label: str
    name: str
    relation: str
    phone: str
    email: str
    power_of_attorney_on: date | None
    active_from: date
    active_to: date | None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class SupporterIn(In):
    kind: SupporterKind
    name: text_max(_max(Supporter, "name"))
    active_from: date
    relation: text_max(_max(Supporter, "relation")) = ""
    phone: text_max(_max(Supporter, "phone")) = ""
    email: text_max(_max(Supporter, "email")) = ""
    power_of_attorney_on: date | None = None


# --- cases ----------------------------------------------------------------------------------------------


class CaseListItem(Schema):
    id: int
    number: str
    status: str
    status_label: str
    pathway: str
    pathway_label: str
    benefit: str
    benefit_label: str
    help_requested_on: date
    opened_at: datetime
    team: TeamRef
    caseworker: UserRef
    citizen: CitizenRef

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_pathway_label(obj) -> str:
        return str(obj.get_pathway_display())

    @staticmethod
    def resolve_benefit_label(obj) -> str:
        return str(obj.get_benefit_display())


class CaseOut(CaseListItem):
    closed_on: date | None
    version: int


class NextDeadlineOut(Schema):
    due_on: date = Field(description="The date the deadline runs out")
    title: str = Field(description="The legal check whose deadline it is, in your language")
    overdue: bool = Field(description="The date has passed")


class WorklistItem(CaseListItem):
    next_deadline: NextDeadlineOut | None = Field(description="The case's next running deadline, if any")

    @staticmethod
    def resolve_next_deadline(obj) -> dict | None:
        return getattr(obj, "worklist_deadline", None)  # set by the worklist operation


class WorklistOut(Schema):
    """One page of the worklist (at most 50 cases), ordered by the next deadline, overdue first."""

    scope: str = Field(description='"mine": the cases you are responsible for; "team": a team leader\'s whole team')
    page: int = Field(description="This page's number, from 1")
    pages: int = Field(description="The number of pages")
    count: int = Field(description="The number of cases on all pages")
    page_size: int = Field(description="The maximum number of cases on a page (50)")
    items: list[WorklistItem]


class SearchIn(In):
    """A search is sent in the body, so that a CPR number or a name never stands in a URL or a server log."""

    q: Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_storable)] = Field(
        description="Name, CPR number (or its date part DDMMYY) or case number"
    )
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"Page number; {PAGE_SIZE} rows per page")


class Paged(Schema):
    page: int = Field(description="This page's number (from 1)")
    next_page: int | None = Field(
        description=f"The next page's number, or null on the last page. {PAGE_SIZE} rows a page"
    )

    @staticmethod
    def resolve_next_page(obj) -> int | None:
        return obj.next_number

    @staticmethod
    def resolve_page(obj) -> int:
        return obj.number

    @staticmethod
    def resolve_items(obj) -> list:
        return obj.rows


class CasePageOut(Paged):
    items: list[CaseListItem]


class CitizenPageOut(Paged):
    items: list[CitizenListItem]


class CaseOpenIn(In):
    citizen_id: Id
    pathway: Pathway
    benefit: Benefit
    help_requested_on: date = Field(description="The date the citizen first asked for help (YYYY-MM-DD)")


class CaseUpdateIn(In):
    """Send only the fields you change, and the version you read."""

    version: Version
    pathway: Pathway = None
    benefit: Benefit = None
    help_requested_on: date = None


class CaseStatusIn(In):
    status: CaseStatus
    version: Version


class CaseworkerIn(In):
    caseworker: Id = Field(description="An active caseworker or team leader of the case's team")
    version: Version
    reason: text_max(_max(CaseAssignment, "reason")) = ""


class NoteOut(Schema):
    id: int
    kind: str
    kind_label: str
    text: str
    source: str
    corrects: int | None = Field(description="The id of the note this note corrects")
    author: UserRef
    created_at: datetime

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_corrects(obj) -> int | None:
        return obj.corrects_id


class NoteIn(In):
    kind: NoteKind = Field(description="fact (oplysning) or assessment (vurdering)")
    text: Text
    source: text_max(_max(JournalNote, "source")) = Field(
        "", description="Where a fact came from: conversation, document, phone call …"
    )
    corrects: Id | None = Field(None, description="The note in the same case that this note corrects")


class FollowUpOut(Schema):
    id: int
    held_on: date
    form: str
    with_citizen: bool
    parties_decided: bool
    parties: list[str]
    interpreter_used: bool
    summary: str
    author: UserRef
    created_at: datetime


class FollowUpIn(In):
    held_on: date = Field(description="The day the conversation was held (not in the future)")
    form: FollowUpForm = Field(description="meeting, phone, video or digital")
    summary: Text = Field(description="What was discussed and agreed")
    with_citizen: bool = True
    parties_decided: bool = Field(
        False, description="A position was taken on which parties to involve (DPL § 24, stk. 2)"
    )
    parties: list[FollowUpParty] = Field(default_factory=list, description="Parties who took part")
    interpreter_used: bool = False


class TimelineEventOut(Schema):
    id: int
    kind: str
    kind_label: str
    at: datetime
    actor: UserRef
    text: str = Field(description="A one-line description in the reader's language")
    data: dict[str, Any]
    note: NoteOut | None

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_text(obj) -> str:
        return describe(obj)
