"""Every plans event reads as a sentence on the timeline, in the reader's language, from the event's own data."""

from django.utils import translation

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.plans.models import ActivityType
from evne.plans.services import activity_end, plan_save, report_finding_carry

from .conftest import TODAY, goal


def texts(case) -> dict[str, list[str]]:
    with translation.override("en"):
        found: dict[str, list[str]] = {}
        for event in case.events.order_by("id"):
            found.setdefault(event.kind, []).append(describe(event))
        return found


def test_it_describes_every_plans_event(alice, case, report, plan):
    plan_save(actor=alice, case=case, base_version=1, reason="Nyt delmål", means="Mentor.", goals=[goal()],
              agreed_with_citizen_on=TODAY())  # fmt: skip
    report_finding_carry(actor=alice, case=case, report=report, element="health", text="Kan stå 2 timer.")
    activity = report.activity
    activity_end(actor=alice, activity=activity, expected_version=activity.version, actual_end_on=TODAY(),
                 outcome="Godt.", end_reason="completed", accommodation_respected="no",
                 accommodation_note="Tunge løft i uge 3.")  # fmt: skip
    found = texts(case)
    assert found[EventKind.PLAN_REVISED][0] == (
        "Action plan made (version 1) with 3 goals. Agreed with the citizen on 20-03-2026."
    )
    assert found[EventKind.PLAN_REVISED][1].startswith("Action plan revised (version 2). Reason: Nyt delmål")
    assert found[EventKind.ACTIVITY_CREATED][0].startswith("Activity created: Mentor at Lagerhuset A/S")
    assert "Order to Lagerhuset A/S for Mentor written (version 1)" in found[EventKind.ACTIVITY_ORDERED][0]
    assert "Labour-market experience" in found[EventKind.ACTIVITY_ORDERED][0]
    assert found[EventKind.PROVIDER_REPORT_RECEIVED][0].startswith("Report from Lagerhuset A/S (Mentor)")
    assert (
        "carried into the resource profile: Health (Helbred), version 2" in found[EventKind.REPORT_FINDING_CARRIED][0]
    )
    assert "ended on" in found[EventKind.ACTIVITY_ENDED][0] and "respected: No" in found[EventKind.ACTIVITY_ENDED][0]


def test_it_keeps_the_type_name_as_it_read_when_the_event_happened(alice, case, activity):
    ActivityType.objects.filter(code="mentor").update(name_en="Job mentor", name_da="Jobmentor")
    with translation.override("en"):
        assert "Mentor at" in describe(case.events.get(kind=EventKind.ACTIVITY_CREATED))


def test_it_describes_a_change_of_an_activity(alice, case, activity):
    from evne.plans.services import activity_update

    activity_update(actor=alice, activity=activity, expected_version=1, hours_per_week="20")
    with translation.override("en"):
        text = describe(case.events.get(kind=EventKind.ACTIVITY_UPDATED))
    assert text == "Activity Mentor at Lagerhuset A/S changed: hours per week: 15.0 → 20.0."


def test_it_leaves_other_apps_events_alone(case):
    from evne.plans.timeline import describe as plans_describe

    assert plans_describe(case.events.get(kind=EventKind.CASE_OPENED)) is None
