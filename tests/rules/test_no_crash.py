"""No evaluation crashes on any valid snapshot, and the explanation is always plain data."""

import json
import os
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from evne.rules import snapshot as s
from evne.rules.catalogue import RULES
from evne.rules.engine import Outcome, evaluate

days = st.dates(min_value=date(1999, 1, 1), max_value=date(2035, 12, 31))
texts = st.sampled_from(["", "keep", "amend", "collect", "disclose", "given", "refused", "sufficient",
                         "below_flex_job", "can_be_improved", "fortidspension", "decided", "x"])  # fmt: skip
keys = st.sampled_from(["education", "health", "work_wishes", "work_identity", "other", "interests"])
pathways = st.sampled_from(["fortidspension", "fleksjob", "ressourceforlob", "revalidering", "jobafklaring",
                            "sygedagpenge", "kontanthjaelp"])  # fmt: skip
rule_ids = st.sampled_from([r.id for r in RULES])
iso_days = days.map(date.isoformat)

snapshots = st.builds(
    s.Snapshot,
    case=st.builds(s.CaseFacts, number=st.just("999-2026-00001"),
                   pathway=pathways,
                   benefit=st.just("kontanthjaelp"), status=st.sampled_from(["open", "decided", "in_course"]),
                   help_requested_on=days, caseworker_since=st.none() | days,
                   citizen_needs_interpreter=st.booleans()),
    involvement=st.lists(st.builds(s.Involvement, kind=st.sampled_from(["opening_conversation", "non_participation"]),
                                   occurred_on=days), max_size=3).map(tuple),
    elements=st.lists(st.builds(s.Element, key=keys, number=st.integers(1, 5), saved_on=days, relevant=st.booleans(),
                                accommodation_duration=texts), max_size=6).map(tuple),
    presentations=st.lists(st.builds(s.Presentation, presented_on=days, responses=st.lists(
        st.builds(s.Response, element=keys, version_number=st.integers(1, 5), agrees=st.booleans(), decision=texts),
        max_size=4).map(tuple)), max_size=3).map(tuple),
    consents=st.lists(st.builds(s.Consent, purpose=texts, status=texts, given_on=days,
                                expires_on=st.none() | days), max_size=3).map(tuple),
    requests=st.lists(st.builds(s.Request, id=st.integers(1, 99), document_type=texts, created_on=days,
                                sent_on=st.none() | days, answer_due_on=st.none() | days,
                                answered_on=st.none() | days, cancelled_on=st.none() | days), max_size=4).map(tuple),
    activities=st.lists(st.builds(s.Activity, id=st.integers(1, 99), type_code=texts, start_on=days,
                                  planned_end_on=days, actual_end_on=st.none() | days), max_size=3).map(tuple),
    assessments=st.lists(st.builds(s.Assessment, number=st.integers(1, 5), assessed_on=days, conclusion=texts,
                                   job_functions_named=st.integers(0, 3), job_functions_meetable=st.integers(0, 3),
                                   document_count=st.integers(0, 3)), max_size=3).map(tuple),
    follow_ups=st.lists(st.builds(s.FollowUp, held_on=days, parties=st.lists(texts, max_size=2).map(tuple)),
                        max_size=4).map(tuple),
    answers=st.lists(st.builds(s.Answer, rule_id=rule_ids, text=texts, given_on=days,
                               rule_version=st.none() | days, decision_number=st.none() | st.integers(1, 3)),
                     max_size=4).map(tuple),
    policies=st.lists(st.sampled_from(["policy.clarification_guarantee_months", "x"]), max_size=2).map(tuple),
    # decisions, hearing and appeals (issue 6)
    decisions=st.lists(st.builds(s.Decision, number=st.integers(1, 3), decision_type=texts,
                                 outcome=st.sampled_from(["refusal", "fleksjob", "fortidspension", "x"]),
                                 status=st.sampled_from(["draft", "issued"]), created_on=days,
                                 fully_grants=st.booleans(), decided_on=st.none() | days,
                                 guidance_given_on=st.none() | days, has_guidance=st.booleans()),
                       max_size=2).map(tuple),
    hearings=st.lists(st.builds(s.Hearing, decision_number=st.integers(1, 3), sent_on=days, response_due_on=days,
                                answer=st.sampled_from(["", "answered", "no_answer"]),
                                answered_on=st.none() | days), max_size=2).map(tuple),
    complaints=st.lists(st.builds(s.Complaint, decision_number=st.integers(1, 3), received_on=days,
                                  reconsideration=texts, reconsidered_on=st.none() | days,
                                  forwarded_on=st.none() | days), max_size=2).map(tuple),
    file_access=st.lists(st.builds(s.FileAccess, requested_on=days, handed_out_on=st.none() | days),
                         max_size=2).map(tuple),
    reasons_requests=st.lists(st.builds(s.ReasonsRequest, decision_notified_on=days, requested_on=days,
                                        answered_on=st.none() | days), max_size=2).map(tuple),
    local_decision_due_on=st.none() | days,
    delay_notices=st.lists(days, max_size=2).map(tuple),
    # the reform pathways (issue 7)
    citizen_born_on=st.none() | st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)),
    rehab_plans=st.lists(st.builds(s.RehabPlan, number=st.integers(1, 3), saved_on=days,
                                   gp_basis=st.sampled_from(["", "lae_265", "existing_evidence"]),
                                   citizen_accepted_on=st.none() | days), max_size=2).map(tuple),
    rehab_meetings=st.lists(st.builds(s.RehabMeeting, id=st.integers(1, 5), held_on=days,
                                      roles_present=st.lists(texts, max_size=3).map(tuple)), max_size=3).map(tuple),
    recommendations=st.lists(st.builds(s.Recommendation, id=st.integers(1, 5), meeting_id=st.integers(1, 5),
                                       kind=st.sampled_from(["ressourceforlob", "fleksjob", "fortidspension",
                                                             "postponement", "x"]),
                                       recommended_on=days, content=st.lists(texts, max_size=3).map(tuple),
                                       departed_on=st.none() | days), max_size=3).map(tuple),
    pension_transfer=st.none() | st.builds(s.PensionTransfer, transferred_on=days, citizen_told_on=st.none() | days,
                                           on_existing_evidence=st.booleans(), senior=st.booleans(),
                                           without_team=st.booleans()),
    resource_courses=st.lists(st.builds(s.ResourceCourse, id=st.integers(1, 5), start_on=days, end_on=days,
                                        ended_on=st.none() | days), max_size=2).map(tuple),
    fleksjob_visitations=st.lists(st.builds(s.FlexJobVisitation, visited_on=days, very_few_hours=st.booleans()),
                                  max_size=2).map(tuple),
    flex_jobs=st.lists(st.builds(s.FlexJob, start_on=days, ended_on=st.none() | days), max_size=2).map(tuple),
    ledighedsydelse_periods=st.lists(st.builds(s.LedighedsydelsePeriod, start_on=days, end_on=st.none() | days),
                                     max_size=2).map(tuple),
)  # fmt: skip


@settings(max_examples=int(os.environ.get("EVNE_NO_CRASH_EXAMPLES", "300")), deadline=None)
@given(snapshots, days)
def test_no_evaluation_crashes_on_a_valid_snapshot(snapshot, on):
    evaluation = evaluate(RULES, snapshot, on=on)
    assert len(evaluation.results) == len(RULES)
    assert all(isinstance(r.finding.outcome, Outcome) for r in evaluation.results)
    json.dumps(evaluation.explain())  # storable with a decision
    assert s.Snapshot.from_dict(json.loads(json.dumps(snapshot.to_dict()))) == snapshot  # the case-file round trip
