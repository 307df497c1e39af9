"""The authority's own duty to clarify the case and to guide (issue 12, A6): a case that says more clarification is
needed must not stand still; the medical information a decision rests on must be current; a withdrawal of an
application is preceded by guidance, and the guidance is recorded.

Sources: retssikkerhedsloven (RTL) § 10 and the official maxim, forvaltningsloven (FVL) § 7 and RTL § 5 as the
method book explains them (seed 000 L5963–5969, L6513–6530, L6603–6625, L6920–6935), the Copenhagen taskforce and
BDO's review of 33 cases (seed 003 L3302–3310, L3468–3474, L3721–3752, L3769–3771, L3895–3898). The months are
practice flags (parameters/clarification.yaml), not limits the law sets.
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import TEAM_DECISIONS
from .deadline import add_months

RTL = in_force("rtl")  # retssikkerhedsloven (lov nr. 453 af 10. juni 1997)
# the team decisions have their own currency rule from here (reform.health_information_current)
REFORM = in_force("reform_2013")
CLOSED = ("decided", "closed")
QUESTIONS = {
    "postponement": ("teamet udsatte sagen", "the team postponed the case"),
    "not_clarified": ("teamet fandt sagen ikke tilstrækkeligt oplyst", "the team found the case not clarified"),
    "unclear_prognosis": ("prognosen er uklar", "the prognosis is unclear"),
}


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


# --- a case that needs clarifying does not stand still (seed 000 I1; seed 003 T7, BDO) ------------------------------


def _open_questions(s: Snapshot, on: date) -> list[tuple[date, str, int]]:
    """What says, on `on`, that the case needs more clarification: (since, what, id) — the team's latest
    recommendation when it postponed or found the case not clarified, and the latest statement when its prognosis is
    unclear."""
    found = []
    latest = s.latest_recommendation(on)
    if latest is not None and not latest.decisive:
        found.append((latest.recommended_on, latest.kind, latest.id))
    statements = s.statements_on(on)
    if statements and statements[-1].prognosis == "unclear":
        found.append((statements[-1].received_on, "unclear_prognosis", statements[-1].document_id))
    return found


def _steps_since(s: Snapshot, since: date, on: date) -> list[date]:
    """The clarifying steps taken or planned after `since`: a request for information, an activity begun or planned,
    a treatment step, a presentation to the team, a jobafklaringsforløb begun. An activity or a treatment still under
    way on `on` counts as a step that day: the case is not standing still while it runs."""
    days = [r.sent_on or r.created_on for r in s.requests if since < (r.sent_on or r.created_on) <= on]
    days += [min(a.start_on, on) for a in s.activities if a.start_on > since]
    days += [on for a in s.activities if a.start_on <= on and (a.actual_end_on or a.planned_end_on) >= on]
    days += [
        step.on
        for t in s.treatments
        for step in t.steps
        if since < step.on <= on and step.status in ("planned", "ongoing", "completed")
    ]
    days += [on for t in s.treatments if t.status_on(on) in ("planned", "ongoing")]
    days += [m.held_on for m in s.rehab_meetings if since < m.held_on <= on]
    days += [c.start_on for c in s.job_clarification_courses if since < c.start_on <= on]
    days += [on for c in s.job_clarification_courses if c.start_on <= on and (c.ended_on is None or c.ended_on >= on)]
    return days


# RTL § 10 and the official maxim (seed 000 L6513–6521): "Officialmaksimen handler som nævnt om myndighedernes ansvar
# for at fremskaffe de nødvendige oplysninger … Forvaltningen, dvs. i praksis sagsbehandlerne, er ansvarlig for, at
# sagen oplyses fyldestgørende og korrekt"; L6603–6606: "forvaltningen ikke må forholde sig passivt". Seed 003
# L3306–3310: the municipality "har, selv om sagen har været forelagt for rehabiliteringsteamet, som sædvanlig efter
# retssikkerhedslovens § 10 det endelige ansvar for, at en sag er oplyst". BDO (L3769–3771): postponed cases with no
# stated basis; L3721–3752: documentation that could have been gathered earlier. A case that says more clarification
# is needed — the team postponed or found it not clarified, or the latest statement's prognosis is unclear — with
# nothing requested, planned or presented since for the practice months (a parameter) is flagged. A later decisive
# recommendation, a later statement with a clear prognosis, or a closed case answers it.
def _stalled(s: Snapshot, on: date) -> Finding:
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    questions = _open_questions(s, on)
    if not questions:
        return Finding.not_applicable(open_questions=0)
    since, what, ref = min(questions)
    what_da, what_en = QUESTIONS[what]
    months = param("clarification.stalled_months", on)
    steps = _steps_since(s, since, on)
    last = max([since, *steps])
    due = add_months(last, months)
    facts = {"since": since, "question": what, "ref": ref, "last_step": last}
    if on > due:
        return Finding.late(
            f"Sagen har siden {_d(since)} haft brug for mere afklaring ({what_da}), men der er intet bedt om, planlagt "
            f"eller forelagt siden {_d(last)}. Kommunen skal selv oplyse sagen (retssikkerhedslovens § 10; praksis: "
            f"{months} måneder).",
            f"Since {_d(since)} the case has needed more clarification ({what_en}), but nothing has been requested, "
            f"planned or presented since {_d(last)}. The authority must clarify the case itself (RTL § 10; practice: "
            f"{months} months).",
            due=due,
            **facts,
        )
    return Finding.ok_until(due, **facts)


# --- the medical information is current at the decision (seed 003 T14, T16) ----------------------------------------


def _latest_medical(s: Snapshot, day: date) -> tuple[date, int] | None:
    """The most recent medical information on `day`: (the day it describes, the document) — a statement's examination
    day (else its date), or a medical document's date."""
    statements = s.statements_on(day)
    described = {st.document_id for st in statements}
    dated = [(st.examined_on or st.stated_on, st.document_id) for st in statements]
    dated += [
        (d.document_date, d.id)
        for d in s.documents
        if d.medical and d.document_date <= day and d.id not in described  # a statement's own dates say more
    ]
    return max(dated) if dated else None


# Practice, not law (seed 003 L3895–3898, BDO): "I 10 af sagerne har BDO umiddelbart observeret en
# sagsbehandlingstid på seks måneder eller mere fra seneste lægeattest til afgørelse eller indstilling." The law sets
# no validity period: whether the information still describes the citizen is the caseworker's judgement under RTL
# § 10 (seed 000 L6513–6530), so stale information at the decision is a prompt, answered per decision. Measured at
# the decision's date (a draft: the day judged) from the day the latest information describes (a statement's
# examination day). The team decisions from 2013 have their own rule on the presentation and the decision
# (reform.health_information_current), so they are left to it.
def _medical_current(s: Snapshot, on: date) -> Finding:
    decision = s.decision_in_question(on)
    if decision is None:
        return Finding.not_applicable()
    if s.concerns(on, *TEAM_DECISIONS) and on >= REFORM:
        return Finding.not_applicable(see="reform.health_information_current")
    day = decision.decided_on if decision.decided_on is not None and decision.decided_on <= on else on
    latest = _latest_medical(s, day)
    if latest is None:
        return Finding.not_applicable(number=decision.number, medical=0)
    dated, document = latest
    months = param("clarification.medical_max_age_months", on)
    facts = {"number": decision.number, "latest": document, "dated": dated, "decided_on": day}
    if add_months(dated, months) > day:
        return Finding.ok(**facts)
    answer = s.answer(
        "clarification.medical_information_current", on, since=decision.created_on, decision=decision.number
    )
    if answer:
        return Finding.ok(answer=answer, **facts)
    return Finding.prompt(
        f"De nyeste lægelige oplysninger (dokument {document}) beskriver borgeren pr. {_d(dated)}, {months} måneder "
        f"eller mere før afgørelse {decision.number} ({_d(day)}). Vurdér, om de stadig er dækkende, og registrér "
        "vurderingen — eller indhent nye.",
        f"The latest medical information (document {document}) describes the citizen as of {_d(dated)}, {months} "
        f"months or more before decision {decision.number} ({_d(day)}). Judge whether it still holds and record that "
        "— or obtain new information.",
        **facts,
    )


# --- guidance at a withdrawal (seed 000 C7) ------------------------------------------------------------------------


# The general duty to guide (seed 000 L5963–5969): "Der er en generel vejledningspligt. Det betyder bl. a., at
# borgeren skal have oplysninger om alle handlemuligheder i lovgivningen og om sine egne handlemuligheder"; L6926–6931:
# "At borgeren vejledes korrekt og forståeligt om, hvilke muligheder og begrænsninger lovgivningen indeholder". A
# citizen who withdraws an application (fleksjob, pension …) gives up a decision that could be appealed: the guidance
# given at the withdrawal — what withdrawing means, and the other possibilities — must be recorded with it.
def _withdrawal_guidance(s: Snapshot, on: date) -> Finding:
    withdrawn = [a for a in s.applications if a.withdrawn_on is not None and a.withdrawn_on <= on]
    if not withdrawn:
        return Finding.not_applicable(withdrawn=0)
    silent = [a.id for a in withdrawn if not a.withdrawal_guidance]
    if not silent:
        return Finding.ok(withdrawn=[a.id for a in withdrawn])
    return Finding.missing(
        "Ansøgning " + ", ".join(str(n) for n in silent) + " er trukket tilbage uden registreret vejledning: notér, "
        "hvilken vejledning borgeren fik om betydningen og om andre muligheder (FVL § 7, RTL § 5).",
        "Application " + ", ".join(str(n) for n in silent) + " was withdrawn with no guidance recorded: note the "
        "guidance the citizen received on what withdrawing means and on the other possibilities (FVL § 7, RTL § 5).",
        applications=silent,
    )


RULES = (
    Rule(
        "clarification.stalled",
        "Sagen oplyses, når den mangler afklaring",
        "The case is clarified when it needs it",
        Severity.WARNING,
        (
            RuleVersion(
                RTL,
                _stalled,
                (
                    Citation("rtl", "§ 10 (officialmaksimen; ikke passiv)", "000", "6513-6530, 6603-6625"),
                    Citation(
                        "taskforce_kk_2018",
                        "7.7 kommunens ansvar efter § 10; BDO: udsatte sager",
                        "003",
                        "3306-3310, 3721-3771",
                    ),
                    Citation("taskforce_kk_2018", "7.3 passivitet (R-4-04; erstatning)", "003", "3468-3474, 3497-3503"),
                ),
            ),
        ),
        checks_da="At en sag, der efter teamets udsættelse eller en uklar prognose mangler afklaring, ikke står "
        "stille: noget er bedt om, planlagt eller forelagt inden for praksisgrænsen.",
        deadline=True,
    ),
    Rule(
        "clarification.medical_information_current",
        "De lægelige oplysninger er aktuelle ved afgørelsen",
        "The medical information is current at the decision",
        Severity.WARNING,
        (
            RuleVersion(
                RTL,
                _medical_current,
                (
                    Citation("rtl", "§ 10 (sagens oplysning)", "000", "6513-6530"),
                    Citation(
                        "taskforce_kk_2018", "8.3.5 seks måneder fra seneste lægeattest (BDO)", "003", "3893-3898"
                    ),
                ),
            ),
        ),
        checks_da="At de nyeste lægelige oplysninger ikke er ældre end praksisgrænsen ved afgørelsen, eller at det er "
        "vurderet, at de stadig er dækkende.",
    ),
    Rule(
        "clarification.withdrawal_guidance",
        "Vejledning, når en ansøgning trækkes tilbage",
        "Guidance when an application is withdrawn",
        Severity.WARNING,
        (
            RuleVersion(
                RTL,
                _withdrawal_guidance,
                (
                    Citation("fvl", "§ 7 (vejledningspligt)", "000", "5963-5969"),
                    Citation("rtl", "§ 5 (alle muligheder)", "000", "6920-6935"),
                ),
            ),
        ),
        checks_da="At den vejledning, borgeren fik, da en ansøgning blev trukket tilbage, er noteret.",
    ),
)
