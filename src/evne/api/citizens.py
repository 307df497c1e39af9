"""Citizens: search, the citizen record (the only place with the full CPR), contact details, supporters.

Thin views: parse → access_citizen() (the one gate, which logs the access with channel "api") → one
service or selector → render.
"""

from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from evne.accounts.access import access_citizen
from evne.accounts.models import AccessAction, AccessChannel
from evne.citizens import selectors, services
from evne.paging import MAX_PAGE

from .schemas import (
    MAX_ID,
    CaseListItem,
    CitizenCreateIn,
    CitizenOut,
    CitizenPageOut,
    CitizenUpdateIn,
    SearchIn,
    SupporterIn,
    SupporterOut,
    errors,
)

router = Router(tags=["citizens"])
API = AccessChannel.API
CitizenId = Path(..., ge=1, le=MAX_ID, description="The citizen's id")
PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Page number; 50 rows a page")


@router.get("", response={200: CitizenPageOut, **errors()}, summary="List citizens")
def list_citizens(request: HttpRequest, page: int = PageNumber):
    """The citizens you may read, by name, 50 a page, with the masked CPR. Every citizen shown is access-logged."""
    return selectors.citizen_list(user=request.auth, channel=API, page=page)


@router.post("/search", response={200: CitizenPageOut, **errors()}, summary="Search citizens")
def search(request: HttpRequest, payload: SearchIn):
    """By name or CPR number (or its date part), sent in the body so that it never stands in a URL; 50 hits a
    page, with the masked CPR. The search and every hit shown are access-logged."""
    return selectors.citizen_search(user=request.auth, query=payload.q, channel=API, page=payload.page)


@router.post("", response={201: CitizenOut, **errors(400, 403)}, summary="Register a citizen")
def create_citizen(request: HttpRequest, payload: CitizenCreateIn):
    citizen = services.citizen_create(actor=request.auth, **payload.model_dump())
    return Status(201, citizen)


@router.get("/{citizen_id}", response={200: CitizenOut, **errors(404)}, summary="Get a citizen")
def get_citizen(request: HttpRequest, citizen_id: int = CitizenId):
    """The citizen record with the full CPR number. Every read is access-logged."""
    return access_citizen(user=request.auth, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=API)


@router.patch(
    "/{citizen_id}", response={200: CitizenOut, **errors(400, 403, 404, 409)}, summary="Change contact details"
)
def update_citizen(request: HttpRequest, payload: CitizenUpdateIn, citizen_id: int = CitizenId):
    """Send only the fields you change, and the `version` you read."""
    citizen = access_citizen(
        user=request.auth, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=API, write=True
    )
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    return services.citizen_update(actor=request.auth, citizen=citizen, expected_version=payload.version, **changes)


@router.get("/{citizen_id}/supporters", response={200: list[SupporterOut], **errors(404)}, summary="Supporters")
def supporters(request: HttpRequest, citizen_id: int = CitizenId):
    """Companions (bisiddere) and representatives (partsrepræsentanter), forvaltningsloven § 8."""
    citizen = access_citizen(user=request.auth, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=API)
    return selectors.citizen_supporters(citizen)


@router.post(
    "/{citizen_id}/supporters",
    response={201: SupporterOut, **errors(400, 403, 404)},
    summary="Add a companion or representative",
)
def add_supporter(request: HttpRequest, payload: SupporterIn, citizen_id: int = CitizenId):
    citizen = access_citizen(
        user=request.auth, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=API, write=True
    )
    supporter = services.supporter_add(actor=request.auth, citizen=citizen, **payload.model_dump())
    return Status(201, supporter)


@router.get("/{citizen_id}/cases", response={200: list[CaseListItem], **errors(404)}, summary="The citizen's cases")
def cases(request: HttpRequest, citizen_id: int = CitizenId):
    citizen = access_citizen(user=request.auth, citizen_id=citizen_id, what=AccessAction.CITIZEN, channel=API)
    return selectors.citizen_cases(citizen)
