"""The order to the provider (kravspecifikation; K1, K2) and the provider's report (statusudtalelse; C10)."""

from datetime import timedelta

import pytest

from evne.cases.models import EventKind
from evne.errors import DomainError, StaleVersion
from evne.plans.models import ActivityOrder, ProviderReport
from evne.plans.selectors import latest_order, orders
from evne.plans.services import order_write, report_record

from .conftest import TODAY, order_values


def write(alice, activity, base_version=0, **over):
    return order_write(actor=alice, activity=activity, base_version=base_version, **order_values(**over))


def record(alice, activity, **over):
    values = {"report_date": TODAY(), "author": "Jens Lager", "result_vs_purpose": "Målet er nået.",
              "actual_content": "6 uger.", "functional_capacity": "Kan stå 2 timer ad gangen.",
              "citizen_participated": True, "citizen_agreement": "agrees"}  # fmt: skip
    values.update(over)
    return report_record(actor=alice, activity=activity, **values)


def test_it_writes_a_new_version_of_the_order_each_time(alice, activity, case):
    first = write(alice, activity)
    second = write(alice, activity, base_version=1, purpose="Skarpere formål.")
    assert [o.number for o in orders(activity)] == [2, 1]
    assert ActivityOrder.objects.get(pk=first.pk).purpose.startswith("Afklare")
    assert latest_order(activity).pk == second.pk
    assert case.events.filter(kind=EventKind.ACTIVITY_ORDERED).count() == 2


def test_it_refuses_a_stale_order(alice, bob, activity):
    write(alice, activity)
    write(bob, activity, base_version=1, observe="Bobs observationspunkter.")
    with pytest.raises(StaleVersion) as err:
        write(alice, activity, base_version=1, observe="Alices.")
    assert "observe" in err.value.changes


@pytest.mark.parametrize("field", ["purpose", "content_and_duration", "resources_to_clarify", "observe",
                                   "element_keys"])  # fmt: skip
def test_it_requires_the_order_fields_the_method_names(alice, activity, field):
    with pytest.raises(DomainError) as err:
        write(alice, activity, **{field: [] if field == "element_keys" else ""})
    assert err.value.field == field


def test_it_refuses_an_unknown_element_in_the_order(alice, activity):
    with pytest.raises(DomainError) as err:
        write(alice, activity, element_keys=["health", "salary"])
    assert err.value.field == "element_keys"


def test_it_refuses_an_order_for_an_activity_not_linked_to_a_plan_goal(alice, make_activity):
    unlinked = make_activity(goal_ids=[])
    with pytest.raises(DomainError) as err:
        write(alice, unlinked)
    assert err.value.field == "goal_ids"
    assert write(alice, make_activity(goal_ids=["g2"])).number == 1


def test_it_needs_a_follow_up_plan_only_for_a_company_placement(alice, make_activity, praktik):
    assert write(alice, make_activity(), follow_up_plan="").number == 1
    placement = make_activity(praktik, start_on=TODAY() + timedelta(days=7))
    with pytest.raises(DomainError) as err:
        write(alice, placement, follow_up_plan="")
    assert err.value.field == "follow_up_plan"


def test_it_records_a_report_with_resources_per_element(report, case):
    assert report.resources_by_element == [{"element": "labour_market_experience", "text": "Kører truck sikkert."}]
    event = case.events.get(kind=EventKind.PROVIDER_REPORT_RECEIVED)
    assert event.data["report_id"] == report.pk


@pytest.mark.parametrize("field", ["author", "result_vs_purpose", "actual_content", "functional_capacity"])
def test_it_requires_the_report_fields_the_method_names(alice, ordered, field):
    with pytest.raises(DomainError) as err:
        record(alice, ordered, **{field: ""})
    assert err.value.field == field


def test_it_requires_whether_the_citizen_took_part_and_agrees(alice, ordered):
    with pytest.raises(DomainError) as err:
        record(alice, ordered, citizen_participated=None)
    assert err.value.field == "citizen_participated"
    with pytest.raises(DomainError) as err:
        record(alice, ordered, citizen_agreement="")
    assert err.value.field == "citizen_agreement"


@pytest.mark.parametrize("agreement", ["disagrees", "partly"])
def test_it_refuses_a_disagreement_without_what_it_consists_of(alice, ordered, agreement):
    with pytest.raises(DomainError) as err:
        record(alice, ordered, citizen_agreement=agreement)
    assert err.value.field == "citizen_disagreement"
    assert not ProviderReport.objects.exists()
    report = record(alice, ordered, citizen_agreement=agreement, citizen_disagreement="Mener at kunne mere.")
    assert report.citizen_disagreement == "Mener at kunne mere."


def test_it_drops_a_disagreement_text_when_the_citizen_agrees(alice, ordered):
    assert record(alice, ordered, citizen_disagreement="Gammel tekst").citizen_disagreement == ""


def test_it_refuses_resources_for_an_unknown_element_or_without_text(alice, ordered):
    for rows in ([{"element": "salary", "text": "x"}], [{"element": "health", "text": ""}]):
        with pytest.raises(DomainError) as err:
            record(alice, ordered, resources_by_element=rows)
        assert err.value.field == "resources_by_element.0"
    rows = [{"element": "", "text": ""}, {"element": "health", "text": "Holder pauser."}]
    report = record(alice, ordered, resources_by_element=rows)
    assert report.resources_by_element == [{"element": "health", "text": "Holder pauser."}]


def test_it_refuses_a_report_dated_in_the_future_or_before_the_start(alice, ordered):
    for day in (TODAY() + timedelta(days=1), ordered.start_on - timedelta(days=1)):
        with pytest.raises(DomainError) as err:
            record(alice, ordered, report_date=day)
        assert err.value.field == "report_date"


def test_it_links_only_a_document_of_the_same_case(alice, bob, ordered, case, make_user, citizen):
    from evne.cases.services import case_open
    from evne.evidence.models import Document

    def document(for_case):
        return Document.objects.create(
            case=for_case, kind=Document._meta.get_field("kind").choices[0][0], title="Statusudtalelse",
            document_date=TODAY(), author="Lagerhuset", received_on=TODAY(), summary="Rapport.", recorded_by=alice,
            recorded_at=ordered.created_at,
        )  # fmt: skip

    other_case = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                           help_requested_on=TODAY())  # fmt: skip
    with pytest.raises(DomainError) as err:
        record(alice, ordered, document=document(other_case))
    assert err.value.field == "document"
    mine = document(case)
    assert record(alice, ordered, document=mine).document == mine
    assert record(alice, ordered, document=mine.pk).document == mine
