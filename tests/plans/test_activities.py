"""Activities: the catalogue, provider, dates, hours, goals of the current plan, versions, ending with outcome and
accommodation needs, and company placements that need their order before the start (K2)."""

from datetime import timedelta
from decimal import Decimal

import pytest

from evne.cases.models import EventKind
from evne.errors import DomainError, StaleVersion
from evne.plans.models import Activity, ActivityOrder, ActivityType
from evne.plans.selectors import activity_notices, company_activities_without_order
from evne.plans.services import activity_end, activity_update, max_hours_per_week, order_write

from .conftest import TODAY, order_values


def end(alice, activity, **over):
    values = {"expected_version": activity.version, "actual_end_on": TODAY(), "outcome": "Kan arbejde 12 timer.",
              "end_reason": "completed", "accommodation_respected": "yes"}  # fmt: skip
    values.update(over)
    return activity_end(actor=alice, activity=activity, **values)


def test_it_creates_an_activity_and_records_it_on_the_timeline(activity, case):
    assert activity.type.code == "mentor" and activity.hours_per_week == Decimal("15.0")
    event = case.events.get(kind=EventKind.ACTIVITY_CREATED)
    assert event.data["activity_id"] == activity.pk and event.data["type_da"] == "Mentor"


def test_it_takes_the_type_from_the_catalogue_in_use(make_activity, mentor):
    ActivityType.objects.filter(pk=mentor.pk).update(active=False)
    with pytest.raises(DomainError) as err:
        make_activity(mentor)
    assert err.value.field == "type"
    with pytest.raises(DomainError):
        make_activity("no-such-type")
    assert make_activity("behandling").type.code == "behandling"


def test_it_requires_a_provider(make_activity):
    with pytest.raises(DomainError) as err:
        make_activity(provider=" ")
    assert err.value.field == "provider"


def test_it_refuses_a_planned_end_before_the_start(make_activity):
    with pytest.raises(DomainError) as err:
        make_activity(start_on=TODAY(), planned_end_on=TODAY() - timedelta(days=1))
    assert err.value.field == "planned_end_on"
    assert make_activity(start_on=TODAY(), planned_end_on=TODAY()).start_on == TODAY()


@pytest.mark.parametrize("hours", ["0", "-3", "37.5", "370", "12.25", "abc", "NaN"])
def test_it_refuses_hours_out_of_range(make_activity, hours):
    with pytest.raises(DomainError) as err:
        make_activity(hours_per_week=hours)
    assert err.value.field == "hours_per_week"


@pytest.mark.parametrize("hours", ["0.5", "37", 20, Decimal("7.5")])
def test_it_accepts_hours_in_range(make_activity, hours):
    assert make_activity(hours_per_week=hours).hours_per_week == Decimal(str(hours))


def test_it_reads_the_hours_bound_from_its_dated_parameter():
    assert max_hours_per_week(TODAY()) == Decimal("37")


def test_it_links_only_goals_of_the_current_plan(make_activity):
    with pytest.raises(DomainError) as err:
        make_activity(goal_ids=["g1", "unknown"])
    assert err.value.field == "goal_ids"
    assert make_activity(goal_ids=["g1", "g11", "g1"]).goal_ids == ["g1", "g11"]
    assert make_activity(goal_ids=[]).goal_ids == []


def test_it_updates_with_the_version_and_refuses_a_stale_one(alice, bob, activity, case):
    updated = activity_update(actor=bob, activity=activity, expected_version=1, hours_per_week="20")
    assert updated.version == 2
    with pytest.raises(StaleVersion) as err:
        activity_update(actor=alice, activity=activity, expected_version=1, provider="Andet lager")
    assert err.value.changes == {"hours_per_week": ("15.0", "20.0")}
    assert Activity.objects.get(pk=activity.pk).provider == "Lagerhuset A/S"
    assert case.events.filter(kind=EventKind.ACTIVITY_UPDATED).count() == 1


def test_it_applies_the_rules_on_update(alice, activity):
    for changes in ({"planned_end_on": activity.start_on - timedelta(days=1)}, {"hours_per_week": "40"},
                    {"goal_ids": ["nope"]}, {"provider": ""}, {"created_by": None}):  # fmt: skip
        with pytest.raises(DomainError):
            activity_update(actor=alice, activity=activity, expected_version=1, **changes)
    assert Activity.objects.get(pk=activity.pk).version == 1


def test_it_changes_nothing_when_nothing_changed(alice, activity, case):
    assert activity_update(actor=alice, activity=activity, expected_version=1, provider="Lagerhuset A/S").version == 1
    assert not case.events.filter(kind=EventKind.ACTIVITY_UPDATED).exists()


def test_it_ends_an_activity_with_date_outcome_reason_and_accommodation(alice, activity, case):
    ended = end(alice, activity)
    assert ended.actual_end_on == TODAY() and ended.version == 2 and ended.accommodation_respected == "yes"
    assert case.events.filter(kind=EventKind.ACTIVITY_ENDED).exists()
    with pytest.raises(DomainError):
        end(alice, ended)  # already ended
    with pytest.raises(DomainError):
        activity_update(actor=alice, activity=ended, expected_version=2, provider="X")


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"outcome": ""}, "outcome"),
        ({"end_reason": ""}, "end_reason"),
        ({"end_reason": "other", "end_note": ""}, "end_note"),
        ({"actual_end_on": None}, "actual_end_on"),
        ({"actual_end_on": TODAY() + timedelta(days=1)}, "actual_end_on"),
        ({"actual_end_on": TODAY() - timedelta(days=30)}, "actual_end_on"),  # before the start
        ({"accommodation_respected": ""}, "accommodation_respected"),
        ({"accommodation_respected": "not_relevant"}, "accommodation_respected"),
        ({"accommodation_respected": "no", "accommodation_note": ""}, "accommodation_note"),
    ],
)
def test_it_refuses_an_ending_that_misses_what_the_method_asks_for(alice, activity, over, field):
    with pytest.raises(DomainError) as err:
        end(alice, activity, **over)
    assert err.value.field == field
    assert Activity.objects.get(pk=activity.pk).actual_end_on is None


def test_it_accepts_accommodation_not_respected_with_a_note(alice, activity):
    ended = end(alice, activity, accommodation_respected="no", accommodation_note="Tunge løft i uge 3.")
    assert ended.accommodation_note == "Tunge løft i uge 3."


def test_it_asks_about_accommodation_only_when_the_profile_has_a_need(alice, bob, case, make_activity, save):
    save(element="health", base_version=1, reason="Ingen skånebehov længere", facts=[],
         barriers="Ingen.")  # fmt: skip
    ended = end(alice, make_activity(), accommodation_respected="")
    assert ended.accommodation_respected == "not_relevant"


def test_it_refuses_a_company_placement_that_starts_without_an_order(make_activity, praktik, case):
    with pytest.raises(DomainError) as err:
        make_activity(praktik, start_on=TODAY())
    assert err.value.field == "start_on"
    assert not Activity.objects.exists()


def test_it_creates_a_company_placement_with_its_order_in_one_call(make_activity, praktik, case):
    activity = make_activity(praktik, start_on=TODAY(), order=order_values())
    assert ActivityOrder.objects.get(activity=activity).number == 1
    assert company_activities_without_order(case, on=TODAY()) == []
    assert case.events.filter(kind=EventKind.ACTIVITY_ORDERED).exists()


def test_it_refuses_the_order_in_the_same_call_without_a_follow_up_plan(make_activity, praktik):
    with pytest.raises(DomainError) as err:
        make_activity(praktik, start_on=TODAY(), order=order_values(follow_up_plan=""))
    assert err.value.field == "order.follow_up_plan"
    assert not Activity.objects.exists()  # nothing half-saved


def test_it_lets_a_future_company_placement_wait_for_its_order(alice, make_activity, praktik, case):
    activity = make_activity(praktik, start_on=TODAY() + timedelta(days=14))
    assert company_activities_without_order(case, on=TODAY()) == []
    started = company_activities_without_order(case, on=TODAY() + timedelta(days=14))
    assert [a.pk for a in started] == [activity.pk]
    assert "company placement" in " ".join(activity_notices(started[0], on=TODAY() + timedelta(days=14)))
    with pytest.raises(DomainError):  # moving the start forward needs the order first
        activity_update(actor=alice, activity=activity, expected_version=1, start_on=TODAY())
    order_write(actor=alice, activity=activity, base_version=0, **order_values())
    assert activity_update(actor=alice, activity=activity, expected_version=1, start_on=TODAY()).start_on == TODAY()


def test_it_notices_an_activity_without_goal_or_order(make_activity):
    notices = activity_notices(make_activity(goal_ids=[]), on=TODAY())
    assert any("goal" in n for n in notices) and any("order" in n for n in notices)
