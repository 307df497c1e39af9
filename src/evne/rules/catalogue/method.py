"""More rules of the 2003 method: development duties after the assessment, the decision ladder, activities, and
refusals that may not rest on missing cooperation or consent (seed 000 §6.4–§6.6, §6.10; seed 001 §6)."""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..snapshot import Snapshot
from ..sources import in_force

METHOD = in_force("bek_543_2002")
# From the 2013 reform the visitation to fleksjob is LAB §§ 69–70 (seed 003 L819–822), with the rehabilitation team's
# recommendation first (reform.rehab_team_recommendation); bek. 543/2002 § 10 governed it from 2003. Same duty.
REFORM = in_force("reform_2013")


def _v(check, act: str, section: str, seed: str, lines: str, *more: Citation):
    return (RuleVersion(valid_from=METHOD, check=check, citations=(Citation(act, section, seed, lines), *more)),)


# § 9: "Kan arbejdsevnen forbedres, skal kommunen give tilbud …" — an offer after the assessment (R42).
def _offer_when_improvable(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "can_be_improved":
        return Finding.not_applicable()
    offered = [
        a.id
        for a in s.activities
        if a.start_on <= on and (a.actual_end_on is None or a.actual_end_on >= latest.assessed_on)
    ]
    if offered:
        return Finding.ok(activities=offered, assessed_on=latest.assessed_on)
    return Finding.missing(
        "Arbejdsevnen kan forbedres, men der er ikke givet et tilbud, der kan forbedre den.",
        "The work ability can be improved, but no activity that can improve it has been offered.",
        assessed_on=latest.assessed_on,
    )


# A6: no flex job or disability pension while the work ability can be improved (the ladder).
def _ladder(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.not_applicable()
    if latest.conclusion in ("can_be_improved", "not_final"):
        return Finding.missing(
            "Den seneste arbejdsevnevurdering siger, at arbejdsevnen kan forbedres (eller at afklaringen fortsætter): "
            "der kan ikke træffes afgørelse om fleksjob eller førtidspension.",
            "The latest assessment says the work ability can be improved (or clarification continues): no flex-job "
            "or disability-pension decision can be made.",
            conclusion=latest.conclusion,
        )
    return Finding.ok(conclusion=latest.conclusion)


# § 10: permanently limited but enough for a flex job → the municipality must consider fleksjob visitation (R43).
def _fleksjob_visitation(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "flex_job_level":
        return Finding.not_applicable()
    answer = s.answer("method.fleksjob_visitation", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Arbejdsevnen er varigt og væsentligt nedsat, men rækker til fleksjob: tag stilling til visitation til "
        "fleksjob, og registrér den.",
        "The work ability is permanently and substantially reduced but enough for a flex job: decide on flex-job "
        "visitation and record it.",
        assessed_on=latest.assessed_on,
    )


# K1: before referring to a development activity, write an order (kravspecifikation).
def _order_written(s: Snapshot, on: date) -> Finding:
    started = [a for a in s.activities if a.start_on <= on]
    if not started:
        return Finding.not_applicable()
    lacking = [a.id for a in started if not a.has_order]
    if lacking:
        return Finding.missing(
            "Tilbud er startet uden kravspecifikation (tilbud " + ", ".join(f"#{i}" for i in lacking) + ").",
            "Activities started without an order (activity " + ", ".join(f"#{i}" for i in lacking) + ").",
            activities=lacking,
        )
    return Finding.ok(activities=[a.id for a in started])


# K2: a company placement has a concrete goal and a plan for follow-up and evaluation before it starts.
def _company_follow_up(s: Snapshot, on: date) -> Finding:
    placements = [a for a in s.activities if a.company_based and a.start_on <= on]
    if not placements:
        return Finding.not_applicable()
    lacking = [a.id for a in placements if not a.has_follow_up_plan]
    if lacking:
        return Finding.missing(
            "Virksomhedsrettet tilbud uden plan for opfølgning og evaluering (tilbud "
            + ", ".join(f"#{i}" for i in lacking)
            + ").",
            "Company placement without a plan for follow-up and evaluation (activity "
            + ", ".join(f"#{i}" for i in lacking)
            + ").",
            activities=lacking,
        )
    return Finding.ok(activities=[a.id for a in placements])


# R26 and I6: a refusal may not rest solely on missing cooperation or a refused consent; assess what the case holds.
def _refusal_on_the_evidence(s: Snapshot, on: date) -> Finding:
    refused = [c for c in s.consents if c.status == "refused" and c.given_on <= on]
    will_not = [i for i in s.involvement if i.non_participation == "will_not" and i.occurred_on <= on]
    if not refused and not will_not:
        return Finding.not_applicable()
    answer = s.answer("method.refusal_on_the_evidence", on, decision=s.decision_number(on))
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Borgeren har nægtet samtykke eller medvirker ikke. Et afslag må ikke alene begrundes med det: beskriv, "
        "hvad sagens oplysninger betyder for afgørelsen.",
        "The citizen refused consent or does not take part. A refusal may not rest on that alone: describe what the "
        "information in the case means for the decision.",
        refused_consents=len(refused),
        non_participation=len(will_not),
    )


# Guidance to § 6 (R20): the final assessment is made only once the profile is described and assessed.
def _described_before_assessment(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.not_applicable()
    at_the_time = s.current_elements(latest.assessed_on)
    if any(e.relevant and e.has_assessment for e in at_the_time.values()):
        return Finding.ok(number=latest.number)
    return Finding.missing(
        "Arbejdsevnevurderingen er foretaget, før ressourceprofilen var beskrevet og vurderet.",
        "The work-ability assessment was made before the resource profile was described and assessed.",
        number=latest.number,
        assessed_on=latest.assessed_on,
    )


# § 4 and its guidance (R11–R14, A3): the whole labour market as it is, no geographic limit, no structural
# arguments, any work — not only earlier jobs. A matter of judgement: the caseworker records how it was weighed.
def _whole_labour_market(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion not in ("below_flex_job", "flex_job_level"):
        return Finding.not_applicable()
    answer = s.answer("method.whole_labour_market", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Er arbejdsevnen vurderet over for hele arbejdsmarkedet, som det er nu — uden geografisk afgrænsning, uden "
        "hensyn til ledighed, og over for alle jobfunktioner, ikke kun tidligere job? Registrér, hvordan.",
        "Was the work ability assessed against the whole labour market as it is — without a geographic limit, "
        "without regard to unemployment, and against all job functions, not only earlier jobs? Record how.",
        number=latest.number,
    )


# § 7 (R25): guidance about being represented or assisted by another person is given and recorded.
def _representation_guidance(s: Snapshot, on: date) -> Finding:
    if not s.current_elements(on):
        return Finding.not_applicable()
    given = [i for i in s.involvement if i.kind == "representation_guidance" and i.occurred_on <= on]
    if given:
        return Finding.ok(on=min(i.occurred_on for i in given))
    return Finding.missing(
        "Det er ikke registreret, at borgeren er vejledt om muligheden for at lade sig repræsentere eller bistå.",
        "It is not recorded that the citizen was told about being represented or assisted by another person.",
    )


# A7 / R47: every assessment carries professional reasons; A4: restitution is considered.
def _assessment_reasons_and_restitution(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.not_applicable()
    missing = [
        name
        for name, present in (("reasons", latest.has_reasons), ("restitution", latest.has_restitution))
        if not present
    ]
    if missing:
        return Finding.missing(
            "Arbejdsevnevurderingen mangler "
            + " og ".join(
                {"reasons": "den faglige begrundelse", "restitution": "stillingtagen til restitution"}[m]
                for m in missing
            )
            + ".",
            "The work-ability assessment lacks "
            + " and ".join(
                {"reasons": "its professional reasons", "restitution": "a view on restitution"}[m] for m in missing
            )
            + ".",
            number=latest.number,
            missing=missing,
        )
    return Finding.ok(number=latest.number)


# R48: no citizen who cannot hold ordinary work is left with neither benefit nor offer.
def _not_left_without_support(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion == "sufficient" or s.case.status in ("decided", "closed"):
        return Finding.not_applicable()
    running = [a for a in s.activities if a.start_on <= on and (a.actual_end_on is None or a.actual_end_on > on)]
    if s.case.benefit != "none" or running:
        return Finding.ok(benefit=s.case.benefit, activities=len(running))
    return Finding.missing(
        "Borgeren kan ikke varetage ordinært arbejde, men har hverken en ydelse eller et tilbud.",
        "The citizen cannot hold ordinary work but has neither a benefit nor an offer.",
        conclusion=latest.conclusion,
    )


RULES = (
    Rule(
        "method.offer_when_improvable",
        "Tilbud når arbejdsevnen kan forbedres",
        "An offer when work ability can be improved",
        Severity.BLOCKING,
        _v(_offer_when_improvable, "bek_543_2002", "§ 9", "001", "2341-2358"),
        checks_da="At der gives et tilbud, når vurderingen siger, at arbejdsevnen kan forbedres.",
    ),
    Rule(
        "method.ladder",
        "Ingen fleksjob eller førtidspension, mens arbejdsevnen kan forbedres",
        "No flex job or disability pension while work ability can be improved",
        Severity.BLOCKING,
        _v(
            _ladder,
            "arbejdsevnemetoden_2001",
            "Arbejdsevnevurderingen (trappen)",
            "000",
            "3241-3257",
            Citation("arbejdsevnemetoden_2001", "Afgørelsen", "000", "3900-3929"),
        ),
        decision_types=("fleksjob", "fortidspension"),
        checks_da="At den seneste vurdering ikke siger, at arbejdsevnen kan forbedres, før fleksjob eller "
        "førtidspension.",
    ),
    Rule(
        "method.fleksjob_visitation",
        "Visitation til fleksjob",
        "Flex-job visitation",
        Severity.WARNING,
        (
            RuleVersion(
                valid_from=METHOD,
                valid_to=REFORM,
                check=_fleksjob_visitation,
                citations=(Citation("bek_543_2002", "§ 10", "001", "2359-2371"),),
            ),
            RuleVersion(
                valid_from=REFORM,
                check=_fleksjob_visitation,
                citations=(Citation("lab", "§§ 69-70 (målgruppe for fleksjob)", "003", "819-822"),),
            ),
        ),
        checks_da="At der tages stilling til fleksjob, når arbejdsevnen er varigt nedsat, men rækker til fleksjob.",
    ),
    Rule(
        "method.order_written",
        "Kravspecifikation til tilbud",
        "An order for each activity",
        Severity.WARNING,
        _v(_order_written, "arbejdsevnemetoden_2001", "Kravspecifikation", "000", "5107-5146"),
        checks_da="At hvert startet tilbud har en kravspecifikation.",
    ),
    Rule(
        "method.company_follow_up",
        "Opfølgningsplan for virksomhedsrettet tilbud",
        "A follow-up plan for a company placement",
        Severity.WARNING,
        _v(_company_follow_up, "arbejdsevnemetoden_2001", "Virksomhedspraktik", "000", "4516-4523"),
        checks_da="At virksomhedsrettede tilbud har en plan for opfølgning og evaluering fra start.",
    ),
    Rule(
        "method.refusal_on_the_evidence",
        "Afslag hviler på sagens oplysninger",
        "A refusal rests on the information in the case",
        Severity.BLOCKING,
        _v(
            _refusal_on_the_evidence,
            "bek_543_2002",
            "§ 7, stk. 1 (vejledningen)",
            "001",
            "1792-1830",
            Citation("rtl", "§ 11 a (samtykke nægtet)", "000", "6748-6764"),
        ),
        decision_types=("refusal",),
        checks_da="At et afslag ikke alene begrundes med manglende medvirken eller nægtet samtykke.",
    ),
    Rule(
        "method.described_before_assessment",
        "Profilen er beskrevet og vurderet før arbejdsevnevurderingen",
        "The profile is described and assessed before the work-ability assessment",
        Severity.BLOCKING,
        _v(_described_before_assessment, "bek_543_2002", "§ 6 (vejledningen)", "001", "1590-1596"),
        checks_da="At mindst ét relevant element var vurderet, da arbejdsevnevurderingen blev foretaget.",
    ),
    Rule(
        "method.whole_labour_market",
        "Hele arbejdsmarkedet",
        "The whole labour market",
        Severity.BLOCKING,
        _v(
            _whole_labour_market,
            "bek_543_2002",
            "§ 4 (vejledningen)",
            "001",
            "596-689",
            Citation("arbejdsevnemetoden_2001", "Arbejdsmarkedet som helhed", "000", "1042-1068"),
        ),
        decision_types=("fleksjob", "fortidspension", "refusal"),
        checks_da="At sagsbehandleren har registreret, at vurderingen er foretaget over for hele arbejdsmarkedet.",
    ),
    Rule(
        "method.representation_guidance",
        "Vejledning om bisidder og partsrepræsentant",
        "Guidance on companion and representative",
        Severity.WARNING,
        _v(_representation_guidance, "bek_543_2002", "§ 7, stk. 1 (vejledningen)", "001", "1765-1769"),
        checks_da="At vejledningen om at lade sig bistå eller repræsentere er registreret.",
    ),
    Rule(
        "method.assessment_reasons_restitution",
        "Begrundelse og restitution i vurderingen",
        "Reasons and restitution in the assessment",
        Severity.BLOCKING,
        _v(
            _assessment_reasons_and_restitution,
            "bek_543_2002",
            "§ 8 (vejledningen)",
            "001",
            "2490-2502",
            Citation("arbejdsevnemetoden_2001", "Restitution", "000", "1070-1078"),
        ),
        checks_da="At arbejdsevnevurderingen har en faglig begrundelse og tager stilling til restitution.",
    ),
    Rule(
        "method.not_left_without_support",
        "Hverken uden ydelse eller tilbud",
        "Neither without benefit nor offer",
        Severity.WARNING,
        _v(_not_left_without_support, "bek_543_2002", "§ 9 (vejledningen)", "001", "2503-2514"),
        checks_da="At en borger, der ikke kan varetage ordinært arbejde, har en ydelse eller et tilbud.",
    ),
)
