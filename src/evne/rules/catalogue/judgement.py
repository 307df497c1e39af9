"""Judgements the law leaves to people, asked as prompts at the moment they matter (seed 000 §6.3, §6.7, §6.8;
seed 001 §6). Evne cannot see whether a decision rests on irrelevant considerations or whether the file would be
understood by the appeal body — but it can make sure the caseworker has asked and answered the question, on the
record, before the decision is issued. An answer counts only when given on or after the day the decision being
drafted was created, so each decision is judged afresh.
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..snapshot import Snapshot
from ..sources import in_force

METHOD = in_force("bek_543_2002")
ALL_DECISIONS = (
    "revalidering",
    "ressourceforlob",
    "jobafklaring",
    "fleksjob",
    "fortidspension",
    "refusal",
    "ordinary_work",
)
ALL_ELEMENTS = 12  # the profile's named elements (bek. 543/2002 § 6; profiles/elements.yaml), "other" not counted


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


# P11 (seed 000 L2322–2335, L6878–6898) and seed 001 R19 (l. 1611–1631): not every element in depth in every case —
# "Do not auto-include or equally investigate all elements; warn on over-information" (FVL § 32). When all twelve
# elements are described, the caseworker confirms each was needed.
def _over_investigation(s: Snapshot, on: date) -> Finding:
    described = [k for k, e in s.current_elements(on).items() if k != "other" and e.relevant and e.has_facts]
    if len(described) < ALL_ELEMENTS:
        return Finding.not_applicable(described=len(described))
    answer = s.answer("profile.proportionate", on)
    if answer:
        return Finding.ok(described=len(described), answer=answer)
    return Finding.prompt(
        "Alle 12 elementer er beskrevet. Oplysninger må kun indhentes, når de er nødvendige for sagen "
        "(forvaltningslovens § 32): registrér, hvorfor hvert element er relevant i denne sag.",
        "All 12 elements are described. Information may only be gathered when the case needs it (FVL § 32): record "
        "why each element matters in this case.",
        described=len(described),
    )


RULES = (
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
    Rule(
        "profile.proportionate",
        "Kun nødvendige oplysninger",
        "Only necessary information",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _over_investigation,
                (
                    Citation("fvl", "§ 32 (nødvendige oplysninger)", "000", "6878-6898"),
                    Citation("arbejdsevnemetoden_2001", "ikke alle elementer i dybden", "000", "2322-2335"),
                    Citation("bek_543_2002", "§ 6 (vejledningen: ikke alle elementer)", "001", "1611-1631"),
                ),
            ),
        ),
        checks_da="At det er begrundet, hvorfor alle 12 elementer er beskrevet (ingen overoplysning).",
    ),
)
