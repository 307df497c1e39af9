"""The resource profile (ressourceprofil) of a case: its 12 elements plus "other", their versions, the citizen's
involvement, hypotheses, presentations to the citizen and the decisions on disagreements.

Thin views: parse → access_case() (the one gate, which logs the access with channel "api") → one service or
selector → render. The rules (bek. nr. 543 af 28. maj 2002 §§ 6–7 and the method book) live in
evne.profiles.services; the API only shapes the input and the answer. There is no score: see
profile_schemas.py.
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from evne.accounts.access import access_case
from evne.accounts.models import AccessAction, AccessChannel
from evne.errors import NotFound
from evne.profiles import selectors, services
from evne.profiles.models import ElementKey

from .profile_schemas import (
    MAX_NUMBER,
    CompareOut,
    DecisionIn,
    DisagreementDecisionOut,
    ElementIn,
    ElementVersionOut,
    HypothesisIn,
    HypothesisOut,
    InvolvementIn,
    InvolvementOut,
    Moment,
    PresentationIn,
    ProfileElementOut,
    ProfileOut,
    ProfilePresentationOut,
    choice_label,
)
from .schemas import MAX_ID, errors

router = Router(tags=["resource profile"])
API = AccessChannel.API
CaseId = Path(..., ge=1, le=MAX_ID, description="The case's id")
Element = Path(..., description="The element's key, e.g. education, health or other")
Number = Path(..., ge=1, le=MAX_NUMBER, description="The version number")
At = Query(None, description="Show the profile as it stood at this time (ISO 8601; without a zone: Danish time)")
ResponseId = Path(..., ge=1, le=MAX_ID, description="The id of the citizen's response (a disagreement)")
# The profile is logged as the case (reads and writes alike); a dedicated AccessAction would need a model change.
WHAT = AccessAction.PROFILE


def _read(request: HttpRequest, case_id: int):
    return access_case(user=request.auth, case_id=case_id, what=WHAT, channel=API)


def _write(request: HttpRequest, case_id: int):
    return access_case(user=request.auth, case_id=case_id, what=WHAT, channel=API, write=True)


def _element(key: str, version) -> dict:
    return {
        "key": key,
        "label": choice_label(ElementKey, key),
        "relevant": version.relevant if version else None,
        "current": version,
        "notices": selectors.element_notices(version) if version else [],
    }


def _hypothesis(hypothesis, at: datetime | None) -> dict:
    shown = [r.presentation for r in hypothesis.responses.all() if at is None or r.presentation.recorded_at <= at]
    return {
        "id": hypothesis.pk,
        "element": hypothesis.element,
        "element_label": choice_label(ElementKey, hypothesis.element),
        "text": hypothesis.text,
        "created_by": hypothesis.created_by,
        "created_at": hypothesis.created_at,
        "presented": bool(shown),
        "presented_on": min((p.presented_on for p in shown), default=None),
    }


def _version(profile, element: str, number: int):
    version = next((v for v in selectors.element_history(profile, element) if v.number == number), None)
    if version is None:
        raise NotFound
    return version


# --- reads ----------------------------------------------------------------------------------------------


@router.get("/{case_id}/profile", response={200: ProfileOut, **errors(404)}, summary="The resource profile")
def get_profile(
    request: HttpRequest,
    case_id: int = CaseId,
    at: Moment | None = At,
):
    """Every element in the order of the law with its current version (or null) and what the method still asks
    for; the citizen's involvement; the hypotheses; the disagreements waiting for a decision. With `at`, each
    part as it stood at that moment."""
    case = _read(request, case_id)
    profile = selectors.profile_for(case)
    current = selectors.current_elements(profile, at=at)
    records = selectors.involvement(profile, at=at)
    hypotheses = selectors.hypotheses(profile, at=at)
    disagreements = selectors.open_disagreements(profile, at=at)
    return {
        "case_id": case.pk,
        "at": at,
        "elements": [_element(key, current.get(key)) for key in ElementKey.values],
        "involvement": records,
        "hypotheses": [_hypothesis(h, at) for h in hypotheses],
        "open_disagreements": disagreements,
    }


@router.get(
    "/{case_id}/profile/elements/{element}",
    response={200: ProfileElementOut, **errors(404)},
    summary="One element of the resource profile",
)
def get_element(request: HttpRequest, case_id: int = CaseId, element: ElementKey = Element):
    case = _read(request, case_id)
    current = selectors.current_elements(selectors.profile_for(case))
    return _element(element, current.get(element))


@router.get(
    "/{case_id}/profile/elements/{element}/versions",
    response={200: list[ElementVersionOut], **errors(404)},
    summary="An element's history",
)
def element_versions(request: HttpRequest, case_id: int = CaseId, element: ElementKey = Element):
    """Every version of the element, newest first, in full."""
    case = _read(request, case_id)
    return selectors.element_history(selectors.profile_for(case), element)


@router.get(
    "/{case_id}/profile/elements/{element}/versions/{number}",
    response={200: ElementVersionOut, **errors(404)},
    summary="One version of an element",
)
def element_version(request: HttpRequest, case_id: int = CaseId, element: ElementKey = Element, number: int = Number):
    case = _read(request, case_id)
    return _version(selectors.profile_for(case), element, number)


@router.get(
    "/{case_id}/profile/elements/{element}/compare",
    response={200: CompareOut, **errors(404)},
    summary="Compare two versions of an element",
)
def compare(
    request: HttpRequest,
    case_id: int = CaseId,
    element: ElementKey = Element,
    a: int = Query(..., ge=1, le=MAX_NUMBER, description="The older version"),
    b: int = Query(..., ge=1, le=MAX_NUMBER, description="The newer version"),
):
    """Side by side, field by field, with a word diff of what changed."""
    case = _read(request, case_id)
    profile = selectors.profile_for(case)
    old, new = _version(profile, element, a), _version(profile, element, b)
    return {
        "element": element,
        "element_label": choice_label(ElementKey, element),
        "a": old,
        "b": new,
        "rows": selectors.compare_versions(old, new),
    }


@router.get(
    "/{case_id}/profile/presentations",
    response={200: list[ProfilePresentationOut], **errors(404)},
    summary="Presentations to the citizen",
)
def list_presentations(request: HttpRequest, case_id: int = CaseId):
    """Newest first, each with the citizen's response to every element and the hypotheses presented."""
    case = _read(request, case_id)
    return selectors.presentations(selectors.profile_for(case))


# --- writes ---------------------------------------------------------------------------------------------


@router.post(
    "/{case_id}/profile/elements/{element}",
    response={201: ElementVersionOut, **errors(400, 403, 404, 409)},
    summary="Save a new version of an element",
)
def save_element(request: HttpRequest, payload: ElementIn, case_id: int = CaseId, element: ElementKey = Element):
    """Send the whole element and the `base_version` you edited (0 for the first version). If someone saved the
    element in between, the answer is 409 with the changes, and nothing is saved."""
    case = _write(request, case_id)
    values = payload.model_dump(exclude={"base_version", "reason"})
    version = services.element_save(
        actor=request.auth,
        case=case,
        element=element,
        base_version=payload.base_version,
        reason=payload.reason,
        **values,
    )
    return Status(201, version)


@router.post(
    "/{case_id}/profile/involvement",
    response={201: InvolvementOut, **errors(400, 403, 404)},
    summary="Record how the citizen was involved",
)
def add_involvement(request: HttpRequest, payload: InvolvementIn, case_id: int = CaseId):
    """The opening conversation (the profile starts from it), guidance on companion or representative, the
    citizen's own contribution, or that the citizen will not or cannot take part."""
    case = _write(request, case_id)
    record = services.involvement_record(
        actor=request.auth,
        case=case,
        kind=payload.kind,
        occurred_on=payload.occurred_on,
        text=payload.text,
        non_participation=payload.non_participation or "",
        consequences_explained=payload.consequences_explained,
    )
    return Status(201, record)


@router.post(
    "/{case_id}/profile/hypotheses",
    response={201: HypothesisOut, **errors(400, 403, 404)},
    summary="Record a hypothesis",
)
def add_hypothesis(request: HttpRequest, payload: HypothesisIn, case_id: int = CaseId):
    """A professional assumption; an assessment may use it only after it has been presented to the citizen."""
    case = _write(request, case_id)
    hypothesis = services.hypothesis_add(
        actor=request.auth, case=case, text=payload.text, element=payload.element or ""
    )
    return Status(201, _hypothesis(hypothesis, None))


@router.post(
    "/{case_id}/profile/presentations",
    response={201: ProfilePresentationOut, **errors(400, 403, 404)},
    summary="Record a presentation to the citizen",
)
def add_presentation(request: HttpRequest, payload: PresentationIn, case_id: int = CaseId):
    """The citizen's response to every current element (a disagreement says what it consists of), and the
    hypotheses presented with the citizen's comments (bek. 543/2002 § 7, stk. 8)."""
    case = _write(request, case_id)
    presentation = services.profile_present(
        actor=request.auth,
        case=case,
        presented_on=payload.presented_on,
        method=payload.method,
        notes=payload.notes,
        responses={str(key): answer.model_dump() for key, answer in payload.responses.items()},
        hypothesis_comments=payload.hypothesis_comments,
    )
    return Status(201, presentation)


@router.post(
    "/{case_id}/profile/responses/{response_id}/decision",
    response={201: DisagreementDecisionOut, **errors(400, 403, 404)},
    summary="Decide on a disagreement",
)
def decide(request: HttpRequest, payload: DecisionIn, case_id: int = CaseId, response_id: int = ResponseId):
    """Keep the description and assessment (with a professional explanation, also shown to the citizen), or
    record that the element was amended (save the amended version first)."""
    case = _write(request, case_id)
    presentations = selectors.presentations(selectors.profile_for(case))
    response = next((r for p in presentations for r in p.responses.all() if r.pk == response_id), None)
    if response is None:
        raise NotFound
    decision = services.disagreement_decide(
        actor=request.auth, case=case, response=response, outcome=payload.outcome, explanation=payload.explanation
    )
    return Status(201, decision)
