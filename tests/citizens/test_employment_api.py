"""The citizen's own work in the API, under the case: record, list, read and change (a stale version is a 409 with
what changed); the rules as 400s naming the field; need-to-know (Carol 403 on writes, Charlie 404); bad input as
422 naming the field."""

import json

import pytest

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry
from evne.cases.models import EventKind
from evne.citizens.models import Employment


def url(case, path=""):
    return f"/api/cases/{case.pk}/employments{path}"


def send(client, path, body, method="post"):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


@pytest.fixture
def api(client, alice):
    client.force_login(alice)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def body(**over):
    values = {"employer": "Bageriet Brød ApS", "job_functions": "Ekspedition.", "kind": "special_terms",
              "hours_per_week": "12.5", "start_on": "2024-02-01", "accommodation": "Ingen tunge løft."}  # fmt: skip
    values.update(over)
    return values


def test_it_records_lists_reads_and_changes_the_citizens_work(api, case, citizen):
    response = send(api, url(case), body())
    assert response.status_code == 201, response.json()
    job = response.json()
    assert job["citizen_id"] == citizen.pk and job["case_id"] == case.pk and job["version"] == 1
    assert job["kind_label"] == "Job on special terms" and job["hours_per_week"] == "12.5" and job["end_on"] is None
    assert [j["id"] for j in api.get(url(case)).json()] == [job["id"]]
    assert api.get(url(case, f"/{job['id']}")).json()["employer"] == "Bageriet Brød ApS"
    response = send(api, url(case, f"/{job['id']}"), {"version": 1, "end_on": "2026-05-31",
                                                      "end_reason": "Opsagt."}, method="patch")  # fmt: skip
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2 and response.json()["end_on"] == "2026-05-31"
    assert case.events.filter(kind=EventKind.OWN_WORK_RECORDED).count() == 2
    assert AccessLogEntry.objects.filter(case=case, channel=AccessChannel.API, action=AccessAction.CASE).exists()


def test_it_answers_a_stale_change_with_409_and_the_changes(api, case):
    job = send(api, url(case), body()).json()
    assert (
        send(api, url(case, f"/{job['id']}"), {"version": 1, "hours_per_week": 20}, method="patch").status_code == 200
    )
    response = send(api, url(case, f"/{job['id']}"), {"version": 1, "hours_per_week": 8}, method="patch")
    assert response.status_code == 409
    assert response.json()["changes"]["hours_per_week"] == {"yours": "12.5", "current": "20.0"}
    assert Employment.objects.get().hours_per_week == 20


@pytest.mark.parametrize(
    ("field", "over"),
    [
        ("hours_per_week", {"hours_per_week": 90}),
        ("accommodation", {"accommodation": ""}),
        ("end_on", {"end_on": "2023-01-01"}),
        ("start_on", {"start_on": "2999-01-01"}),  # in the future on any day the suite runs
        ("employer", {"employer": "  "}),
    ],
)
def test_it_refuses_a_rule_with_400_naming_the_field(api, case, field, over):
    response = send(api, url(case), body(**over))
    assert response.status_code == 400, response.json()
    assert response.json()["field"] == field
    assert not Employment.objects.exists()


@pytest.mark.parametrize(
    ("field", "over"),
    [
        ("kind", {"kind": "flex_job"}),
        ("hours_per_week", {"hours_per_week": "many"}),
        ("start_on", {"start_on": "01-02-2024"}),
        ("employer", {"employer": "x" * 201}),
        ("salary", {"salary": 1}),
    ],
)
def test_it_refuses_bad_input_with_422_naming_the_field(api, case, field, over):
    response = send(api, url(case), body(**over))
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]
    assert not Employment.objects.exists()


def test_it_lets_carol_read_but_answers_403_on_writes(client, api, carol, case):
    job = send(api, url(case), body()).json()
    client.force_login(carol)
    assert client.get(url(case)).status_code == 200
    assert send(client, url(case), body()).status_code == 403
    assert (
        send(client, url(case, f"/{job['id']}"), {"version": 1, "hours_per_week": 1}, method="patch").status_code == 403
    )
    assert Employment.objects.get().version == 1


def test_it_answers_404_to_charlie_and_for_a_job_of_another_citizen(client, api, alice, charlie, case):
    from datetime import date

    from evne.cases.services import case_open
    from evne.citizens.services import citizen_create

    job = send(api, url(case), body()).json()
    other = citizen_create(actor=alice, cpr="020280-1234", first_name="Ole", last_name="Prøve")
    other_case = case_open(actor=alice, citizen=other, pathway="ressourceforlob", benefit="kontanthjaelp",
                           help_requested_on=date(2026, 6, 1))  # fmt: skip
    assert api.get(url(other_case, f"/{job['id']}")).status_code == 404
    assert (
        send(api, url(other_case, f"/{job['id']}"), {"version": 1, "hours_per_week": 1}, method="patch").status_code
        == 404
    )
    client.force_login(charlie)
    assert client.get(url(case)).status_code == 404
    assert send(client, url(case), body()).status_code == 404
    assert client.get(url(case, f"/{job['id']}")).status_code == 404
