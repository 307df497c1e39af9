"""Cases: worklist, search, the case, its status, caseworker, journal notes and timeline.

Thin views: parse → access_case() (the one gate, which logs the access with channel "api") → one service
or selector → render.
"""

from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from evne.accounts.access import access_case, access_citizen
from evne.accounts.models import AccessAction, AccessChannel
from evne.cases import selectors, services
from evne.checks.case import title as check_title
from evne.errors import DomainError
from evne.paging import MAX_PAGE
from evne.rules.catalogue import BY_ID, current_id

from .schemas import (
    MAX_ID,
    CaseOpenIn,
    CaseOut,
    CasePageOut,
    CaseStatusIn,
    CaseUpdateIn,
    CaseworkerIn,
    FollowUpIn,
    FollowUpOut,
    NoteIn,
    NoteOut,
    SearchIn,
    TimelineEventOut,
    WorklistOut,
    errors,
)

router = Router(tags=["cases"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Page number; 50 rows a page")


@router.get("/mine", response={200: WorklistOut, **errors()}, summary="My worklist")
def worklist(
    request: HttpRequest,
    scope: Literal["mine", "team"] = Query("mine", description='"team": all the team\'s open cases (team leaders)'),
    page: int = Query(1, ge=1, le=MAX_ID, description="The page, from 1; 50 cases a page"),
):
    """The open cases you are responsible for, ordered by the next deadline (overdue first), 50 a page; a team
    leader gets the whole team's with `scope=team`. The cases on the page are access-logged."""
    today = timezone.localdate()
    listing = selectors.worklist(user=request.auth, channel=API, scope=scope, page=page, on=today)
    items = []
    for case in listing.page.object_list:
        rule = BY_ID.get(current_id(case.next_rule_id)) if case.next_rule_id else None
        if case.next_due and rule is not None:
            case.next_deadline_out = {
                "due_on": case.next_due,
                "title": check_title(rule),
                "overdue": case.next_due < today,
            }
        else:
            case.next_deadline_out = None
        items.append(case)
    return {
        "scope": listing.scope, "page": listing.page.number, "pages": listing.page.paginator.num_pages,
        "count": listing.page.paginator.count, "page_size": selectors.PAGE_SIZE,
        "items": items,
    }  # fmt: skip


@router.get("", response={200: CasePageOut, **errors()}, summary="List cases")
def list_cases(request: HttpRequest, page: int = PageNumber):
    """The cases you may read, by case number, 50 a page. Every case shown is access-logged."""
    return selectors.case_list(user=request.auth, channel=API, page=page)


@router.post("/search", response={200: CasePageOut, **errors()}, summary="Search cases")
def search(request: HttpRequest, payload: SearchIn):
    """By name, CPR number (or its date part) or case number, sent in the body so that it never stands in a URL;
    50 hits a page. The search and every hit shown are access-logged."""
    return selectors.case_search(user=request.auth, query=payload.q, channel=API, page=payload.page)


@router.post("", response={201: CaseOut, **errors(400, 403, 404)}, summary="Open a case")
def open_case(request: HttpRequest, payload: CaseOpenIn):
    """Open a case for the citizen in your team, with you as the responsible caseworker."""
    citizen = access_citizen(
        user=request.auth, citizen_id=payload.citizen_id, what=AccessAction.CITIZEN, channel=API, write=True
    )
    case = services.case_open(
        actor=request.auth,
        citizen=citizen,
        pathway=payload.pathway,
        benefit=payload.benefit,
        help_requested_on=payload.help_requested_on,
    )
    return Status(201, case)


@router.get("/{case_id}", response={200: CaseOut, **errors(404)}, summary="Get a case")
def get_case(request: HttpRequest, case_id: int = CaseId):
    return access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API)


@router.patch("/{case_id}", response={200: CaseOut, **errors(400, 403, 404, 409)}, summary="Change a case")
def update_case(request: HttpRequest, payload: CaseUpdateIn, case_id: int = CaseId):
    """Change pathway, benefit or the date help was first requested. Send the `version` you read."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=True)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    return services.case_update(actor=request.auth, case=case, expected_version=payload.version, **changes)


@router.post("/{case_id}/status", response={200: CaseOut, **errors(400, 403, 404, 409)}, summary="Change the status")
def change_status(request: HttpRequest, payload: CaseStatusIn, case_id: int = CaseId):
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=True)
    return services.case_change_status(
        actor=request.auth, case=case, status=payload.status, expected_version=payload.version
    )


@router.post(
    "/{case_id}/caseworker",
    response={200: CaseOut, **errors(400, 403, 404, 409)},
    summary="Change the responsible caseworker",
)
def assign_caseworker(request: HttpRequest, payload: CaseworkerIn, case_id: int = CaseId):
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=True)
    caseworker = selectors.team_caseworkers(case).filter(pk=payload.caseworker).first()
    if caseworker is None:
        raise DomainError(
            _("The responsible caseworker must be an active caseworker or team leader of the case's team."),
            field="caseworker",
        )
    return services.case_assign_caseworker(
        actor=request.auth,
        case=case,
        caseworker=caseworker,
        expected_version=payload.version,
        reason=payload.reason,
    )


@router.get("/{case_id}/timeline", response={200: list[TimelineEventOut], **errors(404)}, summary="Timeline")
@paginate(PageNumberPagination, page_size=selectors.PAGE_SIZE)
def timeline(request: HttpRequest, case_id: int = CaseId):
    """The events of the case, oldest first, with a one-line text in your language; 50 a page (`page`, from 1):
    `{"items": [...], "count": all events}`."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.TIMELINE, channel=API)
    return selectors.case_timeline_query(case)


@router.get("/{case_id}/notes", response={200: list[NoteOut], **errors(404)}, summary="Journal notes")
@paginate(PageNumberPagination, page_size=selectors.PAGE_SIZE)
def notes(request: HttpRequest, case_id: int = CaseId):
    """The journal notes, oldest first; 50 a page (`page`, from 1): `{"items": [...], "count": all notes}`."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.NOTES, channel=API)
    return selectors.case_notes_query(case)


@router.post("/{case_id}/notes", response={201: NoteOut, **errors(400, 403, 404)}, summary="Add a journal note")
def add_note(request: HttpRequest, payload: NoteIn, case_id: int = CaseId):
    """A fact (with its source) or an assessment. Notes are never edited: correct one with `corrects`."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.NOTES, channel=API, write=True)
    corrects = None
    if payload.corrects is not None:
        corrects = next((n for n in selectors.case_notes(case) if n.pk == payload.corrects), None)
        if corrects is None:
            raise DomainError(_("A note can only correct a note in the same case."), field="corrects")
    note = services.note_add(
        actor=request.auth,
        case=case,
        kind=payload.kind,
        text=payload.text,
        source=payload.source,
        corrects=corrects,
    )
    return Status(201, note)


@router.get(
    "/{case_id}/follow-ups", response={200: list[FollowUpOut], **errors(404)}, summary="Follow-up conversations"
)
def follow_ups(request: HttpRequest, case_id: int = CaseId):
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API)
    return list(case.follow_ups.select_related("author").order_by("held_on", "id"))


@router.post("/{case_id}/follow-ups", response={201: FollowUpOut, **errors(400, 403, 404)},
             summary="Record a follow-up conversation")  # fmt: skip
def add_follow_up(request: HttpRequest, payload: FollowUpIn, case_id: int = CaseId):
    """A follow-up conversation (opfølgningssamtale); the sick-pay and activation follow-up deadlines run from it.
    Append-only: correct a mistake with a journal note."""
    case = access_case(user=request.auth, case_id=case_id, what=AccessAction.CASE, channel=API, write=True)
    data = payload.dict()
    data["parties"] = [str(p) for p in data["parties"]]
    data["form"] = str(data["form"])
    return Status(201, services.follow_up_record(actor=request.auth, case=case, **data))
