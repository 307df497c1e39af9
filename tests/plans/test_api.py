"""The plans API: the plan (current, history, save, stale 409), activities (list, create, change, end), the order,
reports and carrying a finding; the rules as 400s naming the field; need-to-know (Carol 403 on writes, Charlie
404); bad input as 422, never a 500."""

import json
from datetime import timedelta

import pytest

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry
from evne.plans.models import Activity, ActivityOrder, PlanRevision, ProviderReport
from evne.profiles.models import ElementVersion
from tests.api.conftest import basic

from .conftest import TODAY, goal, order_values

BASE = "/api/cases/{case}"


def url(case, path=""):
    return BASE.format(case=case.pk) + path


def post(client, path, body, method="post"):
    return getattr(client, method)(path, json.dumps(body, default=str), content_type="application/json")


@pytest.fixture
def api(client, alice):
    client.force_login(alice)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def plan_body(base_version=0, **over):
    body = {"base_version": base_version, "means": "Praktik og mentor.", "goals": [goal()],
            "agreed_with_citizen_on": None}  # fmt: skip
    body.update(over)
    return body


def activity_body(**over):
    body = {"type": "mentor", "provider": "Mentorhuset", "goal_ids": ["g1"], "start_on": TODAY().isoformat(),
            "planned_end_on": (TODAY() + timedelta(days=30)).isoformat(), "hours_per_week": 4}  # fmt: skip
    body.update(over)
    return body


def report_body(**over):
    body = {"report_date": TODAY().isoformat(), "author": "Jens Lager", "result_vs_purpose": "Målet er nået.",
            "actual_content": "6 uger.", "functional_capacity": "Kan stå 2 timer.", "citizen_participated": True,
            "citizen_agreement": "agrees",
            "resources_by_element": [{"element": "social_competences", "text": "Samarbejder godt."}]}  # fmt: skip
    body.update(over)
    return body


def test_it_saves_and_reads_the_plan_with_its_prompt(api, case, profile, save):
    assert api.get(url(case, "/plan")).json()["current"] is None
    response = post(api, url(case, "/plan"), plan_body(goals=[goal(), goal("g11", parent_id="g1")]))
    assert response.status_code == 201, response.json()
    assert [g["label"] for g in response.json()["goals"]] == ["1", "1.1"]
    save(element="health", base_version=1, reason="Ny attest", facts=[])
    state = api.get(url(case, "/plan")).json()
    assert state["current"]["number"] == 1 and state["agreed"] is False
    assert [r["element"] for r in state["revision_prompt"]] == ["health"] and "changed" in state["prompt"]
    assert post(api, url(case, "/plan"), plan_body(1, reason="Profilen ændret")).status_code == 201
    assert [p["number"] for p in api.get(url(case, "/plan/versions")).json()] == [2, 1]
    assert api.get(url(case, "/plan/versions/1")).json()["profile_versions"] == {"labour_market_experience": 1,
                                                                                 "health": 1}  # fmt: skip
    assert api.get(url(case, "/plan/versions/9")).status_code == 404
    assert AccessLogEntry.objects.filter(case=case, channel=AccessChannel.API, action=AccessAction.CASE).exists()


def test_it_answers_a_stale_plan_save_with_409_and_the_changes(api, case, plan, bob, client):
    assert post(api, url(case, "/plan"), plan_body(1, reason="Alice", means="Alices midler.")).status_code == 201
    response = post(api, url(case, "/plan"), plan_body(1, reason="Igen", means="Forældet."))
    assert response.status_code == 409
    assert response.json()["changes"]["means"]["current"] == "Alices midler."
    assert PlanRevision.objects.count() == 2


def test_it_refuses_plan_rules_with_400_naming_the_field(api, case, profile):
    response = post(api, url(case, "/plan"), plan_body(goals=[goal(elements=["interests"])]))
    assert response.status_code == 400 and response.json()["field"] == "goals.0"
    response = post(api, url(case, "/plan"), plan_body(goals=[goal(elements=[])]))
    assert response.status_code == 400
    response = post(api, url(case, "/plan"), plan_body(agreed_with_citizen_on=(TODAY() + timedelta(days=1))))
    assert response.json()["field"] == "agreed_with_citizen_on"


def test_it_refuses_bad_plan_input_with_422(api, case, profile):
    for body in (plan_body(goals=[{**goal(), "builds_on": "luck"}]), plan_body(colour="red"),
                 plan_body(goals=[{**goal(), "element_keys": ["salary"]}]), plan_body(base_version=-1)):  # fmt: skip
        assert post(api, url(case, "/plan"), body).status_code == 422


def test_it_creates_lists_changes_and_ends_activities(api, case, plan):
    types = api.get(url(case, "/activity-types")).json()
    assert {"code": "virksomhedspraktik", "name_da": "Virksomhedspraktik", "name_en": "Work placement",
            "company_based": True} in types  # fmt: skip
    response = post(api, url(case, "/activities"), activity_body())
    assert response.status_code == 201, response.json()
    activity = response.json()
    assert activity["type"]["code"] == "mentor" and activity["order"] is None and activity["version"] == 1
    assert [a["id"] for a in api.get(url(case, "/activities")).json()] == [activity["id"]]
    path = url(case, f"/activities/{activity['id']}")
    response = post(api, path, {"version": 1, "hours_per_week": "6"}, method="patch")
    assert response.status_code == 200 and response.json()["hours_per_week"] == "6.0"
    assert post(api, path, {"version": 1, "provider": "X"}, method="patch").status_code == 409
    assert post(api, path, {"version": 2, "hours_per_week": 38}, method="patch").json()["field"] == "hours_per_week"
    end = {"version": 2, "actual_end_on": TODAY().isoformat(), "outcome": "God effekt.", "end_reason": "completed"}
    response = post(api, path + "/end", end)
    assert response.status_code == 400 and response.json()["field"] == "accommodation_respected"
    response = post(api, path + "/end", {**end, "accommodation_respected": "yes"})
    assert response.status_code == 200 and response.json()["actual_end_on"] == TODAY().isoformat()


def test_it_refuses_a_company_placement_without_its_order_and_takes_it_with_one(api, case, plan):
    body = activity_body(type="virksomhedspraktik")
    response = post(api, url(case, "/activities"), body)
    assert response.status_code == 400 and response.json()["field"] == "start_on"
    response = post(api, url(case, "/activities"), {**body, "order": order_values(follow_up_plan="")})
    assert response.status_code == 400 and response.json()["field"] == "order.follow_up_plan"
    assert not Activity.objects.exists()
    response = post(api, url(case, "/activities"), {**body, "order": order_values()})
    assert response.status_code == 201 and response.json()["order"]["number"] == 1


def test_it_writes_and_reads_the_order(api, case, activity):
    path = url(case, f"/activities/{activity.pk}/order")
    assert api.get(path).status_code == 404
    assert post(api, path, {"base_version": 0, **order_values()}).status_code == 201
    response = post(api, path, {"base_version": 0, **order_values()})
    assert response.status_code == 409
    response = post(api, path, {"base_version": 1, **order_values(observe="")})
    assert response.status_code == 400 and response.json()["field"] == "observe"
    assert post(api, path, {"base_version": 1, **order_values(element_keys=["salary"])}).status_code == 422
    assert api.get(path).json()["number"] == 1
    assert [o["number"] for o in api.get(path + "s").json()] == [1]


def test_it_refuses_an_order_for_an_activity_without_a_goal(api, case, make_activity):
    unlinked = make_activity(goal_ids=[])
    response = post(api, url(case, f"/activities/{unlinked.pk}/order"), {"base_version": 0, **order_values()})
    assert response.status_code == 400 and response.json()["field"] == "goal_ids"
    assert not ActivityOrder.objects.exists()


def test_it_records_reports_and_refuses_a_disagreement_without_content(api, case, ordered):
    path = url(case, f"/activities/{ordered.pk}/reports")
    response = post(api, path, report_body(citizen_agreement="partly"))
    assert response.status_code == 400 and response.json()["field"] == "citizen_disagreement"
    assert post(api, path, report_body(citizen_participated=None)).status_code == 422
    response = post(api, path, report_body(citizen_agreement="partly", citizen_disagreement="Kan mere."))
    assert response.status_code == 201
    assert response.json()["citizen_agreement_label"] == "Agrees in part"
    assert [r["id"] for r in api.get(url(case, "/reports")).json()] == [ProviderReport.objects.get().pk]


def test_it_carries_a_finding_into_the_profile(api, case, report):
    path = url(case, f"/reports/{report.pk}/carry")
    response = post(api, path, {"element": "health", "text": "Kan stå 2 timer ad gangen."})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"] == 2 and body["facts"][-1]["source_kind"] == "provider_report"
    assert body["accommodation_needs"] == "Ingen tunge løft."
    assert ElementVersion.objects.filter(element="health").count() == 2
    assert post(api, path, {"element": "health", "text": ""}).status_code == 400
    assert post(api, url(case, "/reports/999999/carry"), {"element": "health", "text": "x"}).status_code == 404


def test_it_lets_carol_read_but_answers_403_on_every_write(client, carol, case, report):
    client.force_login(carol)
    activity = report.activity
    assert client.get(url(case, "/plan")).status_code == 200
    assert client.get(url(case, "/activities")).status_code == 200
    assert client.get(url(case, "/reports")).status_code == 200
    writes = [("/plan", plan_body(1, reason="x"), "post"), ("/activities", activity_body(), "post"),
              (f"/activities/{activity.pk}", {"version": 1, "provider": "x"}, "patch"),
              (f"/activities/{activity.pk}/end", {"version": 1, "actual_end_on": TODAY().isoformat(),
                                                   "outcome": "x", "end_reason": "completed"}, "post"),
              (f"/activities/{activity.pk}/order", {"base_version": 1, **order_values()}, "post"),
              (f"/activities/{activity.pk}/reports", report_body(), "post"),
              (f"/reports/{report.pk}/carry", {"element": "health", "text": "x"}, "post")]  # fmt: skip
    for path, body, method in writes:
        assert post(client, url(case, path), body, method=method).status_code == 403, path
    assert PlanRevision.objects.count() == 1 and ProviderReport.objects.count() == 1


def test_it_answers_404_to_charlie(client, charlie, case, report):
    client.force_login(charlie)
    for path in ("/plan", "/plan/versions", "/activities", f"/activities/{report.activity_id}", "/reports"):
        assert client.get(url(case, path)).status_code == 404, path
    response = post(client, url(case, f"/reports/{report.pk}/carry"), {"element": "health", "text": "x"})
    assert response.status_code == 404


def test_it_needs_a_login(client, case, plan):
    assert client.get(url(case, "/plan")).status_code == 401
    assert client.get(url(case, "/plan"), **basic("alice")).status_code == 200


def test_it_answers_404_for_an_activity_of_another_case(api, alice, citizen, activity):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                      help_requested_on=TODAY())  # fmt: skip
    assert api.get(url(other, f"/activities/{activity.pk}")).status_code == 404
