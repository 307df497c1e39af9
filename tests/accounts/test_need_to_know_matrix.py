"""The need-to-know matrix, generated: every URL of the web UI (walked from Django's URL resolver) and every operation
of the OpenAPI document, as every role, on records of every scope (tests/population.py: a case on the rehabilitation
team's agenda, one of the user's own team, one of another team, one of another municipality).

Each URL and operation is classified below with what it is (a case page, a change to a case, a list, a search …);
the expected access of each role to each scope is written out in READ and WRITE. A URL or operation missing from the
tables fails `test_every_url_and_operation_is_classified`, naming it — so a new view or list cannot arrive without
its cell in the matrix. Every answer is checked twice:

- the status: a case the role may not read is "not found" (404, its existence not disclosed); one it may read but not
  change is 403 on a change; nothing is 5xx; a refused change leaves the timeline as it was;
- the content: no name or CPR number of a citizen outside the user's need-to-know appears in any answer — lists,
  searches (GET and a POSTed form) and exports included, since a list's rows are not links the replay would follow.
"""

import re
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from evne.api.api import api
from evne.cases.models import Case, TimelineEvent
from tests.population import SCOPES, USERS, resolve

pytestmark = pytest.mark.django_db

# --- the expected access, written out ------------------------------------------------------------------------------

T, F = True, False
# role → scope → may read the case (and its citizen)
READ = {
    "caseworker": {"agenda": T, "own_team": T, "other_team": T, "other_municipality": F},
    "team_leader": {"agenda": T, "own_team": T, "other_team": T, "other_municipality": F},
    "rehab_member": {"agenda": T, "own_team": F, "other_team": F, "other_municipality": F},  # agenda only (0007)
    "auditor": {"agenda": T, "own_team": T, "other_team": T, "other_municipality": F},
    "administrator": {"agenda": F, "own_team": F, "other_team": F, "other_municipality": F},
    "other_municipality": {"agenda": F, "own_team": F, "other_team": F, "other_municipality": T},
}
# role → scope → may change the case
WRITE = {
    "caseworker": {"agenda": T, "own_team": T, "other_team": F, "other_municipality": F},
    "team_leader": {"agenda": T, "own_team": T, "other_team": F, "other_municipality": F},
    "rehab_member": {"agenda": F, "own_team": F, "other_team": F, "other_municipality": F},
    "auditor": {"agenda": F, "own_team": F, "other_team": F, "other_municipality": F},
    "administrator": {"agenda": F, "own_team": F, "other_team": F, "other_municipality": F},
    "other_municipality": {"agenda": F, "own_team": F, "other_team": F, "other_municipality": T},
}
# The rehabilitation team's meetings: read by the municipality's case roles (members only, for a rehab member);
# managed by the team's members and the team leaders (reform/access.py).
TEAM_READ = {"caseworker", "team_leader", "rehab_member", "auditor"}
TEAM_WRITE = {"team_leader", "rehab_member"}
# Who may read a citizen's access log (who has seen my case): team leaders and lawyers/auditors.
LOG_READ = {"team_leader", "auditor"}
CREATE = {"caseworker", "team_leader", "other_municipality"}
# The scopes that tell each role's cells apart (the others repeat one of these).
ROLE_SCOPES = {
    "caseworker": ("agenda", "other_team", "other_municipality"),
    "team_leader": ("own_team", "other_team", "other_municipality"),
    "rehab_member": ("agenda", "own_team", "other_municipality"),
    "auditor": ("own_team", "other_municipality"),
    "administrator": ("own_team", "other_municipality"),
    "other_municipality": ("own_team", "other_municipality"),
}

# --- what each URL and operation is --------------------------------------------------------------------------------

R = "case page"  # reads one case's data: GET
W = "case change"  # changes a case: POST (a GET shows the form at most)
CR = "citizen page"
CW = "citizen change"
LOG = "access log"
LOG_SEARCH = "access-log search"  # the municipality's access log, searched: readers only, content checked
TR = "rehab team page"
TW = "rehab team change"
AW = "agenda change"  # taking a case off a meeting: the team's members or the case's writers (the service decides)
LIST = "list"  # lists many citizens' cases: content checked
SEARCH = "search"  # finds citizens by name or CPR: GET and POSTed form, content checked
CREATE_ = "create"
PUBLIC = "no personal data"
OWN = "own account"  # the user's own settings (API tokens): no citizen data; another's token is not found

WEB = {
    "web:evidence_consents": R,
    "web:evidence_requests": R,
    "web:evidence_request_create": W,
    "web:evidence_request_send": W,
    "web:evidence_request_answer": W,
    "web:evidence_request_cancel": W,
    "web:evidence_documents": R,
    "web:evidence_document_download": R,
    "web:evidence_document": R,
    "web:evidence_conclusions": W,
    "web:evidence_treatments": R,
    "web:evidence_treatment_status": W,
    "web:plans_plan": R,
    "web:plans_plan_edit": W,
    "web:plans_activities": R,
    "web:plans_activity_create": W,
    "web:plans_activity": R,
    "web:plans_activity_edit": W,
    "web:plans_activity_end": W,
    "web:plans_order": W,
    "web:plans_report_create": W,
    "web:plans_report_carry": W,
    "web:plans_trial_period_create": W,
    "web:assessments_list": R,
    "web:assessments_create": W,
    "web:assessments_detail": R,
    "web:reform": R,
    "web:reform_plan_edit": W,
    "web:reform_plan": R,
    "web:reform_refer": W,
    "web:reform_depart": W,
    "web:reform_pension": W,
    "web:reform_course": W,
    "web:reform_action_part": W,
    "web:reform_course_end": W,
    "web:reform_follow_up": W,
    "web:reform_clarification": W,
    "web:reform_clarification_end": W,
    "web:reform_visitation": W,
    "web:reform_flex_job": W,
    "web:reform_ledighedsydelse": W,
    "web:reform_flex_job_end": W,
    "web:reform_ledighedsydelse_end": W,
    "web:rehab_teams": LIST,
    "web:rehab_team": TR,
    "web:rehab_meeting": TR,
    "web:rehab_attendance": TW,
    "web:rehab_recommend": TW,
    "web:rehab_agenda_remove": AW,
    "web:follow_ups": R,
    "web:follow_ups_create": W,
    "web:employment_create": W,
    "web:employment_edit": W,
    "web:decisions_applications": W,
    "web:decisions_application_withdraw": W,
    "web:decisions_list": R,
    "web:decisions_create": W,
    "web:decisions_delay_notice": W,
    "web:decisions_reasons_request": W,
    "web:decisions_reasons_answer": W,
    "web:decisions_detail": R,
    "web:decisions_edit": W,
    "web:decisions_hearing": W,
    "web:decisions_hearing_answer": W,
    "web:decisions_issue": W,
    "web:decisions_complaint_create": W,
    "web:decisions_complaint": R,
    "web:decisions_complaint_reconsider": W,
    "web:decisions_complaint_forward": W,
    "web:decisions_complaint_outcome": W,
    "web:decisions_file_access": W,
    "web:decisions_file_access_hand_out": W,
    "web:worklist": LIST,
    "web:search": SEARCH,
    "web:rules": PUBLIC,
    "web:api_tokens": OWN,
    "web:api_token_revoke": OWN,
    "web:plans_order_pdf": R,
    "web:plans_plan_pdf": R,
    "web:citizen_create": CREATE_,
    "web:citizen_detail": CR,
    "web:citizen_access_log": LOG,
    "web:access_log": LOG_SEARCH,
    "dataops:citizen_export": LOG,  # the citizen's copy of their data (art. 15): the access log's readers
    "web:citizen_edit": CW,
    "web:supporter_create": CW,
    "web:case_create": CW,
    "web:case_detail": R,
    "web:case_edit": W,
    "web:case_status": W,
    "web:case_assign": W,
    "web:note_create": W,
    "web:prompt_answer": W,
    "web:profile": R,
    "web:profile_pdf": R,
    "web:profile_involvement": W,
    "web:profile_hypothesis": W,
    "web:profile_present": W,
    "web:profile_decide": W,
    "web:profile_element": W,
    "web:profile_history": R,
    "login": PUBLIC,
    "logout": PUBLIC,
    "set_language": PUBLIC,
}
API = {
    "GET /api/cases/mine": LIST,
    "GET /api/cases": LIST,
    "POST /api/cases/search": SEARCH,
    "POST /api/cases": CREATE_,
    "GET /api/cases/{case_id}": R,
    "PATCH /api/cases/{case_id}": W,
    "POST /api/cases/{case_id}/status": W,
    "POST /api/cases/{case_id}/caseworker": W,
    "GET /api/cases/{case_id}/timeline": R,
    "GET /api/cases/{case_id}/notes": R,
    "POST /api/cases/{case_id}/notes": W,
    "GET /api/cases/{case_id}/follow-ups": R,
    "POST /api/cases/{case_id}/follow-ups": W,
    "GET /api/citizens": LIST,
    "POST /api/citizens/search": SEARCH,
    "POST /api/citizens": CREATE_,
    "GET /api/citizens/{citizen_id}": CR,
    "PATCH /api/citizens/{citizen_id}": CW,
    "GET /api/citizens/{citizen_id}/supporters": CR,
    "POST /api/citizens/{citizen_id}/supporters": CW,
    "GET /api/citizens/{citizen_id}/cases": CR,
    "GET /api/cases/{case_id}/profile": R,
    "GET /api/cases/{case_id}/profile/elements/{element}": R,
    "POST /api/cases/{case_id}/profile/elements/{element}": W,
    "GET /api/cases/{case_id}/profile/elements/{element}/versions": R,
    "GET /api/cases/{case_id}/profile/elements/{element}/versions/{number}": R,
    "GET /api/cases/{case_id}/profile/elements/{element}/compare": R,
    "GET /api/cases/{case_id}/profile/presentations": R,
    "POST /api/cases/{case_id}/profile/presentations": W,
    "POST /api/cases/{case_id}/profile/involvement": W,
    "POST /api/cases/{case_id}/profile/hypotheses": W,
    "POST /api/cases/{case_id}/profile/responses/{response_id}/decision": W,
    "GET /api/cases/{case_id}/consents": R,
    "POST /api/cases/{case_id}/consents": W,
    "GET /api/cases/{case_id}/requests": R,
    "POST /api/cases/{case_id}/requests": W,
    "POST /api/cases/{case_id}/requests/{request_id}/send": W,
    "POST /api/cases/{case_id}/requests/{request_id}/answer": W,
    "POST /api/cases/{case_id}/requests/{request_id}/cancel": W,
    "GET /api/cases/{case_id}/documents": R,
    "POST /api/cases/{case_id}/documents": W,
    "GET /api/cases/{case_id}/documents/{document_id}/file": R,
    "GET /api/cases/{case_id}/documents/{document_id}/conclusions": R,
    "POST /api/cases/{case_id}/documents/{document_id}/conclusions": W,
    "GET /api/cases/{case_id}/treatments": R,
    "POST /api/cases/{case_id}/treatments": W,
    "GET /api/cases/{case_id}/treatments/{treatment_id}": R,
    "POST /api/cases/{case_id}/treatments/{treatment_id}/status": W,
    "GET /api/cases/{case_id}/plan": R,
    "POST /api/cases/{case_id}/plan": W,
    "GET /api/cases/{case_id}/plan/versions": R,
    "GET /api/cases/{case_id}/plan/versions/{number}": R,
    "GET /api/cases/{case_id}/activity-types": R,
    "GET /api/cases/{case_id}/activities": R,
    "POST /api/cases/{case_id}/activities": W,
    "GET /api/cases/{case_id}/activities/{activity_id}": R,
    "PATCH /api/cases/{case_id}/activities/{activity_id}": W,
    "POST /api/cases/{case_id}/activities/{activity_id}/end": W,
    "GET /api/cases/{case_id}/activities/{activity_id}/order": R,
    "POST /api/cases/{case_id}/activities/{activity_id}/order": W,
    "GET /api/cases/{case_id}/activities/{activity_id}/orders": R,
    "GET /api/cases/{case_id}/reports": R,
    "POST /api/cases/{case_id}/activities/{activity_id}/reports": W,
    "POST /api/cases/{case_id}/reports/{report_id}/carry": W,
    "GET /api/cases/{case_id}/activities/{activity_id}/trial-periods": R,
    "POST /api/cases/{case_id}/activities/{activity_id}/trial-periods": W,
    "GET /api/cases/{case_id}/employments": R,
    "POST /api/cases/{case_id}/employments": W,
    "GET /api/cases/{case_id}/employments/{employment_id}": R,
    "PATCH /api/cases/{case_id}/employments/{employment_id}": W,
    "GET /api/cases/{case_id}/assessments": R,
    "POST /api/cases/{case_id}/assessments": W,
    "GET /api/cases/{case_id}/assessments/{number}": R,
    "GET /api/cases/{case_id}/applications": R,
    "POST /api/cases/{case_id}/applications": W,
    "POST /api/cases/{case_id}/applications/{application_id}/withdrawal": W,
    "GET /api/cases/{case_id}/decisions": R,
    "POST /api/cases/{case_id}/decisions": W,
    "GET /api/cases/{case_id}/decisions/{number}": R,
    "PATCH /api/cases/{case_id}/decisions/{number}": W,
    "POST /api/cases/{case_id}/decisions/{number}/hearing": W,
    "POST /api/cases/{case_id}/decisions/{number}/hearing/{hearing_id}/answer": W,
    "POST /api/cases/{case_id}/decisions/{number}/issue": W,
    "GET /api/cases/{case_id}/complaints": R,
    "POST /api/cases/{case_id}/decisions/{number}/complaints": W,
    "POST /api/cases/{case_id}/complaints/{complaint_id}/reconsideration": W,
    "POST /api/cases/{case_id}/complaints/{complaint_id}/forward": W,
    "POST /api/cases/{case_id}/complaints/{complaint_id}/appeal-outcome": W,
    "GET /api/cases/{case_id}/file-access": R,
    "POST /api/cases/{case_id}/file-access": W,
    "POST /api/cases/{case_id}/file-access/{request_id}/hand-out": W,
    "GET /api/cases/{case_id}/delay-notices": R,
    "POST /api/cases/{case_id}/delay-notices": W,
    "GET /api/cases/{case_id}/reasons-requests": R,
    "POST /api/cases/{case_id}/reasons-requests": W,
    "POST /api/cases/{case_id}/reasons-requests/{request_id}/answer": W,
    "GET /api/cases/{case_id}/rehab-plans": R,
    "POST /api/cases/{case_id}/rehab-plans": W,
    "GET /api/cases/{case_id}/rehab-team": R,
    "POST /api/cases/{case_id}/rehab-team/referrals": W,
    "POST /api/cases/{case_id}/rehab-team/recommendations/{recommendation_id}/departure": W,
    "POST /api/cases/{case_id}/pension-transfer": W,
    "POST /api/cases/{case_id}/resource-courses": W,
    "GET /api/cases/{case_id}/resource-courses": R,
    "POST /api/cases/{case_id}/resource-courses/{course_id}/end": W,
    "PUT /api/cases/{case_id}/resource-courses/{course_id}/action-part": W,
    "GET /api/cases/{case_id}/resource-courses/{course_id}/follow-ups": R,
    "POST /api/cases/{case_id}/resource-courses/{course_id}/follow-ups": W,
    "GET /api/cases/{case_id}/job-clarification-courses": R,
    "POST /api/cases/{case_id}/job-clarification-courses": W,
    "POST /api/cases/{case_id}/job-clarification-courses/{course_id}/end": W,
    "GET /api/cases/{case_id}/fleksjob-visitations": R,
    "POST /api/cases/{case_id}/fleksjob-visitations": W,
    "GET /api/cases/{case_id}/flex-jobs": R,
    "POST /api/cases/{case_id}/flex-jobs": W,
    "POST /api/cases/{case_id}/flex-jobs/{job_id}/end": W,
    "GET /api/cases/{case_id}/ledighedsydelse-periods": R,
    "POST /api/cases/{case_id}/ledighedsydelse-periods": W,
    "POST /api/cases/{case_id}/ledighedsydelse-periods/{period_id}/end": W,
    "GET /api/rehab/meetings/{meeting_id}": TR,
    "POST /api/rehab/teams/{team_id}/meetings": TW,
    "PUT /api/rehab/meetings/{meeting_id}/minutes": TW,
    "POST /api/rehab/meetings/{meeting_id}/items/{item_id}/attendance": TW,
    "POST /api/rehab/meetings/{meeting_id}/items/{item_id}/recommendation": TW,
}
# API routes outside the document: its own document and viewer, and the JSON 404 for unknown paths.
API_OTHER = {"api:openapi-json", "api:openapi-view", "api:api-root", "None"}
# Routes whose record the demo population does not hold (no complaint, file-access request … in the demo): checked
# with a made-up record id under a real case (404 for everyone, nothing shown). Populating them is future work.
UNPOPULATED = {
    "GET /api/cases/{case_id}/employments/{employment_id}",
    "GET /api/cases/{case_id}/resource-courses/{course_id}/follow-ups",
    "PATCH /api/cases/{case_id}/employments/{employment_id}",
    "POST /api/cases/{case_id}/file-access/{request_id}/hand-out",
    "POST /api/cases/{case_id}/job-clarification-courses/{course_id}/end",
    "POST /api/cases/{case_id}/reasons-requests/{request_id}/answer",
    "POST /api/cases/{case_id}/resource-courses/{course_id}/end",
    "POST /api/cases/{case_id}/resource-courses/{course_id}/follow-ups",
    "PUT /api/cases/{case_id}/resource-courses/{course_id}/action-part",
    "web:decisions_file_access_hand_out",
    "web:decisions_reasons_answer",
    "web:employment_edit",
    "web:reform_action_part",
    "web:reform_clarification_end",
    "web:reform_course_end",
    "web:reform_follow_up",
}
# Reads that may find nothing for a reader: a document registered without a file has nothing to download.
MAY_BE_EMPTY = {
    "web:evidence_document_download",
    "GET /api/cases/{case_id}/documents/{document_id}/file",
    "web:plans_plan_pdf",
}  # a case with no action plan has no plan to print

# Cells that leak on this branch, with the reason; strict, so the suite says when the fix lands.
KNOWN_LEAKS: dict[tuple[str, str], str] = {}


# --- the routes, as Django and the OpenAPI document know them --------------------------------------------------------


def _walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), (f"{namespace}:" if namespace else "") + str(p.name)


ROUTES = [(route, name) for route, name in _walk(get_resolver().url_patterns) if not route.startswith("admin/")]
WEB_ROUTES = {name: route for route, name in ROUTES if not route.startswith("api/")}
OPERATIONS = {f"{method.upper()} {path}" for path, ops in api.get_openapi_schema()["paths"].items() for method in ops}
KINDS = {**WEB, **API}


def test_every_url_and_operation_is_classified():
    unclassified = sorted(set(WEB_ROUTES) - set(WEB)) + sorted(OPERATIONS - set(API))
    assert not unclassified, f"classify these in tests/accounts/test_need_to_know_matrix.py: {unclassified}"
    stale = sorted(set(WEB) - set(WEB_ROUTES)) + sorted(set(API) - OPERATIONS)
    assert not stale, f"no longer routes: {stale}"
    documented = {re.sub(r"\{(\w+)\}", r"<\1>", op.split(" ", 1)[1]).lstrip("/") for op in OPERATIONS}
    undocumented = [
        name for route, name in ROUTES if route.startswith("api/") and route not in documented and name not in API_OTHER
    ]
    assert not undocumented, f"API routes outside the OpenAPI document: {undocumented}"


def test_the_admin_site_shows_no_citizen_or_case_data():
    from django.contrib import admin

    apps = {model._meta.app_label for model in admin.site._registry}
    assert not apps & {"citizens", "cases", "evidence", "profiles", "assessments"}, apps


# --- one cell: a role and a URL ---------------------------------------------------------------------------------------


def _url(key: str, values: dict) -> tuple[str, str]:
    """(method, url) for a web route name or an API operation key."""
    if key in WEB_ROUTES:
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), WEB_ROUTES[key])
        return "", path
    method, path = key.split(" ", 1)
    return method, re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), path)


DOCUMENT = api.get_openapi_schema()


def _minimal(schema: dict):
    """The smallest value the schema accepts (required fields only), so that a request passes validation and reaches
    the access gate instead of stopping at 422."""
    if "$ref" in schema:
        return _minimal(DOCUMENT["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return _minimal(next(s for s in schema[key] if s.get("type") != "null"))
    if "enum" in schema:
        return schema["enum"][0]
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _minimal(props[k]) for k in schema.get("required", []) if props[k].get("format") != "binary"}
    if kind == "string":
        return {"date": "2026-06-01", "date-time": "2026-06-01T10:00:00+02:00"}.get(fmt, "Matrix")
    if kind in ("integer", "number"):
        return max(schema.get("minimum", 1), 1)
    if kind == "boolean":
        return False
    if kind == "array":
        return [_minimal(schema["items"])] * schema.get("minItems", 0)
    return None


def _operation_request(key: str) -> tuple[dict, dict | None, str]:
    """(required query, minimal body, its media type) of an API operation."""
    method, path = key.split(" ", 1)
    operation = DOCUMENT["paths"][path][method.lower()]
    query = {p["name"]: _minimal(p["schema"]) for p in operation.get("parameters", []) if p["in"] == "query"
             and p.get("required")}  # fmt: skip
    content = operation.get("requestBody", {}).get("content", {})
    for media_type, spec in content.items():
        return query, _minimal(spec["schema"]), media_type
    return query, None, ""


def _route(key: str) -> str:
    return WEB_ROUTES[key] if key in WEB_ROUTES else key.split(" ", 1)[1]


def _forbidden(population, role: str) -> list[str]:
    """Names and CPR numbers of the citizens outside the role's need-to-know (never shared with a visible one)."""
    cache = population.__dict__.setdefault("forbidden", {})
    if role not in cache:
        seen, hidden = set(), set()
        for scope in SCOPES:
            for case in population.cases_in(scope).select_related("citizen"):
                c = case.citizen
                words = {c.full_name, c.cpr, c.cpr_formatted, c.cpr_masked}
                (seen if READ[role][scope] else hidden).update(words)
        cache[role] = sorted(hidden - seen)
    return cache[role]


class Cell:
    def __init__(self, client: Client, role: str, key: str, population):
        self.client, self.role, self.key, self.population = client, role, key, population
        self.problems: list[str] = []
        self.forbidden = _forbidden(population, role)

    def request(self, method: str, url: str, *, data=None, expect=None, unchanged: bool = False):
        before = TimelineEvent.objects.count() if unchanged else None
        if url.startswith("/api/") and method and data is None:
            query, body, media_type = _operation_request(self.key)
            if query:
                url = f"{url}?{urlencode(query)}"
            if method != "GET":
                data = body if body is not None else {}
        else:
            media_type = ""
        if method in ("", "GET"):
            response = self.client.get(url, data or {})
        elif url.startswith("/api/") and media_type != "multipart/form-data":
            response = getattr(self.client, method.lower())(url, data or {}, content_type="application/json")
        else:
            response = self.client.post(url, data or {})
        status = response.status_code
        label = f"{method or 'GET'} {url}"
        if status >= 500:
            self.problems.append(f"{label}: {status}")
        elif expect is not None and status not in expect:
            self.problems.append(f"{label}: {status}, expected {sorted(expect)}")
        if unchanged and TimelineEvent.objects.count() != before:
            self.problems.append(f"{label}: a refused change wrote to the timeline")
        if status == 200 and not response.get("Content-Type", "").startswith("application/pdf"):
            body = response.content.decode("utf-8", "replace")
            if data and data.get("q"):
                body = body.replace(str(data["q"]), "")  # the query typed, shown back to its typist: not a leak
            leaked = [w for w in self.forbidden if w in body]
            if leaked:
                self.problems.append(f"{label}: shows {len(leaked)} names/CPR outside need-to-know, e.g. {leaked[0]!r}")
        return response


OK = {HTTPStatus.OK}
FOUND = {HTTPStatus.OK, HTTPStatus.FOUND}
HIDDEN = {HTTPStatus.NOT_FOUND}
REFUSED = {HTTPStatus.FORBIDDEN}
NOT_REFUSED = set(range(200, 500)) - {403, 404, 405}
GET_OF_A_CHANGE = {200, 302, 403, 405}  # the form, the refusal, or POST only


def _unreadable(cell: Cell, method: str, url: str) -> None:
    """A record the role may not read must be answered exactly as one that does not exist (404, or a refusal by role
    that comes before any lookup), so its existence is not disclosed."""
    ghost = re.sub(r"/\d+/", "/999999/", url, count=1) if re.search(r"/\d+/", url) else re.sub(r"/\d+$", "/999999", url)
    answer = cell.request(method, ghost, expect=HIDDEN | REFUSED | {405})
    cell.request(method, url, expect={answer.status_code}, unchanged=True)


def _check_bound(cell: Cell, kind: str, method: str, url: str, role: str, scope: str) -> None:
    """A URL of one case's (or citizen's, team's) record."""
    readable = READ[role][scope]
    if kind in (TR, TW, AW):
        readable = ((scope == "other_municipality") == (role == "other_municipality")) and role in TEAM_READ
    change = kind in (W, CW, TW, AW)
    if change and method in ("", "GET") and not cell.key.startswith("GET "):
        # A web change: GET shows the form at most; the change itself is a POST.
        if readable:
            cell.request("", url, expect=GET_OF_A_CHANGE)
        else:
            _unreadable(cell, "", url)
        method = "POST"
    if not readable:
        _unreadable(cell, method, url)
    elif kind in (R, CR, TR):
        cell.request(method, url, expect=OK | (HIDDEN if cell.key in MAY_BE_EMPTY else set()))
    elif kind == LOG:  # the citizen's access log: the search, opened on that citizen
        cell.request(method, url, expect=OK | {HTTPStatus.FOUND} if role in LOG_READ else REFUSED)
    elif kind == AW:  # done, or refused with the reason (a redirect with a message), or refused outright
        cell.request(method, url, expect={HTTPStatus.FOUND, HTTPStatus.FORBIDDEN})
    else:
        writable = WRITE[role][scope] if kind != TW else role in TEAM_WRITE
        cell.request(method, url, expect=NOT_REFUSED if writable else REFUSED, unchanged=not writable)


def _made_up(route: str, population, scope: str) -> dict:
    from tests.population import path_parameters

    case_id = min(population.scope_cases[scope])
    return {name: (case_id if name == "case_id" else 999_999) for _, name in path_parameters(route)}


def _queries(cell: Cell) -> list[str]:
    """What a curious user would type: a letter, and the name and CPR of a citizen outside their need-to-know."""
    hidden = [w for w in cell.forbidden if " " in w][:1] + [w for w in cell.forbidden if w.isdigit()][:1]
    return ["e", *(w.split(" ")[-1] for w in hidden if " " in w), *(w for w in hidden if w.isdigit())]


CELLS = [
    pytest.param(
        role,
        key,
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_LEAKS[(role, key)])] if (role, key) in KNOWN_LEAKS else [],
        id=f"{role}-{key}",
    )
    for role in USERS
    for key in sorted(KINDS)
]


@pytest.mark.parametrize(("role", "key"), CELLS)
def test_need_to_know_holds_for_every_url_and_role(demo_population, role, key):
    population = demo_population
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    client.force_login(population.users[role])
    cell = Cell(client, role, key, population)
    kind = KINDS[key]
    route = _route(key)

    if kind in (R, W, CR, CW, LOG, TR, TW, AW):
        tried = 0
        for scope in ROLE_SCOPES[role]:
            values = resolve(route, population, scope)
            if values is None:
                continue
            method, url = _url(key, values)
            _check_bound(cell, kind, method, url, role, scope)
            tried += 1
        if not tried:  # none in the role's telling scopes: a record of any scope, with that scope's expectation
            for scope in SCOPES:
                values = resolve(route, population, scope)
                if values is not None:
                    method, url = _url(key, values)
                    _check_bound(cell, kind, method, url, role, scope)
                    tried += 1
                    break
        if not tried:  # the population has no such record: the role's cases with a made-up id for the record,
            # so the gate is still asked (a stranger's 404 must not differ from a reader's), and the content checked
            assert key in UNPOPULATED, f"{key}: no record in the population; add one or list it in UNPOPULATED"
            for scope in ROLE_SCOPES[role]:
                values = _made_up(route, population, scope)
                method, url = _url(key, values)
                if READ[role][scope]:  # the case is readable; the record is not there
                    cell.request(method, url, expect=REFUSED | HIDDEN | {405})
                else:
                    _unreadable(cell, method, url)
    elif key in UNPOPULATED:
        pytest.fail(f"{key} is listed in UNPOPULATED but needs no record")
    elif kind == SEARCH:
        method, url = _url(key, {})
        for q in _queries(cell):
            if url.startswith("/api/"):  # the API searches by POST with a JSON body
                cell.request(method, url, data={"q": q})
            else:  # the form posts the query; one in the URL (never a name: 15.4) must find nothing
                if q == "e":
                    cell.request("GET", url, data={"q": q})
                cell.request("POST", url, data={"q": q})
    elif kind == LIST:
        method, url = _url(key, {})
        cell.request(method or "GET", url)
    elif kind == OWN:
        from tests.population import path_parameters

        names = [name for _, name in path_parameters(route)]
        method, url = _url(key, dict.fromkeys(names, 999_999))
        if names:  # a record of someone else's (or no one's): not found, and nothing changed
            cell.request("POST", url, expect=HIDDEN | REFUSED, unchanged=True)
        else:
            cell.request("GET", url, expect=None)
    elif kind == LOG_SEARCH:
        method, url = _url(key, {})
        cell.request(method or "GET", url, expect=OK if role in LOG_READ else REFUSED)
    elif kind == CREATE_:
        method, url = _url(key, {})
        cell.request(method if method else "GET", url, expect=None)
    else:
        method, url = _url(key, {})
        if method in ("", "GET") and "logout" not in url:
            cell.request("GET", url)

    assert not cell.problems, "\n".join(cell.problems)


def test_every_scope_has_a_case_page_to_open(demo_population):
    """The matrix is only as good as its population: each scope holds cases, and the rehab member's agenda case is
    one of their team's."""
    assert all(demo_population.scope_cases[s] for s in SCOPES)
    agenda_case = Case.objects.get(pk=min(demo_population.scope_cases["agenda"]))
    assert agenda_case.rehab_agenda_items.exists()
