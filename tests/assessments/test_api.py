"""The work-ability assessment over the API: list, one, create; the rules as 400s, strict input as 422s,
need-to-know (Carol 403 on writes, Charlie 404), and the access log."""

from datetime import date

import pytest
from django.test import Client

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry, Role
from evne.assessments.models import WorkAbilityAssessment
from evne.cases.models import CaseStatus

from .conftest import job, values

URL = "/api/cases/{case}/assessments"


def client_for(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def body(**overrides) -> dict:
    data = values(**overrides)
    data["assessed_on"] = data["assessed_on"].isoformat()
    return data


def post(user, case, data):
    return client_for(user).post(URL.format(case=case.pk), data, content_type="application/json")


def test_it_creates_an_assessment_and_answers_with_its_basis(alice, case, assessed, document):
    doc = document(case)
    response = post(alice, case, body(document_ids=[doc.pk]))
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["number"], data["conclusion"], data["author"]["id"]) == (1, "can_be_improved", alice.pk)
    assert data["job_functions"] == [{"text": "Lagermedarbejder med let truckkørsel", "can_meet": "yes",
                                      "can_meet_label": "Yes", "note": ""}]  # fmt: skip
    assert [(v["id"], v["element"], v["number"]) for v in data["profile_versions"]] == [
        (assessed.pk, "labour_market_experience", 1)
    ]
    assert [d["id"] for d in data["documents"]] == [doc.pk]
    assert AccessLogEntry.objects.filter(user=alice, case=case, action=AccessAction.CASE,
                                         channel=AccessChannel.API).exists()  # fmt: skip


def test_it_lists_newest_first_and_gets_one(alice, case, make):
    make()
    make(conclusion="not_final")
    listed = client_for(alice).get(URL.format(case=case.pk)).json()
    assert [a["number"] for a in listed] == [2, 1]
    one = client_for(alice).get(URL.format(case=case.pk) + "/1")
    assert one.status_code == 200 and one.json()["conclusion"] == "can_be_improved"
    assert client_for(alice).get(URL.format(case=case.pk) + "/3").status_code == 404


def test_it_answers_a_broken_rule_with_400_and_the_field(alice, case, assessed):
    response = post(alice, case, body(job_functions=[]))
    assert response.status_code == 400
    assert response.json()["field"] == "job_functions"
    response = post(alice, case, body(conclusion="flex_job_level"))
    assert (response.status_code, response.json()["field"]) == (400, "development_exhausted")
    assert not WorkAbilityAssessment.objects.exists()


def test_it_applies_the_stop_rule(alice, case, assessed):
    assert post(alice, case, body(conclusion="sufficient", job_functions=[job()])).status_code == 201
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_DECISION


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"author": "Lægekonsulent Hansen"}, "author"),  # R38: there is no external author to record
        ({"conclusion": "pension"}, "conclusion"),
        ({"assessed_on": "1. april"}, "assessed_on"),
        ({"job_functions": [{"text": "Lager", "can_meet": "perhaps"}]}, "job_functions.0.can_meet"),
        ({"reasons": None}, "reasons"),
    ],
)
def test_it_refuses_malformed_input_with_422(alice, case, assessed, change, field):
    response = post(alice, case, {**body(), **change})
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]


def test_it_refuses_a_missing_part_with_422(alice, case, assessed):
    data = body()
    del data["restitution"]
    response = post(alice, case, data)
    assert response.status_code == 422
    assert "restitution" in [e["field"] for e in response.json()["errors"]]


def test_it_lets_carol_read_but_not_create(carol, case, make):
    make()
    assert client_for(carol).get(URL.format(case=case.pk)).status_code == 200
    assert post(carol, case, body()).status_code == 403
    assert WorkAbilityAssessment.objects.count() == 1


def test_it_hides_the_case_from_charlie(charlie, case, make):
    make()
    assert client_for(charlie).get(URL.format(case=case.pk)).status_code == 404
    assert client_for(charlie).get(URL.format(case=case.pk) + "/1").status_code == 404
    assert post(charlie, case, body()).status_code == 404


def test_it_lets_an_auditor_read_but_not_create(make_user, team_a, case, make):
    dora = make_user("dora", Role.AUDITOR, team_a)
    make()
    assert client_for(dora).get(URL.format(case=case.pk) + "/1").status_code == 200
    assert post(dora, case, body()).status_code == 403


def test_it_needs_a_login(case, make):
    make()
    assert Client().get(URL.format(case=case.pk)).status_code == 401


def test_it_dates_nothing_in_the_future(alice, case, assessed):
    response = post(alice, case, body(assessed_on=date(2999, 1, 1)))
    assert (response.status_code, response.json()["field"]) == (400, "assessed_on")
