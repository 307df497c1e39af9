"""The pathway records over the API (issue 7, the part that was UI-only): the ressourceforløb's follow-ups, action
part and end, the jobafklaringsforløb, the flex job with its end and the ledighedsydelse periods. For each: success,
bad input (a 4xx naming the field, nothing written), another municipality (404) and a read-only user (403)."""

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry, Role
from evne.cases.models import EventKind
from evne.reform import services
from evne.reform.models import CourseFollowUp, FlexJob, FlexJobEnd, UnemploymentPeriod, UnemploymentPeriodEnd

TODAY = timezone.localdate
TOMORROW = "<in two days>"  # resolved in the test, on the test's (frozen) clock
TODAY_ISO = "<today>"


def _on_the_clock(body: dict) -> dict:
    days = {TODAY_ISO: 0, TOMORROW: 2}
    return {k: (timezone.localdate() + timedelta(days=days[v])).isoformat() if v in days else v
            for k, v in body.items()}  # fmt: skip


def api(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def post(user, url, data, method="post"):
    return getattr(api(user), method)(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def auditor(make_user, kommune):
    return make_user("jurist", Role.AUDITOR, None, municipality=kommune)


@pytest.fixture
def course(alice, flex_case):
    start = TODAY() - timedelta(days=60)
    return services.course_grant(actor=alice, case=flex_case, start_on=start, end_on=start.replace(year=start.year + 2),
                                 coordinating_caseworker=alice)  # fmt: skip


@pytest.fixture
def job(alice, flex_case):
    return services.flex_job_record(actor=alice, case=flex_case, employer="Lagerhuset A/S",
                                    start_on=TODAY() - timedelta(days=30), hours_per_week="12",
                                    accommodation="Pauser hver time.")  # fmt: skip


@pytest.fixture
def period(alice, flex_case):
    return services.ledighedsydelse_record(actor=alice, case=flex_case, start_on=TODAY() - timedelta(days=20))


# --- ressourceforløb ------------------------------------------------------------------------------------------


def test_it_lists_courses_and_records_follow_ups(alice, flex_case, course):
    base = f"/api/cases/{flex_case.pk}/resource-courses"
    listed = api(alice).get(base)
    assert listed.status_code == 200
    assert [c["id"] for c in listed.json()] == [course.pk]
    url = f"{base}/{course.pk}/follow-ups"
    held = (TODAY() - timedelta(days=3)).isoformat()
    created = post(alice, url, {"held_on": held, "note": "Praktik i gang.", "with_citizen": False})
    assert created.status_code == 201, created.content
    assert created.json()["note"] == "Praktik i gang." and created.json()["with_citizen"] is False
    assert created.json()["author"]["id"] == alice.pk
    assert [f["held_on"] for f in api(alice).get(url).json()] == [held]
    assert flex_case.events.filter(kind=EventKind.COURSE_FOLLOW_UP).count() == 1
    assert AccessLogEntry.objects.filter(user=alice, case=flex_case, channel=AccessChannel.API,
                                         action=AccessAction.CASE).exists()  # fmt: skip


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"held_on": "2000-01-01", "note": "Før forløbet."}, 400, "held_on"),
        ({"held_on": TOMORROW, "note": "Fremtid."}, 400, "held_on"),
        ({"held_on": TODAY_ISO, "note": "   "}, 400, "note"),
        ({"held_on": TODAY_ISO}, 422, "note"),
        ({"held_on": "not a date", "note": "x"}, 422, "held_on"),
    ],
)
def test_a_bad_follow_up_names_the_field_and_writes_nothing(alice, flex_case, course, body, status, field):
    body = _on_the_clock(body)
    response = post(alice, f"/api/cases/{flex_case.pk}/resource-courses/{course.pk}/follow-ups", body)
    assert response.status_code == status, response.content
    detail = response.json()
    assert detail.get("field") == field or field in [e["field"] for e in detail.get("errors", [])]
    assert CourseFollowUp.objects.count() == 0


def test_it_writes_the_action_part_on_the_granted_course_with_a_version_check(alice, bob, flex_case, course):
    url = f"/api/cases/{flex_case.pk}/resource-courses/{course.pk}/action-part"
    body = {"version": 1, "action_part": "Mentor og praktik 10 timer.", "written_on": TODAY().isoformat()}
    ok = post(alice, url, body, method="put")
    assert ok.status_code == 200, ok.content
    assert ok.json()["action_part"] == "Mentor og praktik 10 timer." and ok.json()["version"] == 2
    assert ok.json()["action_part_written_on"] == TODAY().isoformat()
    stale = post(bob, url, {**body, "action_part": "Bobs udgave."}, method="put")
    assert stale.status_code == 409
    empty = post(alice, url, {**body, "version": 2, "action_part": " "}, method="put")
    assert empty.status_code == 400 and empty.json()["field"] == "action_part"
    course.refresh_from_db()
    assert course.action_part == "Mentor og praktik 10 timer."
    # no course, no action part: an unknown course is 404
    assert post(alice, f"/api/cases/{flex_case.pk}/resource-courses/999999/action-part", body,
                method="put").status_code == 404  # fmt: skip


def test_ending_a_course_names_the_field(alice, flex_case, course):
    url = f"/api/cases/{flex_case.pk}/resource-courses/{course.pk}/end"
    early = post(alice, url, {"version": 1, "ended_on": "2000-01-01", "outcome": "fleksjob"})
    assert early.status_code == 400 and early.json()["field"] == "ended_on"
    unknown = post(alice, url, {"version": 1, "ended_on": TODAY().isoformat(), "outcome": "holiday"})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "outcome"
    ended = post(alice, url, {"version": 1, "ended_on": TODAY().isoformat(), "outcome": "fleksjob"})
    assert ended.status_code == 200 and ended.json()["outcome"] == "fleksjob"


def test_course_endpoints_keep_need_to_know(alice, carol, charlie, auditor, flex_case, course):
    base = f"/api/cases/{flex_case.pk}/resource-courses"
    follow_up = {"held_on": TODAY().isoformat(), "note": "x"}
    for user in (charlie,):
        assert api(user).get(base).status_code == 404
        assert api(user).get(f"{base}/{course.pk}/follow-ups").status_code == 404
        assert post(user, f"{base}/{course.pk}/follow-ups", follow_up).status_code == 404
    for user in (carol, auditor):
        assert api(user).get(f"{base}/{course.pk}/follow-ups").status_code == 200
        assert post(user, f"{base}/{course.pk}/follow-ups", follow_up).status_code == 403
        action_part = {"version": 1, "action_part": "x", "written_on": TODAY().isoformat()}
        assert post(user, f"{base}/{course.pk}/action-part", action_part, method="put").status_code == 403
        assert post(user, f"{base}/{course.pk}/end",
                    {"version": 1, "ended_on": TODAY().isoformat(), "outcome": "job"}).status_code == 403  # fmt: skip
    assert CourseFollowUp.objects.count() == 0
    course.refresh_from_db()
    assert course.version == 1 and course.ended_on is None


# --- jobafklaringsforløb --------------------------------------------------------------------------------------


def test_it_starts_reads_and_ends_a_jobafklaringsforloeb(alice, bob, flex_case):
    base = f"/api/cases/{flex_case.pk}/job-clarification-courses"
    start = (TODAY() - timedelta(days=10)).isoformat()
    created = post(alice, base, {"start_on": start, "coordinating_caseworker_id": bob.pk, "plan": "Afklaring."})
    assert created.status_code == 201, created.content
    course = created.json()
    assert course["coordinating_caseworker"]["id"] == bob.pk and course["ended_on"] is None
    assert [c["id"] for c in api(alice).get(base).json()] == [course["id"]]
    end = f"{base}/{course['id']}/end"
    ended = post(alice, end, {"version": 1, "ended_on": TODAY().isoformat(), "outcome": "fleksjob"})
    assert ended.status_code == 200 and ended.json()["outcome"] == "fleksjob" and ended.json()["version"] == 2
    assert post(alice, end, {"version": 1, "ended_on": TODAY().isoformat(), "outcome": "work"}).status_code == 409
    again = post(alice, end, {"version": 2, "ended_on": TODAY().isoformat(), "outcome": "work"})
    assert again.status_code == 400 and again.json()["field"] == "ended_on"
    kinds = set(flex_case.events.values_list("kind", flat=True))
    assert {EventKind.CLARIFICATION_STARTED, EventKind.CLARIFICATION_ENDED} <= kinds


def test_a_bad_jobafklaringsforloeb_names_the_field(alice, charlie, flex_case):
    base = f"/api/cases/{flex_case.pk}/job-clarification-courses"
    good = {"start_on": TODAY().isoformat(), "coordinating_caseworker_id": alice.pk, "plan": "Afklaring."}
    no_plan = post(alice, base, {**good, "plan": ""})
    assert no_plan.status_code == 400 and no_plan.json()["field"] == "plan"
    stranger = post(alice, base, {**good, "coordinating_caseworker_id": charlie.pk})
    assert stranger.status_code == 400 and stranger.json()["field"] == "coordinating_caseworker_id"
    nobody = post(alice, base, {**good, "coordinating_caseworker_id": 999999})
    assert nobody.status_code == 400 and nobody.json()["field"] == "coordinating_caseworker_id"
    assert flex_case.job_clarification_courses.count() == 0


def test_jobafklaring_endpoints_keep_need_to_know(alice, carol, charlie, auditor, flex_case):
    base = f"/api/cases/{flex_case.pk}/job-clarification-courses"
    course = services.clarification_start(actor=alice, case=flex_case, start_on=TODAY(), coordinating_caseworker=alice,
                                          plan="Afklaring.")  # fmt: skip
    body = {"start_on": TODAY().isoformat(), "coordinating_caseworker_id": alice.pk, "plan": "x"}
    end = {"version": 1, "ended_on": TODAY().isoformat(), "outcome": "work"}
    assert api(charlie).get(base).status_code == 404
    assert post(charlie, base, body).status_code == 404
    assert post(charlie, f"{base}/{course.pk}/end", end).status_code == 404
    for user in (carol, auditor):
        assert api(user).get(base).status_code == 200
        assert post(user, base, body).status_code == 403
        assert post(user, f"{base}/{course.pk}/end", end).status_code == 403
    assert flex_case.job_clarification_courses.count() == 1


# --- the flex job and its end ---------------------------------------------------------------------------------


def test_it_records_a_flex_job_and_its_end(alice, flex_case):
    base = f"/api/cases/{flex_case.pk}/flex-jobs"
    start = (TODAY() - timedelta(days=40)).isoformat()
    created = post(alice, base, {"employer": "Lagerhuset A/S", "start_on": start, "hours_per_week": "12.5",
                                 "accommodation": "Pauser."})  # fmt: skip
    assert created.status_code == 201, created.content
    job = created.json()
    assert job["hours_per_week"] == "12.5" and job["end"] is None
    end = post(alice, f"{base}/{job['id']}/end", {"ended_on": TODAY().isoformat(), "reason": "dismissed"})
    assert end.status_code == 201, end.content
    assert end.json()["reason"] == "dismissed" and end.json()["author"]["id"] == alice.pk
    listed = api(alice).get(base).json()
    assert listed[0]["end"]["ended_on"] == TODAY().isoformat()
    twice = post(alice, f"{base}/{job['id']}/end", {"ended_on": TODAY().isoformat(), "reason": "resigned"})
    assert twice.status_code == 400 and twice.json()["field"] == "ended_on"
    assert FlexJobEnd.objects.count() == 1
    timeline = api(alice).get(f"/api/cases/{flex_case.pk}/timeline").json()["items"]
    ended = [e for e in timeline if e["kind"] == "flex_job_ended"]
    assert (
        len(ended) == 1
        and "dismissed" not in ended[0]["text"]
        and date_format(TODAY(), "DATE_FORMAT") in ended[0]["text"]
    )


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"ended_on": "2000-01-01", "reason": "resigned"}, 400, "ended_on"),
        ({"ended_on": TOMORROW, "reason": "resigned"}, 400, "ended_on"),
        ({"ended_on": "today", "reason": "resigned"}, 422, "ended_on"),
        ({"ended_on": TODAY_ISO, "reason": "bored"}, 422, "reason"),
        ({"ended_on": TODAY_ISO, "reason": "other"}, 400, "note"),
        ({"ended_on": TODAY_ISO, "reason": "other", "score": 1}, 422, "score"),
    ],
)
def test_a_bad_flex_job_end_names_the_field_and_writes_nothing(alice, flex_case, job, body, status, field):
    body = _on_the_clock(body)
    response = post(alice, f"/api/cases/{flex_case.pk}/flex-jobs/{job.pk}/end", body)
    assert response.status_code == status, response.content
    detail = response.json()
    assert detail.get("field") == field or field in [e["field"] for e in detail.get("errors", [])]
    assert FlexJobEnd.objects.count() == 0


def test_a_bad_flex_job_names_the_field(alice, flex_case):
    base = f"/api/cases/{flex_case.pk}/flex-jobs"
    good = {"employer": "Lagerhuset A/S", "start_on": TODAY().isoformat(), "hours_per_week": "12",
            "accommodation": "Pauser."}  # fmt: skip
    assert post(alice, base, {**good, "employer": " "}).json()["field"] == "employer"
    assert post(alice, base, {**good, "accommodation": ""}).json()["field"] == "accommodation"
    too_many = post(alice, base, {**good, "hours_per_week": "40"})
    assert too_many.status_code == 422 and too_many.json()["errors"][0]["field"] == "hours_per_week"
    assert FlexJob.objects.count() == 0


def test_flex_job_endpoints_keep_need_to_know(carol, charlie, auditor, flex_case, job):
    base = f"/api/cases/{flex_case.pk}/flex-jobs"
    body = {"employer": "X", "start_on": TODAY().isoformat(), "hours_per_week": "10", "accommodation": "Y"}
    end = {"ended_on": TODAY().isoformat(), "reason": "resigned"}
    assert api(charlie).get(base).status_code == 404
    assert post(charlie, base, body).status_code == 404
    assert post(charlie, f"{base}/{job.pk}/end", end).status_code == 404
    for user in (carol, auditor):
        assert api(user).get(base).status_code == 200
        assert post(user, base, body).status_code == 403
        assert post(user, f"{base}/{job.pk}/end", end).status_code == 403
    assert FlexJob.objects.count() == 1 and FlexJobEnd.objects.count() == 0


# --- ledighedsydelse ------------------------------------------------------------------------------------------


def test_it_records_reads_and_ends_a_ledighedsydelse_period(alice, flex_case, job):
    base = f"/api/cases/{flex_case.pk}/ledighedsydelse-periods"
    services.flex_job_end(actor=alice, job=job, ended_on=TODAY() - timedelta(days=5), reason="dismissed")
    start = (TODAY() - timedelta(days=4)).isoformat()
    created = post(alice, base, {"start_on": start})
    assert created.status_code == 201, created.content
    assert created.json()["end_on"] is None
    period_id = created.json()["id"]
    ended = post(alice, f"{base}/{period_id}/end", {"ended_on": TODAY().isoformat()})
    assert ended.status_code == 200, ended.content
    assert ended.json()["end_on"] == TODAY().isoformat()
    assert api(alice).get(base).json()[0]["end_on"] == TODAY().isoformat()
    twice = post(alice, f"{base}/{period_id}/end", {"ended_on": TODAY().isoformat()})
    assert twice.status_code == 400 and twice.json()["field"] == "ended_on"
    assert flex_case.events.filter(kind=EventKind.LEDIGHEDSYDELSE_ENDED).count() == 1


def test_a_bad_period_names_the_field_and_writes_nothing(alice, flex_case, period):
    base = f"/api/cases/{flex_case.pk}/ledighedsydelse-periods"
    backwards = post(alice, base, {"start_on": "2026-03-10", "end_on": "2026-03-01"})
    assert backwards.status_code == 400 and backwards.json()["field"] == "end_on"
    missing = post(alice, base, {"end_on": "2026-03-01"})
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "start_on"
    early = post(alice, f"{base}/{period.pk}/end", {"ended_on": "2000-01-01"})
    assert early.status_code == 400 and early.json()["field"] == "ended_on"
    future = post(alice, f"{base}/{period.pk}/end", _on_the_clock({"ended_on": TOMORROW}))
    assert future.status_code == 400 and future.json()["field"] == "ended_on"
    closed = services.ledighedsydelse_record(actor=alice, case=flex_case, start_on=date(2026, 1, 1),
                                             end_on=date(2026, 2, 1))  # fmt: skip
    already = post(alice, f"{base}/{closed.pk}/end", {"ended_on": TODAY().isoformat()})
    assert already.status_code == 400 and already.json()["field"] == "ended_on"
    assert UnemploymentPeriod.objects.count() == 2 and UnemploymentPeriodEnd.objects.count() == 0


def test_period_endpoints_keep_need_to_know(carol, charlie, auditor, flex_case, period):
    base = f"/api/cases/{flex_case.pk}/ledighedsydelse-periods"
    assert api(charlie).get(base).status_code == 404
    assert post(charlie, base, {"start_on": TODAY().isoformat()}).status_code == 404
    assert post(charlie, f"{base}/{period.pk}/end", {"ended_on": TODAY().isoformat()}).status_code == 404
    for user in (carol, auditor):
        assert api(user).get(base).status_code == 200
        assert post(user, base, {"start_on": TODAY().isoformat()}).status_code == 403
        assert post(user, f"{base}/{period.pk}/end", {"ended_on": TODAY().isoformat()}).status_code == 403
    assert UnemploymentPeriod.objects.count() == 1 and UnemploymentPeriodEnd.objects.count() == 0


def test_another_cases_record_is_not_found_through_this_case(alice, flex_case, job, period, citizen):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=date(2026, 1, 5))  # fmt: skip
    assert post(alice, f"/api/cases/{other.pk}/flex-jobs/{job.pk}/end",
                {"ended_on": TODAY().isoformat(), "reason": "resigned"}).status_code == 404  # fmt: skip
    assert post(alice, f"/api/cases/{other.pk}/ledighedsydelse-periods/{period.pk}/end",
                {"ended_on": TODAY().isoformat()}).status_code == 404  # fmt: skip
