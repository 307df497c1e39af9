"""Authentication: a login is needed everywhere — a session (with CSRF on writes) or HTTP Basic."""

import base64

from django.test import Client

from evne.api.api import api
from tests.api.conftest import basic
from tests.conftest import PASSWORD


def _operations():
    """Every (method, path) of the API, from its own OpenAPI document."""
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method in methods:
            yield method, path


def test_it_answers_401_json_to_anonymous_requests_on_every_endpoint(db, case):
    anonymous = Client()
    seen = []
    for method, path in _operations():
        url = path.replace("{case_id}", str(case.pk)).replace("{citizen_id}", str(case.citizen_id))
        response = getattr(anonymous, method)(url, {}, content_type="application/json")
        assert response.status_code == 401, (method, url, response.content)
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"]
        seen.append((method, path))
    assert len(seen) == 124  # every operation of the API, counted from its own document


def test_it_accepts_http_basic_with_the_django_username_and_password(client, alice, case):
    response = client.get(f"/api/cases/{case.pk}", **basic("alice"))

    assert response.status_code == 200
    assert response.json()["number"] == case.number


def test_it_refuses_a_wrong_password(client, alice, case):
    response = client.get(f"/api/cases/{case.pk}", **basic("alice", "not-her-password"))

    assert response.status_code == 401
    assert "WWW-Authenticate" not in response  # no browser password prompt (see evne.api.auth)


def test_it_refuses_a_malformed_authorization_header(client, alice, case):
    response = client.get(f"/api/cases/{case.pk}", HTTP_AUTHORIZATION="Basic ***not base64***")

    assert response.status_code == 401


def test_it_refuses_an_inactive_user(client, alice, case):
    alice.is_active = False
    alice.save()

    assert client.get(f"/api/cases/{case.pk}", **basic("alice")).status_code == 401


def test_it_accepts_the_session_of_a_logged_in_user(client, alice, case):
    client.force_login(alice)

    assert client.get(f"/api/cases/{case.pk}").status_code == 200


def test_it_refuses_a_session_write_without_the_csrf_token(alice, case):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)

    response = browser.post(
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": "x", "source": "Samtale"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert case.notes.count() == 0


def test_it_accepts_a_session_write_with_the_csrf_token(alice, case):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    browser.get("/api/docs")  # any page that sets the csrftoken cookie
    token = browser.cookies["csrftoken"].value

    response = browser.post(
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": "Borgeren ringede.", "source": "Samtale"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )

    assert response.status_code == 201


def test_it_needs_no_csrf_token_with_basic_auth(alice, case):
    script = Client(enforce_csrf_checks=True)

    response = script.post(
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": "Importeret.", "source": "Samtale"},
        content_type="application/json",
        **basic("alice"),
    )

    assert response.status_code == 201


def test_it_answers_401_not_a_csrf_error_to_an_anonymous_write(case):
    response = Client(enforce_csrf_checks=True).post(
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": "x", "source": "Samtale"},
        content_type="application/json",
    )

    assert response.status_code == 401


def test_it_serves_the_openapi_document_with_every_path(client, alice):
    client.force_login(alice)

    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Evne API"
    assert set(document["paths"]) == {
        "/api/cases",
        "/api/cases/mine",
        "/api/cases/search",
        "/api/citizens/search",
        "/api/cases/{case_id}",
        "/api/cases/{case_id}/activities",
        "/api/cases/{case_id}/activities/{activity_id}",
        "/api/cases/{case_id}/activities/{activity_id}/end",
        "/api/cases/{case_id}/activities/{activity_id}/order",
        "/api/cases/{case_id}/activities/{activity_id}/orders",
        "/api/cases/{case_id}/activities/{activity_id}/reports",
        "/api/cases/{case_id}/activities/{activity_id}/trial-periods",
        "/api/cases/{case_id}/activity-types",
        "/api/cases/{case_id}/assessments",
        "/api/cases/{case_id}/assessments/{number}",
        "/api/cases/{case_id}/caseworker",
        "/api/cases/{case_id}/consents",
        "/api/cases/{case_id}/documents",
        "/api/cases/{case_id}/documents/{document_id}/file",
        "/api/cases/{case_id}/documents/{document_id}/conclusions",
        "/api/cases/{case_id}/employments",
        "/api/cases/{case_id}/employments/{employment_id}",
        "/api/cases/{case_id}/follow-ups",
        "/api/cases/{case_id}/notes",
        "/api/cases/{case_id}/plan",
        "/api/cases/{case_id}/plan/versions",
        "/api/cases/{case_id}/plan/versions/{number}",
        "/api/cases/{case_id}/profile",
        "/api/cases/{case_id}/profile/elements/{element}",
        "/api/cases/{case_id}/profile/elements/{element}/compare",
        "/api/cases/{case_id}/profile/elements/{element}/versions",
        "/api/cases/{case_id}/profile/elements/{element}/versions/{number}",
        "/api/cases/{case_id}/profile/hypotheses",
        "/api/cases/{case_id}/profile/involvement",
        "/api/cases/{case_id}/profile/presentations",
        "/api/cases/{case_id}/profile/responses/{response_id}/decision",
        "/api/cases/{case_id}/rehab-plans",
        "/api/cases/{case_id}/rehab-team",
        "/api/cases/{case_id}/rehab-team/referrals",
        "/api/cases/{case_id}/rehab-team/recommendations/{recommendation_id}/departure",
        "/api/cases/{case_id}/pension-transfer",
        "/api/cases/{case_id}/resource-courses",
        "/api/cases/{case_id}/resource-courses/{course_id}/end",
        "/api/cases/{case_id}/resource-courses/{course_id}/action-part",
        "/api/cases/{case_id}/resource-courses/{course_id}/follow-ups",
        "/api/cases/{case_id}/job-clarification-courses",
        "/api/cases/{case_id}/job-clarification-courses/{course_id}/end",
        "/api/cases/{case_id}/fleksjob-visitations",
        "/api/cases/{case_id}/flex-jobs",
        "/api/cases/{case_id}/flex-jobs/{job_id}/end",
        "/api/cases/{case_id}/ledighedsydelse-periods",
        "/api/cases/{case_id}/ledighedsydelse-periods/{period_id}/end",
        "/api/cases/{case_id}/reports",
        "/api/cases/{case_id}/reports/{report_id}/carry",
        "/api/cases/{case_id}/requests",
        "/api/cases/{case_id}/requests/{request_id}/answer",
        "/api/cases/{case_id}/requests/{request_id}/cancel",
        "/api/cases/{case_id}/requests/{request_id}/send",
        "/api/cases/{case_id}/status",
        "/api/cases/{case_id}/timeline",
        "/api/cases/{case_id}/treatments",
        "/api/cases/{case_id}/treatments/{treatment_id}",
        "/api/cases/{case_id}/treatments/{treatment_id}/status",
        "/api/citizens",
        "/api/cases/{case_id}/complaints",
        "/api/cases/{case_id}/complaints/{complaint_id}/appeal-outcome",
        "/api/cases/{case_id}/complaints/{complaint_id}/forward",
        "/api/cases/{case_id}/complaints/{complaint_id}/reconsideration",
        "/api/cases/{case_id}/applications",
        "/api/cases/{case_id}/applications/{application_id}/withdrawal",
        "/api/cases/{case_id}/decisions",
        "/api/cases/{case_id}/decisions/{number}",
        "/api/cases/{case_id}/decisions/{number}/complaints",
        "/api/cases/{case_id}/decisions/{number}/hearing",
        "/api/cases/{case_id}/decisions/{number}/hearing/{hearing_id}/answer",
        "/api/cases/{case_id}/decisions/{number}/issue",
        "/api/cases/{case_id}/file-access",
        "/api/cases/{case_id}/file-access/{request_id}/hand-out",
        "/api/cases/{case_id}/delay-notices",
        "/api/cases/{case_id}/reasons-requests",
        "/api/cases/{case_id}/reasons-requests/{request_id}/answer",
        "/api/citizens/{citizen_id}",
        "/api/citizens/{citizen_id}/cases",
        "/api/citizens/{citizen_id}/supporters",
        "/api/rehab/meetings/{meeting_id}",
        "/api/rehab/meetings/{meeting_id}/minutes",
        "/api/rehab/meetings/{meeting_id}/items/{item_id}/attendance",
        "/api/rehab/teams/{team_id}/meetings",
        "/api/rehab/meetings/{meeting_id}/items/{item_id}/recommendation",
    }
    assert set(document["components"]["securitySchemes"]) == {"BearerAuth", "BasicAuth", "SessionAuth"}


def test_it_serves_the_openapi_document_to_a_script_with_basic_auth(client, alice):
    assert client.get("/api/openapi.json", **basic("alice")).status_code == 200


def test_it_serves_the_api_docs_page_to_a_logged_in_user(client, alice):
    client.force_login(alice)

    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_it_hides_the_openapi_document_from_anonymous_users(client, db):
    response = client.get("/api/openapi.json")

    assert response.status_code == 401
    assert response.json()["detail"]


def test_it_sends_an_anonymous_person_from_the_docs_page_to_the_login(client, db):
    response = client.get("/api/docs")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_refuses_a_username_with_a_nul_character_without_crashing(client, alice, case):
    token = base64.b64encode(b"ali\x00ce:" + PASSWORD.encode()).decode()

    response = client.get(f"/api/cases/{case.pk}", HTTP_AUTHORIZATION=f"Basic {token}")

    assert response.status_code == 401
