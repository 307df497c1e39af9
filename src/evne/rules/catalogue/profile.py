"""The resource profile: bek. nr. 543 af 28. maj 2002 §§ 6–7 (seed 001) and the method book (seed 000).

Mirrors the order: § 7, stk. 1 (a conversation first), § 6, stk. 3 (other matters justified), § 7, stk. 2
(description apart from assessment), § 7, stk. 8 (presentation and disagreement).
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import element_names

METHOD = in_force("bek_543_2002")
OWN_PERSPECTIVE = ("work_wishes", "performance_expectations", "work_identity")
DECISIONS = ("revalidering", "ressourceforlob", "fleksjob", "fortidspension", "refusal", "ordinary_work")


def _elements(s: Snapshot, on: date):
    return s.current_elements(on)


# § 7, stk. 1: "Udarbejdelsen og anvendelsen af ressourceprofilen skal tage udgangspunkt i en samtale med borgeren."
def _conversation_first(s: Snapshot, on: date) -> Finding:
    if not _elements(s, on):
        return Finding.not_applicable(elements=0)
    started = [
        i for i in s.involvement if i.occurred_on <= on and i.kind in ("opening_conversation", "non_participation")
    ]
    if started:
        return Finding.ok(first=min(i.occurred_on for i in started))
    return Finding.missing(
        "Ressourceprofilen skal tage udgangspunkt i en samtale med borgeren: registrér den indledende samtale "
        "(eller at borgeren ikke medvirker, og hvordan borgerens interesser er varetaget).",
        "The profile must start from a conversation with the citizen: record the opening conversation (or that the "
        "citizen does not take part, and how the citizen's interests were safeguarded).",
    )


# § 6, stk. 3 and the guidance: other labour-market-relevant matters must be justified in writing.
def _other_justified(s: Snapshot, on: date) -> Finding:
    other = _elements(s, on).get("other")
    if other is None or not other.relevant:
        return Finding.not_applicable()
    if other.has_title_and_justification:
        return Finding.ok(version=other.number)
    return Finding.missing(
        '"Andet arbejdsmarkedsrelateret" er medtaget uden skriftlig begrundelse.',
        '"Other labour-market-related matters" is included without a written justification.',
        version=other.number,
    )


# Guidance to § 6: the case should show why an element was not found relevant (unless obvious).
def _not_relevant_reason(s: Snapshot, on: date) -> Finding:
    lacking = sorted(
        e.key
        for e in _elements(s, on).values()
        if not e.relevant and not e.not_relevant_obvious and not e.has_not_relevant_reason
    )
    if lacking:
        return Finding.missing(
            "Det fremgår ikke, hvorfor disse elementer ikke er relevante: " + element_names(lacking) + ".",
            "The case does not show why these elements are not relevant: " + element_names(lacking, english=True) + ".",
            elements=lacking,
        )
    return Finding.ok()


# The method: the three "own perspective" elements always carry the citizen's own view.
def _own_perspective(s: Snapshot, on: date) -> Finding:
    current = _elements(s, on)
    relevant = [current[k] for k in OWN_PERSPECTIVE if k in current and current[k].relevant]
    if not relevant:
        return Finding.not_applicable()
    lacking = [e.key for e in relevant if not e.has_citizen_view]
    if lacking:
        return Finding.missing(
            "Borgerens eget syn mangler i: " + element_names(lacking) + ".",
            "The citizen's own view is missing in: " + element_names(lacking, english=True) + ".",
            elements=lacking,
        )
    return Finding.ok(elements=[e.key for e in relevant])


# § 7, stk. 2 and the guidance: description apart from assessment, "so that it is clear which documentation
# the assessment rests on".
def _assessment_rests_on_facts(s: Snapshot, on: date) -> Finding:
    assessed = [e for e in _elements(s, on).values() if e.relevant and e.has_assessment]
    if not assessed:
        return Finding.not_applicable()
    lacking = sorted(e.key for e in assessed if not e.assessment_rests_on_facts)
    if lacking:
        return Finding.missing(
            "Vurderingen henviser ikke til de oplysninger, den bygger på, i: " + element_names(lacking) + ".",
            "The assessment does not point at the facts it rests on in: " + element_names(lacking, english=True) + ".",
            elements=lacking,
        )
    return Finding.ok(elements=sorted(e.key for e in assessed))


# The method: an accommodation need (skånebehov) is described with its duration.
def _accommodation_duration(s: Snapshot, on: date) -> Finding:
    needs = [e for e in _elements(s, on).values() if e.relevant and e.has_accommodation_needs]
    if not needs:
        return Finding.not_applicable()
    lacking = sorted(e.key for e in needs if not e.accommodation_duration)
    if lacking:
        return Finding.missing(
            "Skånebehovets varighed er ikke angivet i: " + element_names(lacking) + ".",
            "The duration of the accommodation need is not stated in: " + element_names(lacking, english=True) + ".",
            elements=lacking,
        )
    return Finding.ok(elements=sorted(e.key for e in needs))


# § 7, stk. 8: "Kommunen skal forelægge den samlede beskrivelse og vurdering … for borgeren."
def _presented(s: Snapshot, on: date) -> Finding:
    current = _elements(s, on)
    if not current:
        return Finding.missing("Ressourceprofilen er ikke beskrevet.", "The resource profile is not described.")
    presentation = s.latest_presentation(on)
    if presentation is None:
        return Finding.missing(
            "Den samlede beskrivelse og vurdering er ikke forelagt borgeren.",
            "The overall description and assessment have not been presented to the citizen.",
        )
    # The presentation's typed date against the day each version it presents was saved (a date with a date): a
    # version cannot have been shown to the citizen before it existed.
    early = [r for r in presentation.responses if r.version_saved_on and r.version_saved_on > presentation.presented_on]
    if early:
        first = min(r.version_saved_on or presentation.presented_on for r in early)
        count_da = (
            "en af de forelagte elementversioner"
            if len(early) == 1
            else f"{len(early)} af de forelagte elementversioner"
        )
        count_en = (
            "one of the presented element versions"
            if len(early) == 1
            else f"{len(early)} of the presented element versions"
        )
        return Finding.missing(
            f"Forelæggelsen er dateret {presentation.presented_on:%d-%m-%Y}, men {count_da} blev først gemt "
            f"{first:%d-%m-%Y}. Ret datoen for forelæggelsen, eller forelæg profilen igen.",
            f"The presentation is dated {presentation.presented_on:%d-%m-%Y}, but {count_en} was only saved on "
            f"{first:%d-%m-%Y}. Correct the date of the presentation, or present the profile again.",
            elements=sorted(r.element for r in early),
            presented_on=presentation.presented_on,
            version_saved_on=first,
        )
    shown = {r.element: r.version_number for r in presentation.responses}
    changed = sorted(k for k, e in current.items() if shown.get(k) != e.number)
    if changed:
        return Finding.missing(
            "Disse elementer er ændret eller tilføjet, siden profilen blev forelagt borgeren: "
            + element_names(changed),
            "These elements changed or were added after the profile was presented: "
            + element_names(changed, english=True),
            elements=changed,
            presented_on=presentation.presented_on,
        )
    return Finding.ok(presented_on=presentation.presented_on)


# § 7, stk. 8 and the guidance: state what the disagreement consists of; keeping needs the professional
# explanation and the citizen's comments.
def _disagreement_decided(s: Snapshot, on: date) -> Finding:
    disagreements = [r for p in s.presentations if p.presented_on <= on for r in p.responses if not r.agrees]
    if not disagreements:
        return Finding.not_applicable()
    open_ = sorted({r.element for r in disagreements if not r.decision})
    unexplained = sorted({r.element for r in disagreements if r.decision == "keep" and not r.has_explanation})
    vague = sorted({r.element for r in disagreements if not r.has_disagreement_text})
    if vague or unexplained or open_:
        parts_da, parts_en = [], []
        if vague:
            parts_da.append("hvori uenigheden består, mangler for " + element_names(vague))
            parts_en.append("what the disagreement consists of is missing for " + element_names(vague, english=True))
        if unexplained:
            parts_da.append("fastholdt uden faglig begrundelse: " + element_names(unexplained))
            parts_en.append("kept without a professional explanation: " + element_names(unexplained, english=True))
        if open_:
            parts_da.append("der er ikke taget stilling til uenigheden om " + element_names(open_))
            parts_en.append("no decision on the disagreement about " + element_names(open_, english=True))
        return Finding.missing(
            "Uenighed: " + "; ".join(parts_da) + ".",
            "Disagreement: " + "; ".join(parts_en) + ".",
            open=open_,
            unexplained=unexplained,
            vague=vague,
        )
    return Finding.ok(decided=sorted({r.element for r in disagreements}))


def _v(check, section: str, *, seed_lines: str, seed: str = "001", act: str = "bek_543_2002"):
    return (
        RuleVersion(valid_from=METHOD, check=check, citations=(Citation(act, section, seed=seed, lines=seed_lines),)),
    )


# § 7, stk. 2 (seed 001 l. 1831–1868): "I beskrivelsen og vurderingen af de udvalgte elementer skal indgå" the actual
# resources, the possibilities of developing them and of reducing or removing barriers. Asked of assessed elements.
def _element_parts(s: Snapshot, on: date) -> Finding:
    assessed = {k: e for k, e in _elements(s, on).items() if e.relevant and e.has_assessment}
    if not assessed:
        return Finding.not_applicable(assessed=0)
    lacking = sorted(k for k, e in assessed.items() if not (e.has_resources and e.has_development and e.has_barriers))
    if lacking:
        return Finding.missing(
            "Vurderede elementer skal beskrive de faktiske ressourcer, udviklingsmulighederne og mulighederne for at "
            "mindske barrierer (" + element_names(lacking) + ").",
            "Assessed elements must describe the actual resources, the development possibilities and the "
            "possibilities of reducing barriers (" + element_names(lacking, english=True) + ").",
            elements=lacking,
        )
    return Finding.ok(elements=sorted(assessed))


ALL_ELEMENTS = 12  # the profile's named elements (bek. 543/2002 § 6; profiles/elements.yaml), "other" not counted


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


# --- rules formerly in procedure.py (ids unchanged) -------------------------------------------------------------


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
            "(" + element_names(silent) + ").",
            "Described elements without an assessment must state what information is missing before they can be "
            "assessed (" + element_names(silent, english=True) + ").",
            elements=silent,
        )
    return Finding.ok(elements=sorted(described))


RULES = (
    Rule(
        "profile.conversation_first",
        "Profilen tager udgangspunkt i en samtale med borgeren",
        "The profile starts from a conversation with the citizen",
        Severity.BLOCKING,
        _v(_conversation_first, "§ 7, stk. 1", seed_lines="1679-1764"),
        checks_da="At den indledende samtale (eller borgerens manglende medvirken) er registreret.",
    ),
    Rule(
        "profile.other_justified",
        "Andet arbejdsmarkedsrelateret er begrundet skriftligt",
        "Other labour-market matters are justified in writing",
        Severity.BLOCKING,
        _v(_other_justified, "§ 6, stk. 3", seed_lines="1585-1587"),
        checks_da='At et medtaget "andet"-element har titel og skriftlig begrundelse.',
    ),
    Rule(
        "profile.not_relevant_reason",
        "Det fremgår, hvorfor et element ikke er relevant",
        "The case shows why an element is not relevant",
        Severity.WARNING,
        _v(_not_relevant_reason, "§ 6 (vejledningen)", seed_lines="1604-1610"),
        checks_da="At ikke-relevante elementer har en begrundelse, medmindre det er åbenlyst.",
    ),
    Rule(
        "profile.own_perspective_view",
        "Borgerens eget syn i de tre perspektivelementer",
        "The citizen's own view in the own-perspective elements",
        Severity.WARNING,
        _v(
            _own_perspective,
            "Arbejdsevnemetoden, kap. 4",
            seed="000",
            seed_lines="2187-2189",
            act="arbejdsevnemetoden_2001",
        ),
        checks_da="At ønsker, præstationsforventninger og arbejdsidentitet rummer borgerens eget syn.",
    ),
    Rule(
        "profile.assessment_rests_on_facts",
        "Vurderingen bygger på sagens oplysninger",
        "The assessment rests on the facts of the case",
        Severity.BLOCKING,
        _v(_assessment_rests_on_facts, "§ 7, stk. 2 (vejledningen)", seed_lines="1908-1911"),
        checks_da="At hver vurdering henviser til de oplysninger i beskrivelsen, den bygger på.",
    ),
    Rule(
        "profile.accommodation_duration",
        "Skånebehov med varighed",
        "Accommodation needs with their duration",
        Severity.BLOCKING,
        _v(
            _accommodation_duration,
            "Arbejdsevnemetoden, helbred",
            seed="000",
            seed_lines="2054-2059",
            act="arbejdsevnemetoden_2001",
        ),
        checks_da="At et beskrevet skånebehov har en varighed (midlertidigt, varigt eller endnu uafklaret).",
    ),
    Rule(
        "profile.presented",
        "Profilen er forelagt borgeren",
        "The profile has been presented to the citizen",
        Severity.BLOCKING,
        _v(_presented, "§ 7, stk. 8", seed_lines="2249-2269"),
        decision_types=DECISIONS,
        checks_da="At den samlede beskrivelse og vurdering i de aktuelle versioner er forelagt borgeren.",
    ),
    Rule(
        "profile.disagreement_decided",
        "Uenighed er konkretiseret og afgjort",
        "Disagreement is made concrete and decided",
        Severity.BLOCKING,
        _v(_disagreement_decided, "§ 7, stk. 8 (vejledningen)", seed_lines="2291-2303"),
        decision_types=DECISIONS,
        checks_da="At hver uenighed siger, hvori den består, og at fastholdelse er fagligt begrundet.",
    ),
    Rule(
        "profile.element_parts",
        "Ressourcer, udvikling og barrierer i hvert vurderet element",
        "Resources, development and barriers in each assessed element",
        Severity.WARNING,
        (RuleVersion(METHOD, _element_parts, (Citation("bek_543_2002", "§ 7, stk. 2", "001", "1831-1868"),)),),
        checks_da="At hvert vurderet element beskriver ressourcer, udviklingsmuligheder og muligheder for at "
        "mindske barrierer.",
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
                    Citation("arbejdsevnemetoden_2001", "Manglende oplysninger", "000", "1317-1325"),
                    Citation("bek_543_2002", "§ 7 (vejledningen: behov for flere oplysninger)", "001", "2063-2082"),
                ),
            ),
        ),
        checks_da="At et beskrevet element uden vurdering angiver, hvilke oplysninger der mangler.",
    ),
)
