"""Decisions, hearing, reasons, complaint guidance and complaints (issue 6); the deadlines that run from them (file
access, written reasons, the complaint, the local deadline) are in deadline.py.

Sources: forvaltningsloven (FVL) §§ 9, 16, 19, 22–25 and retssikkerhedsloven (RTL) §§ 3, 60, 66–67 as the method
book quotes and explains them (seed 000, L3955–4039, L5996–6010, L6298–6441, L7026–7436; rule ids X1–X12, D3,
D8–D11, D14, G1, G4 in shared/domain/seed-000-notes.md §§ 6.2, 6.8, 6.9) and the guidance to bek. 543/2002
(seed 001, l. 2490–2531; R47, R49).

The rules read the decision in question (the highest-numbered decision created by the date judged) as flags and
dates: that reasons exist, that a fact points at a record of the case, that the hearing was answered — never
the texts themselves, so the explanation stored with an issued decision holds no personal narrative.
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import value_on
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import DECISION_TYPES

FVL = in_force("fvl")  # forvaltningsloven (lov nr. 571 af 19. december 1985)
METHOD = in_force("bek_543_2002")


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def _not_full(s: Snapshot, on: date):
    """The decision in question when it does not fully grant the request, else None."""
    decision = s.decision_in_question(on)
    return decision if decision is not None and not decision.fully_grants else None


# X1 — legality (seed 000, L5996–6010): "every decision, including procedural ones, that burdens or benefits the
# citizen needs a basis in statute or an executive order"; FVL § 24, stk. 1: "En begrundelse for en afgørelse skal
# indeholde en henvisning til de retsregler, i henhold til hvilke afgørelsen er truffet" (seed 000, L7278–7323).
def _legal_basis(s: Snapshot, on: date) -> Finding:
    decision = s.decision_in_question(on)
    if decision is None:
        return Finding.not_applicable()
    if not decision.has_legal_basis:
        return Finding.missing(
            f"Afgørelse {decision.number} angiver ikke sin hjemmel (lov og paragraf).",
            f"Decision {decision.number} does not state its legal basis (act and section).",
            number=decision.number,
        )
    return Finding.ok(number=decision.number)


# X5 — partshøring, FVL § 19, a guarantee rule (seed 000, L5733–5742, L7037–7222): before any decision that does
# not fully grant the request — "hvis der er den mindste tvivl", hear. In practice the whole resource profile and
# every new specialist statement, even a favourable one, go with it. D14: a reasonable time to answer.
def _hearing(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None:
        return Finding.not_applicable()
    hearings = s.hearings_of(decision.number, on)
    if not hearings:
        return Finding.missing(
            f"Afgørelse {decision.number} giver ikke fuldt medhold: borgeren skal partshøres først (FVL § 19).",
            f"Decision {decision.number} does not fully grant the request: the citizen must be heard first.",
            number=decision.number,
        )
    latest = hearings[-1]
    if not (latest.includes_profile and latest.includes_new_specialist_statements):
        return Finding.missing(
            "Partshøringen skal omfatte hele ressourceprofilen og alle nye speciallægeerklæringer, også de positive.",
            "The hearing must include the whole resource profile and every new specialist statement, favourable "
            "ones too.",
            number=decision.number,
        )
    if latest.answer == "" and on <= latest.response_due_on:
        return Finding.missing(
            f"Høringsfristen løber til {_d(latest.response_due_on)}: afvent borgerens svar.",
            f"The hearing deadline runs until {_d(latest.response_due_on)}: wait for the citizen's answer.",
            due_on=latest.response_due_on,
        )
    if latest.answer == "":
        return Finding.missing(
            "Høringsfristen er udløbet: registrér borgerens svar, eller at der ikke kom svar.",
            "The hearing deadline has passed: record the citizen's answer or that none came.",
            due_on=latest.response_due_on,
        )
    return Finding.ok(number=decision.number, answer=latest.answer)


# G4 (seed 000, L7053–7057): the citizen's information and viewpoints from the hearing are documented in the case,
# and the caseworker deals with them, especially in the reasons.
def _answer_dealt_with(s: Snapshot, on: date) -> Finding:
    decision = s.decision_in_question(on)
    if decision is None:
        return Finding.not_applicable()
    answered = [h for h in s.hearings_of(decision.number, on) if h.answer == "answered"]
    if not answered:
        return Finding.not_applicable(number=decision.number)
    if not decision.answer_dealt_with:
        return Finding.missing(
            "Borgeren har svaret i partshøringen: skriv i afgørelsen, hvordan svaret er indgået.",
            "The citizen answered the hearing: state in the decision how the answer was dealt with.",
            number=decision.number,
        )
    return Finding.ok(number=decision.number)


# X6 — FVL § 22: "En afgørelse skal, når den meddeles skriftligt, være ledsaget af en begrundelse, medmindre
# afgørelsen fuldt ud giver den pågældende part medhold"; § 24: the legal rules, the main considerations of a
# discretion, and a short account of the material facts (seed 000, L7226–7245, L7278–7323). X7 (6)–(7): the
# decision first, then reasons, facts and rules (L3992–4007).
def _reasons(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None:
        return Finding.not_applicable()
    missing_da, missing_en = [], []
    for flag, da, en in (
        (decision.has_decision_text, "selve afgørelsen", "the decision itself"),
        (decision.has_reasons, "begrundelsen", "the reasons"),
        (decision.has_facts, "sagens oplysninger", "the facts of the case"),
        (decision.has_legal_basis, "henvisning til retsregler", "the legal rules"),
    ):
        if not flag:
            missing_da.append(da)
            missing_en.append(en)
    if missing_da:
        return Finding.missing(
            f"Afgørelse {decision.number} mangler: {', '.join(missing_da)} (FVL §§ 22 og 24).",
            f"Decision {decision.number} lacks: {', '.join(missing_en)} (FVL §§ 22 and 24).",
            number=decision.number,
        )
    return Finding.ok(number=decision.number)


# X7 (seed 000, L3955–4039), the ten commandments, parts a program can see: (8) only facts of the case — a fact
# relied on must be found in the case; a specialist's conclusion is an assessment, not a fact; "Fordi lægen siger
# det" is not a reason (L4016–4021). Warnings: the caseworker judges.
def _reasons_quality(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None:
        return Finding.not_applicable()
    da, en = [], []
    if not decision.facts_in_case:
        da.append("en oplysning, afgørelsen bygger på, findes ikke i sagen")
        en.append("a fact the decision relies on is not found in the case")
    if decision.reasons_only_doctor:
        da.append("begrundelsen hviler på, at lægen siger det — sig, hvorfor afgørelsen er, som den er")
        en.append("the reasons rest on what the doctor says — say why the decision is as it is")
    if decision.specialist_conclusion_as_fact:
        da.append("en speciallæges konklusion står som en oplysning; den er en vurdering")
        en.append("a specialist's conclusion is entered as a fact; it is an assessment")
    if da:
        return Finding.missing(
            "Begrundelsen: " + "; ".join(da) + ".", "Reasons: " + "; ".join(en) + ".", number=decision.number
        )
    return Finding.ok(number=decision.number)


# X8 — FVL § 25, stk. 1: a decision that can be appealed is, when given in writing, accompanied by guidance on the
# appeal body, the procedure and any deadline, unless it fully grants the request. No form may be demanded: the
# guidance must not say, not even indirectly, that a complaint must be written (seed 000, L7247–7352; R49: seed
# 001, l. 2515–2531).
def _guidance(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None or not decision.appealable:
        return Finding.not_applicable()
    if decision.status == "issued" and not decision.has_guidance:
        return Finding.missing(
            f"Afgørelse {decision.number} blev meddelt uden klagevejledning: klagefristen løber ikke, før den gives.",
            f"Decision {decision.number} was notified without complaint guidance: the deadline does not run until "
            "it is given.",
            number=decision.number,
        )
    return Finding.ok(number=decision.number, status=decision.status)


# X11 (seed 000, L7392–7395): "Det er derfor vigtigt, at det dokumenteres, at en sådan vejledning er givet" — the
# complaint deadline runs from when correct guidance was given.
def _guidance_documented(s: Snapshot, on: date) -> Finding:
    decision = _not_full(s, on)
    if decision is None or not decision.appealable or decision.status != "issued":
        return Finding.not_applicable()
    if decision.guidance_given_on is None:
        return Finding.missing(
            "Det er ikke dokumenteret, hvornår klagevejledningen blev givet.",
            "It is not documented when the complaint guidance was given.",
            number=decision.number,
        )
    return Finding.ok(number=decision.number, guidance_given_on=decision.guidance_given_on)


# D11 — the appeal body (RTL § 60; seed 000 L7341–7346, L7383–7387): a complaint the municipality keeps its decision
# on is forwarded to the appeal body of its time and area (parameters/appeals.yaml): Det Sociale Nævn until 31
# December 2006; for employment and pension decisions the beskæftigelsesankenævn from 1 January 2007 (lov nr. 1530
# af 21. december 2005); Ankestyrelsen for all from 1 July 2013 (lov nr. 493 af 21. maj 2013). Everything Evne
# decides is in the employment and pension area. The 2007 change is not in the seeds: re-check against
# Retsinformation.
def _appeal_body(s: Snapshot, on: date) -> Finding:
    forwarded = [(c, c.forwarded_on) for c in s.complaints if c.forwarded_on and c.forwarded_on <= on and c.appeal_body]
    if not forwarded:
        return Finding.not_applicable()
    wrong: list[tuple[int, date, str, str]] = []
    for c, forwarded_on in forwarded:
        expected = value_on("appeals.appeal_body", forwarded_on)
        if expected is not None and c.appeal_body.strip().casefold() != str(expected.value).casefold():
            wrong.append((c.decision_number, forwarded_on, c.appeal_body, str(expected.value)))
    if wrong:
        number, forwarded_on, sent_to, body = wrong[0]
        return Finding.missing(
            f"Klagen over afgørelse {number} blev {_d(forwarded_on)} sendt til {sent_to}, men klageinstansen for "
            f"beskæftigelses- og pensionssager var dengang {body} (RTL § 60).",
            f"The complaint about decision {number} was forwarded on {_d(forwarded_on)} to {sent_to}, but the appeal "
            f"body for employment and pension decisions then was {body}.",
            number=number,
            forwarded_on=forwarded_on,
            appeal_body=sent_to,
            expected=body,
        )
    return Finding.ok(complaints=[c.decision_number for c, _day in forwarded])


def _v(start: date, check, *citations: Citation) -> tuple[RuleVersion, ...]:
    return (RuleVersion(start, check, citations),)


# Judgements the law leaves to people, asked as prompts while a decision is drafted (seed 000 §6.3, §6.7, §6.8;
# seed 001 §6). Evne cannot see whether a decision rests on irrelevant considerations or whether the file would be
# understood by the appeal body, but it makes sure the caseworker has asked and answered the question on the
# record before the decision is issued. An answer counts only when given on or after the day the draft was created.
ALL_DECISIONS = DECISION_TYPES  # every readiness decision type


def _decision_prompt(rule_id: str, message: tuple[str, str]):
    """A question about the decision being drafted: asked while a draft exists, answered once per decision."""

    def check(s: Snapshot, on: date) -> Finding:
        decision = s.decision_in_question(on)
        if decision is None or decision.status != "draft":
            return Finding.not_applicable(draft=False)
        answer = s.answer(rule_id, on, since=decision.created_on, decision=decision.number)
        if answer:
            return Finding.ok(decision=decision.number, answer=answer)
        return Finding.prompt(*message, decision=decision.number)

    return check


# X2 (seed 000 L6028–6056, "Forbud mod magtfordrejning"): "der [må] ikke varetages uvedkommende hensyn … hvad enten
# der er tale om et privat eller et offentligt hensyn" — e.g. a budget exceeded, or the citizen being rude. X12
# (L7026–7036): the decision must be objective, relevant, professionally correct and lawful.
_LAWFUL = _decision_prompt(
    "decision.relevant_considerations_only",
    (
        "Bygger afgørelsen alene på saglige hensyn? Ingen uvedkommende private eller offentlige hensyn (fx kommunens "
        "budget, eller at borgeren har været ubehagelig): bekræft, og nævn hvilke hensyn der er lagt vægt på.",
        "Does the decision rest on relevant considerations only? No irrelevant private or public considerations (e.g. "
        "the municipality's budget, or the citizen having been rude): confirm, and name the considerations relied on.",
    ),
)

# X3 (seed 000 L6058–6067, L32–36, L1258–1261): like cases are decided alike — hence references to practice and
# leading decisions. Asked: which practice or leading decisions the caseworker compared with.
_EQUAL = _decision_prompt(
    "decision.equal_treatment",
    (
        "Lighed: er afgørelsen holdt op mod kommunens praksis og Ankestyrelsens principafgørelser i lignende sager? "
        "Registrér hvilke.",
        "Equal treatment: has the decision been compared with the municipality's practice and Ankestyrelsen's leading "
        "decisions in similar cases? Record which.",
    ),
)

# Q4 (seed 000 L1125–1137, L1375–1382, L3356–3369): documentation sufficient for the decision and understandable to
# another caseworker or the appeal body; Q3 (L3827–3843) and seed 001 R29 (l. 1923–1968): descriptions factual,
# relevant, concrete and neutral, medical statements summarised; seed 001 R08 (l. 283–294, 342–350): the decision
# reflects the duty to involve the citizen and the purpose provisions.
_FILE = _decision_prompt(
    "decision.file_understandable",
    (
        "Kan en anden sagsbehandler eller Ankestyrelsen forstå sagen ud fra akterne? Bekræft, at oplysningerne er "
        "tilstrækkelige, at beskrivelserne er saglige og neutrale, og at borgerens medvirken fremgår.",
        "Could another caseworker or Ankestyrelsen understand the case from the file? Confirm that the information is "
        "sufficient, the descriptions factual and neutral, and the citizen's involvement visible.",
    ),
)


RULES = (
    Rule(
        "decision.legal_basis",
        "Afgørelsen har hjemmel",
        "The decision states its legal basis",
        Severity.BLOCKING,
        _v(
            FVL,
            _legal_basis,
            Citation("fvl", "§ 24, stk. 1", "000", "5996-6010"),
            Citation("fvl", "§ 24, stk. 1", "000", "7278-7323"),
        ),
        checks_da="At udkastet eller afgørelsen angiver lov og paragraf, den træffes efter.",
    ),
    Rule(
        "decision.hearing",
        "Partshøring før afgørelsen",
        "Hearing before the decision",
        Severity.BLOCKING,
        _v(FVL, _hearing, Citation("fvl", "§ 19", "000", "7037-7222"), Citation("fvl", "§ 19", "000", "5733-5742")),
        checks_da="At borgeren er partshørt med hele ressourceprofilen og nye speciallægeerklæringer før en "
        "afgørelse, der ikke giver fuldt medhold, og at svarfristen er udløbet eller svaret registreret.",
    ),
    Rule(
        "decision.answer_dealt_with",
        "Borgerens høringssvar er behandlet",
        "The hearing answer is dealt with",
        Severity.BLOCKING,
        _v(
            FVL,
            _answer_dealt_with,
            Citation("fvl", "§ 19", "000", "7053-7057"),
            Citation("arbejdsevnemetoden_2001", "afsnit 10 (partshøring)", "000", "7148-7171"),
        ),
        checks_da="At afgørelsen siger, hvordan borgerens svar i partshøringen er indgået.",
    ),
    Rule(
        "decision.reasons",
        "Begrundelse efter FVL §§ 22 og 24",
        "Reasons under FVL §§ 22 and 24",
        Severity.BLOCKING,
        _v(
            FVL,
            _reasons,
            Citation("fvl", "§§ 22, 24", "000", "7226-7245"),
            Citation("fvl", "§ 24", "000", "7278-7323"),
            Citation("bek_543_2002", "§ 8 (vejledningen, begrundelse)", "001", "2490-2502"),
        ),
        checks_da="At en afgørelse, der ikke giver fuldt medhold, har selve afgørelsen, begrundelse, sagens "
        "oplysninger og retsregler.",
    ),
    Rule(
        "decision.reasons_quality",
        "Begrundelsens kvalitet",
        "Quality of the reasons",
        Severity.WARNING,
        _v(
            FVL,
            _reasons_quality,
            Citation("arbejdsevnemetoden_2001", "afsnit 7.3 (begrundelsens ti bud)", "000", "3955-4039"),
        ),
        checks_da="At oplysningerne findes i sagen, at begrundelsen ikke kun er 'fordi lægen siger det', og at en "
        "speciallæges konklusion ikke står som oplysning.",
    ),
    Rule(
        "decision.complaint_guidance",
        "Klagevejledning",
        "Complaint guidance",
        Severity.BLOCKING,
        _v(
            FVL,
            _guidance,
            Citation("fvl", "§ 25, stk. 1", "000", "7247-7352"),
            Citation("aktivloven", "§ 98 (klageadgang)", "001", "2515-2531"),
        ),
        checks_da="At en afgørelse, der kan påklages og ikke giver fuldt medhold, blev meddelt med klagevejledning "
        "uden formkrav.",
    ),
    Rule(
        "decision.guidance_documented",
        "Klagevejledning dokumenteret",
        "Complaint guidance documented",
        Severity.WARNING,
        _v(FVL, _guidance_documented, Citation("rtl", "§ 67, stk. 1", "000", "7389-7395")),
        checks_da="At det er dokumenteret, hvornår klagevejledningen blev givet.",
    ),
    Rule(
        "decision.appeal_body",
        "Klagen sendes til tidens klageinstans",
        "The complaint goes to the appeal body of its time",
        Severity.WARNING,
        _v(
            METHOD,
            _appeal_body,
            Citation("rtl", "§ 60", "000", "7341-7346"),
            Citation("rtl", "§ 60", "000", "7383-7387"),
        ),
        checks_da="At en fastholdt klage er sendt til den klageinstans, der gjaldt for beskæftigelses- og "
        "pensionssager den dag (Det Sociale Nævn, fra 2007 beskæftigelsesankenævnet, fra 1. juli 2013 "
        "Ankestyrelsen).",
    ),
    Rule(
        "decision.relevant_considerations_only",
        "Kun saglige hensyn (magtfordrejning)",
        "Relevant considerations only (no abuse of power)",
        Severity.BLOCKING,
        (
            RuleVersion(
                METHOD,
                _LAWFUL,
                (
                    Citation("fvl", "magtfordrejning (retssikkerhedsvejledningen pkt. 14)", "000", "6028-6056"),
                    Citation("fvl", "forvaltningens ansvar", "000", "7026-7036"),
                ),
            ),
        ),
        decision_types=ALL_DECISIONS,
        checks_da="At sagsbehandleren har bekræftet, at afgørelsen alene bygger på saglige hensyn.",
    ),
    Rule(
        "decision.equal_treatment",
        "Lighed i afgørelser",
        "Equal treatment in decisions",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _EQUAL,
                (
                    Citation("fvl", "lighedsgrundsætningen", "000", "6058-6067"),
                    Citation("arbejdsevnemetoden_2001", "ensartet praksis", "000", "32-36, 1258-1261"),
                ),
            ),
        ),
        decision_types=ALL_DECISIONS,
        checks_da="At afgørelsen er holdt op mod praksis og principafgørelser i lignende sager.",
    ),
    Rule(
        "decision.file_understandable",
        "Sagen kan forstås af andre",
        "The file can be understood by others",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _FILE,
                (
                    Citation("arbejdsevnemetoden_2001", "dokumentation", "000", "1125-1137, 1375-1382, 3356-3369"),
                    Citation("arbejdsevnemetoden_2001", "den gode beskrivelse", "000", "3827-3843"),
                    Citation("bek_543_2002", "formål og borgerinddragelse (vejledningen)", "001", "283-294, 342-350"),
                ),
            ),
        ),
        decision_types=ALL_DECISIONS,
        checks_da="At oplysningerne er tilstrækkelige, saglige og forståelige for en anden sagsbehandler eller "
        "klageinstansen, og at borgerens medvirken fremgår.",
    ),
)
