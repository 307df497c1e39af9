"""The 2013 reform of førtidspension and fleksjob and L 193 (2018): rules from seeds 002 and 003.

Seed 003 (Copenhagen's taskforce report, 2018) describes the law of November 2017–January 2018 and the bill
L 193 (in force 2018-06-01); seed 002 (DS memo, 2019) is mostly proposals — only what it marks as law is a rule
here, the proposals are parameters in `parameters/reform_proposals.yaml` (policy, off).

Where the law asks for a judgement the snapshot does not carry (whether a measure is obviously futile, why a pension
under 40 is documented or obvious), the rule is a *prompt*: it reads the caseworker's recorded answer from
`snapshot.answers[rule id]` and is satisfied once one is recorded. Since issue 7 the snapshot carries the citizen's
birth date, the team's meetings and recommendations (with a departure), the rehabilitation plan, the transfer to
pension treatment and the ressourceforløb: the rules read those facts first and keep the prompt as the fallback for
a case file without them.
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot
from .deadlines import add_months

REFORM = date(2013, 1, 1)  # lov forslag L 53 (2012): the reform of førtidspension and fleksjob
L193 = date(2018, 6, 1)  # lov forslag L 193 (2017–18): ressourceforløb needs a development perspective
NO_MEASURE = date(2022, 1, 1)  # bek. nr. 2408 af 13/12 2021 (LAB § 113, stk. 2) — re-check the date in force
TEAM_DECISIONS = ("ressourceforlob", "fleksjob", "fortidspension")
CLOSED = ("decided", "closed")


def _activities_before(s: Snapshot, on: date):
    return [a for a in s.activities if a.start_on <= on]


# --- førtidspension -------------------------------------------------------------------------------------------


# Pension act § 20, stk. 2 and § 19, stk. 1, nr. 5 (a garantiforskrift; seed 003 L598–600, L689–692, L3413–3424):
# "Hvis der skal træffes afgørelse om afslag på førtidspension, skal kommunen angive en eller flere konkrete
# arbejdsfunktioner, som borgeren med sin nedsatte arbejdsevne anses for at kunne udføre."
# Leaving it out can make the refusal invalid unless keeping it is "helt ubetænkeligt". (P-7-04: weaker when decided on
# the existing documentation, § 17, stk. 2 — the caseworker records that under this rule's answer.)
def _refusal_job_function(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    latest = s.latest_assessment(on)
    if latest is not None and latest.job_functions_meetable >= 1:
        return Finding.ok(number=latest.number, meetable=latest.job_functions_meetable)
    if s.answer("reform.pension_refusal_job_function", on, decision=s.decision_number(on)):
        return Finding.ok(answer=s.answer("reform.pension_refusal_job_function", on, decision=s.decision_number(on)))
    return Finding.missing(
        "Et afslag på førtidspension skal angive mindst én konkret, realistisk arbejdsfunktion, som borgeren kan "
        "udføre (pensionslovens § 20, stk. 2; § 19, stk. 1, nr. 5). Angiv den i arbejdsevnevurderingen.",
        "A refusal of disability pension must name at least one concrete, realistic job function the citizen can "
        "perform (pension act § 20(2); § 19(1) no. 5). Add it to the work-ability assessment.",
        number=latest.number if latest else None,
    )


# Pension act § 16 as amended from 1 January 2013 (seed 003 L582–587): "førtidspension som udgangspunkt kun skal
# tilkendes borgere i alderen fra 40 år og til folkepensionsalderen. Borgere i alderen fra 18 til 39 år kan dog …
# tilkendes førtidspension, hvis det er dokumenteret eller det på grund af særlige forhold er helt åbenbart, at
# arbejdsevnen ikke kan forbedres." The age comes from the citizen's birth date (citizen_born_on); under 40 the
# caseworker records why it is documented or obvious (a judgement); a case file without the birth date gets a prompt.
def _pension_age(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    min_age = param("reform.pension_main_rule_min_age", on)
    age = s.age_on(on)  # from the birth date in the CPR number; the prompt remains for a case file without it
    if age is not None and age >= min_age:
        return Finding.ok(age=age, min_age=min_age)
    answer = s.answer("reform.pension_age_40", on)
    if answer:
        return Finding.ok(answer=answer, age=age)
    if age is not None:
        return Finding.prompt(
            f"Borgeren er {age} år. Under {min_age} år kan førtidspension kun tilkendes, hvis det er dokumenteret "
            "eller på grund af særlige forhold helt åbenbart, at arbejdsevnen ikke kan forbedres: registrér hvilket "
            "og hvorfor.",
            f"The citizen is {age}. Under {min_age}, disability pension can only be granted if it is documented or, "
            "owing to special circumstances, quite obvious that work ability cannot be improved: record which and why.",
            age=age,
            min_age=min_age,
        )
    age = min_age
    return Finding.prompt(
        f"Er borgeren fyldt {age} år? Hvis ikke, kan førtidspension kun tilkendes, hvis det er dokumenteret eller "
        "helt åbenbart, at arbejdsevnen ikke kan forbedres: registrér alderen og i givet fald begrundelsen.",
        f"Is the citizen {age} or older? If not, disability pension can only be granted if it is documented or quite "
        "obvious that work ability cannot be improved: record the age and, if under it, the reason.",
        min_age=age,
    )


# Pension act § 20, stk. 1 and § 18, stk. 2 (seed 003 L602–613, L888–889): before L 193 every relevant measure,
# "herunder eksempelvis deltagelse i ressourceforløb", must have been tried — unless it is obvious that work ability
# cannot be improved, and then the case must document why. Ankestyrelsen 92-16 (L912–915): a ressourceforløb unless it
# is obviously futile beforehand.
def _measures_tried_2013(s: Snapshot, on: date) -> Finding:
    return _measures_tried(
        s,
        on,
        (
            "Før førtidspension: dokumentér, at alle relevante indsatser, herunder ressourceforløb, er forsøgt — eller "
            "hvorfor det er åbenbart, at arbejdsevnen ikke kan forbedres (§ 18, stk. 2; principafgørelse 92-16).",
            "Before disability pension: document that every relevant measure, including a resource course, has been "
            "tried — or why it is obvious that work ability cannot be improved (§ 18(2); leading decision 92-16).",
        ),
    )


# From 1 June 2018 (L 193; pension act §§ 16, stk. 2 and 18, stk. 1): pension when work ability cannot be improved
# by *relevant* jobafklaringsforløb, ressourceforløb, activation, revalidering, treatment or other measures;
# 92-16 and 33-15 discarded (seed 003 L19–33). Measures without a development perspective need not be tried.
def _measures_tried_2018(s: Snapshot, on: date) -> Finding:
    return _measures_tried(
        s,
        on,
        (
            "Før førtidspension: dokumentér, at de relevante indsatser er forsøgt — kun indsatser med et realistisk "
            "udviklingsperspektiv skal forsøges (L 193) — eller hvorfor det er åbenbart, at arbejdsevnen ikke kan "
            "forbedres.",
            "Before disability pension: document that the relevant measures have been tried — only measures with a "
            "realistic development perspective need be tried (L 193) — or why it is obvious that work ability cannot "
            "be improved.",
        ),
    )


def _measures_tried(s: Snapshot, on: date, message: tuple[str, str]) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    answer = s.answer("reform.pension_measures_tried", on)
    tried = [a.id for a in _activities_before(s, on)]
    if answer:
        return Finding.ok(answer=answer, activities=tried)
    return Finding.prompt(*message, activities=tried)


# Pension act § 20, stk. 3 (seed 003 L3315–3323): "borgeren i førtidspensionssager skal have tilbud om på et møde at
# udtale sig over for den eller de personer, der skal træffe afgørelsen" — a missing offer can invalidate the decision.
def _meeting_offer(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    answer = s.answer("reform.pension_meeting_offer", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Har borgeren fået tilbud om et møde med dem, der træffer afgørelsen om førtidspension? Registrér tilbuddet "
        "(dato) og om borgeren tog imod det.",
        "Has the citizen been offered a meeting with those who decide on the disability pension? Record the offer "
        "(date) and whether the citizen accepted it.",
    )


# Pension act § 18, stk. 1 (seed 003 L713–721): "Tidspunktet for overgangen til behandling skal fremgå af sagen og
# meddeles til borgeren." The 3-month deadline (§ 21, stk. 1) runs from that day.
def _transfer_recorded(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    transfer = s.pension_transfer
    if transfer is not None and transfer.transferred_on <= on:
        if transfer.citizen_told_on is not None and transfer.citizen_told_on <= on:
            return Finding.ok(transferred_on=transfer.transferred_on, told_on=transfer.citizen_told_on)
        return Finding.missing(
            f"Sagen overgik til pensionsbehandling {transfer.transferred_on:%d-%m-%Y}, men det er ikke registreret, at "
            "borgeren har fået det at vide (pensionslovens § 18, stk. 1).",
            f"The case moved to pension treatment on {transfer.transferred_on:%d-%m-%Y}, but it is not recorded that "
            "the citizen was told (pension act § 18(1)).",
            transferred_on=transfer.transferred_on,
        )
    answer = s.answer("reform.pension_transfer_recorded", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Registrér, hvornår sagen overgik til behandling efter reglerne om førtidspension, og at borgeren har fået "
        "det at vide (pensionslovens § 18, stk. 1). Fristen på 3 måneder løber fra den dag.",
        "Record when the case moved to treatment under the disability-pension rules, and that the citizen was told "
        "(pension act § 18(1)). The 3-month deadline runs from that day.",
    )


# Retssikkerhedsloven § 5 (seed 003 L694–697): "Hvis kommunen træffer afgørelse om afslag på førtidspension, skal
# kommunen samtidig vurdere borgerens sag i forhold til alle de muligheder, der findes for at give hjælp efter den
# sociale lovgivning."
def _refusal_holistic(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    answer = s.answer("reform.pension_refusal_holistic", on, decision=s.decision_number(on))
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Ved afslag på førtidspension: registrér, hvilke andre former for hjælp efter den sociale lovgivning der er "
        "overvejet (retssikkerhedslovens § 5).",
        "On refusing disability pension: record which other forms of help under social legislation were considered "
        "(retssikkerhedsloven § 5).",
    )


# Practice, not law (seed 003 L3895–3898, BDO): 6 months or more from the latest medical certificate to the decision
# or recommendation delays cases and makes information stale. The law sets no validity period: whether new
# information is needed is the caseworker's judgement (rtl § 10), so a stale certificate is a prompt.
def _health_current(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    medical = [d for d in s.documents if d.medical and d.document_date <= on]
    if not medical:
        return Finding.missing(
            "Der er ingen helbredsoplysninger i sagen. Indhent dem, før sagen forelægges eller afgøres.",
            "There is no health information in the case. Obtain it before the case is presented or decided.",
        )
    latest = max(medical, key=lambda d: d.document_date)
    months = param("reform.medical_max_age_months", on)
    if add_months(latest.document_date, months) > on:
        return Finding.ok(latest=latest.id, dated=latest.document_date)
    answer = s.answer("reform.health_information_current", on)
    if answer:
        return Finding.ok(answer=answer, latest=latest.id, dated=latest.document_date)
    return Finding.prompt(
        f"De nyeste helbredsoplysninger er fra {latest.document_date:%d-%m-%Y}, over {months} måneder gamle. Vurdér, "
        "om de stadig beskriver borgerens helbred, og registrér vurderingen — eller indhent nye.",
        f"The latest health information is from {latest.document_date:%d-%m-%Y}, more than {months} months old. "
        "Judge whether it still describes the citizen's health and record that — or obtain new information.",
        latest=latest.id,
        dated=latest.document_date,
    )


# --- the rehabilitation team ----------------------------------------------------------------------------------


# Lov om organisering og understøttelse af beskæftigelsesindsatsen § 9 (seed 002 L633–639): the team "afgiver en
# indstilling i alle sager, inden beslutning om og tilkendelse af ressourceforløb, fleksjob, tilskud til selvstændigt
# erhvervsdrivende og førtidspension træffes"; seed 003 L3160–3164: the citizen and caseworker attend in person.
# Exceptions (obviously futile pension, § 18, stk. 2; undoubted cases, § 17, stk. 4) are recorded as the answer.
def _team_recommendation(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    made = s.recommendations_until(on)
    decisive = [r for r in made if r.decisive]
    if decisive:
        return Finding.ok(recommendation=decisive[-1].id, kind=decisive[-1].kind, on=decisive[-1].recommended_on)
    t = s.pension_transfer
    if s.concerns(on, "fortidspension") and t is not None and t.without_team and t.transferred_on <= on:
        return Finding.ok(without_team=True, conditions=t.futile_conditions)  # § 18, stk. 2 (pathways rule checks)
    if made:
        return Finding.missing(
            f"Rehabiliteringsteamet udsatte sagen {made[-1].recommended_on:%d-%m-%Y} og har endnu ikke afgivet "
            "indstilling: forelæg sagen igen, når det manglende er indhentet.",
            f"The rehabilitation team postponed the case on {made[-1].recommended_on:%d-%m-%Y} and has not yet made "
            "its "
            "recommendation: present the case again once what is missing has been obtained.",
            recommendation=made[-1].id,
        )
    answer = s.answer("reform.rehab_team_recommendation", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Før afgørelse om ressourceforløb, fleksjob eller førtidspension skal rehabiliteringsteamet have afgivet "
        "indstilling på et møde med borgeren og sagsbehandleren. Registrér mødedato og indstilling — eller den "
        "undtagelse, sagen afgøres efter (fx åbenbart formålsløst, pensionslovens § 18, stk. 2).",
        "Before deciding on a resource course, flex job or disability pension, the rehabilitation team must have "
        "made its recommendation at a meeting with the citizen and the caseworker. Record the meeting date and the "
        "recommendation — or the exception the case is decided under (e.g. obviously futile, pension act § 18(2)).",
    )


# § 11, stk. 2 (seed 003 L3325–3335; seed 002 L575–580, L654–659): "Hvis kommunen ikke følger rehabiliterings-
# teamets indstilling, skal sagen forelægges for rehabiliteringsteamet på ny, inden der træffes afgørelse."
def _team_rereferral(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    made = s.recommendations_until(on)
    departed = [r for r in made if r.departed_on is not None and r.departed_on <= on]
    if departed:
        last = max(departed, key=lambda r: (r.departed_on, r.recommended_on, r.id))
        departed_on = last.departed_on
        assert departed_on is not None  # `departed` holds only recommendations departed from
        later = [
            m
            for m in s.rehab_meetings
            if m.held_on > last.recommended_on and m.held_on >= departed_on and m.held_on <= on
        ]
        if later:
            return Finding.ok(departed_on=last.departed_on, presented_again=min(m.held_on for m in later))
        return Finding.missing(
            f"Kommunen fraviger rehabiliteringsteamets indstilling ({last.kind}, {last.recommended_on:%d-%m-%Y}): "
            "sagen skal genforelægges teamet, før der træffes afgørelse.",
            f"The municipality departs from the rehabilitation team's recommendation ({last.kind}, "
            f"{last.recommended_on:%d-%m-%Y}): the case must go back to the team before the decision.",
            recommendation=last.id,
            departed_on=last.departed_on,
        )
    if made:
        return Finding.ok(follows=made[-1].id)  # no departure recorded: the municipality follows the recommendation
    answer = s.answer("reform.rehab_team_rereferral", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Følger afgørelsen rehabiliteringsteamets indstilling? Hvis ikke, skal sagen forelægges teamet igen, før "
        "der træffes afgørelse. Registrér 'følger indstillingen' eller datoen for genforelæggelsen.",
        "Does the decision follow the rehabilitation team's recommendation? If not, the case must go back to the "
        "team before the decision. Record 'follows the recommendation' or the date it was presented again.",
    )


# --- ressourceforløb ------------------------------------------------------------------------------------------


# LAB § 68 a as enacted in 2013, read with Ankestyrelsen 92-16 (seed 003 L912–915) and 1-15 (L951–954): a citizen
# with substantially limited work ability gets a ressourceforløb "hvis det ikke på forhånd kan anses for åbenbart
# formålsløst at forsøge at udvikle arbejdsevnen"; in practice it was started whenever development "ikke kan
# udelukkes" (L162–167).
def _development_2013(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "ressourceforlob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    latest = s.latest_assessment(on)
    if latest is not None and latest.conclusion == "below_flex_job":
        return Finding.missing(
            "Arbejdsevnevurderingen siger, at arbejdsevnen ikke kan forbedres: er et ressourceforløb åbenbart "
            "formålsløst, så overvej sag om førtidspension i stedet (principafgørelse 92-16).",
            "The work-ability assessment says work ability cannot be improved: if a resource course is obviously "
            "futile, consider a disability-pension case instead (leading decision 92-16).",
            number=latest.number,
        )
    if latest is not None and latest.conclusion == "can_be_improved":
        return Finding.ok(number=latest.number, conclusion=latest.conclusion)
    answer = s.answer("reform.ressourceforloeb_development", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Er det på forhånd åbenbart formålsløst at forsøge at udvikle borgerens arbejdsevne i et ressourceforløb? "
        "Hvis ikke, og betingelserne i LAB § 68 a er opfyldt, skal forløbet gives (92-16, 1-15). "
        "Registrér vurderingen.",
        "Is it obviously futile beforehand to try to develop the citizen's work ability in a resource course? If not, "
        "and the conditions of LAB § 68 a are met, the course must be granted (92-16, 1-15). Record the assessment.",
    )


# L 193 (2017–18), LAB § 68 a, stk. 2 from 1 June 2018 (seed 003 L16–30; seed 002 L662–669): "Ressourceforløb er
# relevant, når der er et udviklingsperspektiv i forhold til arbejdsevnen" — decided on "en vurdering af om borgeren vil
# kunne udvikle sin arbejdsevne og ikke alene på baggrund af, at det ikke kan udelukkes". 92-16 is discarded.
def _development_2018(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "ressourceforlob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    team = [r for r in s.recommendations_until(on) if r.kind == "ressourceforlob"]
    if team and team[-1].development_perspective:
        return Finding.ok(recommendation=team[-1].id, development_perspective=True)
    if team:
        return Finding.missing(
            "Rehabiliteringsteamets indstilling om ressourceforløb vurderer ikke, at borgeren vil kunne udvikle sin "
            "arbejdsevne. At det ikke kan udelukkes, er ikke nok (L 193): teamets vurdering af "
            "udviklingsperspektivet skal fremgå.",
            "The team's recommendation of a resource course does not judge that the citizen will be able to develop "
            "work ability. That it cannot be ruled out is not enough (L 193): the team's judgement must be recorded.",
            recommendation=team[-1].id,
        )
    latest = s.latest_assessment(on)
    if latest is not None and latest.conclusion == "below_flex_job":
        return Finding.missing(
            "Arbejdsevnevurderingen siger, at arbejdsevnen ikke kan forbedres: der er intet udviklingsperspektiv, "
            "så ressourceforløb kan ikke gives (L 193). Overvej sag om førtidspension.",
            "The work-ability assessment says work ability cannot be improved: there is no development perspective, "
            "so a resource course cannot be granted (L 193). Consider a disability-pension case.",
            number=latest.number,
        )
    if latest is not None and latest.conclusion == "can_be_improved":
        return Finding.ok(number=latest.number, conclusion=latest.conclusion)
    answer = s.answer("reform.ressourceforloeb_development", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Registrér vurderingen af, at borgeren vil kunne udvikle sin arbejdsevne i et ressourceforløb "
        "(udviklingsperspektiv). At det ikke kan udelukkes, er ikke længere nok (L 193).",
        "Record the assessment that the citizen will be able to develop work ability in a resource course "
        "(a development perspective). That it cannot be ruled out is no longer enough (L 193).",
    )


def _course_running(s: Snapshot, on: date) -> bool:
    """A ressourceforløb has been granted by `on` (a recorded course; a case file from before courses were recorded:
    the case's pathway and its help request stand in)."""
    if s.latest_course(on) is not None:
        return True
    return not s.resource_courses and s.case.pathway == "ressourceforlob" and s.case.help_requested_on <= on


def _course_start(s: Snapshot, on: date) -> date:
    """The recorded start of the latest granted course; without one, the day help was requested (older files)."""
    course = s.latest_course(on)
    return course.start_on if course is not None else s.case.help_requested_on


# A ressourceforløb lasts 1–5 years (seed 003 L2052–2054; LAB § 68 b). The snapshot has no course start, so
# case.help_requested_on is taken as the day the course began. A deadline: decide on what follows before 5 years.
def _duration(s: Snapshot, on: date) -> Finding:
    if not _course_running(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    start = _course_start(s, on)
    years = param("ressourceforloeb.max_years", on)
    earliest = add_months(start, 12 * param("ressourceforloeb.min_years", on))
    due = add_months(start, 12 * years)
    if s.case.status in CLOSED:
        return Finding.ok(status=s.case.status)
    if on >= due:
        return Finding.late(
            f"Ressourceforløbet begyndte {start:%d-%m-%Y} og kan højst vare {years} år (til {due:%d-%m-%Y}): "
            "træf afgørelse om det videre forløb (nyt forløb, fleksjob, førtidspension eller andet).",
            f"The resource course began on {start:%d-%m-%Y} and may last at most {years} years (until {due:%d-%m-%Y}): "
            "decide what follows (a new course, flex job, disability pension or other).",
            due=due,
            started=start,
        )
    return Finding.ok_until(due, started=start, earliest_end=earliest)


# LAB § 113, stk. 2 / bek. nr. 2408 af 13/12 2021 § 1 nr. 1 (law-timeline.md; the problem it answers: 38 % got no
# measure in the first year, seed 002 L699–708): the team sees the case again when no measure has started 6 months
# after the course began. Course start = case.help_requested_on (the snapshot has no separate course start); a
# measure = any activity starting on or after that day.
def _no_measure(s: Snapshot, on: date) -> Finding:
    if not _course_running(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    start = _course_start(s, on)
    months = param("ressourceforloeb.no_measure_months", on)
    due = add_months(start, months)
    started = [a for a in s.activities if start <= a.start_on <= min(on, due)]
    if started:
        return Finding.ok(first=min(a.start_on for a in started), activity=min(started, key=lambda a: a.start_on).id)
    if on <= due:
        return Finding.ok_until(due, started=start)
    again = [m for m in s.rehab_meetings if due <= m.held_on <= on]  # presented to the team again (issue 7)
    if again:
        return Finding.ok(presented_again=min(m.held_on for m in again), started=start)
    answer = s.answer("reform.ressourceforloeb_no_measure_6_months", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.missing(
        f"Ingen indsats er begyndt {months} måneder efter, at ressourceforløbet begyndte ({start:%d-%m-%Y}): "
        "sagen skal forelægges rehabiliteringsteamet igen. Registrér genforelæggelsen.",
        f"No measure has started {months} months after the resource course began ({start:%d-%m-%Y}): the case must go "
        "back to the rehabilitation team. Record that it was presented again.",
        due=due,
        started=start,
    )


# --- fleksjob -------------------------------------------------------------------------------------------------


# LAB § 70, stk. 3 (seed 003 L823–827): "Fleksjob kan endvidere først tilbydes, når alle relevante tilbud efter
# beskæftigelsesindsatsloven og anden lovgivning er afprøvet. Undtaget herfra er tilfælde, hvor det er åbenbart
# formålsløst at gennemføre de nævnte foranstaltninger forud for visitationen."
def _fleksjob_tried(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fleksjob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    tried = [a.id for a in _activities_before(s, on)]
    answer = s.answer("reform.fleksjob_offers_tried", on)
    if answer:
        return Finding.ok(answer=answer, activities=tried)
    if not tried:
        return Finding.missing(
            "Der er ikke registreret tilbud i sagen. Fleksjob forudsætter, at alle relevante tilbud er afprøvet — "
            "ellers registrér, hvorfor det er åbenbart formålsløst (LAB § 70, stk. 3).",
            "No offers are recorded in the case. A flex job requires that all relevant offers have been tried — "
            "otherwise record why that is obviously futile (LAB § 70(3)).",
        )
    return Finding.prompt(
        "Er alle relevante tilbud afprøvet før visitation til fleksjob? Registrér vurderingen, eller hvorfor "
        "yderligere tilbud er åbenbart formålsløse (LAB § 70, stk. 3).",
        "Have all relevant offers been tried before referral to a flex job? Record the assessment, or why further "
        "offers are obviously futile (LAB § 70(3)).",
        activities=tried,
    )


# Ankestyrelsen 64-11 (seed 003 L3122–3125): a citizen who applied for a flex job and is granted something else
# (e.g. a ressourceforløb) can appeal — the municipality must also decide the refusal of the flex job.
def _fleksjob_refusal_explicit(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fleksjob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    answer = s.answer("reform.fleksjob_refusal_explicit", on, decision=s.decision_number(on))
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Borgeren har søgt fleksjob. Bevilges noget andet (fx ressourceforløb), skal der også træffes afgørelse om "
        "afslag på fleksjob med klagevejledning (principafgørelse 64-11). Registrér afgørelsen.",
        "The citizen applied for a flex job. If something else is granted (e.g. a resource course), the flex job "
        "must also be refused in a decision with guidance on appeal (leading decision 64-11). Record it.",
    )


# Bek. nr. 996/2016 (seed 003 L3143–3152): "Forud for, at borgerens sag forelægges for rehabiliteringsteamet, skal
# kommunen også indhente praktiserende læges vurdering … på en blanket … som kaldes LÆ 265." Not in a § 17, stk. 2
# case (existing documentation); optional in obviously futile cases (§ 12, L3376–3384). The exception is the answer.
def _lae_265(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    forms = [d for d in s.documents if d.kind == "lae_265" and d.document_date <= on]
    if forms:
        latest = max(forms, key=lambda d: d.document_date)
        return Finding.ok(document=latest.id, dated=latest.document_date)
    plan = s.latest_rehab_plan(on)
    if plan is not None and plan.gp_basis == "existing_evidence":
        return Finding.ok(rehab_plan=plan.number, gp_basis=plan.gp_basis)  # § 17, stk. 2: no new LÆ 265 (39-17)
    answer = s.answer("reform.rehab_team_lae_265", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.missing(
        "LÆ 265 fra egen læge mangler, før sagen forelægges rehabiliteringsteamet. Undtagelser: ansøgning på det "
        "foreliggende grundlag (pensionslovens § 17, stk. 2) eller åbenbart formålsløse sager — registrér da hvilken.",
        "The GP's LÆ 265 is missing before the case goes to the rehabilitation team. Exceptions: an application on the "
        "existing documentation (pension act § 17(2)) or obviously futile cases — then record which.",
    )


# Pension act § 19, stk. 3 and lov om organisering §§ 13–15 (seed 003 L3154–3158): in team cases the municipality
# "kun benytte sundhedsfaglig rådgivning fra regionens kliniske funktion (og dermed ikke … lægekonsulenter)".
def _clinical_function_only(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    advisers = [d.id for d in s.documents if d.kind == "medical_adviser" and d.document_date <= on]
    if not advisers:
        return Finding.ok()
    answer = s.answer("reform.clinical_function_only", on)
    if answer:
        return Finding.ok(answer=answer, documents=advisers)
    return Finding.missing(
        "Sagen indeholder en lægekonsulentudtalelse. I sager for rehabiliteringsteamet må sundhedsfaglig rådgivning "
        "kun komme fra regionens kliniske funktion: brug den ikke, eller registrér hvorfor den ikke indgår.",
        "The case holds a municipal medical adviser's statement. In rehabilitation-team cases health advice may only "
        "come from the region's clinical function: do not use it, or record why it is not part of the basis.",
        documents=advisers,
    )


def _v(check, *citations: Citation, start: date = REFORM, end: date | None = None) -> RuleVersion:
    return RuleVersion(valid_from=start, check=check, citations=citations, valid_to=end)


NOT_FP = ("revalidering", "ressourceforlob", "jobafklaring", "ordinary_work", "refusal")

RULES = (
    Rule(
        "reform.pension_refusal_job_function",
        "Afslag på førtidspension angiver en arbejdsfunktion",
        "A pension refusal names a job function",
        Severity.BLOCKING,
        (
            _v(
                _refusal_job_function,
                Citation("social_pension", "§ 20, stk. 2", "003", "598-600"),
                Citation("social_pension", "§ 19, stk. 1, nr. 5 (garantiforskrift)", "003", "3413-3424"),
            ),
        ),
        decision_types=("refusal",),
        checks_da="At et afslag på førtidspension angiver mindst én konkret arbejdsfunktion, borgeren kan udføre.",
    ),
    Rule(
        "reform.pension_age_40",
        "Førtidspension som hovedregel fra 40 år",
        "Disability pension as a rule from age 40",
        Severity.BLOCKING,
        (_v(_pension_age, Citation("reform_2013", "pensionsloven § 16 (40-års-reglen)", "003", "582-587")),),
        decision_types=("fortidspension",),
        checks_da="At borgerens alder er registreret, og at førtidspension under 40 år er begrundet i, at det er "
        "dokumenteret eller åbenbart, at arbejdsevnen ikke kan forbedres.",
    ),
    Rule(
        "reform.pension_measures_tried",
        "Relevante indsatser forsøgt før førtidspension",
        "Relevant measures tried before disability pension",
        Severity.BLOCKING,
        (
            _v(
                _measures_tried_2013,
                Citation("social_pension", "§ 20, stk. 1; § 18, stk. 2", "003", "602-613"),
                Citation("ankestyrelsen_principles", "92-16", "003", "912-915"),
                end=L193,
            ),
            _v(
                _measures_tried_2018,
                Citation("lov_553_2018", "pensionsloven §§ 16, stk. 2 og 18, stk. 1", "003", "16-30"),
                start=L193,
            ),
        ),
        decision_types=("fortidspension",),
        checks_da="At sagen dokumenterer de forsøgte indsatser (fra 1. juni 2018: de relevante) eller hvorfor det er "
        "åbenbart, at arbejdsevnen ikke kan forbedres.",
    ),
    Rule(
        "reform.pension_meeting_offer",
        "Tilbud om møde før afgørelse om førtidspension",
        "A meeting offered before the pension decision",
        Severity.BLOCKING,
        (_v(_meeting_offer, Citation("social_pension", "§ 20, stk. 3", "003", "3315-3323")),),
        decision_types=("fortidspension", "refusal"),
        checks_da="At borgeren har fået tilbud om at udtale sig på et møde over for dem, der træffer afgørelsen.",
    ),
    Rule(
        "reform.pension_transfer_recorded",
        "Overgang til behandling efter pensionsreglerne registreret",
        "Transfer to pension treatment recorded",
        Severity.BLOCKING,
        (
            _v(
                _transfer_recorded,
                Citation("social_pension", "§ 18, stk. 1", "003", "713-721"),
                Citation("social_pension", "§ 21, stk. 1", "003", "3350-3357"),
            ),
        ),
        decision_types=("fortidspension", "refusal"),
        checks_da="At tidspunktet for overgang til behandling efter reglerne om førtidspension fremgår af sagen og "
        "er meddelt borgeren.",
    ),
    Rule(
        "reform.pension_refusal_holistic",
        "Afslag på førtidspension: anden hjælp overvejet",
        "Pension refusal: other help considered",
        Severity.BLOCKING,
        (_v(_refusal_holistic, Citation("rtl", "§ 5 (helhedsvurdering)", "003", "694-697")),),
        decision_types=("refusal",),
        checks_da="At et afslag på førtidspension viser, at alle andre muligheder for hjælp er vurderet.",
    ),
    Rule(
        "reform.health_information_current",
        "Helbredsoplysninger er aktuelle",
        "Health information is current",
        Severity.WARNING,
        (
            _v(
                _health_current,
                Citation("rtl", "§ 10 (sagens oplysning)", "003", "3308-3310"),
                Citation("taskforce_kk_2018", "BDO 8.3.5 (praksis, ikke lov)", "003", "3895-3898"),
            ),
        ),
        decision_types=TEAM_DECISIONS,
        checks_da="At der er helbredsoplysninger, og at de nyeste ikke er ældre end praksisgrænsen (6 måneder), "
        "medmindre sagsbehandleren har vurderet dem fortsat dækkende.",
    ),
    Rule(
        "reform.rehab_team_recommendation",
        "Rehabiliteringsteamets indstilling før afgørelse",
        "The rehabilitation team's recommendation before the decision",
        Severity.BLOCKING,
        (
            _v(
                _team_recommendation,
                Citation("organisering_lov", "§ 9", "002", "633-639"),
                Citation("organisering_lov", "§ 9 (møde med borgeren)", "003", "3160-3164"),
            ),
        ),
        decision_types=TEAM_DECISIONS,
        checks_da="At rehabiliteringsteamet har afgivet indstilling, før der træffes afgørelse om ressourceforløb, "
        "fleksjob eller førtidspension (eller at en undtagelse er registreret).",
    ),
    Rule(
        "reform.rehab_team_rereferral",
        "Genforelæggelse, når kommunen fraviger indstillingen",
        "Back to the team when the municipality departs from its recommendation",
        Severity.BLOCKING,
        (
            _v(
                _team_rereferral,
                Citation("organisering_lov", "§ 11, stk. 2", "003", "3325-3335"),
                Citation("organisering_lov", "§ 11, stk. 2", "002", "575-580"),
            ),
        ),
        decision_types=(*TEAM_DECISIONS, "refusal"),
        checks_da="At en afgørelse, der ikke følger teamets indstilling, først er forelagt teamet igen.",
    ),
    Rule(
        "reform.ressourceforloeb_development",
        "Ressourceforløb: udviklingsperspektiv",
        "Resource course: a development perspective",
        Severity.BLOCKING,
        (
            _v(
                _development_2013,
                Citation("lab", "§ 68 a, stk. 1-2 (2013)", "003", "894-908"),
                Citation("ankestyrelsen_principles", "92-16", "003", "912-915"),
                end=L193,
            ),
            _v(
                _development_2018,
                Citation("lov_553_2018", "LAB § 68 a, stk. 2 (udviklingsperspektiv)", "003", "16-24"),
                Citation("lab", "§ 68 a (2018-præciseringen)", "002", "662-669"),
                start=L193,
            ),
        ),
        decision_types=("ressourceforlob",),
        checks_da="Før 1. juni 2018: at ressourceforløb ikke er åbenbart formålsløst; fra 1. juni 2018: at der er "
        "vurderet et udviklingsperspektiv i arbejdsevnen.",
    ),
    Rule(
        "reform.ressourceforloeb_duration",
        "Ressourceforløb varer 1-5 år",
        "A resource course lasts 1-5 years",
        Severity.WARNING,
        (_v(_duration, Citation("lab", "§ 68 b (1-5 år)", "003", "2052-2054")),),
        checks_da="Hvornår ressourceforløbet senest skal afløses af en ny afgørelse (5 år fra start).",
        deadline=True,
    ),
    Rule(
        "reform.ressourceforloeb_no_measure_6_months",
        "Ingen indsats efter 6 måneder: teamet igen",
        "No measure after 6 months: back to the team",
        Severity.WARNING,
        (
            _v(
                _no_measure,
                Citation("bek_2408_2021", "§ 1 nr. 1 (LAB § 113, stk. 2)", "002", "699-708"),
                start=NO_MEASURE,
            ),
        ),
        checks_da="At en indsats er begyndt inden 6 måneder efter ressourceforløbets start — ellers at sagen er "
        "forelagt rehabiliteringsteamet igen.",
        deadline=True,
    ),
    Rule(
        "reform.fleksjob_offers_tried",
        "Relevante tilbud afprøvet før fleksjob",
        "Relevant offers tried before a flex job",
        Severity.BLOCKING,
        (_v(_fleksjob_tried, Citation("lab", "§ 70, stk. 3", "003", "823-827")),),
        decision_types=("fleksjob",),
        checks_da="At alle relevante tilbud er afprøvet før fleksjob, eller at det er begrundet, hvorfor det er "
        "åbenbart formålsløst.",
    ),
    Rule(
        "reform.fleksjob_refusal_explicit",
        "Udtrykkeligt afslag på fleksjob, når andet bevilges",
        "An explicit flex-job refusal when something else is granted",
        Severity.WARNING,
        (_v(_fleksjob_refusal_explicit, Citation("ankestyrelsen_principles", "64-11", "003", "3122-3125")),),
        decision_types=NOT_FP,
        checks_da="At en borger, der har søgt fleksjob og får noget andet, også får en afgørelse om afslag på "
        "fleksjob.",
    ),
    Rule(
        "reform.rehab_team_lae_265",
        "LÆ 265 før rehabiliteringsteamet",
        "LÆ 265 before the rehabilitation team",
        Severity.BLOCKING,
        (
            _v(
                _lae_265,
                Citation("bek_996_2016", "LÆ 265 (forud for forelæggelse)", "003", "3143-3152"),
                Citation("bek_996_2016", "§ 12 (åbenbart formålsløse sager)", "003", "3376-3384"),
            ),
        ),
        decision_types=TEAM_DECISIONS,
        checks_da="At egen læges LÆ 265 foreligger, før sagen forelægges teamet — eller at en undtagelse er "
        "registreret.",
    ),
    Rule(
        "reform.clinical_function_only",
        "Sundhedsfaglig rådgivning kun fra klinisk funktion",
        "Health advice only from the clinical function",
        Severity.BLOCKING,
        (
            _v(
                _clinical_function_only,
                Citation("social_pension", "§ 19, stk. 3", "003", "3154-3158"),
                Citation("organisering_lov", "§§ 13-15", "003", "3154-3158"),
            ),
        ),
        decision_types=TEAM_DECISIONS,
        checks_da="At en sag for rehabiliteringsteamet ikke bygger på lægekonsulentudtalelser, men på regionens "
        "kliniske funktion.",
    ),
)
