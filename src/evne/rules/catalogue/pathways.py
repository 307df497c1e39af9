"""The reform pathways as facts (issue 7): the rehabiliteringsplan's preparatory part, the team's meetings and
recommendations, the transfer to pension treatment, senior førtidspension, the ressourceforløb's period and what
follows it, and the fleksjob visitation.

Sources: seed 003 (Copenhagen taskforce 2018) — notes §1.2–§1.6, §2.2–§2.4, §5.1–§5.4 — read at the lines cited;
bek. nr. 996 af 29. juni 2016 (the recommendation's content, §§ 8–10) as the report quotes it. The rules read the
facts Evne records (snapshot.rehab_plans, rehab_meetings, recommendations, pension_transfer, resource_courses,
fleksjob_visitations); they never judge the substance — that stays the caseworker's and the team's.
"""

from datetime import date
from functools import partial

from ..engine import Citation, Finding, Rule, Severity, version
from ..parameters import param, value_on
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import FUTILE_CONDITIONS, REQUIRED_CONTENT, TEAM_PATHWAYS
from .deadline import add_months

REFORM = in_force("reform_2013")
SENIOR = in_force("bek_1555_2013")  # bek. nr. 1555 af 18/12 2013
SENIOR_REPEALED = date(2020, 1, 1)  # lov nr. 1559 af 27/12 2019 (seniorpension replaces it)
LEADING_2017 = date(2017, 1, 1)  # Ankestyrelsen 39-17 and 42-17 (published 2017; re-check the exact dates)

# The Danish words for the parts of the recommendation (vocabulary.REQUIRED_CONTENT says which each kind needs).
CONTENT_DA = {
    "factors": "de beskæftigelsesmæssige, sociale og helbredsmæssige forhold, der er lagt vægt på",
    "goal": "det overordnede mål",
    "measures": "de nødvendige indsatser",
    "order_of_measures": "indsatsernes rækkefølge",
    "follow_up": "opfølgningen",
    "mentor": "om der er behov for mentor",
    "why_clarified": "hvorfor borgeren er afklaret og ikke kan arbejde på ordinære vilkår",
    "flex_job_types": "typer af fleksjob eller arbejdsfunktioner",
    "special_needs": "særlige hensyn eller støtte",
    "professional_reasons": "den faglige begrundelse",
    "postponement_reason": "begrundelsen for udsættelsen",
    "development_within_reasonable_time": "hvorfor arbejdsevnen kan udvikles inden for en rimelig periode",
    "reasons": "teamets begrundelse",
    "legal_test": "det retlige kriterium, indstillingen bygger på",
}
REQUIRED_ROLES = ("employment", "social", "health", "health_coordinator")


_v = partial(version, start=REFORM)  # a version of a rule, from REFORM unless told otherwise


# --- the preparatory part --------------------------------------------------------------------------------------


# Bek. 996/2016 (seed 003 L3131–3141): "Den forberedende del af rehabiliteringsplanen skal udarbejdes sammen med
# borgeren" and must be so thorough that the case is fully informed before the team; its sections L2784–2800.
# Required in § 17, stk. 2 cases too (L730–731).
def _plan_prepared(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_PATHWAYS):
        return Finding.not_applicable(in_question=s.in_question(on))
    plan = s.latest_rehab_plan(on)
    if plan is None:
        return Finding.missing(
            "Rehabiliteringsplanens forberedende del mangler. Den udarbejdes sammen med borgeren, før sagen "
            "forelægges rehabiliteringsteamet.",
            "The preparatory part of the rehabilitation plan is missing. It is written with the citizen before the "
            "case goes to the rehabilitation team.",
        )
    if plan.citizen_accepted_on is None or plan.citizen_accepted_on > on:
        return Finding.missing(
            f"Den forberedende del (version {plan.number}) er ikke godkendt af borgeren: registrér datoen for "
            "borgerens underskrift eller accept.",
            f"The preparatory part (version {plan.number}) has not been accepted by the citizen: record the date of "
            "the citizen's signature or acceptance.",
            number=plan.number,
        )
    if not plan.gp_basis:
        return Finding.missing(
            "Den forberedende del mangler lægens vurdering: LÆ 265 eller — ved ansøgning på det foreliggende grundlag "
            "— henvisning til det, sagen allerede indeholder.",
            "The preparatory part lacks the GP's assessment: LÆ 265 or — for an application on the existing "
            "evidence — a reference to what the file already holds.",
            number=plan.number,
        )
    return Finding.ok(number=plan.number, accepted_on=plan.citizen_accepted_on, gp_basis=plan.gp_basis)


# --- the team's meeting and recommendation ---------------------------------------------------------------------


# Seed 003 L3160–3164 (R2): an FP, FJ or RF case starts only after a team meeting at which the citizen and the
# caseworker attend in person.
def _attendance(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_PATHWAYS):
        return Finding.not_applicable(in_question=s.in_question(on))
    held = [m for m in s.rehab_meetings if m.held_on <= on]
    if not held:
        return Finding.not_applicable(reason="no meeting yet")
    meeting = max(held, key=lambda m: (m.held_on, m.id))
    if meeting.citizen_present and meeting.caseworker_present:
        return Finding.ok(meeting=meeting.id)
    absent = [
        w
        for w, here in (("borgeren", meeting.citizen_present), ("sagsbehandleren", meeting.caseworker_present))
        if not here
    ]
    return Finding.missing(
        f"Ved teammødet {meeting.held_on:%d-%m-%Y} er {' og '.join(absent)} ikke registreret som til stede. "
        "Borgeren og "
        "sagsbehandleren deltager personligt i mødet.",
        f"At the team meeting of {meeting.held_on:%d-%m-%Y} the citizen and/or caseworker are not recorded as "
        "present. Both attend the meeting in person.",
        meeting=meeting.id,
    )


# Lov om organisering § 10 (seed 003 L3094–3104, L3166–3174; R7): employment, social and health members and the
# region's health coordinator; education for citizens under 30 without vocational education.
def _composition(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_PATHWAYS):
        return Finding.not_applicable(in_question=s.in_question(on))
    held = [m for m in s.rehab_meetings if m.held_on <= on]
    if not held:
        return Finding.not_applicable(reason="no meeting yet")
    meeting = max(held, key=lambda m: (m.held_on, m.id))
    required = list(REQUIRED_ROLES)
    age = s.age_on(meeting.held_on)
    if age is not None and age < 30:
        required.append("education")
    missing = [r for r in required if r not in meeting.roles_present]
    if not missing:
        return Finding.ok(meeting=meeting.id, roles=meeting.roles_present)
    return Finding.missing(
        f"Rehabiliteringsteamet manglede ved mødet {meeting.held_on:%d-%m-%Y} repræsentanter for: {', '.join(missing)} "
        "(beskæftigelse, socialområdet, sundhed, regionens sundhedskoordinator og for borgere under 30 år "
        "uddannelse).",
        f"At the meeting of {meeting.held_on:%d-%m-%Y} the team lacked: {', '.join(missing)} (employment, social, "
        "health, the regional health coordinator, and education for citizens under 30).",
        meeting=meeting.id,
        missing=missing,
    )


# Bek. 996/2016 § 8 (seed 003 L3280–3282): "Hvis rehabiliteringsteamet vurderer, at indsatserne i ressourceforløbet
# ikke kan iværksættes parallelt, skal det fremgå af rehabiliteringsteamets indstilling. Rehabiliteringsteamet kan
# endvidere angive i hvilken rækkefølge …" — the order is required only where the measures cannot run in parallel, a
# judgement the snapshot does not carry, so its absence is not a finding (issue 12, B7). The form keeps the field.
ONLY_WHEN_NEEDED = ("order_of_measures",)


# Bek. 996/2016 §§ 8–10 (seed 003 L3188–3300): the content of the recommendation by outcome; a postponement names its
# reason (L3297–3300; BDO could not see it in four cases, L3769–3771); fleksjob on very few hours argues development
# within a reasonable time (§ 9; L829–832, L3252–3254).
def _recommendation_content(s: Snapshot, on: date) -> Finding:
    rec = s.latest_recommendation(on)
    if rec is None or not s.concerns(on, *TEAM_PATHWAYS):
        return Finding.not_applicable(in_question=s.in_question(on))
    missing = [
        c for c in REQUIRED_CONTENT.get(rec.kind, ("factors",)) if c not in rec.content and c not in ONLY_WHEN_NEEDED
    ]
    if rec.kind == "fleksjob" and rec.very_few_hours and "development_within_reasonable_time" not in rec.content:
        missing.append("development_within_reasonable_time")
    if not missing:
        return Finding.ok(recommendation=rec.id, kind=rec.kind)
    if rec.kind == "postponement":
        return Finding.missing(
            "Rehabiliteringsteamet har udsat sagen uden synlig begrundelse: det skal fremgå, hvorfor oplysningerne "
            "ikke "
            "er tilstrækkelige, og hvad der præcist mangler.",
            "The rehabilitation team postponed the case without a visible reason: it must say why the information is "
            "insufficient and what exactly is missing.",
            recommendation=rec.id,
        )
    return Finding.missing(
        f"Indstillingen ({rec.kind}) mangler: {'; '.join(CONTENT_DA[c] for c in missing)}.",
        f"The recommendation ({rec.kind}) lacks: {', '.join(missing)}.",
        recommendation=rec.id,
        missing=missing,
    )


# BDO's review (seed 003 L3848–3851; notes T15) — an audit heuristic, not law: cases often came to the team after
# about a year without any employment-oriented activity. Any recorded activity counts (the snapshot does not tell
# employment-oriented activities from others); the caseworker's answer settles the prompt.
def _activity_before_team(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_PATHWAYS):
        return Finding.not_applicable(in_question=s.in_question(on))
    held = [m for m in s.rehab_meetings if m.held_on <= on]
    if not held:
        return Finding.not_applicable(reason="no meeting yet")
    first = min(held, key=lambda m: (m.held_on, m.id))
    months = param("reform.activity_before_team_months", on)
    since = add_months(first.held_on, -months)
    active = [
        a
        for a in s.activities
        if a.start_on <= first.held_on and min(a.actual_end_on or a.planned_end_on, first.held_on) >= since
    ]
    if active:
        return Finding.ok(meeting=first.id, activities=[a.id for a in active])
    answer = s.answer("pathways.activity_before_team", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        f"Ingen indsats er registreret i de {months} måneder før sagen kom på teammødet {first.held_on:%d-%m-%Y}. "
        "Det er ikke ulovligt, men et kendt risikotegn (BDO): registrér, hvorfor sagen er tilstrækkeligt oplyst.",
        f"No activity is recorded in the {months} months before the team meeting of {first.held_on:%d-%m-%Y}. Not "
        "unlawful, but a known risk sign (BDO): record why the case is sufficiently informed.",
        meeting=first.id,
    )


# --- førtidspension ----------------------------------------------------------------------------------------------


def _on_existing_evidence(s: Snapshot, on: date) -> bool:
    plan = s.latest_rehab_plan(on)
    return bool(
        (plan and plan.gp_basis == "existing_evidence")
        or (s.pension_transfer and s.pension_transfer.on_existing_evidence)
    )


# Ankestyrelsen 39-17 (seed 003 L726–738, L3231–3239; notes T3): on an application on the existing evidence
# (§ 17, stk. 2) the case moves to pension treatment immediately and no later than 3 weeks after the team's
# recommendation. A running deadline.
def _pension_transfer(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension") or not _on_existing_evidence(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    recs = [r for r in s.recommendations_until(on) if r.decisive]
    if not recs:
        return Finding.not_applicable(reason="no recommendation yet")
    days = param("reform.pension_transfer_max_days_after_recommendation", on)
    due = date.fromordinal(recs[-1].recommended_on.toordinal() + days)
    transfer = s.pension_transfer
    if transfer is not None and transfer.transferred_on <= on:
        if transfer.transferred_on <= due:
            return Finding.ok(transferred_on=transfer.transferred_on, due=due)
        return Finding.late(
            f"Sagen overgik til pensionsbehandling {transfer.transferred_on:%d-%m-%Y}, senere end {days} dage efter "
            f"teamets indstilling (frist {due:%d-%m-%Y}; principafgørelse 39-17).",
            f"The case moved to pension treatment on {transfer.transferred_on:%d-%m-%Y}, later than {days} days after "
            f"the team's recommendation (due {due:%d-%m-%Y}; leading decision 39-17).",
            due=due,
        )
    if on > due:
        return Finding.late(
            f"Ansøgning på det foreliggende grundlag: sagen skulle være overgået til pensionsbehandling senest "
            f"{due:%d-%m-%Y} ({days} dage efter teamets indstilling; 39-17). Registrér overgangen.",
            f"Application on the existing evidence: the case should have moved to pension treatment by {due:%d-%m-%Y} "
            f"({days} days after the team's recommendation; 39-17). Record the transfer.",
            due=due,
        )
    return Finding.ok_until(due, recommended_on=recs[-1].recommended_on)


# Ankestyrelsen 39-17 (seed 003 L3211–3219, L726–738; notes R6): on an application on the existing evidence
# (§ 17, stk. 2) the municipality gathers what exists — it requests no LÆ 265 and starts no new examinations.
NEW_EXAMINATIONS = ("lae_265", "specialist_statement")


def _no_new_examinations(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension") or not _on_existing_evidence(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    plans = [p for p in s.rehab_plans if p.gp_basis == "existing_evidence" and p.saved_on <= on]
    since = min((p.saved_on for p in plans), default=s.case.help_requested_on)
    new = [
        r.id
        for r in s.requests
        if r.document_type in NEW_EXAMINATIONS
        and since <= r.created_on <= on
        and not (r.cancelled_on and r.cancelled_on <= on)
    ]
    if not new:
        return Finding.ok(since=since)
    return Finding.missing(
        "Ansøgningen er på det foreliggende grundlag: der skal ikke indhentes LÆ 265 eller sættes nye undersøgelser "
        "i gang (principafgørelse 39-17). Annullér anmodningen, eller registrér, at borgeren selv har bragt "
        "oplysningerne.",
        "The application is on the existing evidence: no LÆ 265 is requested and no new examinations are started "
        "(leading decision 39-17). Cancel the request, or record that the citizen brought the information.",
        requests=new,
    )


# Pension act § 18, stk. 2 with vejledning 9465/2016 (seed 003 L615–652; notes P2): an obviously futile case is
# decided without the team only when all four conditions hold. And seed 003 L3372–3374 (§ 18, stk. 2): "Borgernes
# sager vil i åbenbart formålsløse tilfælde kunne behandles uden forelæggelse for rehabiliteringsteamet efter
# pensionslovens § 18, stk. 2, hvis regionens sundhedskoordinator har udtalt sig i sagen, eller borgeren er terminalt
# syg." The coordinator's statement is a statement or document from the region's clinical function (the coordinator
# is its doctor); terminal illness is a medical fact the case file does not carry, so it is the recorded answer.
def _coordinator_statements(s: Snapshot, on: date) -> list[int]:
    found = {st.document_id for st in s.statements_on(on) if st.author_role == "clinical_function"}
    found |= {d.id for d in s.documents if d.kind == "clinical_function" and d.document_date <= on}
    return sorted(found)


def _without_team(s: Snapshot, on: date) -> Finding:
    t = s.pension_transfer
    if not s.concerns(on, "fortidspension") or t is None or not t.without_team or t.transferred_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    missing = [c for c in FUTILE_CONDITIONS if c not in t.futile_conditions]
    coordinator = _coordinator_statements(s, on)
    terminal = s.answer("pathways.pension_without_team", on)
    if not missing and (coordinator or terminal):
        return Finding.ok(conditions=t.futile_conditions, coordinator=coordinator, terminal=terminal or None)
    problems_da, problems_en = [], []
    if missing:
        problems_da.append(
            f"ikke alle fire betingelser er registreret som opfyldt (mangler: {', '.join(missing)}): helbredet alene, "
            "entydige og ikke modstridende oplysninger, dokumenteret varigt og svært nedsat funktionsevne"
        )
        problems_en.append(f"not all four conditions are recorded as met (missing: {', '.join(missing)})")
    if not (coordinator or terminal):
        problems_da.append(
            "regionens sundhedskoordinator har ikke udtalt sig, og det er ikke registreret, at borgeren er terminalt "
            "syg (pensionslovens § 18, stk. 2)"
        )
        problems_en.append(
            "the region's health coordinator has not given a statement, and it is not recorded that the citizen is "
            "terminally ill (pension act § 18(2))"
        )
    return Finding.missing(
        f"Sagen behandles uden rehabiliteringsteamet som åbenbart formålsløs, men {'; og '.join(problems_da)}.",
        f"The case is handled without the team as obviously futile, but {'; and '.join(problems_en)}.",
        missing=missing,
        coordinator=coordinator,
    )


# Pension act § 17, stk. 3 and bek. 1555/2013 (seed 003 L665–685; notes P5): senior førtidspension for citizens with
# at most 5 years to the state-pension age and a long (as a rule 25 years' full-time) and current attachment to the
# labour market. Repealed from 2020-01-01 (seniorpension; law-timeline.md). The state-pension age is pensionsloven
# § 1 a by birth date (parameters/state_pension.yaml, including 66½ years for those born 1 January–30 June 1955).
def _senior(s: Snapshot, on: date) -> Finding:
    t = s.pension_transfer
    if not s.concerns(on, "fortidspension") or t is None or not t.senior:
        return Finding.not_applicable(in_question=s.in_question(on))
    if s.citizen_born_on is None:
        return Finding.prompt(
            "Seniorførtidspension: borgerens fødselsdato kendes ikke — registrér, hvor mange år der er til "
            "folkepensionsalderen.",
            "Senior disability pension: the citizen's birth date is unknown — record the years to state-pension age.",
        )
    entry = value_on("state_pension.age_months", s.citizen_born_on)
    if entry is None:
        return Finding.prompt(
            "Seniorførtidspension: folkepensionsalderen for borgerens fødselsår er ikke i parametrene — registrér den.",
            "Senior disability pension: the state-pension age for the citizen's birth year is not in the parameters.",
        )
    pension_day = add_months(s.citizen_born_on, entry.value)
    years = param("reform.senior_max_years_to_state_pension", on)
    earliest = add_months(pension_day, -12 * years)
    problems_da, problems_en = [], []
    if on < earliest:
        problems_da.append(
            f"der er mere end {years} år til folkepensionsalderen ({pension_day:%d-%m-%Y}; tidligst "
            f"{earliest:%d-%m-%Y})"
        )
        problems_en.append(
            f"more than {years} years to the state-pension age ({pension_day:%d-%m-%Y}; at the earliest "
            f"{earliest:%d-%m-%Y})"
        )
    if not t.long_attachment:
        problems_da.append("lang og aktuel tilknytning til arbejdsmarkedet er ikke registreret")
        problems_en.append("long and current attachment to the labour market is not recorded")
    if not problems_da:
        return Finding.ok(state_pension_on=pension_day, earliest=earliest)
    return Finding.missing(
        f"Seniorførtidspension forudsætter højst {years} år til folkepensionsalderen og lang, aktuel tilknytning til "
        f"arbejdsmarkedet: {'; '.join(problems_da)}.",
        f"Senior disability pension requires at most {years} years to state-pension age and long, current "
        f"attachment: {'; '.join(problems_en)}.",
        state_pension_on=pension_day,
        earliest=earliest,
    )


# --- ressourceforløb ---------------------------------------------------------------------------------------------


# LAB § 68 b (seed 003 L2052–2054; notes T13): a ressourceforløb is granted for 1–5 years; a coordinating caseworker
# follows it (seed 003 L2840–2866).
def _course_period(s: Snapshot, on: date) -> Finding:
    course = s.latest_course(on)
    if course is None:
        return Finding.not_applicable(reason="no course")
    low, high = param("ressourceforloeb.min_years", on), param("ressourceforloeb.max_years", on)
    problems = []
    if not add_months(course.start_on, 12 * low) <= course.end_on <= add_months(course.start_on, 12 * high):
        problems.append(f"perioden {course.start_on:%d-%m-%Y}–{course.end_on:%d-%m-%Y} er ikke {low}–{high} år")
    if not course.has_coordinator:
        problems.append("der er ingen koordinerende sagsbehandler")
    if not problems:
        return Finding.ok(course=course.id)
    return Finding.missing(
        f"Ressourceforløbet: {'; '.join(problems)}.",
        "The resource course lasts 1–5 years and has a coordinating caseworker: " + "; ".join(problems) + ".",
        course=course.id,
    )


# Ankestyrelsen 42-17 (seed 003 L930–949; notes P9): after a ressourceforløb a new one must be offered when a
# cross-disciplinary effort is still needed because of complex problems.
def _after_end(s: Snapshot, on: date) -> Finding:
    ended = [c for c in s.resource_courses if c.ended_on and c.ended_on <= on]
    if not ended:
        return Finding.not_applicable(reason="no course has ended")
    course = max(ended, key=lambda c: (c.ended_on, c.id))
    if not course.still_in_target_group or course.outcome == "new_course":
        return Finding.ok(course=course.id, outcome=course.outcome)
    return Finding.missing(
        "Ressourceforløbet er slut, og borgeren er stadig i målgruppen (komplekse problemer, der kræver en "
        "tværfaglig indsats): der skal tilbydes et nyt ressourceforløb (principafgørelse 42-17).",
        "The resource course has ended and the citizen is still in the target group: a new resource course must be "
        "offered (leading decision 42-17).",
        course=course.id,
        outcome=course.outcome,
    )


# --- fleksjob ----------------------------------------------------------------------------------------------------


# LAB §§ 69–70 (seed 003 L819–837, L171–174; notes P6): permanently and substantially reduced work ability; all
# relevant offers tried unless obviously futile; concrete work functions and hours; on very few hours, development
# within a reasonable period (25-14, L841–843; bek. 996/2016 § 9). The same visitation applies from 2003 (seed 001:
# bek. 543/2002 § 10, l. 2359–2371 "Kommunen skal visitere en person til fleksjob, hvis kommunen vurderer, at
# arbejdsevnen er varigt begrænset …"; l. 850–856 all relevant measures tried; l. 857–873 the job's terms): the 2003
# version asks the same but not the few-hours development, which came with the 2013 reform's small flex jobs.
def _visitation_2013(s: Snapshot, on: date) -> Finding:
    return _visitation(s, on, few_hours=True)


def _visitation_2003(s: Snapshot, on: date) -> Finding:
    return _visitation(s, on, few_hours=False)


def _visitation(s: Snapshot, on: date, *, few_hours: bool) -> Finding:
    if not s.concerns(on, "fleksjob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    done = [v for v in s.fleksjob_visitations if v.visited_on <= on]
    if not done:
        return Finding.missing(
            "Visitationen til fleksjob er ikke registreret (varigt og væsentligt nedsat arbejdsevne, afprøvede "
            "indsatser, konkrete arbejdsfunktioner og timer).",
            "The flex-job visitation is not recorded (permanently and substantially reduced work ability, measures "
            "tried, concrete work functions and hours).",
        )
    v = sorted(done, key=lambda v: v.visited_on)[-1]  # stable: the last recorded of a day counts
    problems = []
    if not v.permanently_reduced:
        problems.append(("arbejdsevnen er ikke vurderet varigt og væsentligt nedsat", "not permanently reduced"))
    if not v.measures_tried and not v.has_futile_reason:
        problems.append(
            (
                "relevante indsatser er hverken afprøvet eller begrundet åbenbart formålsløse",
                "measures neither tried nor obviously futile",
            )
        )
    if not (v.has_work_functions and v.has_hours):
        problems.append(("konkrete arbejdsfunktioner og timetal mangler", "work functions and hours missing"))
    if few_hours and v.very_few_hours and not v.has_development_plan:
        problems.append(
            (
                "ved meget få timer mangler planen for udvikling inden for en rimelig periode",
                "very few hours without a development plan",
            )
        )
    if not problems:
        return Finding.ok(visited_on=v.visited_on)
    return Finding.missing(
        "Visitation til fleksjob: " + "; ".join(p[0] for p in problems) + ".",
        "Flex-job visitation: " + "; ".join(p[1] for p in problems) + ".",
        visited_on=v.visited_on,
    )


# --- the flex job's terms, and what excludes or needs the team (seed 000 A10, K4; seed 001 R51; seed 002 R19;
# --- seed 003 P7, P14, R1, D9) -------------------------------------------------------------------------------


def _flex_job_terms(message: tuple[str, str]):
    # Aktivloven § 73 / LAB (seed 001 l. 857–873): the employer agrees to the accommodation; wages and terms follow the
    # collective agreement (or its social chapter, or a comparable agreement); seed 000 L4784–4791: "De faglige
    # organisationer skal derfor altid inddrages i forhandlingerne om løn- og ansættelsesvilkår". From the 2013 reform
    # a flex job at the current workplace also needs 12 months under the social chapters (seed 002 L764–765, as the
    # memo states the law of 2019 — re-check the date in force against Retsinformation).
    def check(s: Snapshot, on: date) -> Finding:
        jobs = [j for j in s.flex_jobs if j.start_on <= on]
        if not jobs:
            return Finding.not_applicable(flex_jobs=0)
        answer = s.answer("pathways.fleksjob_terms", on)
        if answer:
            return Finding.ok(answer=answer)
        return Finding.prompt(*message, started=max(j.start_on for j in jobs))

    return check


_TERMS_2003 = (
    "Fleksjobbet er registreret: registrér, at arbejdsgiveren har aftalt skånehensynene, at løn og vilkår følger "
    "overenskomsten (eller dens sociale kapitel), og at den faglige organisation er inddraget.",
    "The flex job is recorded: record that the employer agreed to the accommodation, that wages and terms follow the "
    "collective agreement (or its social chapter), and that the union was involved.",
)
_TERMS_2013 = (
    _TERMS_2003[0][:-1] + " Er jobbet hos den nuværende arbejdsgiver, skal borgeren have været ansat på sociale "
    "kapitler i mindst 12 måneder.",
    _TERMS_2003[1][:-1] + ". If the job is with the current employer, the citizen must have been employed under the "
    "social chapters for at least 12 months.",
)


# Seed 003 L815–817: "En borger, der bliver bevilget fleksjob, kan ikke samtidig være i målgruppen for
# førtidspension". A pension case while a flex job is recorded needs a position on the flex job first.
def _fleksjob_pension_exclusive(s: Snapshot, on: date) -> Finding:
    transfer = s.pension_transfer
    if transfer is None or transfer.transferred_on > on:
        return Finding.not_applicable(pension_case=False)
    started = [j for j in s.flex_jobs if j.start_on <= on]
    if not started:
        return Finding.ok(flex_jobs=0)
    # A flex job whose end is recorded (on or before the day checked) no longer stands in the way.
    jobs = [j.start_on for j in started if j.ended_on is None or j.ended_on > on]
    if not jobs:  # so every job started has ended
        return Finding.ok(flex_jobs_ended=max(j.ended_on for j in started if j.ended_on is not None))
    answer = s.answer("pathways.fleksjob_pension_exclusive", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.missing(
        "Borgeren har et fleksjob, og sagen er overgået til behandling efter reglerne om førtidspension: fleksjob og "
        "førtidspension udelukker hinanden — registrér, hvordan fleksjobbet er afsluttet eller vurderet.",
        "The citizen has a flex job and the case is being treated under the pension rules: a flex job and disability "
        "pension exclude each other — record how the flex job ended or was assessed.",
        flex_jobs=jobs,
        transferred_on=transfer.transferred_on,
    )


# Seed 003 L3431–3446: the municipality may refuse fleksjob and ressourceforløb without the team only when the
# citizen is clearly outside those target groups. A refusal in such a case with no recommendation asks for that.
def _refusal_without_team(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fleksjob", "ressourceforlob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    decision = s.decision_in_question(on)
    if decision is None or decision.outcome != "refusal":
        return Finding.not_applicable(refusal=False)
    if s.recommendations_until(on):
        return Finding.ok(recommendations=len(s.recommendations_until(on)))
    answer = s.answer("pathways.refusal_without_team", on, decision=decision.number)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Afslag på fleksjob eller ressourceforløb uden rehabiliteringsteamets indstilling er kun muligt, når borgeren "
        "klart er uden for målgruppen: registrér hvorfor — ellers skal sagen forelægges teamet.",
        "A refusal of a flex job or resource course without the team's recommendation is only possible when the "
        "citizen is clearly outside the target group: record why — otherwise the case goes to the team.",
        decision=decision.number,
    )


# Pension act § 17, stk. 2 and 4; Ankestyrelsen 6-14 (seed 003 L3110–3116, L3403–3407): an application on the
# existing evidence always goes to the team, unless it is beyond doubt that the conditions are not met (§ 17, stk. 4).
def _existing_evidence_to_team(s: Snapshot, on: date) -> Finding:
    transfer = s.pension_transfer
    if transfer is None or transfer.transferred_on > on or not transfer.on_existing_evidence:
        return Finding.not_applicable(on_existing_evidence=False)
    if transfer.without_team or any(m.held_on <= transfer.transferred_on for m in s.rehab_meetings):
        return Finding.ok(without_team=transfer.without_team)
    answer = s.answer("pathways.existing_evidence_to_team", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.missing(
        "En ansøgning om førtidspension på det foreliggende grundlag (§ 17, stk. 2) skal forelægges "
        "rehabiliteringsteamet — medmindre det er utvivlsomt, at betingelserne ikke er opfyldt (§ 17, stk. 4): "
        "registrér i så fald hvorfor.",
        "An application for disability pension on the existing evidence (§ 17(2)) must go to the rehabilitation team "
        "— unless it is beyond doubt that the conditions are not met (§ 17(4)): then record why.",
        transferred_on=transfer.transferred_on,
    )


# Ankestyrelsen 24-14 (seed 003 L852–855): "fleksjob på få timer [anvendes] især frem for ressourceforløb, når der
# allerede er tilvejebragt en forholdsvis høj grad af afklaring af borgerens arbejdsevne og et konkret
# beskæftigelsesmål." Asked when a ressourceforløb is recommended though the latest assessment says flex-job level.
def _few_hours_fleksjob(s: Snapshot, on: date) -> Finding:
    latest = s.latest_recommendation(on)
    if latest is None or latest.kind != "ressourceforlob":
        return Finding.not_applicable(recommendation=latest.kind if latest else None)
    assessment = s.latest_assessment(on)
    if assessment is None or assessment.conclusion != "flex_job_level":
        return Finding.ok(conclusion=assessment.conclusion if assessment else None)
    answer = s.answer("pathways.fleksjob_over_course_few_hours", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Teamet indstiller til ressourceforløb, men arbejdsevnen er vurderet på fleksjobniveau: overvej fleksjob på "
        "få timer, når arbejdsevnen er afklaret og der er et konkret beskæftigelsesmål (principafgørelse 24-14), og "
        "registrér vurderingen.",
        "The team recommends a resource course, but the work ability is assessed at flex-job level: consider a flex "
        "job on few hours when the work ability is clarified and there is a concrete employment goal (leading "
        "decision 24-14), and record the judgement.",
    )


# Seed 001 l. 874–883 (R52): "Personer, der er visiteret til et fleksjob, kan modtage ledighedsydelse i perioden fra
# visitationen indtil ansættelsen i fleksjob og i mellem to fleksjob." A period before the visitation, or while a
# flex job runs, is flagged (the payment itself is the benefit system's, not Evne's).
def _ledighedsydelse_between_jobs(s: Snapshot, on: date) -> Finding:
    periods = [p for p in s.ledighedsydelse_periods if p.start_on <= on]
    if not periods:
        return Finding.not_applicable(periods=0)
    visited = [v.visited_on for v in s.fleksjob_visitations if v.visited_on <= on]
    wrong = []
    for p in periods:
        p_end = p.end_on or on
        if not visited or p.start_on < min(visited):
            wrong.append(p.start_on)
            continue
        for j in s.flex_jobs:
            j_end = j.ended_on or on
            if j.start_on <= on and p.start_on < j_end and j.start_on < p_end:
                wrong.append(p.start_on)
                break
    if wrong:
        days = ", ".join(f"{d:%d-%m-%Y}" for d in wrong)
        return Finding.missing(
            f"Ledighedsydelse (periode fra {days}) kan kun gives fra visitationen til fleksjob og mellem to fleksjob — "
            "ikke før visitationen eller mens et fleksjob løber.",
            f"Ledighedsydelse (period from {days}) is only for the time from the flex-job visitation and between two "
            "flex jobs — not before the visitation or while a flex job runs.",
            periods=wrong,
        )
    return Finding.ok(periods=len(periods))


RULES = (
    Rule(
        "pathways.rehab_plan_prepared",
        "Rehabiliteringsplanens forberedende del er udarbejdet med borgeren",
        "The preparatory part of the rehabilitation plan is written with the citizen",
        Severity.BLOCKING,
        (
            _v(
                _plan_prepared,
                Citation("bek_996_2016", "forberedende del (udarbejdes sammen med borgeren)", "003", "3131-3141"),
                Citation("reform_2013", "rehabiliteringsplanens afsnit", "003", "2784-2800"),
            ),
        ),
        decision_types=TEAM_PATHWAYS,
        checks_da="At den forberedende del findes, er godkendt af borgeren (dato) og har lægens vurdering (LÆ 265 "
        "eller sagens eksisterende oplysninger).",
    ),
    Rule(
        "pathways.team_attendance",
        "Borger og sagsbehandler deltager i teammødet",
        "The citizen and the caseworker attend the team meeting",
        Severity.BLOCKING,
        (_v(_attendance, Citation("organisering_lov", "§ 9 (møde med borgeren)", "003", "3160-3164")),),
        decision_types=TEAM_PATHWAYS,
        checks_da="At borgeren og sagsbehandleren er registreret som til stede ved det seneste teammøde.",
    ),
    Rule(
        "pathways.team_composition",
        "Rehabiliteringsteamets sammensætning",
        "The composition of the rehabilitation team",
        Severity.WARNING,
        (
            _v(
                _composition,
                Citation("organisering_lov", "§ 10 (teamets medlemmer)", "003", "3094-3104"),
                Citation("organisering_lov", "§ 10 (sundhedskoordinator)", "003", "3166-3174"),
            ),
        ),
        decision_types=TEAM_PATHWAYS,
        checks_da="At teamet ved mødet havde beskæftigelse, socialområdet, sundhed og regionens sundhedskoordinator "
        "— og uddannelse, når borgeren er under 30 år.",
    ),
    Rule(
        "pathways.recommendation_content",
        "Indstillingens indhold",
        "The content of the recommendation",
        Severity.BLOCKING,
        (
            _v(
                _recommendation_content,
                Citation("bek_996_2016", "§§ 8-10 (indstillingens indhold)", "003", "3188-3300"),
                Citation("taskforce_kk_2018", "BDO: udsættelse uden synlig begrundelse", "003", "3769-3771"),
            ),
        ),
        decision_types=TEAM_PATHWAYS,
        checks_da="At teamets seneste indstilling har det indhold, loven kræver for netop den slags indstilling, og "
        "at en udsættelse er begrundet.",
    ),
    Rule(
        "pathways.pension_transfer",
        "Overgang til pensionsbehandling inden fristen efter indstillingen",
        "Transfer to pension treatment within the deadline after the recommendation",
        Severity.WARNING,
        (
            _v(
                _pension_transfer,
                Citation("ankestyrelsen_principles", "39-17", "003", "726-738"),
                Citation("social_pension", "§ 17, stk. 2", "003", "3231-3239"),
                start=LEADING_2017,
            ),
        ),
        decision_types=("fortidspension", "refusal"),
        checks_da="Ved ansøgning på det foreliggende grundlag: at sagen overgår til pensionsbehandling senest 3 uger "
        "efter teamets indstilling.",
        deadline=True,
        former_ids=("pathways.pension_transfer_3_weeks",),
    ),
    Rule(
        "pathways.activity_before_team",
        "Indsats i året før teammødet (risikotegn)",
        "Activity in the year before the team meeting (a risk sign)",
        Severity.WARNING,
        (
            _v(
                _activity_before_team,
                Citation("taskforce_kk_2018", "BDO: lang tid uden indsats (praksis, ikke lov)", "003", "3848-3851"),
            ),
        ),
        decision_types=TEAM_PATHWAYS,
        checks_da="At sagen ikke kom på teammødet efter lang tid uden nogen indsats — ellers hvorfor den alligevel er "
        "oplyst (et revisionsfund, ikke et lovkrav).",
    ),
    Rule(
        "pathways.existing_evidence_no_new_examinations",
        "Det foreliggende grundlag: ingen nye undersøgelser",
        "Existing evidence: no new examinations",
        Severity.BLOCKING,
        (
            _v(
                _no_new_examinations,
                Citation("ankestyrelsen_principles", "39-17", "003", "3211-3219"),
                Citation("social_pension", "§ 17, stk. 2", "003", "726-738"),
                start=LEADING_2017,
            ),
        ),
        decision_types=("fortidspension", "refusal"),
        checks_da="At der ved ansøgning på det foreliggende grundlag ikke er anmodet om LÆ 265 eller "
        "speciallægeerklæring efter, at den forberedende del blev lagt på det grundlag.",
    ),
    Rule(
        "pathways.pension_without_team",
        "Åbenbart formålsløs sag uden teamet: de fire betingelser",
        "An obviously futile case without the team: the four conditions",
        Severity.BLOCKING,
        (
            _v(
                _without_team,
                Citation("social_pension", "§ 18, stk. 2", "003", "615-620"),
                Citation("vejledning_9465_2016", "de fire betingelser", "003", "646-652"),
                Citation("social_pension", "§ 18, stk. 2 (sundhedskoordinator/terminalt syg)", "003", "3370-3395"),
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At en pensionssag, der afgøres uden rehabiliteringsteamet som åbenbart formålsløs, opfylder alle "
        "fire betingelser, og at regionens sundhedskoordinator har udtalt sig, eller at borgeren er terminalt syg.",
    ),
    Rule(
        "pathways.senior_pension",
        "Seniorførtidspension: få år til folkepension og lang tilknytning",
        "Senior disability pension: close to state pension age and long attachment",
        Severity.BLOCKING,
        (
            _v(
                _senior,
                Citation("bek_1555_2013", "§ 17, stk. 3 (seniorførtidspension)", "003", "665-685"),
                start=SENIOR,
                end=SENIOR_REPEALED,
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At en ansøgning om seniorførtidspension (2014–2019) gælder en borger med højst 5 år til "
        "folkepensionsalderen og lang, aktuel tilknytning til arbejdsmarkedet.",
    ),
    Rule(
        "pathways.ressourceforloeb_period",
        "Ressourceforløbets varighed og en koordinerende sagsbehandler",
        "The resource course: its duration and a coordinating caseworker",
        Severity.BLOCKING,
        (
            _v(
                _course_period,
                Citation("lab", "§ 68 b (1-5 år)", "003", "2052-2054"),
                Citation("lab", "koordinerende sagsbehandler", "003", "2840-2866"),
            ),
        ),
        decision_types=("ressourceforlob",),
        checks_da="At det bevilgede ressourceforløb varer 1-5 år og har en koordinerende sagsbehandler.",
    ),
    Rule(
        "pathways.ressourceforloeb_after_end",
        "Nyt ressourceforløb, når borgeren stadig er i målgruppen",
        "A new resource course when the citizen is still in the target group",
        Severity.BLOCKING,
        (_v(_after_end, Citation("ankestyrelsen_principles", "42-17", "003", "930-949"), start=LEADING_2017),),
        checks_da="At et afsluttet ressourceforløb følges af et nyt, når borgeren stadig har brug for en tværfaglig "
        "indsats.",
    ),
    Rule(
        "pathways.fleksjob_visitation",
        "Visitation til fleksjob",
        "Visitation to a flex job",
        Severity.BLOCKING,
        (
            _v(
                _visitation_2003,
                Citation("bek_543_2002", "§ 10 (visitation til fleksjob)", "001", "2359-2371"),
                Citation("aktivloven", "fleksjob (relevante foranstaltninger afprøvet)", "001", "845-856"),
                start=date(2003, 1, 1),
                end=REFORM,
            ),
            _v(
                _visitation_2013,
                Citation("lab", "§§ 69-70 (målgruppe, afprøvning)", "003", "819-837"),
                Citation("ankestyrelsen_principles", "25-14 (få timer)", "003", "841-843"),
            ),
        ),
        decision_types=("fleksjob",),
        checks_da="At visitationen viser varigt og væsentligt nedsat arbejdsevne, afprøvede (eller åbenbart "
        "formålsløse) indsatser, konkrete arbejdsfunktioner og timer — og fra 2013 ved meget få timer en plan for "
        "udvikling.",
    ),
    Rule(
        "pathways.fleksjob_terms",
        "Fleksjobbets vilkår: overenskomst, skånehensyn og faglig organisation",
        "The flex job's terms: collective agreement, accommodation and the union",
        Severity.WARNING,
        (
            _v(
                _flex_job_terms(_TERMS_2003),
                Citation("aktivloven", "§ 73 (løn og vilkår i fleksjob)", "001", "857-873"),
                Citation("aktivloven", "§ 73 (faglige organisationer)", "000", "4157-4160, 4777-4791"),
                start=date(2003, 1, 1),
                end=REFORM,
            ),
            _v(
                _flex_job_terms(_TERMS_2013),
                Citation("lab", "fleksjob: løn, vilkår og faglig organisation", "001", "857-873"),
                Citation(
                    "lab", "fleksjob hos nuværende arbejdsgiver (12 måneder på sociale kapitler)", "002", "764-765"
                ),
            ),
        ),
        checks_da="At et fleksjob har aftalte skånehensyn, løn og vilkår efter overenskomst, inddraget faglig "
        "organisation og — hos den nuværende arbejdsgiver — 12 måneder på sociale kapitler.",
    ),
    Rule(
        "pathways.fleksjob_pension_exclusive",
        "Fleksjob og førtidspension udelukker hinanden",
        "A flex job and disability pension exclude each other",
        Severity.BLOCKING,
        (
            _v(
                _fleksjob_pension_exclusive,
                Citation("lab", "målgruppen for fleksjob og førtidspension", "003", "815-817"),
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At en pensionssag ikke afgøres, mens borgeren har et fleksjob, uden at der er taget stilling til "
        "fleksjobbet.",
    ),
    Rule(
        "pathways.refusal_without_team",
        "Afslag på fleksjob eller ressourceforløb uden teamet",
        "A flex-job or resource-course refusal without the team",
        Severity.BLOCKING,
        (
            _v(
                _refusal_without_team,
                Citation("organisering_lov", "§ 9 (klart uden for målgruppen)", "003", "3431-3446"),
            ),
        ),
        decision_types=("refusal",),
        checks_da="At et afslag på fleksjob eller ressourceforløb uden indstilling kun gives, når borgeren klart er "
        "uden for målgruppen.",
    ),
    Rule(
        "pathways.existing_evidence_to_team",
        "Ansøgning på det foreliggende grundlag forelægges teamet",
        "An application on the existing evidence goes to the team",
        Severity.BLOCKING,
        (
            _v(
                _existing_evidence_to_team,
                Citation("social_pension", "§ 17, stk. 2 og 4", "003", "3403-3407"),
                Citation("ankestyrelsen_principles", "6-14", "003", "3110-3116"),
            ),
        ),
        decision_types=("fortidspension", "refusal"),
        checks_da="At en ansøgning om førtidspension på det foreliggende grundlag har været forelagt "
        "rehabiliteringsteamet, medmindre det er utvivlsomt, at betingelserne ikke er opfyldt.",
    ),
    Rule(
        "pathways.fleksjob_over_course_few_hours",
        "Fleksjob på få timer frem for ressourceforløb",
        "A flex job on few hours rather than a resource course",
        Severity.WARNING,
        (
            _v(
                _few_hours_fleksjob,
                Citation("ankestyrelsen_principles", "24-14", "003", "852-855"),
                start=date(2014, 1, 1),
            ),
        ),
        decision_types=("ressourceforlob",),
        checks_da="At det er overvejet, om fleksjob på få timer er bedre end ressourceforløb, når arbejdsevnen er "
        "vurderet på fleksjobniveau.",
    ),
    Rule(
        "pathways.ledighedsydelse_between_jobs",
        "Ledighedsydelse fra visitationen og mellem fleksjob",
        "Ledighedsydelse from the visitation and between flex jobs",
        Severity.WARNING,
        (
            _v(
                _ledighedsydelse_between_jobs,
                Citation("aktivloven", "§ 74 (ledighedsydelse)", "001", "874-883"),
                start=date(2003, 1, 1),
            ),
        ),
        checks_da="At en periode med ledighedsydelse ligger efter visitationen til fleksjob og ikke mens et "
        "fleksjob løber.",
    ),
)
