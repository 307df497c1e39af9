"""Plans fixtures: a started profile with two relevant elements (one with an accommodation need), a plan built
on them, and activities. Alice owns the case (team A), Bob is on her team, Carol is in team B of the same
municipality (reads, never writes), Charlie is in another municipality (404)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from evne.plans.models import ActivityType
from evne.plans.services import activity_create, order_write, plan_save, report_record
from tests.profiles.conftest import fact, save, started  # noqa: F401  (fixtures used by name)

TODAY = timezone.localdate


def goal(goal_id="g1", text="Borgeren afprøver lagerarbejde 15 timer om ugen.", elements=("labour_market_experience",),
         builds_on="resources", parent_id=None, means="Virksomhedspraktik med mentor."):  # fmt: skip
    return {"id": goal_id, "text": text, "element_keys": list(elements), "builds_on": builds_on,
            "parent_id": parent_id, "means": means}  # fmt: skip


def order_values(**over):
    values = {
        "purpose": "Afklare om borgeren kan arbejde på lager 15 timer om ugen.",
        "content_and_duration": "Lagerarbejde, 8 uger, 15 timer om ugen.",
        "element_keys": ["labour_market_experience", "health"],
        "resources_to_clarify": "Arbejdstempo, udholdenhed og samarbejde.",
        "observe": "Fremmøde, smerter efter længere tids stående arbejde, samarbejde med kolleger.",
        "follow_up_plan": "Opfølgning efter 2 og 6 uger med borger, virksomhed og sagsbehandler.",
    }
    values.update(over)
    return values


@pytest.fixture
def profile(save):  # noqa: F811
    """Two relevant elements; health with a permanent accommodation need."""
    experience = save(element="labour_market_experience", facts=[fact("12 år som lagerarbejder.")],
                      resources="Erfaring med truckkørsel.")  # fmt: skip
    health = save(element="health", facts=[fact("Rygsmerter siden 2024.", kind="medical_statement")],
                  barriers="Kan ikke løfte over 10 kg.", accommodation_needs="Ingen tunge løft.",
                  accommodation_duration="permanent")  # fmt: skip
    return {"labour_market_experience": experience, "health": health}


@pytest.fixture
def plan(alice, case, profile):
    return plan_save(
        actor=alice, case=case, base_version=0, reason="", means="Praktik og mentor.",
        goals=[goal(), goal("g2", "Smerterne håndteres i hverdagen.", ("health",), "barriers"),
               goal("g11", "Fire timer om dagen efter fire uger.", parent_id="g1")],
        agreed_with_citizen_on=date(2026, 3, 20), citizen_comments="Borgeren vil gerne på lager.",
    )  # fmt: skip


@pytest.fixture
def mentor():
    return ActivityType.objects.get(code="mentor")


@pytest.fixture
def praktik():
    return ActivityType.objects.get(code="virksomhedspraktik")


@pytest.fixture
def make_activity(alice, case, plan, mentor):
    def make(activity_type=None, *, start_on=None, planned_end_on=None, actor=None, **values):
        start_on = start_on or TODAY() - timedelta(days=7)
        values.setdefault("goal_ids", ["g1"])
        values.setdefault("hours_per_week", "15")
        values.setdefault("provider", "Lagerhuset A/S")
        return activity_create(
            actor=actor or alice, case=case, type=activity_type or mentor, start_on=start_on,
            planned_end_on=planned_end_on or start_on + timedelta(weeks=8), **values,
        )  # fmt: skip

    return make


@pytest.fixture
def activity(make_activity):
    return make_activity()


@pytest.fixture
def ordered(alice, activity):
    order_write(actor=alice, activity=activity, base_version=0, **order_values())
    return activity


@pytest.fixture
def report(alice, ordered):
    return report_record(
        actor=alice, activity=ordered, report_date=TODAY(), author="Jens Lager, praktikvejleder",
        result_vs_purpose="Borgeren kan arbejde 12 timer om ugen.", actual_content="6 uger på lageret.",
        functional_capacity="Kan stå 2 timer ad gangen; løft over 10 kg giver smerter.",
        citizen_participated=True, citizen_agreement="agrees",
        resources_by_element=[{"element": "labour_market_experience", "text": "Kører truck sikkert."}],
    )  # fmt: skip


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read messages in English (the msgids); the Danish wording is checked in tests/web and e2e."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
