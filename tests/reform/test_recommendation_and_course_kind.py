"""The team's recommendation in full (the measure the case was presented for, reasons, the legal test, "not
sufficiently clarified") and a ressourceforløb as a new course or an extension: services, pages and the API."""

import json
from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.utils import timezone

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.errors import DomainError
from evne.reform import services
from evne.reform.models import Recommendation, ResourceCourse
from tests.conftest import PASSWORD

from .conftest import FLEX


def today():
    return timezone.localdate()


# --- the recommendation -----------------------------------------------------------------------------------------


def test_a_recommendation_against_the_measure_applied_for_is_on_record(rita, item):
    rec = services.recommendation_record(
        actor=rita, item=item, kind="ressourceforlob", presented_for="fortidspension",
        reasons="Arbejdsevnen kan udvikles med mentor og praktik.", legal_test="Arbejdsevnen er varigt og væsentligt "
        "nedsat.", factors="F", goal="G", measures="M", order_of_measures="O", follow_up="Hver 2. måned", mentor="Ja",
    )  # fmt: skip
    assert rec.against_presented_measure is True
    assert rec.legal_test.startswith("Arbejdsevnen er varigt")
    event = item.case.events.get(kind=EventKind.REHAB_RECOMMENDATION)
    assert event.data["presented_for"] == "fortidspension" and event.data["against_presented_measure"] is True
    assert "Førtidspension" in describe(event)


@pytest.mark.parametrize(
    ("kind", "presented_for", "against"),
    [("fleksjob", "fleksjob", False), ("other", "revalidering", False), ("other", "fortidspension", True),
     ("postponement", "fortidspension", False), ("not_clarified", "fortidspension", False)],
)  # fmt: skip
def test_against_the_measure_is_judged_by_kind_and_measure(kind, presented_for, against):
    assert Recommendation(kind=kind, presented_for=presented_for).against_presented_measure is against


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"presented_for": ""}, "presented_for"),
        ({"presented_for": "pension"}, "presented_for"),
        ({"reasons": "  "}, "reasons"),
    ],
)
def test_every_recommendation_names_its_measure_and_gives_reasons(rita, item, overrides, field):
    with pytest.raises(DomainError) as exc:
        services.recommendation_record(actor=rita, item=item, kind="fleksjob", **(FLEX | overrides))
    assert exc.value.field == field
    assert not Recommendation.objects.exists()
    assert not item.case.events.filter(kind=EventKind.REHAB_RECOMMENDATION).exists()


def test_not_sufficiently_clarified_states_the_legal_test_it_is_not_clarified_against(rita, item):
    values = {"presented_for": "fortidspension", "reasons": "Lægelige oplysninger peger i forskellige retninger.",
              "factors": "Ryg og angst."}  # fmt: skip
    with pytest.raises(DomainError) as exc:
        services.recommendation_record(actor=rita, item=item, kind="not_clarified", **values)
    assert exc.value.field == "legal_test"
    test = "Arbejdsevnen er varigt og væsentligt nedsat."
    rec = services.recommendation_record(actor=rita, item=item, kind="not_clarified", legal_test=test, **values)
    assert rec.kind == "not_clarified" and rec.against_presented_measure is False


def test_a_recommendation_stays_append_only_after_the_migration(rita, item):
    rec = services.recommendation_record(actor=rita, item=item, kind="fleksjob", **FLEX)
    table = Recommendation._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET reasons = 'changed' WHERE id = %s", [rec.pk])  # noqa: S608
    rec.refresh_from_db()
    assert rec.reasons == FLEX["reasons"]


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_the_recommendation_form_and_the_case_page_show_the_new_fields(client, alice, rita, item):
    login(client, rita)
    url = f"/rehab/meetings/{item.meeting_id}/items/{item.pk}/recommend/"
    assert 'name="presented_for"' in client.get(url).content.decode()
    body = FLEX | {"kind": "ressourceforlob", "presented_for": "fortidspension", "legal_test": "Varigt nedsat.",
                   "goal": "G", "measures": "M", "order_of_measures": "O", "follow_up": "F",
                   "mentor": "Ja"}  # fmt: skip
    assert client.post(url, body | {"reasons": ""}).status_code == 422
    assert client.post(url, body).status_code == 302
    client.logout()
    login(client, alice)
    page = client.get(f"/cases/{item.case_id}/reform/").content.decode()
    assert "presented-for notice" in page and FLEX["reasons"] in page and "Varigt nedsat." in page


def api(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def post(user, url, data):
    return api(user).post(url, json.dumps(data), content_type="application/json")


def test_the_api_records_and_gives_the_recommendation_in_full(alice, rita, charlie, item):
    url = f"/api/rehab/meetings/{item.meeting_id}/items/{item.pk}/recommendation"
    response = post(rita, url, {"kind": "fleksjob", **FLEX, "legal_test": "Varigt og væsentligt nedsat."})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["presented_for"] == "fleksjob" and body["reasons"] == FLEX["reasons"]
    assert body["legal_test"] == "Varigt og væsentligt nedsat." and body["against_presented_measure"] is False
    team = api(alice).get(f"/api/cases/{item.case_id}/rehab-team").json()
    assert team["presentations"][0]["recommendation"]["presented_for"] == "fleksjob"
    assert api(charlie).get(f"/api/cases/{item.case_id}/rehab-team").status_code == 404


# --- the ressourceforløb: new course or extension ---------------------------------------------------------------


def grant(alice, case, **values):
    start = values.pop("start_on", today() - timedelta(days=30))
    return services.course_grant(actor=alice, case=case, start_on=start, end_on=start.replace(year=start.year + 1),
                                 coordinating_caseworker=alice, **values)  # fmt: skip


def test_a_new_course_names_its_preparatory_part_and_presentation(alice, flex_case, plan, item):
    course = grant(alice, flex_case, rehab_plan_id=plan.pk, presentation_id=item.pk)
    assert course.kind == "new" and course.rehab_plan == plan and course.presentation == item
    event = flex_case.events.get(kind=EventKind.COURSE_GRANTED)
    assert event.data["kind"] == "new" and event.data["rehab_plan_id"] == plan.pk
    assert event.data["agenda_item_id"] == item.pk


def test_a_new_course_without_them_is_recorded_for_the_rules_to_judge(alice, flex_case):
    assert grant(alice, flex_case).rehab_plan is None


def test_an_extension_extends_a_course_of_the_case(alice, flex_case):
    first = grant(alice, flex_case, start_on=today() - timedelta(days=400))
    extension = grant(alice, flex_case, kind="extension", extends_id=first.pk)
    assert extension.extends == first and list(first.extensions.all()) == [extension]
    event = flex_case.events.filter(kind=EventKind.COURSE_GRANTED).latest("id")
    assert event.data["extends_id"] == first.pk


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"kind": "extension"}, "extends_id"),
        ({"kind": "renewal"}, "kind"),
        ({"kind": "extension", "extends_id": 999999}, "extends_id"),
        ({"kind": "new", "extends_id": "first"}, "kind"),
        ({"rehab_plan_id": 999999}, "rehab_plan_id"),
        ({"presentation_id": 999999}, "presentation_id"),
    ],
)
def test_a_bad_course_link_is_refused_and_nothing_written(alice, flex_case, values, field):
    first = grant(alice, flex_case)
    if values.get("extends_id") == "first":
        values = values | {"extends_id": first.pk}
    with pytest.raises(DomainError) as exc:
        grant(alice, flex_case, **values)
    assert exc.value.field == field
    assert ResourceCourse.objects.count() == 1
    assert flex_case.events.filter(kind=EventKind.COURSE_GRANTED).count() == 1


def test_an_extension_of_another_cases_course_is_refused(alice, flex_case, citizen):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                      help_requested_on=today() - timedelta(days=10))  # fmt: skip
    foreign = grant(alice, other)
    with pytest.raises(DomainError) as exc:
        grant(alice, flex_case, kind="extension", extends_id=foreign.pk)
    assert exc.value.field == "extends_id"


def test_the_course_page_and_api_know_new_and_extension(client, alice, carol, charlie, flex_case, plan):
    login(client, alice)
    url = f"/cases/{flex_case.pk}/reform/course/"
    start = today() - timedelta(days=30)
    body = {"kind": "extension", "start_on": start.isoformat(), "end_on": start.replace(year=start.year + 1),
            "coordinating_caseworker": alice.pk}  # fmt: skip
    assert client.post(url, body).status_code == 422  # no course to extend
    assert client.post(url, body | {"kind": "new", "rehab_plan_id": plan.pk}).status_code == 302
    first = ResourceCourse.objects.get()
    assert first.rehab_plan == plan
    assert "course-new" in client.get(f"/cases/{flex_case.pk}/reform/").content.decode()

    base = f"/api/cases/{flex_case.pk}/resource-courses"
    payload = {"kind": "extension", "start_on": start.isoformat(), "end_on": start.replace(year=start.year + 1)
               .isoformat(), "coordinating_caseworker_id": alice.pk}  # fmt: skip
    missing = post(alice, base, payload)
    assert missing.status_code == 400 and missing.json()["field"] == "extends_id"
    assert post(alice, base, payload | {"kind": "again"}).status_code == 422
    assert post(carol, base, payload | {"extends_id": first.pk}).status_code == 403
    assert post(charlie, base, payload | {"extends_id": first.pk}).status_code == 404
    created = post(alice, base, payload | {"extends_id": first.pk})
    assert created.status_code == 201, created.content
    assert created.json()["kind"] == "extension" and created.json()["extends_id"] == first.pk
    listed = api(alice).get(base).json()
    assert {c["kind"] for c in listed} == {"new", "extension"}
    assert next(c for c in listed if c["kind"] == "new")["rehab_plan_id"] == plan.pk
