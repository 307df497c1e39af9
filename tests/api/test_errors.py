"""Errors are JSON, with readable messages in the reader's language, and bad input never gives a 500."""

import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.api.conftest import basic

LONG = "x" * 201
CASE, NOTES, CITIZEN, SUPPORTERS = (
    "/api/cases/{case}",
    "/api/cases/{case}/notes",
    "/api/citizens/{citizen}",
    "/api/citizens/{citizen}/supporters",
)


def supporter(**fields) -> str:
    return json.dumps({"kind": "companion", "name": "X", "active_from": "2026-01-01", **fields})


def note(**fields) -> str:
    return json.dumps({"kind": "fact", "text": "x", "source": "Samtale", **fields})


def opening(**fields) -> str:
    return json.dumps({"citizen_id": "{citizen}", "pathway": "fleksjob", "benefit": "none", **fields})


BAD_BODIES = [
    # (method, url, raw JSON body, the field a 422 names)
    ("patch", CASE, "{not json", ""),
    ("patch", CASE, "[1, 2]", ""),
    ("patch", CASE, "null", ""),
    ("patch", CASE, '"version"', ""),
    ("patch", CASE, "[" * 100_000, ""),
    ("patch", CASE, "{}", "version"),
    ("patch", CASE, '{"version": "one"}', "version"),
    ("patch", CASE, '{"version": 1.5}', "version"),
    ("patch", CASE, '{"version": 0}', "version"),
    ("patch", CASE, '{"version": 1, "pathway": "månen"}', "pathway"),
    ("patch", CASE, '{"version": 1, "pathway": null}', "pathway"),
    ("patch", CASE, '{"version": 1, "help_requested_on": "2026-02-30"}', "help_requested_on"),
    ("patch", CASE, '{"version": 1, "help_requested_on": "2. marts"}', "help_requested_on"),
    ("patch", CASE, '{"version": 1, "status": "closed"}', "status"),
    ("post", CASE + "/status", '{"status": "finished", "version": 1}', "status"),
    ("post", CASE + "/status", '{"status": "closed"}', "version"),
    ("post", CASE + "/caseworker", '{"caseworker": "bob", "version": 1}', "caseworker"),
    ("post", CASE + "/caseworker", '{"caseworker": 99999999999999999999999, "version": 1}', "caseworker"),
    ("post", NOTES, '{"text": "Uden art."}', "kind"),
    ("post", NOTES, note(kind="rumour"), "kind"),
    ("post", NOTES, note(text=42), "text"),
    ("post", NOTES, note(text="a\u0000b"), "text"),
    ("post", NOTES, '{"kind": "fact", "text": "a\\ud800b", "source": "Samtale"}', "text"),
    ("post", NOTES, note(source=LONG), "source"),
    ("post", NOTES, note(corrects=-1), "corrects"),
    ("post", "/api/cases", opening(), "help_requested_on"),
    ("post", "/api/cases", opening(help_requested_on="2025-01-01", citizen_id="x"), "citizen_id"),
    ("post", "/api/cases", '{"citizen_id": 1e400, "pathway": "fleksjob", "benefit": "none"}', "citizen_id"),
    ("post", "/api/citizens", '{"cpr": "0101801234"}', "first_name"),
    ("post", "/api/citizens", '{"cpr": 101801234, "first_name": "A", "last_name": "B"}', "cpr"),
    ("post", "/api/citizens", '{"cpr": "0101801234", "first_name": "A\\u0000", "last_name": "B"}', "first_name"),
    ("patch", CITIZEN, '{"version": 1, "email": ["a@b.dk"]}', "email"),
    ("patch", CITIZEN, '{"version": 1, "cpr": "0202020202"}', "cpr"),
    ("post", SUPPORTERS, supporter(kind="friend"), "kind"),
    ("post", SUPPORTERS, '{"kind": "companion", "name": "X"}', "active_from"),
    ("post", SUPPORTERS, supporter(name=LONG), "name"),
    ("post", SUPPORTERS, supporter(phone="1" * 21), "phone"),
    ("post", SUPPORTERS, supporter(email="a@" + "b" * 260 + ".dk"), "email"),
    ("post", SUPPORTERS, supporter(power_of_attorney_on="i går"), "power_of_attorney_on"),
]


@pytest.mark.parametrize(("method", "url", "raw", "field"), BAD_BODIES)
def test_it_answers_422_json_naming_the_field_to_bad_input(api_client, alice, case, method, url, raw, field):
    ids = {"case": case.pk, "citizen": case.citizen_id}
    raw = raw.replace('"{citizen}"', str(case.citizen_id))

    response = getattr(api_client(alice), method)(url.format(**ids), raw, content_type="application/json")

    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"].startswith("The request")
    assert field in [e["field"] for e in body["errors"]]
    assert all(e["message"] for e in body["errors"])
    case.refresh_from_db()
    assert case.version == 1
    assert case.notes.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/cases/abc",
        "/api/cases/0",
        "/api/cases/99999999999999999999",
        "/api/citizens/-1",
        "/api/cases?page=0",
        "/api/citizens?page=x",
    ],
)
def test_it_answers_422_to_bad_path_and_query_parameters(api_client, alice, url):
    response = api_client(alice).get(url)

    assert response.status_code == 422
    assert response.json()["errors"]


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/cases/search", {}),
        ("/api/cases/search", {"q": "x" * 101}),
        ("/api/cases/search", {"q": "\x00"}),
        ("/api/citizens/search", {"q": "a\x00b"}),
        ("/api/citizens/search", {"q": "a", "page": 10_001}),
        ("/api/citizens/search", {"q": "a", "cpr": "0101801234"}),
    ],
)
def test_it_answers_422_to_a_bad_search(api_client, alice, url, body):
    response = api_client(alice).post(url, body, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["errors"]


def test_it_reads_malformed_json_as_422_with_a_readable_message(api_client, alice, case):
    response = api_client(alice).post(f"/api/cases/{case.pk}/notes", "kind=fact&text=x", content_type="text/plain")

    assert response.status_code == 422
    assert response.json()["detail"] == "The request body is not valid JSON."


def test_it_names_every_problem_in_one_answer(api_client, alice, case):
    response = api_client(alice).patch(
        f"/api/cases/{case.pk}", {"pathway": "x", "benefit": "y", "extra": 1}, content_type="application/json"
    )

    errors = response.json()["errors"]
    assert {e["field"]: e["type"] for e in errors} == {
        "version": "missing",
        "pathway": "enum",
        "benefit": "enum",
        "extra": "extra_forbidden",
    }
    assert "This field is required." in response.json()["detail"]


def test_it_refuses_a_body_too_large_with_413(api_client, alice, case):
    huge = json.dumps({"kind": "fact", "text": "x" * 3_000_000})

    response = api_client(alice).post(f"/api/cases/{case.pk}/notes", huge, content_type="application/json")

    assert response.status_code == 413
    assert response.json()["detail"]


def test_it_refuses_a_note_longer_than_the_limit_with_400(api_client, alice, case):
    response = api_client(alice).post(
        f"/api/cases/{case.pk}/notes", {"kind": "fact", "text": "x" * 20_001}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["field"] == "text"


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("patch", "/api/cases/{case}", {"version": 1, "pathway": "fleksjob"}),
        ("post", "/api/cases/{case}/status", {"status": "closed", "version": 1}),
        ("post", "/api/cases/{case}/caseworker", {"caseworker": "bob", "version": 1}),
    ],
)
def test_it_refuses_a_stale_case_version_with_409_and_changes_nothing(api_client, alice, bob, case, method, url, body):
    client = api_client(alice)
    assert (
        client.patch(
            f"/api/cases/{case.pk}", {"version": 1, "benefit": "sygedagpenge"}, content_type="application/json"
        ).json()["version"]
        == 2
    )
    body = {k: (bob.pk if v == "bob" else v) for k, v in body.items()}

    response = getattr(client, method)(url.format(case=case.pk), body, content_type="application/json")

    assert response.status_code == 409
    answer = response.json()
    assert answer["detail"].startswith("Someone else changed the case")
    assert isinstance(answer["changes"], dict)
    case.refresh_from_db()
    assert (case.version, case.pathway, case.status, case.caseworker) == (2, "ressourceforlob", "open", alice)


def test_it_refuses_a_stale_citizen_version_with_409_and_changes_nothing(api_client, alice, citizen):
    client = api_client(alice)
    url = f"/api/citizens/{citizen.pk}"
    client.patch(url, {"version": 1, "phone": "11111111"}, content_type="application/json")

    response = client.patch(url, {"version": 1, "phone": "22222222"}, content_type="application/json")

    assert response.status_code == 409
    assert response.json()["detail"].startswith("Someone else changed the citizen")
    citizen.refresh_from_db()
    assert (citizen.version, citizen.phone) == (2, "11111111")


def test_it_answers_unknown_paths_with_404_json(api_client, alice):
    response = api_client(alice).get("/api/no/such/thing")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_it_answers_an_unsupported_method_with_405_json(api_client, alice, case):
    response = api_client(alice).delete(f"/api/cases/{case.pk}")

    assert response.status_code == 405
    assert response.json() == {"detail": "Method not allowed."}
    assert set(response["Allow"].split(", ")) == {"GET", "PATCH"}


def test_it_answers_in_danish_by_default(client, alice, case):
    response = client.patch(f"/api/cases/{case.pk}", {}, content_type="application/json", **basic("alice"))

    with translation.override("da"):
        required = gettext("This field is required.")
    assert required != "This field is required."  # Django's own Danish catalogue has this one
    assert response.json()["errors"][0]["message"] == required
    assert response["Content-Language"] == "da"


def test_it_answers_in_english_when_asked(client, alice, case):
    response = client.patch(
        f"/api/cases/{case.pk}", {}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en", **basic("alice")
    )

    assert response.json()["errors"][0]["message"] == "This field is required."
    assert response["Content-Language"] == "en"
