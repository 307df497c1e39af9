"""The hearing and the reasons, as the appeal bodies test them (issue 12, A6): the hearing covers what the decision
rests on, including what came in after it; the reasons deal with what points another way; "no objective findings"
is no ground on its own; everyone who took part was impartial.

Sources: forvaltningsloven (FVL) §§ 3, 19, 22 and 24 as the method book quotes them (seed 000 L6218–6296,
L7095–7135, L7226–7245, L7305–7323; rule ids X4–X6 in shared/domain/seed-000-notes.md § 6), the Copenhagen taskforce
on the municipality's processing after the team's recommendation (seed 003 L3302–3348) and BDO's review of 33 cases
(seed 003 L3769–3774). `decision.hearing` (decisions.py) checks that a hearing was held before the decision; the
rules here check what it covered and what the reasons did with the evidence.
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..snapshot import Decision, Snapshot, Statement
from ..sources import in_force

FVL = in_force("fvl")  # forvaltningsloven (lov nr. 571 af 19. december 1985)

CONSULTANTS = ("medical_adviser", "clinical_function", "health_adviser")  # advisers to the authority, not the citizen
# The measures whose refusal rests on the work ability being permanently and substantially reduced or not.
REDUCED_WORK_ABILITY = ("fleksjob", "fortidspension")
DEVELOPMENT = ("ressourceforlob",)
SUBSTANTIVE = ("fleksjob", "fortidspension", "ressourceforlob", "revalidering", "jobafklaring")


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def _not_full(s: Snapshot, on: date) -> Decision | None:
    decision = s.decision_in_question(on)
    return decision if decision is not None and not decision.fully_grants else None


def _decided_on(decision: Decision, on: date) -> date:
    """The day the decision was (or, for a draft, is being) made: its decision date, else the day judged."""
    return decision.decided_on if decision.decided_on is not None and decision.decided_on <= on else on


def _stances(decision: Decision) -> dict[int, str]:
    return {w.document_id: w.stance for w in decision.evidence}


# --- the hearing covers what came in after it (seed 000 X5; seed 003 D1) -------------------------------------------


# FVL § 19, stk. 1 (seed 000 L7095–7112): "Kan en part ikke antages at være bekendt med, at myndigheden er i besiddelse
# af bestemte oplysninger vedrørende sagens faktiske omstændigheder, må der ikke træffes afgørelse, før myndigheden
# har gjort parten bekendt med oplysningerne og givet denne lejlighed til at fremkomme med en udtalelse. Det gælder
# dog kun, hvis oplysningerne er til ugunst for den pågældende part og er af væsentlig betydning for sagens
# afgørelse." The method book (L7117–7128): "Der skal partshøres over alle (også lægelige) oplysninger, der har
# betydning for afgørelsen, og som er til ugunst for parten". Seed 003 L3303–3306: after the team's recommendation
# and the hearing on it, the municipality decides on the plan, LÆ 265, the recommendation and the citizen's answer.
# A lægekonsulent's or the klinisk funktion's statement, or the team's recommendation, received after the hearing and
# before the decision is a new document the decision rests on: the citizen must be heard on it again.
# Exceptions (named): a later statement the reasons mark as pointing another way is in the citizen's favour and needs
# no hearing; FVL § 19, stk. 2 (e.g. urgency) or "not to the citizen's disadvantage" is the caseworker's recorded
# answer for this decision.
def _later_documents(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None:
        return Finding.not_applicable()
    hearings = s.hearings_of(decision.number, on)
    if not hearings:
        return Finding.not_applicable(see="decision.hearing", number=decision.number)
    heard_on = hearings[-1].sent_on
    decided = _decided_on(decision, on)
    stances = _stances(decision)
    statements = [
        st.document_id
        for st in s.statements_on(decided)
        if st.received_on > heard_on
        and stances.get(st.document_id) != "points_another_way"
        and (st.author_role in CONSULTANTS or stances.get(st.document_id) == "relied_on")
    ]
    recommendations = [r.id for r in s.recommendations_until(decided) if r.recommended_on > heard_on]
    facts = {"number": decision.number, "heard_on": heard_on, "statements": statements}
    facts["recommendations"] = recommendations
    if not statements and not recommendations:
        return Finding.ok(**facts)
    answer = s.answer("hearing.later_documents", on, since=heard_on, decision=decision.number)
    if answer:
        return Finding.ok(answer=answer, **facts)
    named_da = [f"erklæring {n}" for n in statements] + [f"teamets indstilling {n}" for n in recommendations]
    named_en = [f"statement {n}" for n in statements] + [f"the team's recommendation {n}" for n in recommendations]
    return Finding.missing(
        f"Efter partshøringen {_d(heard_on)} er der kommet {', '.join(named_da)}, som afgørelse {decision.number} "
        "bygger på: borgeren skal høres over dem, før der træffes afgørelse (FVL § 19) — eller registrér, hvorfor "
        "det ikke er nødvendigt (ikke til ugunst, eller en undtagelse i § 19, stk. 2).",
        f"After the hearing of {_d(heard_on)}, {', '.join(named_en)} came in, which decision {decision.number} rests "
        "on: the citizen must be heard on them before the decision (FVL § 19) — or record why that is not needed "
        "(not to the citizen's disadvantage, or an exception in § 19, stk. 2).",
        **facts,
    )


# --- the reasons deal with what points another way (seed 000 X6; seed 003 D4) ------------------------------------


def _contradicts(st: Statement, subject: str) -> bool:
    """Whether a statement's conclusion points towards the measure a refusal refuses."""
    if subject in REDUCED_WORK_ABILITY:
        return st.work_ability_view == "permanently_substantially_reduced"
    if subject in DEVELOPMENT:
        return st.development_view == "yes"
    return False


# FVL § 24, stk. 1 (seed 000 L7305–7316): "I det omfang, afgørelsen efter disse regler beror på et administrativt
# skøn, skal begrundelsen tillige angive de hovedhensyn, der har været bestemmende for skønsudøvelsen." Stk. 2: "en
# kort redegørelse for de oplysninger vedrørende sagens faktiske omstændigheder, som er tillagt væsentlig betydning".
# Seed 003 L3341–3348 (7.7.2), and BDO (L3773–3774): "I andre sager er der ikke tydelig angivelse af de hovedhensyn,
# der har været bestemmende for skønsudøvelsen og vægtningen af dokumentationsgrundlaget." A decision that does not
# fully grant must say why it does not follow each statement that points another way: a weighing marked as pointing
# another way and not dealt with, or a statement whose conclusion supports the refused measure (e.g. "permanently and
# substantially reduced" on a fleksjob or pension refusal, a development perspective on a ressourceforløb refusal)
# that the reasons do not deal with.
def _contrary_dealt_with(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None:
        return Finding.not_applicable()
    subject = s.subject_of(decision)
    dealt = {w.document_id for w in decision.evidence if w.dealt_with}
    marked = [w.document_id for w in decision.evidence if w.stance == "points_another_way" and not w.dealt_with]
    concluding = [
        st.document_id
        for st in s.statements_on(_decided_on(decision, on))
        if _contradicts(st, subject) and st.document_id not in dealt and st.document_id not in marked
    ]
    ignored = marked + concluding
    if not ignored:
        return Finding.ok(number=decision.number, dealt_with=sorted(dealt))
    return Finding.missing(
        f"Begrundelsen i afgørelse {decision.number} forholder sig ikke til "
        + ", ".join(f"erklæring {n}" for n in ignored)
        + ", der peger i en anden retning: skriv, hvorfor afgørelsen ikke følger den (FVL § 24, hovedhensyn og "
        "vægtning af dokumentationen).",
        f"The reasons of decision {decision.number} do not deal with "
        + ", ".join(f"statement {n}" for n in ignored)
        + ", which points another way: say why the decision does not follow it (FVL § 24, the main considerations "
        "and the weighing of the evidence).",
        number=decision.number,
        subject=subject,
        points_another_way=marked,
        conclusions_for_the_measure=concluding,
    )


# --- "no objective findings" is no ground on its own (seed 000 I13, L3702–3734; seed 003 L3345–3347) ---------------


# The method book (seed 000 L3702–3712, "Pas på diagnosejagten"): "der ved lægelige undersøgelser ikke kan findes
# objektive forklaringer på symptomerne … Kunsten er altså her at stoppe jagten efter diagnoser, respektere borgerens
# sygdomsopfattelse, og så i øvrigt koncentrere sig om, hvilke ressourcer der kan overvinde denne barriere"
# (L3727–3734). The test is the work ability the case describes, weighed concretely (FVL § 24; seed 003 L3345–3347):
# that the doctors find nothing objective is not by itself a reason to refuse. A judgement: when a refusal rests on
# statements that record no conditions (no objective findings), the caseworker records how the functional
# limitations described were assessed — the answer, for this decision, is the fact.
def _no_objective_findings(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None or s.subject_of(decision) not in SUBSTANTIVE:
        return Finding.not_applicable()
    statements = s.statements_on(_decided_on(decision, on))
    stances = _stances(decision)
    relied = [st for st in statements if stances.get(st.document_id) == "relied_on"]
    without = [st.document_id for st in relied if not st.has_conditions]
    if not relied and statements and not any(st.has_conditions for st in statements):
        without = [st.document_id for st in statements]
    if not without:
        return Finding.ok(number=decision.number, relied_on=[st.document_id for st in relied])
    answer = s.answer("hearing.no_objective_findings", on, since=decision.created_on, decision=decision.number)
    if answer:
        return Finding.ok(answer=answer, number=decision.number, without_conditions=without)
    return Finding.prompt(
        f"Afslaget i afgørelse {decision.number} hviler på erklæringer uden objektive fund ("
        + ", ".join(str(n) for n in without)
        + "). At der ikke er objektive fund, er ikke i sig selv en grund til afslag: registrér, hvordan de "
        "beskrevne funktionsbegrænsninger er vurderet konkret.",
        f"The refusal in decision {decision.number} rests on statements without objective findings ("
        + ", ".join(str(n) for n in without)
        + "). The absence of objective findings is not by itself a ground for refusal: record how the functional "
        "limitations described were assessed concretely.",
        number=decision.number,
        without_conditions=without,
    )


# --- impartiality of everyone who took part (seed 000 X4) -----------------------------------------------------------


# FVL § 3 as the method book puts it (seed 000 L6218–6229): "En sagsbehandler må ikke deltage i behandlingen af en
# sag, hvis der foreligger forhold, som er 'egnet til at rejse tvivl om den pågældendes fuldstændige upartiskhed' …
# Det betyder i praksis, at man er inhabil som sagsbehandler, medlem af et besluttende udvalg eller lægekonsulent,
# hvis:" — among the grounds, the consultant who is also the citizen's GP (L6278–6279) and one who has taken part in
# the case at a lower instance (L6272–6276). `method.impartiality` asks the caseworker about
# themself; this asks, per decision, about everyone else who took part: the lægekonsulent or klinisk funktion whose
# statement is in the case, the team, and whoever reconsiders a complaint about the decision. A new complaint asks
# again.
def _participants(s: Snapshot, on: date) -> Finding:
    decision = s.decision_in_question(on)
    if decision is None:
        return Finding.not_applicable()
    decided = _decided_on(decision, on)
    consultants = [st.document_id for st in s.statements_on(decided) if st.author_role in CONSULTANTS]
    meetings = [m.id for m in s.rehab_meetings if m.held_on <= decided]
    complaints = [c for c in s.complaints if c.decision_number == decision.number and c.received_on <= on]
    since = max([decision.created_on, *(c.received_on for c in complaints)])
    facts = {"number": decision.number, "consultants": consultants, "team_meetings": meetings}
    facts["complaints"] = len(complaints)
    answer = s.answer_record("hearing.impartiality_of_participants", on, since=since, decision=decision.number)
    if answer is not None:
        return Finding.ok(declared_on=answer.given_on, **facts)
    return Finding.prompt(
        f"Habilitet for alle, der har medvirket i afgørelse {decision.number} (FVL § 3): lægekonsulent eller klinisk "
        "funktion, rehabiliteringsteamet og den, der genvurderer en klage — fx en lægekonsulent, der også er "
        "borgerens egen læge, eller en, der har medvirket i sagen før. Registrér stillingtagen.",
        f"Impartiality of everyone who took part in decision {decision.number} (FVL § 3): the medical adviser or "
        "clinical function, the rehabilitation team and whoever reconsiders a complaint — e.g. an adviser who is also "
        "the citizen's own doctor, or someone who took part in the case before. Record the position taken.",
        **facts,
    )


RULES = (
    Rule(
        "hearing.later_documents",
        "Partshøring over oplysninger, der er kommet efter høringen",
        "A hearing on what came in after the hearing",
        Severity.BLOCKING,
        (
            RuleVersion(
                FVL,
                _later_documents,
                (
                    Citation("fvl", "§ 19, stk. 1 (partshøring)", "000", "7095-7135"),
                    Citation(
                        "taskforce_kk_2018",
                        "7.7 sagsbehandling efter indstillingen og partshøringen",
                        "003",
                        "3302-3310",
                    ),
                ),
            ),
        ),
        checks_da="At en lægekonsulent- eller klinisk funktion-erklæring eller teamets indstilling, der er kommet "
        "efter partshøringen og før afgørelsen, og som afgørelsen bygger på, også er partshørt.",
    ),
    Rule(
        "hearing.contrary_evidence_dealt_with",
        "Begrundelsen forholder sig til det, der peger i en anden retning",
        "The reasons deal with what points another way",
        Severity.BLOCKING,
        (
            RuleVersion(
                FVL,
                _contrary_dealt_with,
                (
                    Citation("fvl", "§ 24, stk. 1 og 2 (hovedhensyn, faktiske oplysninger)", "000", "7305-7323"),
                    Citation(
                        "taskforce_kk_2018", "7.7.2 krav til afgørelsen; BDO: vægtningen", "003", "3337-3348, 3773-3774"
                    ),
                ),
            ),
        ),
        checks_da="At en afgørelse, der ikke giver fuldt medhold, forholder sig til hver erklæring, der peger i en "
        "anden retning (fx varigt og væsentligt nedsat arbejdsevne ved et afslag på fleksjob eller førtidspension).",
    ),
    Rule(
        "hearing.no_objective_findings",
        "Manglende objektive fund er ikke alene en afslagsgrund",
        "No objective findings is not a ground for refusal by itself",
        Severity.WARNING,
        (
            RuleVersion(
                FVL,
                _no_objective_findings,
                (
                    Citation("arbejdsevnemetoden_2001", "Pas på diagnosejagten (diskrepans)", "000", "3702-3734"),
                    Citation("fvl", "§ 24, stk. 1 (hovedhensyn)", "000", "7305-7316"),
                    Citation("taskforce_kk_2018", "7.7.2 hovedhensyn i skønnet", "003", "3345-3348"),
                ),
            ),
        ),
        decision_types=("refusal",),
        checks_da="At et afslag, der hviler på erklæringer uden objektive fund, vurderer de beskrevne "
        "funktionsbegrænsninger konkret i stedet for at afvise dem.",
    ),
    Rule(
        "hearing.impartiality_of_participants",
        "Habilitet hos alle, der medvirker i afgørelsen",
        "Impartiality of everyone who takes part in the decision",
        Severity.WARNING,
        (
            RuleVersion(
                FVL,
                _participants,
                (Citation("fvl", "§ 3, stk. 1 (inhabilitet; lægekonsulent, tidligere medvirken)", "000", "6218-6296"),),
            ),
        ),
        checks_da="At der for hver afgørelse er taget stilling til habiliteten hos lægekonsulent eller klinisk "
        "funktion, teamet og den, der genvurderer en klage.",
    ),
)
