"""The reform pathways over the API: the plan (201, 409 stale), referral, recommendation, departure and the
must-present-again flag, strict input (422), need-to-know (403 for another team, 404 for another municipality)."""

import json
from datetime import date, timedelta

from django.test import Client
from django.utils import timezone

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry
from evne.reform.models import RehabMeeting

from .conftest import CONTENT, FLEX


def api(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def post(user, url, data):
    return api(user).post(url, json.dumps(data), content_type="application/json")


def test_it_saves_the_plan_and_refuses_a_stale_version(alice, bob, flex_case, lae_265):
    url = f"/api/cases/{flex_case.pk}/rehab-plans"
    body = {**CONTENT, "base_version": 0, "gp_basis": "lae_265", "gp_document_id": lae_265.pk,
            "citizen_accepted_on": "2026-03-05"}  # fmt: skip
    response = post(alice, url, body)
    assert response.status_code == 201, response.content
    assert response.json()["number"] == 1
    assert post(bob, url, {**body, "base_version": 1, "reason": "Ny LÆ"}).status_code == 201
    stale = post(alice, url, {**body, "base_version": 1, "reason": "Min"})
    assert stale.status_code == 409
    assert [p["number"] for p in api(alice).get(url).json()] == [2, 1]
    assert AccessLogEntry.objects.filter(user=alice, case=flex_case, channel=AccessChannel.API,
                                         action=AccessAction.CASE).exists()  # fmt: skip


def test_it_answers_a_missing_part_with_the_field(alice, flex_case, lae_265):
    body = {**CONTENT, "wishes": "", "base_version": 0, "gp_basis": "lae_265", "gp_document_id": lae_265.pk}
    response = post(alice, f"/api/cases/{flex_case.pk}/rehab-plans", body)
    assert response.status_code == 400
    assert response.json()["field"] == "wishes"
    unknown = post(alice, f"/api/cases/{flex_case.pk}/rehab-plans", {**body, "wishes": "x", "score": 3})
    assert unknown.status_code == 422
    assert flex_case.rehab_plans.count() == 0


def test_it_refers_recommends_departs_and_flags_the_case_back(alice, rita, flex_case, meeting):
    held_on = meeting.held_on
    RehabMeeting.objects.filter(pk=meeting.pk).update(held_on=timezone.localdate() + timedelta(days=7))
    refer = post(alice, f"/api/cases/{flex_case.pk}/rehab-team/referrals", {"meeting_id": meeting.pk})
    assert refer.status_code == 201, refer.content
    RehabMeeting.objects.filter(pk=meeting.pk).update(held_on=held_on)  # time passes: the meeting is held
    item_id = refer.json()["item_id"]
    url = f"/api/rehab/meetings/{meeting.pk}/items/{item_id}/recommendation"
    unnamed = post(rita, url, {"kind": "postponement"})
    assert unnamed.status_code == 422
    assert {e["field"] for e in unnamed.json()["errors"]} == {"presented_for", "reasons"}
    bad = post(rita, url, {"kind": "postponement", "presented_for": "fleksjob", "reasons": "Uafklaret."})
    assert bad.status_code == 400
    assert bad.json()["field"] == "postponement_reason"
    rec = post(rita, f"/api/rehab/meetings/{meeting.pk}/items/{item_id}/recommendation", {"kind": "fleksjob", **FLEX})
    assert rec.status_code == 201, rec.content
    team = api(alice).get(f"/api/cases/{flex_case.pk}/rehab-team").json()
    assert team["must_present_again"] is False
    assert team["presentations"][0]["recommendation"]["kind"] == "fleksjob"
    departed = post(
        alice,
        f"/api/cases/{flex_case.pk}/rehab-team/recommendations/{rec.json()['id']}/departure",
        {"departed_on": timezone.localdate().isoformat(), "reason": "Ressourceforløb først."},
    )
    assert departed.status_code == 201, departed.content
    assert api(alice).get(f"/api/cases/{flex_case.pk}/rehab-team").json()["must_present_again"] is True
    meeting_json = api(rita).get(f"/api/rehab/meetings/{meeting.pk}").json()
    assert meeting_json["agenda"][0]["recommendation_kind"] == "fleksjob"


def test_it_keeps_need_to_know(alice, carol, charlie, rita, flex_case, meeting, item):
    assert post(carol, f"/api/cases/{flex_case.pk}/pension-transfer",
                {"transferred_on": "2026-03-01"}).status_code == 403  # fmt: skip
    assert api(charlie).get(f"/api/cases/{flex_case.pk}/rehab-team").status_code == 404
    assert api(charlie).get(f"/api/rehab/meetings/{meeting.pk}").status_code == 404
    assert post(alice, f"/api/rehab/meetings/{meeting.pk}/items/{item.pk}/recommendation",
                {"kind": "fleksjob", **FLEX}).status_code == 403  # fmt: skip
    assert api(rita).get(f"/api/cases/{flex_case.pk}/rehab-team").status_code == 200  # on her team's agenda


def test_it_records_transfer_course_and_visitation(alice, flex_case):
    base = f"/api/cases/{flex_case.pk}"
    assert (
        post(
            alice, f"{base}/pension-transfer", {"transferred_on": "2026-03-01", "citizen_told_on": "2026-03-02"}
        ).status_code
        == 201
    )
    course = post(
        alice,
        f"{base}/resource-courses",
        {"start_on": "2026-01-01", "end_on": "2032-01-01", "coordinating_caseworker_id": alice.pk},
    )
    assert course.status_code == 400
    assert course.json()["field"] == "end_on"
    assert (
        post(
            alice,
            f"{base}/resource-courses",
            {"start_on": "2026-01-01", "end_on": "2028-01-01", "coordinating_caseworker_id": alice.pk},
        ).status_code
        == 201
    )
    visit = {
        "visited_on": "2026-03-01",
        "permanently_reduced": True,
        "measures_tried": True,
        "work_functions": "Kontormedhjælp",
        "hours_per_week": "8",
    }
    assert post(alice, f"{base}/fleksjob-visitations", visit).status_code == 201
    assert post(alice, f"{base}/fleksjob-visitations", {**visit, "hours_per_week": "0"}).status_code == 422


def test_the_team_creates_a_meeting_records_attendance_and_minutes_with_version_checks(alice, rita, rehab_team,
                                                                                        flex_case):  # fmt: skip
    created = post(rita, f"/api/rehab/teams/{rehab_team.pk}/meetings", {"held_on": "2026-03-10"})
    assert created.status_code == 201, created.content
    meeting_id = created.json()["id"]
    assert post(alice, f"/api/rehab/teams/{rehab_team.pk}/meetings", {"held_on": "2026-03-10"}).status_code == 403
    RehabMeeting.objects.filter(pk=meeting_id).update(held_on=timezone.localdate() + timedelta(days=7))
    item_id = post(alice, f"/api/cases/{flex_case.pk}/rehab-team/referrals", {"meeting_id": meeting_id}).json()[
        "item_id"]  # fmt: skip
    RehabMeeting.objects.filter(pk=meeting_id).update(held_on=date(2026, 3, 10))  # the meeting is held
    url = f"/api/rehab/meetings/{meeting_id}/items/{item_id}/attendance"
    ok = post(rita, url, {"version": 1, "citizen_present": True, "caseworker_present": True})
    assert ok.status_code == 200 and ok.json()["citizen_present"] is True
    assert post(rita, url, {"version": 1, "citizen_present": False, "caseworker_present": True}).status_code == 409
    minutes = api(rita).put(
        f"/api/rehab/meetings/{meeting_id}/minutes",
        json.dumps({"version": 1, "minutes": "Referat."}),
        content_type="application/json",
    )
    assert minutes.status_code == 200 and minutes.json()["minutes"] == "Referat."


def test_it_ends_a_course_with_a_version_check(alice, flex_case):
    course = post(
        alice,
        f"/api/cases/{flex_case.pk}/resource-courses",
        {"start_on": "2026-01-01", "end_on": "2028-01-01", "coordinating_caseworker_id": alice.pk},
    ).json()
    url = f"/api/cases/{flex_case.pk}/resource-courses/{course['id']}/end"
    body = {"version": 1, "ended_on": "2026-03-01", "outcome": "new_course", "still_in_target_group": True}
    assert post(alice, url, body).status_code == 200
    assert post(alice, url, body).status_code == 409
