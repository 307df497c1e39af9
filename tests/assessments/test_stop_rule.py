"""R37, the stop rule (bek. 543/2002 § 7, stk. 7; seed 001, l. 2206–2216, 2237–2248): once the work ability is
found sufficient for a job on normal terms, no further information is obtained and a decision is due."""

from django.utils import translation

from evne.assessments.selectors import information_gathering_stopped
from evne.cases.models import CaseStatus, EventKind
from evne.cases.timeline import describe

from .conftest import job


def test_it_moves_the_case_to_awaiting_decision_and_stops_information_gathering(make, case):
    assessment = make(conclusion="sufficient", job_functions=[job()])
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_DECISION
    assert information_gathering_stopped(case) == assessment
    status = case.events.get(kind=EventKind.STATUS_CHANGED)
    assert status.data == {"old": "open", "new": "awaiting_decision"}
    assert status.actor == assessment.author


def test_it_leaves_the_case_and_information_gathering_alone_when_the_work_ability_can_be_improved(make, case):
    make(conclusion="can_be_improved")
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert information_gathering_stopped(case) is None
    assert not case.events.filter(kind=EventKind.STATUS_CHANGED).exists()


def test_it_follows_the_latest_assessment(make, case):
    make(conclusion="sufficient")
    assert information_gathering_stopped(case) is not None
    make(conclusion="not_final")
    assert information_gathering_stopped(case) is None


def test_it_does_not_change_a_case_already_awaiting_a_decision(make, case):
    make(conclusion="sufficient")
    make(conclusion="sufficient")
    assert case.events.filter(kind=EventKind.STATUS_CHANGED).count() == 1


def test_it_describes_the_assessment_on_the_timeline(make, case):
    make(conclusion="sufficient")
    event = case.events.get(kind=EventKind.ASSESSMENT_MADE)
    with translation.override("en"):
        text = describe(event)
    assert "assessment 1" in text and "April 1, 2026" in text and "Sufficient for ordinary work" in text
