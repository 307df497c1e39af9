"""Fleksjob: the substance Ankestyrelsen judges — permanently and substantially reduced work ability in all
occupations, documented by a clarified health situation and relevant work testing, no treatment outstanding that may
change it, a development perspective on very few hours, and no grant where the recorded capacity is ordinary work.

The law (seed 003 L813–861, quoting LAB §§ 69–70 as in LBK nr. 1342 af 21/11 2016; seed 001 l. 845–903 and bek. nr.
543/2002 § 10 for the law from 2003). From 1 January 2003 fleksjob required work ability "varigt nedsat i et sådant
omfang, at de ikke kan varetage arbejdsopgaver på arbejdsmarkedet på almindelige vilkår" (seed 001 l. 893–903) and
bek. 543 § 10 "varigt begrænset"; from 2013 the reform's LAB § 70 says "varige og væsentlige begrænsninger i
arbejdsevnen". The test of a permanent reduction documented by the health information and by work testing is the
same in both periods, so the rules below carry one version from 2003 citing both (the few-hours rule exists only
from the 2013 reform). The section numbers moved with lov nr. 548 af 7. maj 2019 (LAB chapter 20); re-check the
numbering before a letter cites it.

The rules read the recorded facts (issue 11): statements (`s.statements_on`), treatments, work-trial periods
(`s.trials_on`) and the citizen's own employments. What counts as "relevant" testing has no number in the law: the
thresholds are practice parameters (`parameters/fleksjob.yaml`), and the caseworker's recorded answer — for the
decision in question — that the testing is sufficient or further testing obviously futile settles the question.
"""

from datetime import date
from functools import partial
from typing import Any

from ..engine import Citation, Finding, Rule, Severity, version
from ..parameters import param
from ..snapshot import Snapshot, Statement
from ..sources import in_force

# A statement's prognosis and view on the work ability as the messages name them (evidence.Prognosis,
# evidence.WorkAbilityView); a value not listed reads as it is.
PROGNOSIS = {
    "permanent": ("varig", "permanent"),
    "temporary": ("midlertidig", "temporary"),
    "unclear": ("uklar", "unclear"),
    "not_stated": ("ikke angivet", "not stated"),
}
VIEW = {
    "permanently_substantially_reduced": ("varigt og væsentligt nedsat", "permanently and substantially reduced"),
    "reduced": ("nedsat", "reduced"),
    "not_reduced": ("ikke nedsat", "not reduced"),
    "not_assessed": ("ikke vurderet", "not assessed"),
}

METHOD = in_force("bek_543_2002")  # førtidspensionsreformen and bek. nr. 543 af 28. maj 2002 in force
REFORM = in_force("reform_2013")  # the reform of førtidspension and fleksjob (small flex jobs, LAB § 70, stk. 2)
OUTSTANDING = ("planned", "ongoing")


_v = partial(version, start=METHOD)  # a version of a rule, from METHOD unless told otherwise


def _grant(s: Snapshot, on: date) -> bool:
    """The decision in question grants a flex job (a refusal is judged by the rules that apply to refusals)."""
    return s.concerns(on, "fleksjob") and "refusal" not in s.in_question(on)


def _answer(s: Snapshot, rule_id: str, on: date) -> str:
    """The caseworker's answer for the decision in question (or for the case, when no decision is drafted)."""
    decision = s.decision_in_question(on)
    return s.answer(rule_id, on, decision=decision.number if decision else None)


def _with_view(s: Snapshot, on: date) -> list[Statement]:
    """The statements that conclude on the prognosis or the work ability, oldest first."""
    return [st for st in s.statements_on(on) if st.prognosis != "not_stated" or st.work_ability_view != "not_assessed"]


# --- the reduction is permanent, and the health situation clarified -----------------------------------------


# LAB § 70 (seed 003 L819–822): "Målgruppen for fleksjob er borgere, der ikke kan opnå eller fastholde beskæftigelse på
# normale vilkår på arbejdsmarkedet på grund af varige og væsentlige begrænsninger i arbejdsevnen"; from 2003 (seed 001
# l. 893–903): "borgere, hvis arbejdsevne er varigt nedsat i et sådant omfang, at de ikke kan varetage arbejdsopgaver på
# arbejdsmarkedet på almindelige vilkår i ustøttede stillinger, får tilbud om fleksjob". BDO (seed 003 L3823–3828): the
# municipality had not taken a position on "om funktionsevnen er varigt og væsentligt nedsat, om helbredet er
# stationært". A grant needs the latest statement to conclude on a permanent prognosis — a temporary or unclear one
# is not permanence; a refusal needs the health situation clarified (a statement with a prognosis) before it is made.
def _permanent_reduction(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fleksjob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    viewed = _with_view(s, on)
    answer = _answer(s, "fleksjob.permanent_reduction", on)
    if not viewed:
        if answer:
            return Finding.ok(answer=answer)
        return Finding.missing(
            "Der er ingen lægelig udtalelse med en prognose eller en vurdering af arbejdsevnen: helbredssituationen er "
            "ikke afklaret, og det er ikke dokumenteret, om begrænsningerne er varige og væsentlige (LAB § 70).",
            "No medical statement gives a prognosis or a view on the work ability: the health situation is not "
            "clarified, and whether the limitations are permanent and substantial is not documented (LAB § 70).",
            statements=[st.document_id for st in s.statements_on(on)],
        )
    latest = viewed[-1]
    facts = {"statement": latest.document_id, "prognosis": latest.prognosis, "stated_on": latest.stated_on}
    if not _grant(s, on):
        return Finding.ok(**facts)
    temporary = latest.prognosis in ("temporary", "unclear", "not_stated") or (
        latest.prognosis_until is not None and latest.prognosis_until > on
    )
    if not temporary and latest.work_ability_view != "not_reduced":
        return Finding.ok(**facts)
    if answer:
        return Finding.ok(answer=answer, **facts)
    prognosis = PROGNOSIS.get(latest.prognosis, (latest.prognosis,) * 2)
    view = VIEW.get(latest.work_ability_view, (latest.work_ability_view,) * 2)
    return Finding.missing(
        f"Bevilling af fleksjob: den seneste udtalelse (dokument #{latest.document_id} af {latest.stated_on:%d-%m-%Y}) "
        f"angiver prognosen »{prognosis[0]}« og arbejdsevnen »{view[0]}«. "
        "En midlertidig eller uafklaret "
        "prognose dokumenterer ikke varige og væsentlige begrænsninger (LAB § 70): afklar helbredet, eller registrér "
        "hvorfor varigheden alligevel er dokumenteret.",
        f"Flex-job grant: the latest statement (document #{latest.document_id} of {latest.stated_on:%d-%m-%Y}) gives "
        f"the prognosis “{prognosis[1]}” and the work ability “{view[1]}”. "
        "A temporary or unclear "
        "prognosis does not document permanent and substantial limitations (LAB § 70): clarify the health situation, "
        "or record why permanence is documented nonetheless.",
        **facts,
    )


# BDO (seed 003 L3823–3828): the municipality had not taken a position on "om behandlingsmulighederne [er] udtømte …
# samt om en behandlingsmulighed er livsforbedrende eller har indflydelse på arbejdsevnen". A recommended treatment
# still planned or ongoing that is expected to affect the work ability means the reduction is not yet shown to be
# permanent (LAB § 70; from 2003 "varigt nedsat", seed 001 l. 893–903). A treatment expected only to improve quality of
# life does not stand in the way (cf. 92-16's case 2, seed 003 L917–928); an unclear effect is a question.
def _treatment_outstanding(s: Snapshot, on: date) -> Finding:
    if not _grant(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    open_ = [t for t in s.treatments if t.recommended_on <= on and t.status_on(on) in OUTSTANDING]
    affecting = [t for t in open_ if t.expected_effect == "work_ability"]
    unclear = [t for t in open_ if t.expected_effect == "unclear"]
    if not affecting and not unclear:
        return Finding.ok(treatments=[t.id for t in s.treatments if t.recommended_on <= on])
    answer = _answer(s, "fleksjob.treatment_outstanding", on)
    if answer:
        return Finding.ok(answer=answer, treatments=[t.id for t in open_])
    if affecting:
        t = affecting[0]
        return Finding.missing(
            f"En anbefalet behandling (#{t.id}, anbefalet {t.recommended_on}) er '{t.status_on(on)}' og forventes at "
            "påvirke arbejdsevnen: så længe den udestår, er det ikke dokumenteret, at begrænsningerne er varige.",
            f"A recommended treatment (#{t.id}, recommended {t.recommended_on}) is '{t.status_on(on)}' and expected to "
            "affect the work ability: while it is outstanding, permanent limitations are not documented.",
            treatments=[x.id for x in affecting],
            statement=t.document_id,
        )
    t = unclear[0]
    return Finding.prompt(
        f"En anbefalet behandling (#{t.id}) er '{t.status_on(on)}', og dens betydning er uafklaret: tag stilling til, "
        "om den kan påvirke arbejdsevnen (og dermed varigheden), eller kun er livsforbedrende.",
        f"A recommended treatment (#{t.id}) is '{t.status_on(on)}' and its effect is unclear: decide whether it may "
        "affect the work ability (and so the permanence) or only improves quality of life.",
        treatments=[x.id for x in unclear],
        statement=t.document_id,
    )


# --- work testing --------------------------------------------------------------------------------------------


# LAB § 70, stk. 3 (seed 003 L823–827) / from 2003 seed 001 l. 850–856: "Fleksjob kan tilbydes, når alle relevante
# aktiverings- og revalideringsmæssige foranstaltninger har været afprøvet". The reduction must hold in all
# occupations (L819–822), so the testing must be relevant: long enough, in more than one trade, with the restrictions
# respected — BDO (L3853–3856): "der [kan] ikke tages stilling til, om man kan bruge en eventuel virksomhedspraktik som
# dokumentation, hvis det ikke er tydeligt, om borgeren deltog med de rette skånehensyn". Exception: "Undtaget herfra er
# tilfælde, hvor det er åbenbart formålsløst" — the caseworker's recorded answer. The numbers are practice parameters.
def _work_testing(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fleksjob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    trials = [t for t in s.trials_on(on) if t.outcome != "running" and t.end_on <= on]
    answer = _answer(s, "fleksjob.work_testing", on)
    if answer:
        return Finding.ok(answer=answer, trials=[t.id for t in trials])
    if not trials:
        return Finding.missing(
            "Der er ingen afsluttet arbejdsprøvning: arbejdsevnen er ikke afprøvet. Afprøv den relevant, eller "
            "registrér hvorfor yderligere afprøvning er åbenbart formålsløs (LAB § 70, stk. 3).",
            "No work trial has been completed: the work ability has not been tested. Test it relevantly, or record why "
            "further testing is obviously futile (LAB § 70(3)).",
        )
    weeks = round(sum(t.weeks for t in trials), 1)
    trades = sorted({t.trade.strip().lower() for t in trials if t.trade.strip()})
    not_respected = [t.id for t in trials if t.accommodation_respected in ("no", "partly")]
    min_weeks, min_trades = param("fleksjob.trial_min_weeks", on), param("fleksjob.trial_min_trades", on)
    problems = []
    if not_respected:
        problems.append(
            (
                "skånehensynene blev ikke (fuldt) respekteret i forløb " + ", ".join(f"#{i}" for i in not_respected),
                "the restrictions were not (fully) respected in period(s) " + ", ".join(f"#{i}" for i in not_respected),
            )
        )
    if weeks < min_weeks:
        problems.append(
            (f"kun {weeks} ugers afprøvning (under {min_weeks})", f"only {weeks} weeks (under {min_weeks})")
        )
    if len(trades) < min_trades:
        problems.append(
            (
                f"afprøvet i {len(trades)} fag (under {min_trades})",
                f"tested in {len(trades)} trade(s) (under {min_trades})",
            )
        )
    facts = {"trials": [t.id for t in trials], "weeks": weeks, "trades": trades}
    if not problems:
        return Finding.ok(**facts)
    return Finding.missing(
        "Arbejdsprøvningen dokumenterer ikke en varig nedsættelse i alle fag: "
        + "; ".join(p[0] for p in problems)
        + ". Afprøv relevant, eller registrér hvorfor afprøvningen er tilstrækkelig eller yderligere afprøvning "
        "åbenbart formålsløs.",
        "The work testing does not document a permanent reduction in all occupations: "
        + "; ".join(p[1] for p in problems)
        + ". Test relevantly, or record why the testing is sufficient or further testing obviously futile.",
        not_respected=not_respected,
        **facts,
    )


# --- very few hours: a development perspective (2013) --------------------------------------------------------


# LAB § 70 as from 2013 (seed 003 L829–832): "En borger, hvis arbejdsevne er varigt og væsentligt nedsat, og hvor
# kommunen vurderer, at borgeren aktuelt alene kan arbejde nogle få timer om ugen, vil kunne blive visiteret til et
# fleksjob, hvis der er mulighed for, at borgerens arbejdsevne kan udvikles inden for en rimelig periode". The 2016
# practice study (L859–861): "det er en væsentlig betingelse for bevilling af et fleksjob på få timer, at der er
# udviklingsmuligheder". 25-14 (L841–843) upheld 40 minutes and 2 hours because capacity could develop in the job.
def _development_few_hours(s: Snapshot, on: date) -> Finding:
    if not _grant(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    limit = param("fleksjob.very_few_hours_per_week", on)
    viewed = [st for st in s.statements_on(on) if st.hours_per_week is not None]
    observed = [t for t in s.trials_on(on) if t.sustained_hours is not None]
    capacity, source = None, {}
    if viewed:
        capacity, source = viewed[-1].hours_per_week, {"statement": viewed[-1].document_id}
    if observed and (not viewed or observed[-1].end_on >= viewed[-1].stated_on):
        capacity, source = observed[-1].sustained_hours, {"trial": observed[-1].id}
    few = capacity is not None and capacity <= limit
    visited_few = any(v.very_few_hours for v in s.fleksjob_visitations if v.visited_on <= on)
    if not few and not visited_few:
        return Finding.ok(hours=capacity, limit=limit, **source)
    views = [st for st in s.statements_on(on) if st.development_view != "not_stated"]
    view = views[-1] if views else None
    recommended = any(
        r.kind == "fleksjob" and "development_within_reasonable_time" in r.content for r in s.recommendations_until(on)
    )
    facts = {"hours": capacity, "limit": limit, **source}
    if view is not None and view.development_view == "yes":
        return Finding.ok(development_statement=view.document_id, **facts)
    if recommended:
        return Finding.ok(recommendation=True, **facts)
    answer = _answer(s, "fleksjob.development_few_hours", on)
    if answer:
        return Finding.ok(answer=answer, **facts)
    said = f" (dokument #{view.document_id}: '{view.development_view}')" if view else ""
    said_en = f" (document #{view.document_id}: '{view.development_view}')" if view else ""
    return Finding.missing(
        f"Fleksjob på meget få timer ({capacity if capacity is not None else 'få'} timer om ugen): det er ikke "
        f"dokumenteret, at arbejdsevnen kan udvikles inden for en rimelig periode{said}. Det er en væsentlig "
        "betingelse (LAB § 70; principafgørelse 25-14).",
        f"Flex job on very few hours ({capacity if capacity is not None else 'few'} hours a week): it is not "
        f"documented that the work ability can develop within a reasonable period{said_en}. That is an essential "
        "condition (LAB § 70; leading decision 25-14).",
        development_statement=view.document_id if view else None,
        **facts,
    )


# --- a grant where the recorded capacity is ordinary work ----------------------------------------------------


# LAB § 70 (seed 003 L819–822) / seed 001 l. 845–849: a flex job is for those who "ikke kan opnå eller fastholde
# beskæftigelse på normale vilkår". A grant is questioned too when the recorded capacity is ordinary work: a trial
# sustained at ordinary hours and full pace, a statement that the work ability is not reduced, or the citizen's own
# ordinary job at ordinary hours without accommodation. The decision must deal with it (the caseworker's answer).
def _capacity_ordinary(s: Snapshot, on: date) -> Finding:
    if not _grant(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    hours, pace = param("fleksjob.ordinary_hours_per_week", on), param("fleksjob.full_pace_percent", on)
    signs_da: list[str] = []
    signs_en: list[str] = []
    facts: dict[str, Any] = {}
    full = [
        t
        for t in s.trials_on(on)
        if t.end_on <= on
        and (t.sustained_hours if t.sustained_hours is not None else t.actual_hours) >= hours
        and t.pace_percent is not None
        and t.pace_percent >= pace
    ]
    if full:
        t = full[-1]
        signs_da.append(f"arbejdsprøvning #{t.id} ({t.trade}) viste {hours} timer eller mere i fuldt tempo")
        signs_en.append(f"work trial #{t.id} ({t.trade}) showed {hours} hours or more at full pace")
        facts["trial"] = t.id
    viewed = _with_view(s, on)
    if viewed and viewed[-1].work_ability_view == "not_reduced":
        signs_da.append(f"udtalelse #{viewed[-1].document_id} vurderer arbejdsevnen som ikke nedsat")
        signs_en.append(f"statement #{viewed[-1].document_id} finds the work ability not reduced")
        facts["statement"] = viewed[-1].document_id
    jobs = [
        e
        for e in s.employments
        if e.kind == "ordinary"
        and e.start_on <= on
        and (e.end_on is None or e.end_on >= on)
        and e.hours_per_week >= hours
        and not e.has_accommodation
    ]
    if jobs:
        signs_da.append(f"borgeren har et ordinært job på {jobs[0].hours_per_week:g} timer uden skånehensyn")
        signs_en.append(f"the citizen holds an ordinary job of {jobs[0].hours_per_week:g} hours without accommodation")
        facts["employment_since"] = jobs[0].start_on
    if not signs_da:
        return Finding.ok(ordinary_hours=hours)
    answer = _answer(s, "fleksjob.capacity_ordinary", on)
    if answer:
        return Finding.ok(answer=answer, **facts)
    return Finding.missing(
        "Bevilling af fleksjob, men den registrerede arbejdsevne svarer til arbejde på normale vilkår: "
        + "; ".join(signs_da)
        + ". Fleksjob forudsætter, at borgeren ikke kan arbejde på normale vilkår (LAB § 70): afgørelsen skal forholde "
        "sig til det — registrér hvordan.",
        "A flex job is granted, but the recorded capacity is work on normal terms: "
        + "; ".join(signs_en)
        + ". A flex job requires that the citizen cannot work on normal terms (LAB § 70): the decision must deal with "
        "it — record how.",
        **facts,
    )


_TARGET_2003 = Citation("aktivloven", "fleksjob (varigt nedsat arbejdsevne)", "001", "845-849, 893-903")
_BEK_10 = Citation("bek_543_2002", "§ 10 (varigt begrænset)", "001", "2359-2371")
_TARGET_LAB = Citation("lab", "§ 70 (varige og væsentlige begrænsninger)", "003", "819-822")
_BDO_HEALTH = Citation("taskforce_kk_2018", "BDO: helbredsoplysninger som dokumentation", "003", "3823-3828")

RULES = (
    Rule(
        "fleksjob.permanent_reduction",
        "Varig nedsættelse og afklaret helbred før fleksjob",
        "Permanent reduction and a clarified health situation before a flex job",
        Severity.BLOCKING,
        (_v(_permanent_reduction, _TARGET_2003, _BEK_10, _TARGET_LAB, _BDO_HEALTH),),
        decision_types=("fleksjob",),
        checks_da="At helbredssituationen er afklaret med en udtalelse med prognose, og at en bevilling hviler på en "
        "varig prognose (ikke en midlertidig eller uafklaret).",
    ),
    Rule(
        "fleksjob.treatment_outstanding",
        "Ingen udestående behandling, der kan påvirke arbejdsevnen",
        "No outstanding treatment that may affect the work ability",
        Severity.BLOCKING,
        (_v(_treatment_outstanding, _TARGET_2003, _TARGET_LAB, _BDO_HEALTH),),
        decision_types=("fleksjob",),
        checks_da="At en bevilling af fleksjob ikke gives, mens en anbefalet behandling, der forventes at påvirke "
        "arbejdsevnen, er planlagt eller i gang.",
    ),
    Rule(
        "fleksjob.work_testing",
        "Relevant arbejdsprøvning før fleksjob",
        "Relevant work testing before a flex job",
        Severity.WARNING,
        (
            _v(
                _work_testing,
                Citation("aktivloven", "fleksjob (relevante foranstaltninger afprøvet)", "001", "850-856"),
                Citation("lab", "§ 70, stk. 3", "003", "823-827"),
                Citation("taskforce_kk_2018", "BDO: skånehensyn i virksomhedspraktik", "003", "3853-3856"),
            ),
        ),
        decision_types=("fleksjob",),
        checks_da="At arbejdsevnen er afprøvet relevant (varighed, flere fag, skånehensyn respekteret) — eller at det "
        "er begrundet, hvorfor yderligere afprøvning er åbenbart formålsløs.",
    ),
    Rule(
        "fleksjob.development_few_hours",
        "Udviklingsperspektiv ved fleksjob på meget få timer",
        "A development perspective for a flex job on very few hours",
        Severity.BLOCKING,
        (
            _v(
                _development_few_hours,
                Citation("lab", "§ 70 (få timer, udvikling inden for rimelig periode)", "003", "829-832"),
                Citation("ankestyrelsen_principles", "25-14", "003", "841-843"),
                Citation("taskforce_kk_2018", "Ankestyrelsens praksisundersøgelse 2016", "003", "857-861"),
                start=REFORM,
            ),
        ),
        decision_types=("fleksjob",),
        checks_da="At en bevilling af fleksjob på meget få timer hviler på en dokumenteret mulighed for at udvikle "
        "arbejdsevnen inden for en rimelig periode.",
    ),
    Rule(
        "fleksjob.capacity_ordinary",
        "Bevilling trods arbejdsevne på normale vilkår",
        "A grant although the capacity is work on normal terms",
        Severity.BLOCKING,
        (_v(_capacity_ordinary, _TARGET_2003, _TARGET_LAB),),
        decision_types=("fleksjob",),
        checks_da="At en bevilling af fleksjob forholder sig til registreret arbejdsevne på normale vilkår (ordinære "
        "timer i fuldt tempo, en udtalelse om ikke nedsat arbejdsevne eller et ordinært job).",
    ),
)
