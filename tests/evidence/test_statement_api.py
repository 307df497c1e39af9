"""Statement conclusions and the treatment history over the API: create and list, revisions and stale numbers
(409), the rules as 400s naming the field, strict input as 422s, another team's writes (403) and another
municipality (404)."""

from datetime import date

import pytest

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry
from evne.cases.services import case_open
from evne.evidence.models import StatementConclusions, Treatment, TreatmentStatus
from evne.evidence.services import document_register
from evne.evidence.statements import treatment_record
from tests.api.conftest import basic

from .conftest import days_ago

BASE = "/api/cases/{case}"


def url(case, tail: str) -> str:
    return BASE.format(case=case.pk) + tail


def post(client, path, body, **extra):
    return client.post(path, body, content_type="application/json", **extra)


@pytest.fixture
def api(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def statement(alice, case):
    return document_register(actor=alice, case=case, kind="clinical_function", title="Klinisk funktion, udtalelse",
                             document_date=days_ago(20), author="Region Evnekøbing, klinisk funktion",
                             received_on=days_ago(10), summary="Kroniske smerter; varig nedsættelse.")  # fmt: skip


def body(**overrides) -> dict:
    values = {
        "author_role": "clinical_function", "stated_on": days_ago(20).isoformat(),
        "examined_on": days_ago(22).isoformat(), "conditions": "Kroniske smerter", "icd10_code": "R52.2",
        "prognosis": "permanent", "hours_per_week": 8.5, "development_view": "no",
        "development_quote": "Der er ikke yderligere udviklingsmuligheder.",
        "work_ability_view": "permanently_substantially_reduced",
        "treatments": [{"description": "Smertehåndteringskursus", "expected_effect": "quality_of_life"}],
    }  # fmt: skip
    values.update(overrides)
    return values


def test_it_records_and_lists_conclusions_with_their_treatment(api, alice, case, statement):
    client = api(alice)
    response = post(client, url(case, f"/documents/{statement.pk}/conclusions"), body(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["number"] == 1 and data["hours_per_week"] == "8.50" and data["icd10_code"] == "R52.2"
    assert data["work_ability_view_label"] == "Permanently and substantially reduced"
    assert data["author_role_label"] == "The region's clinical function (klinisk funktion)"
    revised = post(client, url(case, f"/documents/{statement.pk}/conclusions"),
                   body(expected_number=1, reason="Timetallet var 8.", hours_per_week=8, treatments=[]))  # fmt: skip
    assert revised.status_code == 201, revised.content
    listed = client.get(url(case, f"/documents/{statement.pk}/conclusions")).json()
    assert [c["number"] for c in listed] == [2, 1]
    treatments = client.get(url(case, "/treatments"), HTTP_ACCEPT_LANGUAGE="en").json()
    assert len(treatments) == 1
    assert treatments[0]["document_id"] == statement.pk and treatments[0]["status"]["status"] == "planned"
    assert treatments[0]["expected_effect_label"] == "On the quality of life only"
    logged = AccessLogEntry.objects.filter(case=case, channel=AccessChannel.API, action=AccessAction.CASE)
    assert logged.count() == 4


def test_it_answers_409_for_a_stale_number(api, alice, case, statement):
    client = api(alice)
    assert post(client, url(case, f"/documents/{statement.pk}/conclusions"), body()).status_code == 201
    response = post(client, url(case, f"/documents/{statement.pk}/conclusions"), body(reason="x"))
    assert response.status_code == 409
    assert StatementConclusions.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"prognosis": "temporary"}, "prognosis_until"),
        ({"icd10_code": "smerter"}, "icd10_code"),
        ({"development_quote": ""}, "development_quote"),
        ({"agreement": "disagrees"}, "document_ids"),
        ({"document_ids": [999_999], "agreement": "agrees"}, "document_ids"),
        ({"treatments": [{"description": "Fysioterapi", "expected_effect": "unclear", "status": "declined"}]},
         "treatments.0.status_reason"),
        ({"stated_on": "2099-01-01"}, "stated_on"),
    ],
)  # fmt: skip
def test_it_answers_400_naming_the_field(api, alice, case, statement, overrides, field):
    response = post(api(alice), url(case, f"/documents/{statement.pk}/conclusions"), body(**overrides))
    assert response.status_code == 400, response.content
    assert response.json()["field"] == field
    assert not StatementConclusions.objects.exists() and not Treatment.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"author_role": "doctor"}, "author_role"),
        ({"hours_per_week": 81}, "hours_per_week"),
        ({"hours_per_week": "many"}, "hours_per_week"),
        ({"stated_on": "yesterday"}, "stated_on"),
        ({"colour": "blue"}, "colour"),
        ({"treatments": [{"description": "x", "expected_effect": "miracle"}]}, "treatments.0.expected_effect"),
        ({"document_ids": [0]}, "document_ids.0"),
    ],
)
def test_it_answers_422_for_malformed_input(api, alice, case, statement, overrides, field):
    response = post(api(alice), url(case, f"/documents/{statement.pk}/conclusions"), body(**overrides))
    assert response.status_code == 422, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not StatementConclusions.objects.exists()


def test_it_records_a_treatment_and_its_status_history(api, alice, case):
    client = api(alice)
    created = post(client, url(case, "/treatments"), {
        "description": "Smerteklinik", "source": "follow_up", "recommended_by": "Egen læge",
        "recommended_on": days_ago(40).isoformat(), "expected_effect": "work_ability",
    })  # fmt: skip
    assert created.status_code == 201, created.content
    tid = created.json()["id"]
    update = post(client, url(case, f"/treatments/{tid}/status"),
                  {"expected_number": 1, "status": "declined", "status_on": days_ago(3).isoformat(),
                   "reason": "Borgeren ønsker ikke behandling nu."})  # fmt: skip
    assert update.status_code == 201, update.content
    assert [s["status"] for s in update.json()["history"]] == ["planned", "declined"]
    assert update.json()["status"]["number"] == 2
    stale = post(client, url(case, f"/treatments/{tid}/status"),
                 {"expected_number": 1, "status": "ongoing", "status_on": days_ago(1).isoformat()})  # fmt: skip
    assert stale.status_code == 409
    values = {"expected_number": 2, "status": "not_possible", "status_on": days_ago(1).isoformat()}
    no_reason = post(client, url(case, f"/treatments/{tid}/status"), values)
    assert no_reason.status_code == 400 and no_reason.json()["field"] == "reason"
    assert client.get(url(case, f"/treatments/{tid}")).json()["status"]["status"] == "declined"
    assert TreatmentStatus.objects.count() == 2


def test_it_answers_400_for_a_treatment_without_its_recommender_or_with_a_foreign_statement(
    api, alice, citizen, case, statement
):
    client = api(alice)
    values = {"description": "Smerteklinik", "source": "other", "recommended_on": days_ago(40).isoformat(),
              "expected_effect": "work_ability"}  # fmt: skip
    response = post(client, url(case, "/treatments"), values)
    assert response.status_code == 400 and response.json()["field"] == "recommended_by"
    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=date(2026, 1, 5))  # fmt: skip
    response = post(client, url(other, "/treatments"), {**values, "source": "statement", "document_id": statement.pk})
    assert response.status_code == 400 and response.json()["field"] == "document_id"
    response = post(client, url(other, f"/documents/{statement.pk}/conclusions"), body())
    assert response.status_code == 404
    assert not Treatment.objects.exists() and not StatementConclusions.objects.exists()


def test_it_lets_another_team_read_but_answers_403_to_its_writes(api, alice, carol, case, statement):
    treatment = treatment_record(actor=alice, case=case, description="Smerteklinik", source="other",
                                 recommended_by="Egen læge", recommended_on=days_ago(40),
                                 expected_effect="unclear")  # fmt: skip
    client = api(carol)
    for tail in (f"/documents/{statement.pk}/conclusions", "/treatments", f"/treatments/{treatment.pk}"):
        assert client.get(url(case, tail)).status_code == 200, tail
    assert post(client, url(case, f"/documents/{statement.pk}/conclusions"), body()).status_code == 403
    assert post(client, url(case, "/treatments"), {"description": "x", "source": "other", "recommended_by": "y",
                "recommended_on": "2026-01-01", "expected_effect": "unclear"}).status_code == 403  # fmt: skip
    assert post(client, url(case, f"/treatments/{treatment.pk}/status"),
                {"expected_number": 1, "status": "ongoing", "status_on": "2026-01-01"}).status_code == 403  # fmt: skip
    assert not StatementConclusions.objects.exists() and TreatmentStatus.objects.count() == 1


def test_it_answers_404_to_another_municipality(client, charlie, case, statement):
    treatment = treatment_record(actor=case.caseworker, case=case, description="Smerteklinik", source="other",
                                 recommended_by="Egen læge", recommended_on=days_ago(40),
                                 expected_effect="unclear")  # fmt: skip
    auth = basic("charlie")
    for tail in (f"/documents/{statement.pk}/conclusions", "/treatments", f"/treatments/{treatment.pk}"):
        assert client.get(url(case, tail), **auth).status_code == 404, tail
    response = client.post(url(case, f"/documents/{statement.pk}/conclusions"), body(), content_type="application/json",
                           **auth)  # fmt: skip
    assert response.status_code == 404
    response = client.post(url(case, f"/treatments/{treatment.pk}/status"),
                           {"expected_number": 1, "status": "ongoing", "status_on": "2026-01-01"},
                           content_type="application/json", **auth)  # fmt: skip
    assert response.status_code == 404


def test_it_has_unique_schema_names_in_the_openapi_document(api, alice):
    schema = api(alice).get("/api/openapi.json").json()
    names = set(schema["components"]["schemas"])
    assert {"StatementConclusionsIn", "StatementConclusionsOut", "TreatmentIn", "TreatmentOut"} <= names
