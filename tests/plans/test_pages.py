"""The plans pages through the web UI: the case section, the plan with goal rows, activities, the order, the
report and carrying a finding into the profile; need-to-know (Carol reads, Charlie sees nothing)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.plans.models import Activity, ActivityOrder, PlanRevision, ProviderReport
from evne.plans.services import activity_create
from evne.profiles.models import ElementVersion

from ..conftest import PASSWORD
from .conftest import TODAY, order_values

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def as_alice(client, alice):
    client.login(username="alice", password=PASSWORD)
    return client


def goal_rows(*rows, total=None):
    data = {"goals-TOTAL_FORMS": str(total or len(rows)), "goals-INITIAL_FORMS": "0", "goals-MIN_NUM_FORMS": "0",
            "goals-MAX_NUM_FORMS": "100"}  # fmt: skip
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"goals-{i}-{key}"] = value
    return data


def plan_post(base_version=0, **over):
    data = {"base_version": str(base_version), "reason": "", "means": "Praktik og mentor.",
            "agreed_with_citizen_on": "", "citizen_comments": "",
            **goal_rows({"text": "Arbejde på lager.", "element_keys": ["labour_market_experience"],
                         "builds_on": "resources"},
                        {"text": "Fire timer om dagen.", "element_keys": ["labour_market_experience"],
                         "builds_on": "resources", "parent": "1"},
                        {"text": ""})}  # fmt: skip
    data.update(over)
    return data


def test_it_shows_the_case_section_with_goals_prompt_and_company_notice(as_alice, case, plan, praktik, alice, save):
    placement = activity_create(actor=alice, case=case, type=praktik, provider="Lagerhuset A/S", goal_ids=["g1"],
                                start_on=TODAY() + timedelta(days=1), planned_end_on=TODAY() + timedelta(days=60),
                                hours_per_week=15)  # fmt: skip
    Activity.objects.filter(pk=placement.pk).update(start_on=TODAY())  # the start date arrives
    save(element="health", base_version=1, reason="Ny attest", facts=[])
    page = as_alice.get(reverse("web:case_detail", args=[case.pk]), **EN).content.decode()
    assert "Borgeren afprøver lagerarbejde" in page
    assert "The resource profile has changed since the action plan was made" in page
    assert "without an order with a concrete purpose" in page
    assert reverse("web:plans_order", args=[case.pk, placement.pk]) in page


def test_it_shows_a_notice_while_the_plan_is_not_agreed(as_alice, case, profile, alice):
    as_alice.post(reverse("web:plans_plan_edit", args=[case.pk]), plan_post())
    assert not PlanRevision.objects.get().agreed_with_citizen_on
    page = as_alice.get(reverse("web:plans_plan", args=[case.pk]), **EN).content.decode()
    assert "not yet agreed with the citizen" in page
    assert (
        "not yet agreed with the citizen"
        in as_alice.get(reverse("web:case_detail", args=[case.pk]), **EN).content.decode()
    )


def test_it_saves_a_plan_with_goal_rows_and_a_sub_goal(as_alice, case, profile):
    response = as_alice.post(
        reverse("web:plans_plan_edit", args=[case.pk]), plan_post(agreed_with_citizen_on="2026-03-20")
    )
    assert response.status_code == 302
    plan = PlanRevision.objects.get()
    assert [g["text"] for g in plan.goals] == ["Arbejde på lager.", "Fire timer om dagen."]
    assert plan.goals[1]["parent_id"] == plan.goals[0]["id"]
    page = as_alice.get(reverse("web:plans_plan_edit", args=[case.pk]), **EN).content.decode()
    assert "Fire timer om dagen." in page and f'value="{plan.goals[0]["id"]}"' in page


def test_it_refuses_a_goal_without_an_element_and_keeps_the_input(as_alice, case, profile):
    data = plan_post()
    del data["goals-1-element_keys"]
    response = as_alice.post(reverse("web:plans_plan_edit", args=[case.pk]), data, **EN)
    assert response.status_code == 422
    assert "Link the goal to at least one element" in response.content.decode()
    assert "Fire timer om dagen." in response.content.decode()
    assert not PlanRevision.objects.exists()


def test_it_adds_goal_rows_without_saving(as_alice, case, profile):
    response = as_alice.post(reverse("web:plans_plan_edit", args=[case.pk]), {**plan_post(), "more": "1"})
    assert response.status_code == 200
    assert 'name="goals-5-text"' in response.content.decode()
    assert not PlanRevision.objects.exists()


def test_it_refuses_a_stale_plan_save_and_shows_what_changed(as_alice, client, case, plan, bob, alice):
    from evne.plans.services import plan_save

    plan_save(actor=bob, case=case, base_version=1, reason="Bob", means="Bobs midler.", goals=plan.goals)
    response = as_alice.post(reverse("web:plans_plan_edit", args=[case.pk]),
                             plan_post(base_version=1, reason="Alice", means="Alices midler."), **EN)  # fmt: skip
    assert response.status_code == 409
    page = response.content.decode()
    assert "Bobs midler." in page and "while you were editing" in page
    assert 'name="base_version" value="2"' in page
    assert PlanRevision.objects.count() == 2


def test_it_creates_lists_and_shows_an_activity(as_alice, case, plan):
    response = as_alice.post(reverse("web:plans_activity_create", args=[case.pk]), {
        "type": "mentor", "provider": "Mentorhuset", "goal_ids": ["g2"], "start_on": TODAY().isoformat(),
        "planned_end_on": (TODAY() + timedelta(days=30)).isoformat(), "hours_per_week": "3",
    })  # fmt: skip
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert "Mentorhuset" in as_alice.get(reverse("web:plans_activities", args=[case.pk])).content.decode()
    page = as_alice.get(reverse("web:plans_activity", args=[case.pk, activity.pk]), **EN).content.decode()
    assert "Smerterne håndteres" in page and "No order (kravspecifikation)" in page


def test_it_refuses_a_company_placement_starting_today_without_its_order(as_alice, case, plan):
    data = {"type": "virksomhedspraktik", "provider": "Lagerhuset", "goal_ids": ["g1"],
            "start_on": TODAY().isoformat(), "planned_end_on": (TODAY() + timedelta(days=30)).isoformat(),
            "hours_per_week": "15"}  # fmt: skip
    response = as_alice.post(reverse("web:plans_activity_create", args=[case.pk]), data, **EN)
    assert response.status_code == 422
    assert "needs an order with a concrete purpose" in response.content.decode()
    order = {f"order-{k}": v for k, v in order_values().items()}
    response = as_alice.post(reverse("web:plans_activity_create", args=[case.pk]), {**data, **order})
    assert response.status_code == 302
    assert ActivityOrder.objects.get().activity.provider == "Lagerhuset"


def test_it_updates_and_ends_an_activity(as_alice, case, activity):
    url = reverse("web:plans_activity_edit", args=[case.pk, activity.pk])
    assert 'value="Lagerhuset A/S"' in as_alice.get(url).content.decode()
    data = {"type": "mentor", "provider": "Lagerhuset ApS", "goal_ids": ["g1"], "version": "1",
            "start_on": activity.start_on.isoformat(), "planned_end_on": activity.planned_end_on.isoformat(),
            "hours_per_week": "12"}  # fmt: skip
    assert as_alice.post(url, data).status_code == 302
    response = as_alice.post(url, {**data, "provider": "Forældet"}, **EN)  # based on version 1: stale
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed the activity" in page and "12.0" in page and 'name="version" value="2"' in page
    assert Activity.objects.get().provider == "Lagerhuset ApS"
    end_url = reverse("web:plans_activity_end", args=[case.pk, activity.pk])
    response = as_alice.post(end_url, {"version": "2", "actual_end_on": TODAY().isoformat(), "end_reason": "completed",
                                       "outcome": "Kan 12 timer."}, **EN)  # fmt: skip
    assert response.status_code == 422
    assert "state whether they were respected" in response.content.decode()
    response = as_alice.post(end_url, {"version": "2", "actual_end_on": TODAY().isoformat(), "end_reason": "completed",
                                       "outcome": "Kan 12 timer.", "accommodation_respected": "yes"})  # fmt: skip
    assert response.status_code == 302
    assert Activity.objects.get().actual_end_on == TODAY()


def test_it_writes_the_order_prefilled_from_the_goals_and_accommodation_needs(as_alice, case, activity):
    url = reverse("web:plans_order", args=[case.pk, activity.pk])
    page = as_alice.get(url).content.decode()
    assert "Ingen tunge løft." in page
    assert re.search(r'value="labour_market_experience"[^>]*checked', page)
    assert not re.search(r'value="health"[^>]*checked', page)
    data = {"base_version": "0", **order_values()}
    assert as_alice.post(url, data).status_code == 302
    response = as_alice.post(url, {**data, "base_version": "1", "purpose": ""}, **EN)
    assert response.status_code == 422 and "Overall purpose must be filled in" in response.content.decode()
    response = as_alice.post(url, {**data, "purpose": "Nyt formål"}, **EN)  # based on version 0: stale
    assert response.status_code == 409 and 'name="base_version" value="1"' in response.content.decode()
    assert ActivityOrder.objects.count() == 1


def test_it_records_a_report_and_refuses_a_disagreement_without_its_content(as_alice, case, ordered):
    url = reverse("web:plans_report_create", args=[case.pk, ordered.pk])
    data = {"report_date": TODAY().isoformat(), "author": "Jens Lager", "result_vs_purpose": "Målet er nået.",
            "actual_content": "6 uger.", "functional_capacity": "Kan stå 2 timer.", "citizen_participated": "yes",
            "citizen_agreement": "disagrees", "citizen_disagreement": "",
            "resources-TOTAL_FORMS": "2", "resources-INITIAL_FORMS": "0", "resources-MIN_NUM_FORMS": "0",
            "resources-MAX_NUM_FORMS": "50", "resources-0-element": "labour_market_experience",
            "resources-0-text": "Kører truck sikkert."}  # fmt: skip
    response = as_alice.post(url, data, **EN)
    assert response.status_code == 422
    assert "disagreement with the report consists of" in response.content.decode()
    assert not ProviderReport.objects.exists()
    assert as_alice.post(url, {**data, "citizen_disagreement": "Kan mere end 12 timer."}).status_code == 302
    report = ProviderReport.objects.get()
    assert report.resources_by_element == [{"element": "labour_market_experience", "text": "Kører truck sikkert."}]
    page = as_alice.get(reverse("web:plans_activity", args=[case.pk, ordered.pk]), **EN).content.decode()
    assert reverse("web:plans_report_carry", args=[case.pk, report.pk]) + "?entry=0" in page


def test_it_carries_a_finding_into_the_profile_from_the_report(as_alice, case, report, profile):
    url = reverse("web:plans_report_carry", args=[case.pk, report.pk])
    page = as_alice.get(url + "?entry=0").content.decode()
    assert "Kører truck sikkert." in page
    response = as_alice.post(url, {"element": "labour_market_experience", "text": "Kører truck sikkert i 6 uger.",
                                   "reason": ""})  # fmt: skip
    assert response.status_code == 302
    version = ElementVersion.objects.get(element="labour_market_experience", number=2)
    assert version.facts[-1]["report_id"] == report.pk
    assert version.resources == profile["labour_market_experience"].resources


def test_it_lets_carol_read_but_not_write(client, carol, case, report):
    client.login(username="carol", password=PASSWORD)
    activity = report.activity
    for name, args in (("plans_plan", [case.pk]), ("plans_activities", [case.pk]),
                       ("plans_activity", [case.pk, activity.pk])):  # fmt: skip
        assert client.get(reverse(f"web:{name}", args=args)).status_code == 200
    writes = (("plans_plan_edit", [case.pk]), ("plans_activity_create", [case.pk]),
              ("plans_activity_edit", [case.pk, activity.pk]), ("plans_activity_end", [case.pk, activity.pk]),
              ("plans_order", [case.pk, activity.pk]), ("plans_report_create", [case.pk, activity.pk]),
              ("plans_report_carry", [case.pk, report.pk]))  # fmt: skip
    for name, args in writes:
        assert client.get(reverse(f"web:{name}", args=args)).status_code == 403, name
        assert client.post(reverse(f"web:{name}", args=args), {}).status_code == 403, name
    page = client.get(reverse("web:case_detail", args=[case.pk])).content.decode()
    assert reverse("web:plans_plan_edit", args=[case.pk]) not in page


def test_it_hides_everything_from_charlie(client, charlie, case, report):
    client.login(username="charlie", password=PASSWORD)
    activity = report.activity
    for name, args in (("plans_plan", [case.pk]), ("plans_activities", [case.pk]),
                       ("plans_activity", [case.pk, activity.pk]), ("plans_plan_edit", [case.pk]),
                       ("plans_report_carry", [case.pk, report.pk])):  # fmt: skip
        assert client.get(reverse(f"web:{name}", args=args)).status_code == 404, name


def test_it_answers_404_for_an_activity_or_report_of_another_case(as_alice, alice, citizen, report):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                      help_requested_on=TODAY())  # fmt: skip
    assert as_alice.get(reverse("web:plans_activity", args=[other.pk, report.activity.pk])).status_code == 404
    assert as_alice.get(reverse("web:plans_report_carry", args=[other.pk, report.pk])).status_code == 404


def test_it_logs_the_view_of_the_plan(as_alice, alice, case, plan):
    as_alice.get(reverse("web:plans_plan", args=[case.pk]))
    assert AccessLogEntry.objects.filter(user=alice, case=case, action=AccessAction.CASE).exists()


def test_it_shows_an_earlier_version_of_the_plan(as_alice, case, plan, alice):
    from evne.plans.services import plan_save

    plan_save(actor=alice, case=case, base_version=1, reason="Nyt", means="Nye midler.", goals=plan.goals)
    page = as_alice.get(reverse("web:plans_plan", args=[case.pk]) + "?version=1", **EN).content.decode()
    assert "Praktik og mentor." in page and "an earlier version" in page
    assert as_alice.get(reverse("web:plans_plan", args=[case.pk]) + "?version=9").status_code == 404


def test_it_lets_an_administrator_edit_the_activity_catalogue(client, kommune):
    from evne.accounts.models import User

    User.objects.create_superuser(username="admin", password=PASSWORD, email="admin@example.invalid")
    client.login(username="admin", password=PASSWORD)
    page = client.get(reverse("admin:plans_activitytype_changelist"), **EN).content.decode()
    assert "Virksomhedspraktik" in page and "Mentor" in page
    response = client.post(reverse("admin:plans_activitytype_add"), {
        "code": "ips", "name_da": "IPS-forløb", "name_en": "Individual placement and support",
        "company_based": "on", "active": "on",
    })  # fmt: skip
    assert response.status_code == 302
    from evne.plans.models import ActivityType

    assert ActivityType.objects.get(code="ips").company_based
