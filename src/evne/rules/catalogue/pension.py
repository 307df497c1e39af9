"""Førtidspension: the substance Ankestyrelsen judges (issue 12, A2) — lov om social pension §§ 16–18 as reformed
from 1 January 2003, the 2013 reform and lov nr. 553 af 29. maj 2018 (in force 1 June 2018).

Sources: seed 003 notes §1.2, §1.5, §1.8 (Copenhagen's taskforce report, 2018, which quotes the act and the leading
decisions), read at the lines cited. The rules read the recorded facts — the statements' conclusions, the draft's
weighing of the evidence, treatments, work trials, resource courses and the transfer to pension treatment — and
never decide: they say what the documentation lacks or what the decision must deal with. Where the law leaves a
judgement to people (whether a measure is obviously futile, whether a young person's work ability is documented as
not improvable) the finding asks for the recorded reason, which then counts as a fact for that decision.

The other pension rules keep their ids where they were written: the age rule, measures tried, the meeting offer, the
transfer record, the refusal's job function and holistic assessment in `reform.py`; the transfer after an
application on the existing evidence, pension without the team and senior førtidspension in `pathways.py`; the
3-month deadline in `deadline.py`.
"""

from datetime import date

from ..engine import Citation, Finding, Rule, Severity, version
from ..parameters import param
from ..snapshot import Snapshot, Statement
from ..sources import in_force
from ..vocabulary import CONCLUSION_WORDS
from .deadline import add_months

PENSION_2003 = in_force(
    "social_pension"
)  # lov nr. 284 af 25. april 2001: work ability replaces erhvervsevne (law-timeline)
REFORM = in_force(
    "reform_2013"
)  # the reform of førtidspension and fleksjob (ressourceforløb; pension as a rule from 40)
LOV_553 = in_force(
    "lov_553_2018"
)  # lov nr. 553 af 29. maj 2018 (bill L 193): *relevant* measures; 92-16 and 33-15 dropped
P_3_07 = date(2007, 1, 1)  # Ankestyrelsen P-3-07 (published 2007 — re-check the exact date)

PERMANENT = "permanently_substantially_reduced"
OPEN_EFFECT = ("planned", "ongoing", "")  # a treatment for work ability not yet completed, declined or impossible


_v = version  # a version of a rule: every pension rule names its first day


def _grant_in_question(s: Snapshot, on: date) -> bool:
    """A decision granting førtidspension is in question (a refusal is judged by the refusal rules)."""
    return s.concerns(on, "fortidspension") and "refusal" not in s.in_question(on)


def _refusal_in_question(s: Snapshot, on: date) -> bool:
    return s.concerns(on, "fortidspension") and "refusal" in s.in_question(on)


def _supports_pension(st: Statement) -> bool:
    return st.work_ability_view == PERMANENT or (st.prognosis == "permanent" and st.development_view == "no")


def _points_against_pension(st: Statement) -> bool:
    """The statement points to a work ability that is not reduced, can develop, or is reduced only for a time."""
    return st.work_ability_view == "not_reduced" or st.development_view == "yes" or st.prognosis == "temporary"


def _ids(statements: list[Statement]) -> list[int]:
    return [st.document_id for st in statements]


# --- the criterion -------------------------------------------------------------------------------------------------


# Lov om social pension § 16 (seed 003 L572–577): "Det er en betingelse for at få tilkendt førtidspension, at
# arbejdsevnen er varigt nedsat. … at borgeren, uanset mulighederne for støtte efter den sociale eller anden
# lovgivning, herunder beskæftigelse i fleksjob, ikke vil være i stand til at blive selvforsørgende ved
# indtægtsgivende arbejde." With § 18, stk. 1 and § 19 (L579–580, L606–609): the file must explain why the work ability
# is *permanently* reduced. The criterion is the 2003 reform's and was kept in 2013 and 2018.
# General rule: a grant rests on at least one statement or an assessment that the work ability is permanently and
# substantially reduced below the level of a flex job. Named exceptions that block the grant: the latest assessment
# concludes otherwise (ordinary work, can be improved, flex-job level); a treatment expected to improve the work
# ability is still planned or under way (permanence is then not documented).
def _permanent_reduction(s: Snapshot, on: date) -> Finding:
    if not _grant_in_question(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    latest = s.latest_assessment(on)
    if latest is not None and latest.conclusion in ("sufficient", "can_be_improved", "flex_job_level"):
        return Finding.missing(
            f"Arbejdsevnevurderingen (nr. {latest.number}, {latest.assessed_on:%d-%m-%Y}) konkluderer "
            f"“{CONCLUSION_WORDS[latest.conclusion][0]}”: førtidspension forudsætter, at arbejdsevnen er varigt "
            "nedsat, så borgeren ikke kan blive selvforsørgende, heller ikke i fleksjob (pensionslovens § 16).",
            f"The work-ability assessment (no. {latest.number}, {latest.assessed_on:%d-%m-%Y}) concludes "
            f"“{CONCLUSION_WORDS[latest.conclusion][1]}”: disability pension requires work ability permanently "
            "reduced so that the citizen cannot be self-supporting, not even in a flex job (pension act § 16).",
            assessment=latest.number,
            conclusion=latest.conclusion,
        )
    open_treatments = [
        t.id
        for t in s.treatments
        if t.expected_effect == "work_ability" and t.recommended_on <= on and t.status_on(on) in OPEN_EFFECT
    ]
    if open_treatments:
        return Finding.missing(
            "En behandling, der ventes at forbedre arbejdsevnen, er anbefalet og ikke afsluttet: så længe den "
            "står åben, er det ikke dokumenteret, at arbejdsevnen er varigt nedsat (pensionslovens § 16; § 18, "
            "stk. 1). Afvent behandlingen, eller registrér hvorfor den ikke kan gennemføres.",
            "A treatment expected to improve the work ability is recommended and not finished: while it is open, it "
            "is not documented that the work ability is permanently reduced (pension act § 16; § 18(1)). Await the "
            "treatment, or record why it cannot be carried out.",
            treatments=open_treatments,
        )
    supporting = [st for st in s.statements_on(on) if _supports_pension(st)]
    if supporting or (latest is not None and latest.conclusion == "below_flex_job"):
        return Finding.ok(
            statements=_ids(supporting), assessment=latest.number if latest else None, treatments_open=False
        )
    return Finding.missing(
        "Intet i sagen dokumenterer, at arbejdsevnen er varigt og væsentligt nedsat under fleksjobniveau: hverken en "
        "udtalelse eller arbejdsevnevurderingen siger det (pensionslovens § 16; § 19). Den faglige forklaring på, "
        "hvorfor nedsættelsen er varig, skal fremgå.",
        "Nothing in the case documents that the work ability is permanently and substantially reduced below the "
        "level of a flex job: no statement and no work-ability assessment says so (pension act § 16; § 19). The "
        "professional explanation of why the reduction is permanent must be on file.",
        statements=_ids(s.statements_on(on)),
        assessment=latest.number if latest else None,
    )


# --- the statements the reasons must deal with -------------------------------------------------------------------


# Forvaltningsloven § 24, stk. 1 (seed 003 L3339–3349): the reasons name "de hovedhensyn, der har været bestemmende
# for skønsudøvelsen" and the facts given weight; with retssikkerhedsloven § 10 the authority weighs all the evidence.
# A refusal of førtidspension that passes over statements concluding that the work ability is permanently and
# substantially reduced — above all concurring ones — is what Ankestyrelsen changes or sends back; a grant that passes
# over statements pointing to development is questioned the same way (checks challenge grants too).
# General rule: every statement pointing away from the draft's outcome is in the draft's weighing as dealt with.
# Exception: none; without a draft (the readiness list) the question is asked, naming the statements.
def _statements_dealt_with(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    refusal = _refusal_in_question(s, on)
    statements = s.statements_on(on)
    against = [st for st in statements if (_supports_pension(st) if refusal else _points_against_pension(st))]
    draft = s.decision_in_question(on)
    weighed = {w.document_id: w for w in draft.evidence} if draft is not None else {}
    flagged = {w.document_id for w in weighed.values() if w.stance == "points_another_way" and not w.dealt_with}
    passed_over = sorted(
        {st.document_id for st in against if not (st.document_id in weighed and weighed[st.document_id].dealt_with)}
        | flagged
    )
    concurring = len([st for st in against if st.document_id in passed_over]) >= 2
    if not passed_over:
        return Finding.ok(statements=_ids(against), decision=draft.number if draft else None)
    if refusal:
        what_da, what_en = "at arbejdsevnen er varigt og væsentligt nedsat", "work ability permanently reduced"
    else:
        what_da, what_en = "at arbejdsevnen kan udvikles eller ikke er væsentligt nedsat", "work ability can develop"
    both_da = "samstemmende udtalelser" if concurring else "udtalelser"
    both_en = "concurring statements" if concurring else "statements"
    if draft is None:
        return Finding.prompt(
            f"Sagen har {both_da}, der konkluderer {what_da} (dokument {', '.join(map(str, passed_over))}). "
            "Afgørelsens begrundelse skal forholde sig til dem og sige, hvorfor de ikke følges.",
            f"The case holds {both_en} concluding {what_en} (documents {', '.join(map(str, passed_over))}). The "
            "decision's reasons must deal with them and say why they are not followed.",
            statements=passed_over,
        )
    return Finding.missing(
        f"Udkastet (nr. {draft.number}) går forbi {both_da}, der konkluderer {what_da} (dokument "
        f"{', '.join(map(str, passed_over))}): begrundelsen skal forholde sig til hver af dem (forvaltningslovens "
        "§ 24; retssikkerhedslovens § 10).",
        f"The draft (no. {draft.number}) passes over {both_en} concluding {what_en} (documents "
        f"{', '.join(map(str, passed_over))}): the reasons must deal with each of them (forvaltningsloven § 24; "
        "retssikkerhedsloven § 10).",
        decision=draft.number,
        statements=passed_over,
        concurring=concurring,
    )


# --- a ressourceforløb first --------------------------------------------------------------------------------------


# The 2013 reform (seed 003 L888–892, L602–604): before førtidspension "alle relevante beskæftigelsesrettede indsatser,
# herunder eksempelvis deltagelse i ressourceforløb" must have been tried; a citizen of 40 or more takes part in at
# least one ressourceforløb, a younger one possibly several — unless it is obviously futile beforehand (92-16,
# L912–915). From 1 June 2018 (lov nr. 553 af 29. maj 2018; seed 003 L16–30) only *relevant* measures, those with a
# development perspective, must have been tried; 92-16 is discarded.
# General rule: a grant follows a recorded ressourceforløb. Named exceptions: pension without the team as obviously
# futile (§ 18, stk. 2 — pathways.pension_without_team checks it); senior førtidspension (no employment measures,
# L683–685); a young person documented since childhood (68-14, L755–765 — the age rule asks for the reason); and a
# recorded reason why a course is obviously futile (2013) or not relevant (2018).
def _childhood_statements(s: Snapshot, on: date) -> list[int]:
    born = s.citizen_born_on
    if born is None:
        return []
    adult = add_months(born, 12 * param("pension.adult_age", on))
    return [st.document_id for st in s.statements_on(on) if st.stated_on < adult and _supports_pension(st)]


def _course_first(s: Snapshot, on: date, after_2018: bool) -> Finding:
    if not _grant_in_question(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    courses = [c.id for c in s.resource_courses if c.start_on <= on]
    if courses:
        return Finding.ok(courses=courses)
    t = s.pension_transfer
    if t is not None and t.transferred_on <= on and (t.without_team or t.senior):
        return Finding.ok(without_team=t.without_team, senior=t.senior)
    childhood = _childhood_statements(s, on)
    if childhood:
        return Finding.ok(documented_since_childhood=childhood)  # 68-14; reform.pension_age asks why
    answer = s.answer("pension.ressourceforloeb_first", on)
    if answer:
        return Finding.ok(answer=answer)
    age = s.age_on(on)
    if after_2018:
        no_development = [st.document_id for st in s.statements_on(on) if st.development_view == "no"]
        return Finding.missing(
            "Der er ikke registreret et ressourceforløb før førtidspension. Fra 1. juni 2018 skal kun relevante "
            "indsatser være forsøgt: registrér, hvorfor et ressourceforløb ikke er relevant (intet "
            "udviklingsperspektiv), eller gennemfør det (pensionslovens § 18, stk. 1, lov nr. 553 af 29. maj 2018).",
            "No resource course is recorded before disability pension. From 1 June 2018 only relevant measures need "
            "have been tried: record why a resource course is not relevant (no development perspective), or carry "
            "it out (pension act § 18(1), lov nr. 553 of 29 May 2018).",
            age=age,
            statements_no_development=no_development,
        )
    return Finding.missing(
        "Der er ikke registreret et ressourceforløb før førtidspension. Efter 2013-reformen skal borgeren have "
        "deltaget i ressourceforløb, medmindre det på forhånd er åbenbart formålsløst (principafgørelse 92-16): "
        "registrér begrundelsen, eller gennemfør forløbet.",
        "No resource course is recorded before disability pension. After the 2013 reform the citizen must have "
        "taken part in a resource course unless it is obviously futile beforehand (leading decision 92-16): record "
        "the reason, or carry out the course.",
        age=age,
    )


def _course_first_2013(s: Snapshot, on: date) -> Finding:
    return _course_first(s, on, after_2018=False)


def _course_first_2018(s: Snapshot, on: date) -> Finding:
    return _course_first(s, on, after_2018=True)


# --- work testing ---------------------------------------------------------------------------------------------------


# Ankestyrelsen P-3-07 (seed 003 L767–773): no førtidspension for a 49-year-old with a small lumbar disc herniation,
# 19 years off the labour market: "det ikke var udelukket, at arbejdsevnen kunne forbedres ved en ny arbejdsprøvning,
# og Ankestyrelsen henviste til, at den seneste arbejdsprøvning var foretaget seks år før". A grant resting on old work
# testing is questioned: how old is too old is practice, not law (parameter pension.work_testing_stale_years).
# Exceptions: without the team as obviously futile, senior førtidspension, and a recorded reason why a new trial is
# futile. Cases without any work testing are the measures rule's (reform.pension_measures_tried).
def _work_testing_recent(s: Snapshot, on: date) -> Finding:
    if not _grant_in_question(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    t = s.pension_transfer
    if t is not None and t.transferred_on <= on and (t.without_team or t.senior):
        return Finding.ok(without_team=t.without_team, senior=t.senior)
    trials = [p for p in s.trials_on(on) if p.start_on <= on]
    company = [a for a in s.activities if a.company_based and a.start_on <= on]
    ends = [min(p.end_on, on) for p in trials] + [min(a.actual_end_on or a.planned_end_on, on) for a in company]
    if not ends:
        return Finding.not_applicable(work_testing=False)
    last = max(ends)
    years = param("pension.work_testing_stale_years", on)
    if add_months(last, 12 * years) > on:
        return Finding.ok(last_work_testing=last)
    answer = s.answer("pension.work_testing_recent", on)
    if answer:
        return Finding.ok(answer=answer, last_work_testing=last)
    return Finding.prompt(
        f"Den seneste arbejdsprøvning sluttede {last:%d-%m-%Y}, mere end {years} år før. Kan det udelukkes, at "
        "arbejdsevnen kan forbedres ved en ny arbejdsprøvning (principafgørelse P-3-07)? Registrér vurderingen — "
        "eller afprøv arbejdsevnen igen.",
        f"The latest work testing ended on {last:%d-%m-%Y}, more than {years} years ago. Can it be ruled out that a "
        "new work trial would improve the work ability (leading decision P-3-07)? Record the assessment — or test "
        "the work ability again.",
        last_work_testing=last,
    )


# Ankestyrelsen 37-19 (2019; public summary of the leading decision — not in the seeds, re-check the text and its
# date against Ankestyrelsen's own publication): "Der skal altid foretages en konkret og individuel vurdering af, om
# der er udviklingsperspektiv i forhold til personens arbejdsevne, også i sager, hvor personen har en funktionel
# lidelse." A functional disorder cannot be shown by examinations, and its course differs widely from person to
# person: neither a diagnosis nor "no objective findings" settles the pension or the ressourceforløb. Recognised from
# the statements' ICD-10 codes (the table below: the somatoform disorders, neurasthenia, fibromyalgia and the
# post-viral fatigue syndrome, as the Danish term "funktionelle lidelser" gathers them); the caseworker records the
# concrete individual assessment for the decision in question.
FUNCTIONAL_CODES = ("F45", "F48.0", "M79.7", "G93.3")
LEADING_37_19 = date(2019, 1, 1)  # Ankestyrelsen 37-19 (2019 — the day is not in the seeds; re-check)


def _functional_statements(s: Snapshot, on: date) -> list[int]:
    return [
        st.document_id
        for st in s.statements_on(on)
        if any(st.diagnosis_code.upper().startswith(code) for code in FUNCTIONAL_CODES)
    ]


def _functional_disorder(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension", "ressourceforlob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    found = _functional_statements(s, on)
    if not found:
        return Finding.not_applicable(functional_disorder=False)
    decision = s.decision_in_question(on)
    answer = s.answer("pension.functional_disorder", on, decision=decision.number if decision else None)
    if answer:
        return Finding.ok(answer=answer, statements=found)
    return Finding.prompt(
        "Borgeren har en funktionel lidelse (jf. erklæringernes diagnosekoder): afgørelsen skal bygge på en konkret og "
        "individuel vurdering af, om der er et udviklingsperspektiv for arbejdsevnen — hverken diagnosen eller "
        "manglende objektive fund afgør det (principafgørelse 37-19). Registrér vurderingen og hvad den bygger på.",
        "The citizen has a functional disorder (per the statements' diagnosis codes): the decision must rest on a "
        "concrete individual assessment of whether the work ability has a development perspective — neither the "
        "diagnosis nor a lack of objective findings settles it (leading decision 37-19). Record the assessment and "
        "what it rests on.",
        statements=found,
    )


# Lov om social pension § 44 (lovbekendtgørelse nr. 527 af 25. april 2022; not in the seeds — the public text of the
# act, re-check the section's number for the earlier consolidations): "Kommunalbestyrelsen skal træffe afgørelse om
# frakendelse af førtidspension, hvis der er sket en væsentlig forbedring af arbejdsevnen, som medfører, at
# pensionisten vedvarende kan være selvforsørgende ved indtægtsgivende arbejde" (stk. 1); "Efter det fyldte 60. år kan
# pension uden pensionistens samtykke ikke frakendes" (stk. 3); stk. 4: no withdrawal from 1 January 2023 to 31
# December 2025 "medmindre der foreligger særlige omstændigheder". A withdrawal is a stop of the pension: the decision
# in question stops a benefit and concerns førtidspension. What counts as a substantial and lasting improvement is the
# caseworker's judgement, recorded for that decision; the age comes from the birth date.
WITHDRAWAL_PAUSE = (date(2023, 1, 1), date(2026, 1, 1))  # § 44, stk. 4 (the pause's first and first-after days)


def _withdrawal(s: Snapshot, on: date) -> Finding:
    decision = s.decision_in_question(on)
    if decision is None or decision.outcome != "stop_reduction" or not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    age, consent_age = s.age_on(on), param("pension.withdrawal_consent_age", on)
    answer = s.answer("pension.withdrawal_lasting_improvement", on, decision=decision.number)
    if age is not None and age >= consent_age:
        if answer:
            return Finding.ok(answer=answer, age=age)
        return Finding.prompt(
            f"Pensionisten er {age} år: efter det fyldte {consent_age}. år kan førtidspension ikke frakendes uden "
            "pensionistens samtykke (pensionsloven § 44, stk. 3). Registrér samtykket.",
            f"The pensioner is {age}: after the age of {consent_age} a disability pension cannot be withdrawn without "
            "the pensioner's consent (pension act § 44(3)). Record the consent.",
            decision=decision.number,
            age=age,
        )
    paused = WITHDRAWAL_PAUSE[0] <= on < WITHDRAWAL_PAUSE[1]
    if answer:
        return Finding.ok(answer=answer, paused=paused)
    extra_da = (
        " Fra 1. januar 2023 til og med 31. december 2025 kan pension kun frakendes, når der foreligger særlige "
        "omstændigheder (§ 44, stk. 4): registrér dem."
        if paused
        else ""
    )
    extra_en = (
        " From 1 January 2023 to 31 December 2025 a pension can only be withdrawn in special circumstances (§ 44(4)):"
        " record them."
        if paused
        else ""
    )
    return Finding.prompt(
        "Førtidspension kan kun frakendes, når arbejdsevnen er væsentligt forbedret, så pensionisten vedvarende kan "
        "forsørge sig selv ved indtægtsgivende arbejde (pensionsloven § 44, stk. 1): registrér, hvad der viser en "
        "varig forbedring." + extra_da,
        "A disability pension can only be withdrawn when the work ability has improved substantially, so that the "
        "pensioner can lastingly support themselves by paid work (pension act § 44(1)): record what shows a lasting "
        "improvement." + extra_en,
        decision=decision.number,
        paused=paused,
    )


# Ankestyrelsen (principal decision on a pension granted with revision; its public summary — not in the seeds,
# re-check its number and text): "den helt klare hovedregel er, at førtidspension er en varig ydelse … Undtagelsesvist
# kan en kommune dog godt tilkende en pension med vilkår om revision om f.eks. 3 år", where the pension is granted to
# a young person or the disease by experience has an unpredictable course; otherwise the condition lapses. A grant
# with a revision condition asks for the reason it is one of those exceptions (or the citizen is under 40).
def _revision(s: Snapshot, on: date) -> Finding:
    decision = s.decision_in_question(on)
    if decision is None or decision.revision_on is None or not _grant_in_question(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    age, young = s.age_on(on), param("reform.pension_main_rule_min_age", on)
    facts = {"revision_on": decision.revision_on, "age": age}
    answer = s.answer("pension.revision_exceptional", on, decision=decision.number)
    if answer:
        return Finding.ok(answer=answer, **facts)
    if decision.has_revision_reason and age is not None and age < young:
        return Finding.ok(young=True, **facts)
    return Finding.prompt(
        f"Førtidspension er en varig ydelse: en tilkendelse med revision ({decision.revision_on:%d-%m-%Y}) er en "
        "undtagelse — for en ung borger eller en lidelse med et erfaringsmæssigt uforudsigeligt forløb. Registrér, "
        "hvorfor denne sag er en sådan undtagelse; ellers bortfalder vilkåret.",
        f"A disability pension is a lasting benefit: a grant with a revision ({decision.revision_on:%d-%m-%Y}) is an "
        "exception — for a young citizen or a disease with an unpredictable course. Record why this case is such an "
        "exception; otherwise the condition lapses.",
        decision=decision.number,
        **facts,
    )


RULES = (
    Rule(
        "pension.permanent_reduction",
        "Førtidspension: arbejdsevnen er varigt nedsat, også i forhold til fleksjob",
        "Disability pension: work ability permanently reduced, even for a flex job",
        Severity.BLOCKING,
        (
            _v(
                _permanent_reduction,
                Citation("social_pension", "§ 16 (varigt nedsat, heller ikke fleksjob)", "003", "572-577"),
                Citation("social_pension", "§ 18, stk. 1; § 19 (faglig forklaring)", "003", "579-580, 606-609"),
                Citation("bek_543_2002", "vejledningen: varigt ikke til fleksjob (§ 16)", "001", "903-910"),
                start=PENSION_2003,
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At en tilkendelse hviler på en udtalelse eller en arbejdsevnevurdering om varigt og væsentligt "
        "nedsat arbejdsevne under fleksjobniveau, og at ingen behandling for arbejdsevnen står åben.",
    ),
    Rule(
        "pension.statements_dealt_with",
        "Førtidspension: udtalelser, der peger en anden vej, behandles i begrundelsen",
        "Disability pension: the reasons deal with statements pointing another way",
        Severity.BLOCKING,
        (
            _v(
                _statements_dealt_with,
                Citation("fvl", "§ 24, stk. 1 (hovedhensyn og faktiske oplysninger)", "003", "3339-3349"),
                Citation("rtl", "§ 10 (sagens oplysning)", "003", "591-593"),
                start=PENSION_2003,
            ),
        ),
        decision_types=("fortidspension", "refusal"),
        checks_da="At et afslag forholder sig til udtalelser om varigt og væsentligt nedsat arbejdsevne (og en "
        "tilkendelse til udtalelser om udvikling), så ingen går ubehandlet forbi.",
    ),
    Rule(
        "pension.ressourceforloeb_first",
        "Ressourceforløb før førtidspension, medmindre det er formålsløst eller ikke relevant",
        "A resource course before disability pension unless futile or not relevant",
        Severity.BLOCKING,
        (
            _v(
                _course_first_2013,
                Citation("reform_2013", "pensionsloven § 18, stk. 1 (ressourceforløb)", "003", "888-892"),
                Citation("ankestyrelsen_principles", "92-16", "003", "912-915"),
                start=REFORM,
                end=LOV_553,
            ),
            _v(
                _course_first_2018,
                Citation("lov_553_2018", "pensionsloven §§ 16, stk. 2 og 18, stk. 1 (relevante)", "003", "16-30"),
                Citation("ankestyrelsen_principles", "68-14", "003", "755-765"),
                start=LOV_553,
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At borgeren har deltaget i ressourceforløb før tilkendelse, eller at det er registreret, hvorfor "
        "det er åbenbart formålsløst (fra 1. juni 2018: ikke relevant); undtaget er sager uden teamet, "
        "seniorførtidspension og unge dokumenteret fra barndommen.",
    ),
    Rule(
        "pension.work_testing_recent",
        "Førtidspension på en gammel arbejdsprøvning",
        "Disability pension on old work testing",
        Severity.WARNING,
        (
            _v(
                _work_testing_recent,
                Citation("ankestyrelsen_principles", "P-3-07", "003", "767-773"),
                Citation("social_pension", "§ 18, stk. 1 (kan ikke forbedres)", "003", "579-580"),
                start=P_3_07,
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At en tilkendelse ikke hviler på en arbejdsprøvning, der er flere år gammel, uden en registreret "
        "vurdering af, at en ny arbejdsprøvning ikke kan forbedre arbejdsevnen.",
    ),
    Rule(
        "pension.functional_disorder",
        "Funktionel lidelse: en konkret og individuel vurdering af udviklingsperspektivet",
        "Functional disorder: a concrete individual assessment of the development perspective",
        Severity.BLOCKING,
        (
            _v(
                _functional_disorder,
                Citation(
                    "lov_553_2018", "pensionsloven § 16, stk. 2; LAB § 68 a: udviklingsperspektiv", "003", "16-30"
                ),
                # 37-19 is not in the seeds (its public summary is quoted above); the seed says principal decisions bind
                Citation("ankestyrelsen_principles", "37-19 (funktionelle lidelser)", "003", "748-749"),
                start=LEADING_37_19,
            ),
        ),
        decision_types=("fortidspension", "ressourceforlob"),
        checks_da="At en afgørelse om førtidspension eller ressourceforløb for en borger med en funktionel lidelse "
        "bygger på en registreret konkret og individuel vurdering af udviklingsperspektivet.",
    ),
    Rule(
        "pension.withdrawal_lasting_improvement",
        "Frakendelse af førtidspension kun ved varig forbedring af arbejdsevnen",
        "Withdrawal of a disability pension only on a lasting improvement of the work ability",
        Severity.BLOCKING,
        (
            _v(
                _withdrawal,
                Citation(
                    "social_pension", "§ 44, stk. 1, 3 og 4 (lbk. nr. 527 af 25/4 2022; ikke i seeds)", "003", "564-577"
                ),
                start=PENSION_2003,
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At en frakendelse af førtidspension bygger på en registreret, væsentlig og varig forbedring af "
        "arbejdsevnen; efter 60 år pensionistens samtykke; i 2023–2025 særlige omstændigheder.",
    ),
    Rule(
        "pension.revision_exceptional",
        "Førtidspension med revision kun undtagelsesvis",
        "Disability pension with a revision condition only exceptionally",
        Severity.WARNING,
        (
            _v(
                _revision,
                Citation("social_pension", "§ 16 (en varig ydelse: varigt nedsat arbejdsevne)", "003", "572-577"),
                # the principal decision on revision is not in the seeds (public summary quoted above); principal
                # decisions bind the municipalities (seed 003)
                Citation("ankestyrelsen_principles", "tilkendelse med revision (undtagelse)", "003", "748-749"),
                start=PENSION_2003,
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At en tilkendelse af førtidspension med vilkår om revision er begrundet som en af undtagelserne "
        "(ung borger, lidelse med uforudsigeligt forløb).",
    ),
)
