"""Benchmark: the whole rule catalogue and all deadlines over a synthetic municipality.

    .venv/bin/python bench/rules_bulk.py [--cases 100000] [--seed 1]

Builds N case snapshots with plausible histories (profile versions, presentations, consents, requests,
activities, assessments, follow-ups, rehabilitation-team meetings and recommendations, pathway records, decisions
with hearings and complaints, answers to prompts) in memory, evaluates every rule for every case, and prints cases
per second, peak memory, and the time of a single interactive check (median of 200). Pure evne.rules: no database.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from evne.rules import snapshot as s
from evne.rules.catalogue import RULES
from evne.rules.engine import evaluate

PATHWAYS = ["revalidering", "ressourceforlob", "jobafklaring", "fleksjob", "fortidspension", "sygedagpenge",
            "kontanthjaelp"]  # fmt: skip
TEAM = ("ressourceforlob", "jobafklaring", "fleksjob", "fortidspension")
ROLES = ("employment", "social", "health", "regional_health")
KEYS = ["education", "labour_market_experience", "interests", "social_competences", "adaptability", "health",
        "work_wishes", "work_identity", "social_network", "housing_finances"]  # fmt: skip
TODAY = date(2026, 11, 22)


def synthetic_case(rng: random.Random, i: int) -> s.Snapshot:
    start = TODAY - timedelta(days=rng.randint(10, 1500))
    day = lambda lo, hi: start + timedelta(days=rng.randint(lo, hi))  # noqa: E731
    elements = []
    for key in rng.sample(KEYS, rng.randint(0, 8)):
        for number in range(1, rng.randint(1, 4) + 1):
            relevant = rng.random() < 0.85
            elements.append(s.Element(
                key=key, number=number, saved_on=day(5 + number * 20, 30 + number * 60), relevant=relevant,
                has_not_relevant_reason=not relevant and rng.random() < 0.8, has_facts=True,
                has_assessment=rng.random() < 0.7, assessment_rests_on_facts=rng.random() < 0.95,
                has_citizen_view=rng.random() < 0.8, has_accommodation_needs=key == "health" and rng.random() < 0.5,
                accommodation_duration=rng.choice(["", "permanent", "temporary"]),
            ))  # fmt: skip
    presentations = ()
    if elements and rng.random() < 0.6:
        latest = {e.key: e.number for e in elements}
        presentations = (s.Presentation(presented_on=day(100, 300), responses=tuple(
            s.Response(element=k, version_number=n, agrees=rng.random() < 0.85, has_disagreement_text=True,
                       decision=rng.choice(["", "keep", "amend"]), has_explanation=rng.random() < 0.9)
            for k, n in latest.items())),)  # fmt: skip
    requests = tuple(
        s.Request(id=j, document_type=rng.choice(["status_statement", "lae_265", "specialist_statement"]),
                  created_on=day(20, 400), sent_on=day(25, 410), answer_due_on=day(40, 430),
                  answered_on=day(30, 450) if rng.random() < 0.7 else None, consent_in_force=rng.random() < 0.9)
        for j in range(rng.randint(0, 4))
    )  # fmt: skip
    activities = tuple(
        s.Activity(id=j, type_code="virksomhedspraktik", start_on=day(30, 300), planned_end_on=day(300, 500),
                   has_order=True, has_follow_up_plan=rng.random() < 0.8)
        for j in range(rng.randint(0, 2))
    )  # fmt: skip
    assessments = tuple(
        s.Assessment(number=j + 1, assessed_on=day(200 + j * 100, 400 + j * 100),
                     conclusion=rng.choice(["can_be_improved", "flex_job_level", "sufficient", "below_flex_job"]),
                     job_functions_named=rng.randint(0, 3), job_functions_meetable=rng.randint(0, 2),
                     document_count=rng.randint(0, 3))
        for j in range(rng.randint(0, 2))
    )  # fmt: skip
    pathway = rng.choice(PATHWAYS)
    follow_ups = ()
    if pathway in ("sygedagpenge", "kontanthjaelp"):
        every = 28 if pathway == "sygedagpenge" else 90
        follow_ups = tuple(s.FollowUp(held_on=start + timedelta(days=40 + k * every + rng.randint(-5, 10)),
                                      parties_decided=k == 0 and rng.random() < 0.9,
                                      parties=("employer",) if k == 0 and rng.random() < 0.3 else ())
                           for k in range(rng.randint(0, 10)))  # fmt: skip
    meetings, recommendations, plans = (), (), ()
    transfer, courses, visitations, flex_jobs = None, (), (), ()
    if pathway in TEAM and rng.random() < 0.7:
        plans = (s.RehabPlan(number=1, saved_on=day(60, 200), gp_basis="lae_265", gp_document_id=1,
                             profile_versions=len(elements), citizen_accepted_on=day(60, 210)),)  # fmt: skip
        meetings = (s.RehabMeeting(id=i, held_on=day(220, 320), citizen_present=rng.random() < 0.9,
                                   caseworker_present=True, roles_present=ROLES),)  # fmt: skip
        kind = {"fortidspension": "fortidspension", "fleksjob": "fleksjob"}.get(pathway, "ressourceforlob")
        recommendations = (s.Recommendation(id=i, meeting_id=i, kind=kind, recommended_on=meetings[0].held_on,
                                            content=("factors", "goal", "measures", "follow_up", "mentor"),
                                            development_perspective=rng.random() < 0.8,
                                            departed_on=day(330, 360) if rng.random() < 0.05 else None),)  # fmt: skip
        if pathway == "fortidspension":
            transfer = s.PensionTransfer(transferred_on=day(330, 350), citizen_told_on=day(330, 360),
                                         on_existing_evidence=rng.random() < 0.2)  # fmt: skip
        elif pathway == "ressourceforlob":
            first = day(330, 360)
            courses = (s.ResourceCourse(id=i, start_on=first, end_on=first + timedelta(days=730),
                                        has_coordinator=True, has_action_part=rng.random() < 0.9),)  # fmt: skip
        elif pathway == "fleksjob":
            visitations = (
                s.FlexJobVisitation(
                    visited_on=day(330, 360),
                    permanently_reduced=True,
                    measures_tried=True,
                    has_work_functions=True,
                    has_hours=True,
                ),
            )
            flex_jobs = (s.FlexJob(start_on=day(370, 420)),) if rng.random() < 0.5 else ()
    decisions, hearings, complaints = (), (), ()
    if assessments and rng.random() < 0.5:
        refusal = rng.random() < 0.3
        created = day(400, 480)
        issued = rng.random() < 0.6
        decisions = (s.Decision(number=1, decision_type="refusal" if refusal else pathway, status="issued" if issued
                                else "draft", outcome="refusal" if refusal else pathway, created_on=created,
                                fully_grants=not refusal, decided_on=created + timedelta(days=30) if issued else None,
                                has_decision_text=True, has_legal_basis=True, has_reasons=True, has_facts=True,
                                has_guidance=refusal, guidance_given_on=created + timedelta(days=30)
                                if issued and refusal else None, answer_dealt_with=True),)  # fmt: skip
        if refusal:
            hearings = (s.Hearing(decision_number=1, sent_on=created + timedelta(days=2),
                                  response_due_on=created + timedelta(days=16), answer="answered",
                                  answered_on=created + timedelta(days=10)),)  # fmt: skip
            if issued and rng.random() < 0.3:
                complaints = (s.Complaint(decision_number=1, received_on=created + timedelta(days=45)),)
    answers = ()
    if rng.random() < 0.7:
        answers = (s.Answer(rule_id="method.impartiality", text="Ingen inhabilitet", given_on=day(0, 200)),)
    statements, treatments, trials, applications = [], [], [], []
    for j in range(rng.randint(0, 3)):  # the substance of the statements on file (issue 11)
        stated = day(30, 400)
        statements.append(s.Statement(
            document_id=j + 1, kind=rng.choice(["lae_265", "specialist_statement", "medical_adviser"]),
            author_role=rng.choice(["gp", "specialist", "medical_adviser", "clinical_function"]), stated_on=stated,
            received_on=stated + timedelta(days=5), prognosis=rng.choice(["permanent", "temporary", "unclear"]),
            hours_per_week=rng.choice([None, 4.0, 12.0, 20.0]), development_view=rng.choice(["yes", "no", "unclear"]),
            work_ability_view=rng.choice(["permanently_substantially_reduced", "reduced", "not_assessed"]),
            agreement=rng.choice(["agrees", "disagrees", "not_stated"]),
        ))  # fmt: skip
        if rng.random() < 0.5:
            recommended = stated
            steps = [s.TreatmentStep(status="planned", on=recommended)]
            if rng.random() < 0.6:
                steps.append(
                    s.TreatmentStep(
                        status=rng.choice(["completed", "declined", "ongoing"]),
                        on=recommended + timedelta(days=rng.randint(10, 200)),
                        has_reason=True,
                    )
                )
            treatments.append(s.Treatment(id=j + 1, source="statement", recommended_on=recommended,
                                          expected_effect=rng.choice(["work_ability", "quality_of_life"]),
                                          document_id=j + 1, steps=tuple(steps)))  # fmt: skip
    for a in activities:
        trials.append(s.TrialPeriod(
            id=a.id + 1, activity_id=a.id, start_on=a.start_on,
            end_on=a.start_on + timedelta(weeks=rng.randint(2, 13)),
            trade=rng.choice(["Lager", "Rengøring", "Kontor"]), planned_hours=rng.choice([10.0, 15.0, 20.0]),
            actual_hours=rng.choice([4.0, 8.0, 12.0, 15.0]),
            accommodation_respected=rng.choice(["yes", "partly", "no"]),
            outcome=rng.choice(["completed", "ended_health", "running"]), company_based=True,
            pace_percent=rng.choice([None, 50, 70]), sustained_hours=rng.choice([None, 6.0, 10.0]),
        ))  # fmt: skip
    if pathway in TEAM and rng.random() < 0.5:
        applications.append(s.Application(id=1, kind=pathway if pathway != "ressourceforlob" else "fleksjob",
                                          applied_on=day(10, 200)))  # fmt: skip
    return s.Snapshot(
        case=s.CaseFacts(number=f"997-2026-{i:06d}", pathway=pathway, benefit="kontanthjaelp",
                         status=rng.choice(["open", "in_course", "awaiting_decision", "decided"]),
                         help_requested_on=start, caseworker_since=day(0, 200),
                         citizen_needs_interpreter=rng.random() < 0.05),
        citizen_born_on=date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28)),
        follow_ups=follow_ups, rehab_plans=plans, rehab_meetings=meetings, recommendations=recommendations,
        pension_transfer=transfer, resource_courses=courses, fleksjob_visitations=visitations, flex_jobs=flex_jobs,
        decisions=decisions, hearings=hearings, complaints=complaints, answers=answers,
        statements=tuple(statements), treatments=tuple(treatments), trial_periods=tuple(trials),
        applications=tuple(applications),
        involvement=(s.Involvement(kind="opening_conversation", occurred_on=day(1, 10)),) if elements else (),
        elements=tuple(elements), presentations=presentations,
        consents=(s.Consent(purpose="disclose", status="given", given_on=day(0, 300)),) if rng.random() < 0.3 else (),
        requests=requests, activities=activities, assessments=assessments,
    )  # fmt: skip


CASES: list[s.Snapshot] = []


def _count_range(bounds: tuple[int, int]) -> tuple[int, int]:
    return _count(CASES[bounds[0] : bounds[1]])


def _count(chunk: list[s.Snapshot]) -> tuple[int, int]:
    findings = deadlines = 0
    for snapshot in chunk:
        evaluation = evaluate(RULES, snapshot, on=TODAY)
        findings += sum(1 for r in evaluation.results if r.finding.outcome in ("missing", "late", "prompt"))
        deadlines += len(evaluation.deadlines())
    return findings, deadlines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: one per core)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    cases = [synthetic_case(rng, i) for i in range(args.cases)]
    built = time.perf_counter() - started

    started = time.perf_counter()
    if args.workers > 1:
        import multiprocessing

        global CASES
        CASES = cases
        size = -(-len(cases) // args.workers)
        with multiprocessing.get_context("fork").Pool(args.workers) as pool:
            counts = pool.map(_count_range, [(i, min(i + size, len(cases))) for i in range(0, len(cases), size)])
    else:
        counts = [_count(cases)]
    findings, deadlines = sum(c[0] for c in counts), sum(c[1] for c in counts)
    elapsed = time.perf_counter() - started

    single = []
    for snapshot in cases[:200]:
        t = time.perf_counter()
        evaluate(RULES, snapshot, on=TODAY).explain()
        single.append((time.perf_counter() - t) * 1000)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rules_bulk: {args.cases} cases, {len(RULES)} rules, {args.workers} process(es); built in {built:.1f} s")
    print(f"  whole catalogue + deadlines: {elapsed:.1f} s = {args.cases / elapsed:,.0f} cases/s "
          f"({findings:,} findings, {deadlines:,} running deadlines)")  # fmt: skip
    print(f"  single interactive check (evaluate + explain): median {statistics.median(single):.3f} ms, "
          f"max {max(single):.3f} ms")  # fmt: skip
    print(f"  peak memory (max RSS): {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
