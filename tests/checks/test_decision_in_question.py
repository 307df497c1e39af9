"""The rules judge the decision in question, not the case's current pathway; answers count from their day."""

import dataclasses
from datetime import date, timedelta

import pytest
from django.utils import timezone

from evne.cases.services import case_open, prompt_answer
from evne.checks.case import case_checks, evaluation_for, snapshot_for_case
from evne.decisions import services as decisions
from evne.rules import snapshot as s
from evne.rules.catalogue import BY_ID, RULES
from evne.rules.engine import Outcome, evaluate

pytestmark = pytest.mark.django_db
TEAM_RULE = "reform.rehab_team_recommendation"


@pytest.fixture
def sick_pay_case(alice, citizen):
    return case_open(actor=alice, citizen=citizen, pathway="sygedagpenge", benefit="sygedagpenge",
                     help_requested_on=timezone.localdate() - timedelta(days=200))  # fmt: skip


@pytest.fixture
def citizen(alice):
    from evne.citizens.services import citizen_create

    return citizen_create(actor=alice, cpr="010180-1234", first_name="Mette", last_name="Testrup")


def _outcome(evaluation, rule_id):
    return next(r.finding.outcome for r in evaluation.results if r.rule.id == rule_id)


def test_a_fleksjob_refusal_drafted_on_a_sick_pay_case_meets_the_team_rules(alice, sick_pay_case):
    today = timezone.localdate()
    draft = decisions.decision_draft(actor=alice, case=sick_pay_case, outcome="refusal", subject="fleksjob",
                                     applied_for="Fleksjob.")  # fmt: skip
    evaluation = evaluation_for(draft, on=today)
    assert set(evaluation.in_question) == {"fleksjob", "refusal"}
    assert _outcome(evaluation, TEAM_RULE) == Outcome.PROMPT
    assert TEAM_RULE in {r.rule.id for r in evaluation.blocking(evaluation.in_question)}


def test_a_pension_grant_drafted_on_a_sick_pay_case_is_judged_as_a_pension_decision(alice, sick_pay_case):
    draft = decisions.decision_draft(actor=alice, case=sick_pay_case, outcome="fortidspension", fully_grants=True,
                                     applied_for="Førtidspension.")  # fmt: skip
    evaluation = evaluation_for(draft, on=timezone.localdate())
    assert evaluation.in_question == ("fortidspension",)
    assert _outcome(evaluation, TEAM_RULE) == Outcome.PROMPT
    assert _outcome(evaluation, "reform.pension_measures_tried") != Outcome.NOT_APPLICABLE


def test_the_case_page_readiness_judges_each_decision_type_as_the_one_in_question(sick_pay_case):
    checks = case_checks(sick_pay_case, on=timezone.localdate())
    readiness = {r.decision_type: {b.rule.id for b in r.blocking} for r in checks.readiness}
    assert TEAM_RULE in readiness["fleksjob"] and TEAM_RULE in readiness["fortidspension"]
    assert TEAM_RULE not in readiness["ordinary_work"]
    # without a draft, the sick-pay case's own findings do not ask for the team
    assert TEAM_RULE not in {r.rule.id for r in checks.findings}


def test_an_answer_counts_only_from_the_day_it_was_given(alice, sick_pay_case):
    prompt_answer(actor=alice, case=sick_pay_case, rule_id=TEAM_RULE, answer="Undtagelse: § 17, stk. 4.")
    snap = snapshot_for_case(sick_pay_case)
    today = timezone.localdate()
    fleksjob = s.Target(subject="fleksjob")
    judged = evaluate([BY_ID[TEAM_RULE]], dataclasses.replace(snap, target=fleksjob), on=today)
    assert judged.results[0].finding.outcome == Outcome.OK
    yesterday = evaluate([BY_ID[TEAM_RULE]], dataclasses.replace(snap, target=fleksjob), on=today - timedelta(days=1))
    assert yesterday.results[0].finding.outcome == Outcome.PROMPT


def test_an_answer_on_1_september_does_not_clear_a_deadline_judged_on_15_march():
    rule = BY_ID["deadline.further_measures_before_end"]
    snap = s.Snapshot(
        case=s.CaseFacts(number="1", pathway="kontanthjaelp", benefit="kontanthjaelp", status="open",
                         help_requested_on=date(2026, 1, 5)),
        activities=(s.Activity(id=1, type_code="virksomhedspraktik", start_on=date(2026, 2, 1),
                               planned_end_on=date(2026, 3, 20)),),
        answers=(s.Answer(rule_id=rule.id, text="Videre indsats aftalt.", given_on=date(2026, 9, 1)),),
    )  # fmt: skip
    assert evaluate([rule], snap, on=date(2026, 3, 15)).results[0].finding.outcome == Outcome.PROMPT
    assert evaluate([rule], snap, on=date(2026, 9, 2)).results[0].finding.outcome == Outcome.OK


def test_a_decision_question_answered_for_one_decision_does_not_answer_the_next(alice, sick_pay_case):
    rule_id = "decision.relevant_considerations_only"
    first = decisions.decision_draft(actor=alice, case=sick_pay_case, outcome="refusal", subject="fleksjob",
                                     applied_for="Fleksjob.")  # fmt: skip
    prompt_answer(actor=alice, case=sick_pay_case, rule_id=rule_id, answer="Kun saglige hensyn.",
                  decision_number=first.number)  # fmt: skip
    today = timezone.localdate()
    assert _outcome(evaluation_for(first, on=today), rule_id) == Outcome.OK
    second = decisions.decision_draft(actor=alice, case=sick_pay_case, outcome="refusal", subject="ressourceforlob",
                                      applied_for="Ressourceforløb.")  # fmt: skip
    assert _outcome(evaluation_for(second, on=today), rule_id) == Outcome.PROMPT


def test_every_rule_keyed_on_a_decision_type_reads_the_decision_in_question():
    """No rule that applies only to some decisions is switched on by the pathway when a target names another."""
    snap = s.Snapshot(case=s.CaseFacts(number="1", pathway="fleksjob", benefit="ledighedsydelse", status="open",
                                       help_requested_on=date(2026, 1, 5)),
                      target=s.Target(subject="ordinary_work"))  # fmt: skip
    evaluation = evaluate(RULES, snap, on=date(2026, 6, 1))
    fleksjob_only = [r for r in evaluation.results if r.rule.decision_types == ("fleksjob",)]
    assert fleksjob_only and all(r.finding.outcome == Outcome.NOT_APPLICABLE for r in fleksjob_only)
