"""Getting the facts: consent, information requests and the stop rule (retssikkerhedsloven §§ 10–12,
forvaltningsloven § 29; bek. 543/2002 § 7, stk. 4–7)."""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param, value_on
from ..snapshot import Snapshot
from ..sources import in_force
from .deadline import add_months, follow_ups_before

METHOD = in_force("bek_543_2002")


# Who may give health advice (shared by the rule reform.clinical_function_only and the evidence service that
# prepares a request for a specialist statement, so the two cannot disagree; tests/evidence keeps them equal).
# Pension act § 19, stk. 3 and lov om organisering §§ 13–15 (seed 003 L3154–3158): "Kommunen kan ved behandlingen
# af sager, der skal forelægges for rehabiliteringsteamet, kun benytte sundhedsfaglig rådgivning fra regionens
# kliniske funktion (og dermed ikke anden sundhedsfaglig rådgivning som eksempelvis lægekonsulenter)". Bek. nr. 1092
# af 3. august 2016 § 1, stk. 3 (seed 003 L3386–3391): also in førtidspension cases decided without the team
# (åbenbart formålsløse), further medical assessments come only from the clinical function and the GP. Outside
# team cases and before the reform the method book's practice holds: a specialist statement is normally discussed
# with the lægekonsulent first (seed 000 L5404–5406). The reform's date in force is the parameter
# evidence.clinical_function_only_from (1 January 2013, lov nr. 1380 af 23. december 2012).
TEAM_CASE_SUBJECTS = ("ressourceforlob", "fleksjob", "fortidspension")


def clinical_function_only(on: date, subjects) -> bool:
    """Whether on `on` a case about these decision subjects may take health advice only from the region's
    clinical function and the GP (never a municipal lægekonsulent)."""
    in_force = value_on("evidence.clinical_function_only_from", on) is not None
    return in_force and any(t in TEAM_CASE_SUBJECTS for t in subjects)


def _open_requests(s: Snapshot, on: date):
    return [r for r in s.requests if r.created_on <= on and r.cancelled_on is None]


# I4: consent before collecting; collection without consent is noted with its legal ground.
def _consent_or_ground(s: Snapshot, on: date) -> Finding:
    requests = [r for r in _open_requests(s, on) if r.sent_on is not None and r.sent_on <= on]
    if not requests:
        return Finding.not_applicable()
    lacking = [r.id for r in requests if not r.consent_in_force and not r.collection_ground]
    if lacking:
        return Finding.missing(
            "Oplysninger er indhentet uden samtykke og uden angivet hjemmel (anmodning "
            + ", ".join(f"#{i}" for i in lacking)
            + ").",
            "Information was requested without consent and without a stated legal ground (request "
            + ", ".join(f"#{i}" for i in lacking)
            + ").",
            requests=lacking,
        )
    return Finding.ok(requests=[r.id for r in requests])


# I1: the authority does not stay passive when information it asked for does not arrive.
def _answers_due(s: Snapshot, on: date) -> Finding:
    waiting = [
        r
        for r in _open_requests(s, on)
        if r.sent_on and r.sent_on <= on and not (r.answered_on and r.answered_on <= on) and r.answer_due_on
    ]
    if not waiting:
        return Finding.not_applicable()
    first = min(waiting, key=lambda r: r.answer_due_on)
    overdue = [r.id for r in waiting if r.answer_due_on < on]
    if overdue:
        return Finding.late(
            "Svar på anmodning " + ", ".join(f"#{i}" for i in overdue) + " er ikke modtaget inden fristen: rykke.",
            "The answer to request " + ", ".join(f"#{i}" for i in overdue) + " is overdue: send a reminder.",
            due=first.answer_due_on,
            requests=overdue,
        )
    return Finding.ok_until(first.answer_due_on, requests=[r.id for r in waiting])


# D12: consent to disclose lasts one year.
def _disclosure_consent(s: Snapshot, on: date) -> Finding:
    given = [c for c in s.consents if c.purpose == "disclose" and c.status == "given" and c.given_on <= on]
    if not given:
        return Finding.not_applicable()
    latest = max(given, key=lambda c: c.given_on)
    from ..parameters import param

    years = param("consent.disclose_valid_years", on)
    try:
        expires = latest.expires_on or latest.given_on.replace(year=latest.given_on.year + years)
    except ValueError:  # 29 February
        expires = latest.given_on.replace(year=latest.given_on.year + years, day=28)
    if on >= expires:
        return Finding.late(
            "Samtykket til videregivelse er udløbet; indhent et nyt, før der videregives oplysninger.",
            "The consent to disclose has expired; obtain a new one before disclosing information.",
            due=expires,
            given_on=latest.given_on,
        )
    return Finding.ok_until(expires, given_on=latest.given_on)


# § 7, stk. 7: no further information once work ability is sufficient for ordinary work; a decision is due.
def _stop_rule(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "sufficient":
        return Finding.not_applicable()
    after = [r.id for r in s.requests if r.sent_on and latest.assessed_on < r.sent_on <= on]
    if after:
        return Finding.missing(
            "Der er indhentet oplysninger, efter at arbejdsevnen blev vurderet tilstrækkelig (anmodning "
            + ", ".join(f"#{i}" for i in after)
            + ").",
            "Information was requested after the work ability was found sufficient (request "
            + ", ".join(f"#{i}" for i in after)
            + ").",
            assessed_on=latest.assessed_on,
            requests=after,
        )
    # The rule demands a decision: the decision being drafted or issued after the assessment is that decision, so it
    # must not be blocked by the reminder (issue 12, B7). Only without one is the caseworker reminded.
    decision = s.decision_in_question(on)
    if s.target is not None or (decision is not None and decision.created_on >= latest.assessed_on):
        return Finding.ok(assessed_on=latest.assessed_on, decision=decision.number if decision else None)
    return Finding.prompt(
        "Arbejdsevnen er vurderet tilstrækkelig til ordinært arbejde: der skal træffes afgørelse.",
        "The work ability is assessed as sufficient for ordinary work: a decision is due.",
        assessed_on=latest.assessed_on,
    )


def _v(check, act: str, section: str, seed: str, lines: str):
    return (RuleVersion(valid_from=METHOD, check=check, citations=(Citation(act, section, seed, lines),)),)


# --- rules formerly in procedure.py (ids unchanged) -------------------------------------------------------------

LESS_INTRUSIVE = ("lae_265", "medical_certificate", "status_statement", "hospital_records")


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


# --- interpreter and round-table meetings (seed 000 I2, I16) ----------------------------------------------------


# Seed 000 L6540–6543 (I2, the official maxim): provide an interpreter when it is needed to establish the facts.
# When the citizen is recorded as needing one, every follow-up with the citizen must have had one.
def _interpreter(s: Snapshot, on: date) -> Finding:
    if not s.case.citizen_needs_interpreter:
        return Finding.not_applicable(needs_interpreter=False)
    without = [f.held_on for f in follow_ups_before(s, on) if f.with_citizen and not f.interpreter_used]
    if without:
        days = ", ".join(f"{d:%d-%m-%Y}" for d in without)
        return Finding.missing(
            f"Borgeren har brug for tolk, men der var ingen tolk ved opfølgningen {days}.",
            f"The citizen needs an interpreter, but none took part in the follow-up on {days}.",
            follow_ups=without,
        )
    return Finding.ok(follow_ups=len(follow_ups_before(s, on)))


def _disclosure_consent_on(s: Snapshot, day: date) -> bool:
    stated = [c for c in s.consents if c.purpose == "disclose" and c.given_on <= day]
    if not stated:
        return False
    latest = max(stated, key=lambda c: c.given_on)
    return latest.status == "given" and (latest.expires_on is None or latest.expires_on > day)


# Seed 000 L4981–4983 (I16): a round-table meeting with the citizen's partners requires the citizen's consent — to
# disclose information to them (PDL § 8, stk. 3; L6782–6849).
def _round_table_consent(s: Snapshot, on: date) -> Finding:
    meetings = [f for f in follow_ups_before(s, on) if f.parties]
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


RULES = (
    Rule(
        "evidence.consent_or_ground",
        "Samtykke eller hjemmel til indhentning",
        "Consent or a legal ground for obtaining information",
        Severity.BLOCKING,
        _v(_consent_or_ground, "fvl", "§ 29; rtl § 12", "000", "6656-6780"),
        checks_da="At hver afsendt anmodning hviler på et gældende samtykke eller en noteret hjemmel.",
    ),
    Rule(
        "evidence.answers_due",
        "Svar på anmodninger om oplysninger",
        "Answers to information requests",
        Severity.WARNING,
        _v(_answers_due, "rtl", "§ 10 (officialprincippet)", "000", "6603-6610"),
        checks_da="Svarfristen for afsendte anmodninger, og om et svar er forsinket.",
        deadline=True,
    ),
    Rule(
        "evidence.disclosure_consent_valid",
        "Samtykke til videregivelse gælder et år",
        "Consent to disclose lasts one year",
        Severity.WARNING,
        _v(_disclosure_consent, "pdl", "§ 8, stk. 3 (samtykke til videregivelse)", "000", "6782-6804"),
        checks_da="Hvornår samtykket til videregivelse udløber.",
        deadline=True,
    ),
    Rule(
        "evidence.stop_rule",
        "Stop for indhentning, når arbejdsevnen er tilstrækkelig",
        "No more information once work ability is sufficient",
        Severity.BLOCKING,
        _v(_stop_rule, "bek_543_2002", "§ 7, stk. 7", "001", "2206-2248"),
        checks_da="At der ikke indhentes oplysninger efter en vurdering af tilstrækkelig arbejdsevne, og at "
        "der så træffes afgørelse.",
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
                    Citation(
                        "arbejdsevnemetoden_2001", "Proportionalitet (statusattest før speciallæge)", "000", "6023-6025"
                    ),
                    Citation("arbejdsevnemetoden_2001", "Diagnosejagt", "000", "3716-3734, 5407-5416"),
                ),
            ),
        ),
        checks_da="At en speciallægeerklæring ikke indhentes, hvor en mindre indgribende oplysning kan gøre det, "
        "og at gentagne erklæringer er begrundet.",
    ),
    Rule(
        "evidence.interpreter",
        "Tolk, når borgeren har brug for det",
        "An interpreter when the citizen needs one",
        Severity.WARNING,
        (RuleVersion(METHOD, _interpreter, (Citation("rtl", "§ 10 (officialprincippet: tolk)", "000", "6540-6543"),)),),
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
                    Citation("arbejdsevnemetoden_2001", "Rundbordssamtale (samtykke)", "000", "4981-4983"),
                    Citation("pdl", "§ 8, stk. 3 (videregivelse)", "000", "6782-6849"),
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
                (Citation("rtl", "§ 11, stk. 2 (skriftlig vejledning)", "000", "6586-6598"),),
            ),
        ),
        checks_da="At borgeren er vejledt skriftligt om pligten til at oplyse om ændringer, og at det er dokumenteret.",
    ),
)
