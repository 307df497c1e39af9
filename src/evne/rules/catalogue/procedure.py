"""Scope, the first assessment and the holistic duty: rules of the 2003 method that the other modules did not
carry (seed 000 §6.1–§6.2, §6.3 P5, §6.6 I12–I13; seed 001 §6 R01–R09, R32, R46, R53), and one municipal policy
from seed 002 (a proposal, not law: off unless the municipality switches it on).

Where the law asks for a judgement, the rule is a prompt answered by the caseworker (`snapshot.answers`).
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot
from ..sources import in_force
from .deadline import add_months

METHOD = in_force("bek_543_2002")
REFORM = in_force("reform_2013")
CLOSED = ("decided", "closed")
SICK_PAY_2023 = in_force("lov_295_2023")  # lov nr. 295 af 20. marts 2023 (sygedagpengeloven § 13 b) — re-check the date
INCOME_SUPPORT = ("sygedagpenge", "kontanthjaelp")  # the pathways where help to forsørgelse is sought
LESS_INTRUSIVE = ("lae_265", "medical_certificate", "status_statement", "hospital_records")


def _cite(act: str, section: str, seed: str, lines: str) -> Citation:
    return Citation(act, section, seed, lines)


# --- scope (seed 000 R1; seed 001 R01, R02) ---------------------------------------------------------------------


# Bek. 543/2002 applies "ved behandling af sager om revalidering, fleksjob og førtidspension" from 1 January 2003
# (seed 000 L38–49; seed 001 l. 355–370): the resource profile is the basis of the decision. From the 2013 reform
# the profile lives on inside the rehabiliteringsplan in the team cases (fleksjob, førtidspension; law-timeline),
# so this version keeps only revalidering; the plan's own rule covers the team cases.
def _profile_required(pathways: tuple[str, ...]):
    def check(s: Snapshot, on: date) -> Finding:
        if not s.concerns(on, *pathways):
            return Finding.not_applicable(in_question=s.in_question(on))
        described = sorted(k for k, e in s.current_elements(on).items() if e.relevant and e.has_facts)
        if described:
            return Finding.ok(elements=described)
        return Finding.missing(
            "Sagen skal behandles efter arbejdsevnemetoden: beskriv ressourceprofilens relevante elementer, før der "
            "træffes afgørelse.",
            "The case must follow the work-ability method: describe the relevant elements of the resource profile "
            "before the decision.",
            pathway=s.case.pathway,
        )

    return check


# --- the first assessment: is the work ability threatened? (seed 000 R3, R4, D1, D2; seed 001 R03–R06) -----------


# Seed 000 L846–850, L2356–2405 and seed 001 l. 394–449: in sygedagpenge and kontanthjælp/aktivering cases the
# method is used when work ability is threatened; "Sagsbehandleren bør imidlertid skrive i sagen, hvorfor borgerens
# arbejdsevne ikke anses for truet." A judgement: the caseworker records threatened / not threatened and why.
def _threat_recorded(s: Snapshot, on: date) -> Finding:
    if s.case.pathway not in INCOME_SUPPORT or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    answer = s.answer("method.threat_recorded", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Er borgerens arbejdsevne og tilknytning til arbejdsmarkedet truet? Registrér vurderingen, hvad den bygger "
        "på, og — hvis den ikke er truet — hvorfor. Borgeren skal have skriftlig besked med præmisserne.",
        "Is the citizen's work ability and attachment to the labour market threatened? Record the assessment, what "
        "it rests on and — if not threatened — why. The citizen must be told in writing, with its premises.",
    )


# RTL § 7 (seed 000 L2417–2436, L6447–6455): "senest inden 8 uger" after the *first* request for help to forsørgelse,
# a qualified assessment of whether work ability is threatened, in cooperation with the citizen, told in writing.
# D2 (L6403–6413): the deadline runs from when it is, or should be, clear that help has been requested (the case's
# help_requested_on). Met by the recorded threat assessment (method.threat_recorded).
# The seed states the law of 2001–2002; re-check RTL § 7 against Retsinformation before relying on it for a case
# after the 2014–2015 employment reforms (law-timeline.md): its end date is one line here when known.
def _threat_8_weeks(s: Snapshot, on: date) -> Finding:
    if s.case.pathway not in INCOME_SUPPORT or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    weeks = param("deadlines.threat_assessment_weeks", on)
    due = date.fromordinal(s.case.help_requested_on.toordinal() + 7 * weeks)
    if s.answer("method.threat_recorded", on):
        return Finding.ok(requested=s.case.help_requested_on)
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    if on > due:
        return Finding.late(
            f"Vurderingen af, om arbejdsevnen er truet, skulle være foretaget og meddelt skriftligt senest "
            f"{due:%d-%m-%Y} ({weeks} uger efter den første henvendelse).",
            f"The assessment of whether work ability is threatened was due, in writing, by {due:%d-%m-%Y} ({weeks} "
            "weeks after the first request).",
            due=due,
            requested=s.case.help_requested_on,
        )
    return Finding.ok_until(due, requested=s.case.help_requested_on)


# --- the profile records what is missing (seed 000 P5; seed 001 R32) --------------------------------------------


# Method book L1317–1325: "det [skal] fremgå, hvad sagsbehandleren på det foreliggende grundlag mangler af
# oplysninger om borgerens arbejdsevne, for at der kan foretages en socialfaglig vurdering." Guidance to § 7
# (seed 001 l. 2063–2082): after describing the elements, decide on the need for more information.
def _missing_information(s: Snapshot, on: date) -> Finding:
    described = {k: e for k, e in s.current_elements(on).items() if e.relevant and e.has_facts}
    if not described:
        return Finding.not_applicable(elements=0)
    silent = sorted(k for k, e in described.items() if not e.has_assessment and not e.has_missing_information)
    if silent:
        return Finding.missing(
            "Beskrevne elementer uden vurdering skal angive, hvilke oplysninger der mangler, før de kan vurderes "
            "(" + ", ".join(silent) + ").",
            "Described elements without an assessment must state what information is missing before they can be "
            "assessed (" + ", ".join(silent) + ").",
            elements=silent,
        )
    return Finding.ok(elements=sorted(described))


# --- holistic duty before a refusal (seed 001 R09; seed 000 C7) --------------------------------------------------


# RTL § 5 (seed 001 l. 295–308): "kommunen [skal] behandle ansøgninger … i forhold til alle de muligheder, der findes
# i den sociale lovgivning … [og] være opmærksom på muligheder hos andre myndigheder". Seed 000 L5963–5969,
# L6920–6930 (the duty to guide). From 2013 a pension refusal has its own rule (reform.pension_refusal_holistic).
def _holistic(s: Snapshot, on: date) -> Finding:
    if s.latest_assessment(on) is None:
        return Finding.not_applicable(assessment=False)
    if s.concerns(on, "fortidspension") and on >= REFORM:
        return Finding.not_applicable(see="reform.pension_refusal_holistic")
    answer = s.answer("method.holistic_assessment", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Før et afslag: registrér, at ansøgningen er behandlet i forhold til alle muligheder i den sociale "
        "lovgivning og hos andre myndigheder, og hvilken vejledning borgeren har fået.",
        "Before a refusal: record that the application was considered against every possibility in social "
        "legislation and with other authorities, and what guidance the citizen received.",
    )


# --- sufficient work ability: referral to ordinary work (seed 001 R46; seed 000 A6, first rung) ------------------


# Guidance to § 9 (seed 001 l. 2463–2469): "Hvis kommunen vurderer, at arbejdsevnen er tilstrækkelig … så skal
# borgeren henvises til ordinær beskæftigelse og tilmeldes AF." Seed 000 L3241–3257 (the ladder's first rung).
def _referral_ordinary(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "sufficient":
        return Finding.not_applicable()
    answer = s.answer("method.referral_ordinary_work", on)
    if answer:
        return Finding.ok(answer=answer, assessed_on=latest.assessed_on)
    return Finding.prompt(
        "Arbejdsevnen er vurderet tilstrækkelig til ordinært arbejde: registrér henvisningen til ordinær "
        "beskæftigelse og tilmeldingen som arbejdssøgende.",
        "The work ability is assessed as sufficient for ordinary work: record the referral to ordinary employment "
        "and the registration as a job seeker.",
        assessed_on=latest.assessed_on,
    )


# --- proportionality in medical evidence (seed 000 I12, I13) ------------------------------------------------------


# Seed 000 L6023–6025: "man skal undlade at indhente en speciallægeerklæring, hvis en statuserklæring kan gøre det";
# L3716–3734: "Der er ingen grund til at indhente en række speciallægeerklæringer, der alligevel ikke bidrager til en
# yderligere afklaring … stoppe jagten efter diagnoser." Warned: a specialist statement with no less intrusive
# medical document before it, or more than one within the practice window (a parameter), unless the caseworker has
# recorded why it adds something.
def _diagnosis_chase(s: Snapshot, on: date) -> Finding:
    # (sent on, request) of each specialist statement asked for, the earliest sent first
    sent = sorted(
        (
            (r.sent_on, r)
            for r in s.requests
            if r.document_type == "specialist_statement" and r.sent_on and r.sent_on <= on and not r.cancelled_on
        ),
        key=lambda pair: pair[0],
    )
    specialist = [r for _sent_on, r in sent]
    if not specialist:
        return Finding.not_applicable(specialist_requests=0)
    if s.answer("evidence.no_diagnosis_chase", on):
        return Finding.ok(answer=s.answer("evidence.no_diagnosis_chase", on), requests=[r.id for r in specialist])
    first_sent_on, first = sent[0]
    milder = [d.id for d in s.documents if d.kind in LESS_INTRUSIVE and d.document_date <= first_sent_on] + [
        r.id for r in s.requests if r.document_type in LESS_INTRUSIVE and r.sent_on and r.sent_on <= first_sent_on
    ]
    months = param("evidence.specialist_repeat_months", on)
    latest_sent_on = sent[-1][0]
    window = [r.id for sent_on, r in sent if add_months(sent_on, months) > latest_sent_on]
    if not milder:
        return Finding.prompt(
            "Der er bedt om en speciallægeerklæring, uden at en mindre indgribende lægelig oplysning (fx en "
            "statusattest) er indhentet først: registrér, hvorfor den ikke var nok.",
            "A specialist statement was requested with no less intrusive medical information (e.g. a status "
            "statement) obtained first: record why that would not do.",
            requests=[first.id],
        )
    if len(window) > 1:
        return Finding.prompt(
            f"Der er bedt om {len(window)} speciallægeerklæringer inden for {months} måneder: registrér, hvad den "
            "seneste tilføjer til afklaringen (undgå diagnosejagt).",
            f"{len(window)} specialist statements were requested within {months} months: record what the latest "
            "adds to the clarification (avoid a diagnosis chase).",
            requests=window,
        )
    return Finding.ok(requests=[r.id for r in specialist])


# --- compensation for a disability (seed 001 R53) -----------------------------------------------------------------


# Guidance to bek. 543/2002 (seed 001 l. 1203–1221): with reduced physical or mental function, "behovene for
# kompensation, herunder hjælpemidler, transportmuligheder m.v." are taken into account, and "restitueringsmulig-
# hederne overvejes". Asked when the profile records accommodation needs.
def _disability_compensation(s: Snapshot, on: date) -> Finding:
    needs = sorted(k for k, e in s.current_elements(on).items() if e.has_accommodation_needs)
    if not needs:
        return Finding.not_applicable(accommodation_needs=False)
    answer = s.answer("method.disability_compensation", on)
    if answer:
        return Finding.ok(answer=answer, elements=needs)
    return Finding.prompt(
        "Profilen beskriver skånebehov: registrér, hvordan behovet for kompensation (hjælpemidler, transport m.v.) "
        "og mulighederne for restitution er overvejet.",
        "The profile describes accommodation needs: record how compensation (aids, transport etc.) and the "
        "possibilities of recovery were considered.",
        elements=needs,
    )


# --- municipal policy: the one-year clarification guarantee (seed 002 P2, R1–R2; a proposal, not law) --------------


# Dansk Socialrådgiverforening (2019), seed 002 L84–197: "afklaringsgaranti på et år". Off by default; a
# municipality that adopts it switches the policy parameter on. Clarified = an assessment on a rung of the ladder.
def _clarification_guarantee(s: Snapshot, on: date) -> Finding:
    if s.case.help_requested_on > on:
        return Finding.not_applicable()
    months = param("policy.clarification_guarantee_months", on)
    due = add_months(s.case.help_requested_on, months)
    latest = s.latest_assessment(on)
    if latest is not None and latest.conclusion in ("sufficient", "flex_job_level", "below_flex_job"):
        return Finding.ok(assessed_on=latest.assessed_on, conclusion=latest.conclusion)
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    if on > due:
        return Finding.late(
            f"Kommunens afklaringsgaranti: arbejdsevnen skulle have været afklaret senest {due:%d-%m-%Y} "
            f"({months} måneder). Dette er kommunal politik, ikke lov.",
            f"The municipality's clarification guarantee: work ability should have been clarified by {due:%d-%m-%Y} "
            f"({months} months). This is municipal policy, not law.",
            due=due,
        )
    return Finding.ok_until(due, requested=s.case.help_requested_on)


# --- interpreter and round-table meetings (seed 000 I2, I16) ----------------------------------------------------


# Seed 000 L6540–6543 (I2, the official maxim): provide an interpreter when it is needed to establish the facts.
# When the citizen is recorded as needing one, every follow-up with the citizen must have had one.
def _interpreter(s: Snapshot, on: date) -> Finding:
    if not s.case.citizen_needs_interpreter:
        return Finding.not_applicable(needs_interpreter=False)
    without = [f.held_on for f in _follow_ups_before(s, on) if f.with_citizen and not f.interpreter_used]
    if without:
        days = ", ".join(f"{d:%d-%m-%Y}" for d in without)
        return Finding.missing(
            f"Borgeren har brug for tolk, men der var ingen tolk ved opfølgningen {days}.",
            f"The citizen needs an interpreter, but none took part in the follow-up on {days}.",
            follow_ups=without,
        )
    return Finding.ok(follow_ups=len(_follow_ups_before(s, on)))


def _disclosure_consent_on(s: Snapshot, day: date) -> bool:
    stated = [c for c in s.consents if c.purpose == "disclose" and c.given_on <= day]
    if not stated:
        return False
    latest = max(stated, key=lambda c: c.given_on)
    return latest.status == "given" and (latest.expires_on is None or latest.expires_on > day)


# Seed 000 L4981–4983 (I16): a round-table meeting with the citizen's partners requires the citizen's consent — to
# disclose information to them (PDL § 8, stk. 3; L6782–6849).
def _round_table_consent(s: Snapshot, on: date) -> Finding:
    meetings = [f for f in _follow_ups_before(s, on) if f.parties]
    if not meetings:
        return Finding.not_applicable(round_tables=0)
    lacking = [f.held_on for f in meetings if not _disclosure_consent_on(s, f.held_on)]
    if lacking:
        days = ", ".join(f"{d:%d-%m-%Y}" for d in lacking)
        return Finding.missing(
            f"Møde med samarbejdsparter ({days}) uden borgerens samtykke til videregivelse.",
            f"Meeting with partners ({days}) without the citizen's consent to disclose information.",
            meetings=lacking,
        )
    return Finding.ok(meetings=[f.held_on for f in meetings])


# RTL § 11, stk. 2 (seed 000 L6586–6598, I8): the citizen's duty to report changes applies "kun, hvis det kan
# dokumenteres, at borgeren er vejledt herom … Den skal gives skriftligt, og det skal dokumenteres på sagen".
def _change_duty_guidance(s: Snapshot, on: date) -> Finding:
    if s.case.help_requested_on > on:
        return Finding.not_applicable()
    answer = s.answer("evidence.change_duty_guidance", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Er borgeren vejledt skriftligt om pligten til at oplyse om ændringer (retssikkerhedslovens § 11)? "
        "Registrér hvornår og hvordan — uden dokumenteret skriftlig vejledning gælder pligten ikke.",
        "Has the citizen been told in writing about the duty to report changes (RTL § 11)? Record when and how — "
        "without documented written guidance the duty does not apply.",
    )


# --- impartiality (seed 000 X4) ----------------------------------------------------------------------------------


# FVL § 3 (seed 000 L6218–6296): a caseworker is disqualified by kinship, own earlier decision, friendship or enmity …;
# "check at case start and on an ongoing basis". A judgement only the caseworker can make: asked again whenever the
# case gets a new caseworker (the declaration must be dated on or after the assignment).
def _impartiality(s: Snapshot, on: date) -> Finding:
    since = s.case.caseworker_since
    if since is None or since > on:
        return Finding.not_applicable(caseworker_since=since)
    declared = s.answer_record("method.impartiality", on, since=since)
    if declared is not None:
        return Finding.ok(caseworker_since=since, declared_on=declared.given_on)
    return Finding.prompt(
        "Sagsbehandleren skal tage stilling til inhabilitet (slægt, venskab, uvenskab, egen tidligere afgørelse …) "
        "ved sagens start og når sagen skifter sagsbehandler: registrér det.",
        "The caseworker must consider disqualification (kinship, friendship, enmity, own earlier decision …) at the "
        "start of the case and whenever it changes caseworker: record it.",
        caseworker_since=since,
    )


# --- follow-up cadence (seed 000 D5, D6, K5; seed 003 T8, T10) and a case that stands still (seed 003 T7) ----------


def _follow_ups_before(s: Snapshot, on: date):
    return sorted((f for f in s.follow_ups if f.held_on <= on), key=lambda f: f.held_on)


def _cadence(s: Snapshot, on: date, first_due: date, every, unit: str) -> Finding:
    """A running follow-up deadline: the first by `first_due`, then each within `every` of the last one."""
    held = _follow_ups_before(s, on)
    due = first_due if not held else every(held[-1].held_on)
    facts = {"follow_ups": len(held), "last": held[-1].held_on if held else None}
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    if on > due:
        return Finding.late(
            f"Opfølgningen skulle have fundet sted senest {due:%d-%m-%Y} ({unit}).",
            f"The follow-up was due by {due:%d-%m-%Y} ({unit}).",
            due=due,
            **facts,
        )
    return Finding.ok_until(due, **facts)


# DPL § 24 (seed 000 L7472–7492): "senest efter 8 uger og derefter mindst hver 8. uge"; seed 003 L2623–2629 (the law of
# 2017–18): "en lovpligtig opfølgningssamtale hver 4. uge" — the cadence is a dated parameter. § 24, stk. 2 (K5,
# L4139–4146): at the first follow-up, take a position on which parties to involve.
def _sick_pay_follow_up(s: Snapshot, on: date) -> Finding:
    if s.case.pathway != "sygedagpenge" or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    held = _follow_ups_before(s, on)
    if held and not held[0].parties_decided:
        return Finding.missing(
            f"Ved den første opfølgning ({held[0].held_on:%d-%m-%Y}) er der ikke taget stilling til, hvilke parter "
            "(arbejdsgiver, læge, faglig organisation …) der skal inddrages.",
            f"At the first follow-up ({held[0].held_on:%d-%m-%Y}) no position was taken on which parties (employer, "
            "doctor, union …) to involve.",
            first=held[0].held_on,
        )
    first = param("deadlines.sick_pay_first_follow_up_weeks", on)
    every = param("deadlines.sick_pay_follow_up_weeks", on)
    start = s.case.help_requested_on
    return _cadence(
        s,
        on,
        date.fromordinal(start.toordinal() + 7 * first),
        lambda last: date.fromordinal(last.toordinal() + 7 * every),
        f"første senest efter {first} uger, derefter mindst hver {every}. uge",
    )


# Lov om sygedagpenge § 13 b as amended by lov nr. 295 af 20. marts 2023 (L 14 2022–23, 2. samling, "Anden delaftale
# om nytænkning af beskæftigelsesindsatsen"; not in the seeds — the wording below is the consolidated § 13 b, stk. 1
# as published after the amendment; re-check the wording and the date in force, taken here as 22 March 2023, the day
# STAR's vejledning nr. 9208 af 21. marts 2023 took effect, against Retsinformation): "I sager, der er visiteret til
# kategori 2 og 3 … skal der følges op mindst fire gange inden for det første halve år regnet fra første fraværsdag.
# Der følges op første gang senest inden udgangen af ottende uge … Efter de første 6 måneder aftales opfølgningen
# mellem kommunen og den sygemeldte." The case's help_requested_on stands for the first day of absence; the
# visitation category is not recorded, so every sickness-benefit case is judged as category 2 or 3 (category 1
# cases are followed up as the municipality decides: the warning then asks for nothing the law requires).
def _sick_pay_follow_up_2023(s: Snapshot, on: date) -> Finding:
    if s.case.pathway != "sygedagpenge" or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    held = _follow_ups_before(s, on)
    if held and not held[0].parties_decided:
        return _sick_pay_follow_up(s, on)  # the parties at the first follow-up: unchanged (§ 24, stk. 2, K5)
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    start = s.case.help_requested_on
    first_due = date.fromordinal(start.toordinal() + 7 * param("deadlines.sick_pay_first_follow_up_weeks", on))
    minimum = param("deadlines.sick_pay_follow_ups_first_half_year", on)
    half_year_end = add_months(start, param("deadlines.sick_pay_follow_up_period_months", on))
    in_period = [f for f in held if f.held_on <= half_year_end]
    facts = {"follow_ups": len(in_period), "first_day": start}
    if not held and on > first_due:
        return Finding.late(
            f"Den første opfølgning skulle have fundet sted senest {first_due:%d-%m-%Y} (inden udgangen af 8. uge "
            "fra første fraværsdag).",
            f"The first follow-up was due by {first_due:%d-%m-%Y} (before the end of the 8th week of absence).",
            due=first_due,
            **facts,
        )
    if not held:
        return Finding.ok_until(first_due, **facts)
    if len(in_period) >= minimum:
        return Finding.ok(**facts)
    if on > half_year_end:
        return Finding.late(
            f"Der er fulgt op {len(in_period)} gange i det første halve år (til {half_year_end:%d-%m-%Y}); loven "
            f"kræver mindst {minimum}.",
            f"There were {len(in_period)} follow-ups in the first half year (until {half_year_end:%d-%m-%Y}); the "
            f"law requires at least {minimum}.",
            due=half_year_end,
            **facts,
        )
    return Finding.ok_until(half_year_end, **facts)


# Ressourceforløb (seed 003 L2910–2914, T9): "Det er lovgivningsmæssigt fastlagt, at ressourceforløbsborgerne skal
# have samtale med deres koordinerende sagsbehandler 6 gange indenfor 12 måneder." (Copenhagen measures "hver 2.
# mdr." — its practice, not checked.) The seed names no section: LAB's contact course for people in a ressourceforløb
# as of 2013–2019 (lov nr. 1380 af 23. december 2012) and, from 2020, the renumbered act (lov nr. 548 af 7. maj 2019)
# — re-check the section and whether later reforms changed the number against Retsinformation. Checked per whole
# 12-month period of each course: the conversations held with the citizen in it (the course's follow-ups and the
# case's follow-ups with the citizen, one a day).
def _course_conversations(s: Snapshot, on: date) -> Finding:
    courses = [c for c in s.resource_courses if c.start_on <= on]
    if not courses:
        return Finding.not_applicable()
    minimum = param("ressourceforloeb.conversations_per_period", on)
    months = param("ressourceforloeb.conversation_period_months", on)
    # the course's own follow-ups with the coordinating caseworker, and the case's follow-ups with the citizen
    held_days = {f.held_on for f in s.follow_ups if f.with_citizen} | {d for c in courses for d in c.conversations}
    with_citizen = sorted(d for d in held_days if d <= on)
    short, running = [], []
    for course in courses:
        course_end = min(d for d in (course.end_on, course.ended_on) if d is not None)
        period_start = course.start_on
        while period_start < course_end:
            period_end = add_months(period_start, months)
            held = [d for d in with_citizen if period_start <= d < period_end]
            if period_end <= on and period_end <= course_end:
                if len(held) < minimum:
                    short.append((course.id, period_start, period_end, len(held)))
            elif period_start <= on < period_end and on < course_end and period_end <= course_end:
                running.append((period_end, len(held)))
            period_start = period_end
    if short:
        course_id, start, end, count = short[0]
        return Finding.late(
            f"Ressourceforløbet havde {count} samtaler med den koordinerende sagsbehandler fra {start:%d-%m-%Y} til "
            f"{end:%d-%m-%Y}; der skal være mindst {minimum} på {months} måneder.",
            f"The ressourceforløb had {count} conversations with the coordinating caseworker from {start:%d-%m-%Y} "
            f"to {end:%d-%m-%Y}; at least {minimum} are required in {months} months.",
            due=end,
            course=course_id,
            held=count,
        )
    if running:
        due, count = min(running)
        return Finding.ok_until(due, held=count)
    return Finding.ok(courses=[c.id for c in courses])


# RTL § 7 (seed 000 L2417–2436, L7354–7373, X9): the assessment of whether work ability is threatened is made with
# the citizen and "meddeles skriftligt" with its premises and direction. Written form is required for it (X9): once
# the assessment is recorded (method.threat_recorded), the rule asks for the written notice to be recorded — that
# and when the citizen was told in writing.
def _threat_notice_written(s: Snapshot, on: date) -> Finding:
    if s.case.pathway not in INCOME_SUPPORT or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    assessed = s.answer_record("method.threat_recorded", on)
    if assessed is None:
        return Finding.not_applicable(reason="no threat assessment recorded yet")
    notice = s.answer("procedure.threat_notice_written", on, since=s.case.help_requested_on)
    if notice:
        return Finding.ok(answer=notice, assessed_on=assessed.given_on)
    return Finding.prompt(
        "Vurderingen af, om arbejdsevnen er truet, skal meddeles borgeren skriftligt med præmisserne og retningen "
        "for det videre forløb (RTL § 7): registrér, hvornår og hvordan det skete.",
        "The assessment of whether work ability is threatened must be notified to the citizen in writing, with its "
        "premises and the direction of what follows (RTL § 7): record when and how that was done.",
        assessed_on=assessed.given_on,
    )


# Aktivloven § 10 (seed 000 L6457–6501): follow-up "senest 3 måneder efter, at hjælpen … er begyndt", then within
# 3 months of the last; seed 003 L2569–2573 (T8): at least four conversations a year.
def _activation_follow_up(s: Snapshot, on: date) -> Finding:
    if s.case.pathway != "kontanthjaelp" or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    months = param("deadlines.activation_follow_up_months", on)
    return _cadence(
        s,
        on,
        add_months(s.case.help_requested_on, months),
        lambda last: add_months(last, months),
        f"senest {months} måneder efter hjælpen begyndte eller efter seneste opfølgning",
    )


def _last_step(s: Snapshot, on: date) -> date:
    days = [s.case.help_requested_on]
    days += [f.held_on for f in s.follow_ups if f.held_on <= on]
    days += [a.start_on for a in s.activities if a.start_on <= on]
    days += [a.actual_end_on for a in s.activities if a.actual_end_on and a.actual_end_on <= on]
    days += [a.assessed_on for a in s.assessments if a.assessed_on <= on]
    days += [r.sent_on for r in s.requests if r.sent_on and r.sent_on <= on]
    days += [e.saved_on for e in s.elements if e.saved_on <= on]
    days += [i.occurred_on for i in s.involvement if i.occurred_on <= on]
    days += [p.presented_on for p in s.presentations if p.presented_on <= on]
    return max(days)


# Seed 003 L3468–3474, L3497–3503 (T7): three years without action was too long (R-4-04); more than two years to
# clarify work ability led to damages (U2014.3146Ø, U.2015.124Ø, U.2016.51V). RTL § 3: decide as fast as possible.
# The flag after a year is practice (a parameter), not a legal limit.
def _progress(s: Snapshot, on: date) -> Finding:
    if s.case.help_requested_on > on or s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    last = _last_step(s, on)
    months = param("deadlines.case_inactivity_months", on)
    due = add_months(last, months)
    if on > due:
        return Finding.late(
            f"Der er ikke registreret noget skridt i sagen siden {last:%d-%m-%Y}: sagen står stille (praksis: "
            f"{months} måneder; langvarig passivitet har ført til erstatning).",
            f"No step has been recorded in the case since {last:%d-%m-%Y}: the case stands still (practice: {months} "
            "months; long inactivity has led to damages).",
            due=due,
            last_step=last,
        )
    return Finding.ok_until(due, last_step=last)


DS_2019 = in_force("ds_2019")  # a proposal, not law: the day its proposals are dated

RULES = (
    Rule(
        "method.profile_required",
        "Ressourceprofil i sager om revalidering, fleksjob og førtidspension",
        "A resource profile in revalidering, flex-job and disability-pension cases",
        Severity.BLOCKING,
        (
            RuleVersion(
                METHOD,
                _profile_required(("revalidering", "fleksjob", "fortidspension")),
                (
                    _cite("bek_543_2002", "§ 1 (anvendelsesområde)", "001", "355-370"),
                    _cite("arbejdsevnemetoden_2001", "Indledning (1. januar 2003)", "000", "38-49"),
                ),
                valid_to=REFORM,
            ),
            RuleVersion(
                REFORM,
                _profile_required(("revalidering",)),
                (
                    _cite("bek_543_2002", "§ 1 (anvendelsesområde)", "001", "355-370"),
                    _cite("reform_2013", "rehabiliteringsplanen afløser profilen i teamsager", "003", "533-560"),
                ),
            ),
        ),
        decision_types=("revalidering", "fleksjob", "fortidspension"),
        checks_da="At ressourceprofilens relevante elementer er beskrevet før afgørelse om revalidering (før 2013 "
        "også fleksjob og førtidspension).",
    ),
    Rule(
        "method.threat_recorded",
        "Vurdering af, om arbejdsevnen er truet",
        "Whether work ability is threatened",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _threat_recorded,
                (
                    _cite("arbejdsevnemetoden_2001", "Hvornår metoden anvendes", "000", "846-850, 2356-2405"),
                    _cite("bek_543_2002", "§ 2 (sygedagpenge og aktivering, vejledningen)", "001", "394-449"),
                ),
            ),
        ),
        checks_da="At det i sygedagpenge- og kontanthjælpssager er registreret, om arbejdsevnen er truet, og hvorfor.",
    ),
    Rule(
        "deadline.threat_assessment",
        "Vurdering inden fristen efter første henvendelse",
        "An assessment within the deadline after the first request",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _threat_8_weeks,
                (
                    _cite("rtl", "§ 7 (8 uger)", "000", "2417-2436, 6447-6455"),
                    _cite("rtl", "§ 3 (fristen løber fra henvendelsen)", "000", "6403-6413"),
                ),
            ),
        ),
        checks_da="Fristen på 8 uger for den skriftlige vurdering af, om arbejdsevnen er truet.",
        deadline=True,
        former_ids=("deadline.threat_assessment_8_weeks",),
    ),
    Rule(
        "profile.missing_information_recorded",
        "Manglende oplysninger er angivet",
        "Missing information is recorded",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _missing_information,
                (
                    _cite("arbejdsevnemetoden_2001", "Manglende oplysninger", "000", "1317-1325"),
                    _cite("bek_543_2002", "§ 7 (vejledningen: behov for flere oplysninger)", "001", "2063-2082"),
                ),
            ),
        ),
        checks_da="At et beskrevet element uden vurdering angiver, hvilke oplysninger der mangler.",
    ),
    Rule(
        "method.holistic_assessment",
        "Alle muligheder for hjælp er overvejet",
        "Every possibility of help considered",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _holistic,
                (
                    _cite("rtl", "§ 5 (helhedsvurdering)", "001", "295-308"),
                    _cite("fvl", "§ 7 (vejledningspligt)", "000", "5963-5969, 6920-6930"),
                ),
            ),
        ),
        decision_types=("refusal",),
        checks_da="At et afslag bygger på en behandling i forhold til alle muligheder i den sociale lovgivning "
        "og hos andre myndigheder.",
    ),
    Rule(
        "method.referral_ordinary_work",
        "Henvisning til ordinær beskæftigelse",
        "Referral to ordinary employment",
        Severity.BLOCKING,
        (
            RuleVersion(
                METHOD,
                _referral_ordinary,
                (
                    _cite("bek_543_2002", "§ 9 (vejledningen: tilstrækkelig arbejdsevne)", "001", "2463-2469"),
                    _cite("arbejdsevnemetoden_2001", "Arbejdsevnevurderingen (trappen)", "000", "3241-3257"),
                ),
            ),
        ),
        decision_types=("ordinary_work",),
        checks_da="At en borger med tilstrækkelig arbejdsevne er henvist til ordinær beskæftigelse og tilmeldt "
        "som arbejdssøgende.",
    ),
    Rule(
        "evidence.no_diagnosis_chase",
        "Mindst indgribende lægelige oplysninger, ingen diagnosejagt",
        "Least intrusive medical evidence, no diagnosis chase",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _diagnosis_chase,
                (
                    _cite(
                        "arbejdsevnemetoden_2001", "Proportionalitet (statusattest før speciallæge)", "000", "6023-6025"
                    ),
                    _cite("arbejdsevnemetoden_2001", "Diagnosejagt", "000", "3716-3734, 5407-5416"),
                ),
            ),
        ),
        checks_da="At en speciallægeerklæring ikke indhentes, hvor en mindre indgribende oplysning kan gøre det, "
        "og at gentagne erklæringer er begrundet.",
    ),
    Rule(
        "method.disability_compensation",
        "Kompensation og restitution ved nedsat funktionsevne",
        "Compensation and recovery for a reduced functional capacity",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _disability_compensation,
                (_cite("bek_543_2002", "§ 5 (vejledningen: personer med nedsat funktionsevne)", "001", "1203-1221"),),
            ),
        ),
        checks_da="At behovet for kompensation (hjælpemidler, transport) og restitution er overvejet, når profilen "
        "beskriver skånebehov.",
    ),
    Rule(
        "evidence.interpreter",
        "Tolk, når borgeren har brug for det",
        "An interpreter when the citizen needs one",
        Severity.WARNING,
        (RuleVersion(METHOD, _interpreter, (_cite("rtl", "§ 10 (officialprincippet: tolk)", "000", "6540-6543"),)),),
        checks_da="At der var tolk ved opfølgningerne, når borgeren har brug for tolk.",
    ),
    Rule(
        "evidence.round_table_consent",
        "Samtykke før møde med samarbejdsparter",
        "Consent before a meeting with partners",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _round_table_consent,
                (
                    _cite("arbejdsevnemetoden_2001", "Rundbordssamtale (samtykke)", "000", "4981-4983"),
                    _cite("pdl", "§ 8, stk. 3 (videregivelse)", "000", "6782-6849"),
                ),
            ),
        ),
        checks_da="At borgeren havde givet samtykke til videregivelse, når samarbejdsparter deltog i en opfølgning.",
    ),
    Rule(
        "evidence.change_duty_guidance",
        "Skriftlig vejledning om oplysningspligten",
        "Written guidance on the duty to report changes",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _change_duty_guidance,
                (_cite("rtl", "§ 11, stk. 2 (skriftlig vejledning)", "000", "6586-6598"),),
            ),
        ),
        checks_da="At borgeren er vejledt skriftligt om pligten til at oplyse om ændringer, og at det er dokumenteret.",
    ),
    Rule(
        "method.impartiality",
        "Habilitet",
        "Impartiality",
        Severity.WARNING,
        (RuleVersion(METHOD, _impartiality, (_cite("fvl", "§ 3 (inhabilitet)", "000", "6218-6296"),)),),
        checks_da="At den ansvarlige sagsbehandler har taget stilling til sin habilitet, efter at have fået sagen.",
    ),
    Rule(
        "deadline.sick_pay_follow_up",
        "Opfølgning i sygedagpengesager",
        "Follow-up in sickness-benefit cases",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _sick_pay_follow_up,
                (
                    _cite("dpl", "§ 24 (opfølgning)", "000", "7472-7492"),
                    _cite("dpl", "§ 24, stk. 2 (parter)", "000", "4139-4146"),
                    _cite("taskforce_kk_2018", "6.3 opfølgning hver 4. uge (lovpligtig)", "003", "2623-2629"),
                ),
                valid_to=SICK_PAY_2023,
            ),
            RuleVersion(
                SICK_PAY_2023,
                _sick_pay_follow_up_2023,
                (
                    _cite(
                        "lov_295_2023", "sygedagpengeloven § 13 b, stk. 1 (ikke i kilderne; genlæs)", "003", "2623-2629"
                    ),
                    _cite("dpl", "§ 24, stk. 2 (parter)", "000", "4139-4146"),
                ),
            ),
        ),
        checks_da="Fristen for næste opfølgning i en sygedagpengesag, og at der ved den første er taget stilling "
        "til, hvilke parter der inddrages.",
        deadline=True,
    ),
    Rule(
        "deadline.activation_follow_up",
        "Opfølgning i kontanthjælpssager",
        "Follow-up in social-assistance cases",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _activation_follow_up,
                (
                    _cite("aktivloven", "§ 10 (opfølgning)", "000", "6457-6501"),
                    _cite("taskforce_kk_2018", "6.2.1 mindst fire samtaler om året (lov)", "003", "2569-2574"),
                ),
            ),
        ),
        checks_da="Fristen for næste opfølgning i en kontanthjælpssag (senest 3 måneder efter den forrige).",
        deadline=True,
    ),
    Rule(
        "deadline.case_progress",
        "Sagen står ikke stille",
        "The case does not stand still",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _progress,
                (
                    _cite("rtl", "§ 3 (hurtighed)", "000", "6403-6413"),
                    _cite("taskforce_kk_2018", "7.3 passivitet og erstatning (praksis)", "003", "3468-3474, 3497-3503"),
                ),
            ),
        ),
        checks_da="At der er registreret et skridt i sagen inden for praksisgrænsen (12 måneder).",
        deadline=True,
    ),
    Rule(
        "policy.clarification_guarantee",
        "Afklaringsgaranti på et år (kommunal politik)",
        "One-year clarification guarantee (municipal policy)",
        Severity.INFO,
        (
            RuleVersion(
                DS_2019,
                _clarification_guarantee,
                (_cite("ds_2019", "P2 Afklaringsgaranti (forslag, ikke lov)", "002", "84-197"),),
            ),
        ),
        checks_da="Kun hvis kommunen har slået politikken til: at arbejdsevnen er afklaret inden et år efter "
        "henvendelsen.",
        deadline=True,
        policy="policy.clarification_guarantee_months",
    ),
    Rule(
        "procedure.resource_course_conversations",
        "Samtaler i ressourceforløbet",
        "Conversations in the ressourceforløb",
        Severity.WARNING,
        (
            RuleVersion(
                REFORM,
                _course_conversations,
                (
                    _cite(
                        "lab",
                        "kontaktforløb i ressourceforløb (samtaler på 12 måneder; § genlæses)",
                        "003",
                        "2910-2918",
                    ),
                ),
            ),
        ),
        checks_da="At borgeren i ressourceforløb har haft det lovpligtige antal samtaler med den koordinerende "
        "sagsbehandler i hver hel 12-måneders periode af forløbet.",
        deadline=True,
    ),
    Rule(
        "procedure.threat_notice_written",
        "Skriftlig besked om vurderingen efter RTL § 7",
        "Written notice of the RTL § 7 assessment",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _threat_notice_written,
                (
                    _cite("rtl", "§ 7", "000", "2417-2436"),
                    _cite("rtl", "§ 7 (skriftlighed)", "000", "7354-7373"),
                ),
            ),
        ),
        checks_da="At det er registreret, hvornår og hvordan borgeren fik skriftlig besked om vurderingen af, om "
        "arbejdsevnen er truet, med præmisser og retning.",
    ),
)
