"""More rules of the 2003 method: development duties after the assessment, the decision ladder, activities, and
refusals that may not rest on missing cooperation or consent (seed 000 §6.4–§6.6, §6.10; seed 001 §6)."""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import INCOME_SUPPORT

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
# The profile it rests on is the element versions it names (recorded with it). A date typed on the assessment (the
# day of the meeting) is never compared with the moment a version was saved: a profile typed in the day after the
# meeting is its basis all the same. Only a file that does not name the versions falls back to the versions saved
# by the day the assessment itself was saved — a saved day compared with saved days.
def _described_before_assessment(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.not_applicable()
    if latest.rests_on:
        named = {(v.element, v.number) for v in latest.rests_on}
        basis = [e for e in s.elements if (e.key, e.number) in named]
    else:
        basis = list(s.current_elements(latest.recorded_on or latest.assessed_on).values())
    if any(e.relevant and e.has_assessment for e in basis):
        return Finding.ok(number=latest.number)
    assessed = sorted(e.saved_on for e in s.elements if e.relevant and e.has_assessment and e.saved_on <= on)
    when_da = when_en = ""
    if assessed:
        when_da = f" Det første vurderede element i profilen er gemt {assessed[0]:%d-%m-%Y}."
        when_en = f" The first assessed element of the profile was saved on {assessed[0]:%d-%m-%Y}."
    return Finding.missing(
        f"Arbejdsevnevurdering nr. {latest.number} (dateret {latest.assessed_on:%d-%m-%Y}) bygger ikke på et "
        "beskrevet og vurderet element i ressourceprofilen." + when_da,
        f"Work-ability assessment no. {latest.number} (dated {latest.assessed_on:%d-%m-%Y}) does not rest on a "
        "described and assessed element of the resource profile." + when_en,
        number=latest.number,
        assessed_on=latest.assessed_on,
        first_assessed_element_saved_on=assessed[0] if assessed else None,
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


# --- rules formerly in procedure.py (ids unchanged) -------------------------------------------------------------


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
                    Citation("bek_543_2002", "§ 1 (anvendelsesområde)", "001", "355-370"),
                    Citation("arbejdsevnemetoden_2001", "Indledning (1. januar 2003)", "000", "38-49"),
                ),
                valid_to=REFORM,
            ),
            RuleVersion(
                REFORM,
                _profile_required(("revalidering",)),
                (
                    Citation("bek_543_2002", "§ 1 (anvendelsesområde)", "001", "355-370"),
                    Citation("reform_2013", "rehabiliteringsplanen afløser profilen i teamsager", "003", "533-560"),
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
                    Citation("arbejdsevnemetoden_2001", "Hvornår metoden anvendes", "000", "846-850, 2356-2405"),
                    Citation("bek_543_2002", "§ 2 (sygedagpenge og aktivering, vejledningen)", "001", "394-449"),
                ),
            ),
        ),
        checks_da="At det i sygedagpenge- og kontanthjælpssager er registreret, om arbejdsevnen er truet, og hvorfor.",
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
                    Citation("rtl", "§ 5 (helhedsvurdering)", "001", "295-308"),
                    Citation("fvl", "§ 7 (vejledningspligt)", "000", "5963-5969, 6920-6930"),
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
                    Citation("bek_543_2002", "§ 9 (vejledningen: tilstrækkelig arbejdsevne)", "001", "2463-2469"),
                    Citation("arbejdsevnemetoden_2001", "Arbejdsevnevurderingen (trappen)", "000", "3241-3257"),
                ),
            ),
        ),
        decision_types=("ordinary_work",),
        checks_da="At en borger med tilstrækkelig arbejdsevne er henvist til ordinær beskæftigelse og tilmeldt "
        "som arbejdssøgende.",
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
                (
                    Citation(
                        "bek_543_2002", "§ 5 (vejledningen: personer med nedsat funktionsevne)", "001", "1203-1221"
                    ),
                ),
            ),
        ),
        checks_da="At behovet for kompensation (hjælpemidler, transport) og restitution er overvejet, når profilen "
        "beskriver skånebehov.",
    ),
    Rule(
        "method.impartiality",
        "Habilitet",
        "Impartiality",
        Severity.WARNING,
        (RuleVersion(METHOD, _impartiality, (Citation("fvl", "§ 3 (inhabilitet)", "000", "6218-6296"),)),),
        checks_da="At den ansvarlige sagsbehandler har taget stilling til sin habilitet, efter at have fået sagen.",
    ),
)
