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
from functools import partial

from ..engine import Citation, Finding, Rule, Severity, version
from ..parameters import param
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import TEAM_DECISIONS
from . import team
from .deadline import add_months
from .pension import _childhood_statements

METHOD = in_force("bek_543_2002")  # førtidspensionsreformen; bek. nr. 543 af 28. maj 2002 in force
LEADING_64_11 = date(2011, 1, 1)  # the year of Ankestyrelsen's 64-11 (its day is not in the seeds — re-check)
PENSION_2003 = in_force("social_pension")  # lov nr. 284 af 25. april 2001: the førtidspension reform (§ 18 transfer)
REFORM = in_force("reform_2013")  # lov forslag L 53 (2012): the reform of førtidspension and fleksjob
L193 = in_force(
    "lov_553_2018"
)  # lov nr. 553 af 29. maj 2018 (bill L 193, 2017–18): ressourceforløb needs a development perspective
NO_MEASURE = in_force("bek_2408_2021")  # bek. nr. 2408 af 13/12 2021 (LAB § 113, stk. 2) — re-check the date in force
CLOSED = ("decided", "closed")


def _activities_before(s: Snapshot, on: date):
    return [a for a in s.activities if a.start_on <= on]


# --- førtidspension -------------------------------------------------------------------------------------------


# Pension act § 20, stk. 2 and § 19, stk. 1, nr. 5 (a garantiforskrift; seed 003 L598–600, L689–692, L3413–3424):
# "Hvis der skal træffes afgørelse om afslag på førtidspension, skal kommunen angive en eller flere konkrete
# arbejdsfunktioner, som borgeren med sin nedsatte arbejdsevne anses for at kunne udføre."
# Leaving it out can make the refusal invalid unless keeping it is "helt ubetænkeligt". (P-7-04: weaker when decided on
# the existing documentation, § 17, stk. 2 — the caseworker records that under this rule's answer.)
def _on_existing_evidence(s: Snapshot, on: date) -> bool:
    """The pension case is decided on the existing evidence (§ 17, stk. 2): the application, the plan or the transfer
    says so."""
    t = s.pension_transfer
    plan = s.latest_rehab_plan(on)
    return bool(
        (t is not None and t.on_existing_evidence and t.transferred_on <= on)
        or (plan is not None and plan.gp_basis == "existing_evidence")
        or any(a.kind == "fortidspension_existing" and a.applied_on <= on for a in s.applications)
    )


def _refusal_job_function(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    latest = s.latest_assessment(on)
    if latest is not None and latest.job_functions_meetable >= 1:
        return Finding.ok(number=latest.number, meetable=latest.job_functions_meetable)
    answer = s.answer("reform.pension_refusal_job_function", on, decision=s.decision_number(on))
    if answer:
        return Finding.ok(answer=answer)
    if _on_existing_evidence(s, on):  # named exception: P-7-04 (seed 003 L661–663)
        return Finding.prompt(
            "Afslaget træffes på det foreliggende dokumentationsgrundlag (§ 17, stk. 2): kravet om en konkret "
            "arbejdsfunktion er svækket (principafgørelse P-7-04), men ikke bortfaldet. Angiv en arbejdsfunktion, "
            "eller registrér, hvorfor oplysningerne ikke giver grundlag for at beskrive en.",
            "The refusal is made on the existing evidence (§ 17(2)): the requirement to name a concrete job function "
            "is weakened (leading decision P-7-04), not gone. Name a job function, or record why the information does "
            "not allow one to be described.",
            number=latest.number if latest else None,
            on_existing_evidence=True,
        )
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
# Principafgørelse 68-14 (seed 003 L755–765): a young person "grundigt udredt hele barndommen" was granted pension on
# the 18th birthday — statements from before 18 that conclude permanent reduction are named in the question.
def _pension_age(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "fortidspension"):
        return Finding.not_applicable(in_question=s.in_question(on))
    min_age = param("reform.pension_main_rule_min_age", on)
    age = s.age_on(on)  # from the birth date in the CPR number; the prompt remains for a case file without it
    if age is not None and age >= min_age:
        return Finding.ok(age=age, min_age=min_age)
    answer = s.answer("reform.pension_age", on)
    if answer:
        return Finding.ok(answer=answer, age=age)
    childhood = _childhood_statements(s, on)
    if age is not None and childhood:
        return Finding.prompt(
            f"Borgeren er {age} år og udredt fra barndommen: udtalelserne {', '.join(map(str, childhood))} fra før det "
            "18. år konkluderer varigt nedsat arbejdsevne. Det kan dokumentere, at arbejdsevnen ikke kan forbedres "
            "(principafgørelse 68-14) — registrér, om og hvorfor det er dokumenteret eller helt åbenbart.",
            f"The citizen is {age} and has been assessed since childhood: statements {', '.join(map(str, childhood))} "
            "from before age 18 conclude permanently reduced work ability. That can document that work ability cannot "
            "be improved (leading decision 68-14) — record whether and why it is documented or quite obvious.",
            age=age,
            min_age=min_age,
            documented_since_childhood=childhood,
        )
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


# From the 2003 reform (seed 001 L903–910, the work-ability method's guidance): "Hvis det er dokumenteret, at borgeren
# varigt ikke har tilstrækkelig arbejdsevne til at kunne varetage et fleksjob, og det ikke er muligt at forbedre
# arbejdsevnen, skal kommunen træffe afgørelse om førtidspension" — the case moves to pension treatment (§ 18, 2003;
# seed 000 L7012–7015) when work ability cannot be improved by activation, revalidering, treatment or other measures.
def _measures_tried_2003(s: Snapshot, on: date) -> Finding:
    return _measures_tried(
        s,
        on,
        (
            "Før førtidspension: dokumentér, at arbejdsevnen ikke kan forbedres ved aktivering, revalidering, "
            "behandling eller andre foranstaltninger — de forsøgte indsatser, eller hvorfor det er åbenbart.",
            "Before disability pension: document that work ability cannot be improved by activation, revalidering, "
            "treatment or other measures — the measures tried, or why it is obvious.",
        ),
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


# From 1 June 2018 (lov nr. 553 af 29. maj 2018, the enacted bill L 193; pension act §§ 16, stk. 2 and 18, stk. 1):
# pension when work ability cannot be improved by *relevant* jobafklaringsforløb, ressourceforløb, activation,
# revalidering, treatment or other measures; 92-16 and 33-15 discarded (seed 003 L19–33). Measures without a
# development perspective need not be tried.
def _measures_tried_2018(s: Snapshot, on: date) -> Finding:
    return _measures_tried(
        s,
        on,
        (
            "Før førtidspension: dokumentér, at de relevante indsatser er forsøgt — kun indsatser med et realistisk "
            "udviklingsperspektiv skal forsøges (lov nr. 553 af 29. maj 2018) — eller hvorfor det er åbenbart, at "
            "arbejdsevnen ikke kan forbedres.",
            "Before disability pension: document that the relevant measures have been tried — only measures with a "
            "realistic development perspective need be tried (lov nr. 553 of 29 May 2018) — or why it is obvious that "
            "work ability cannot be improved.",
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
# The offer is not a creation of the 2013 reform: it is in the pension act as reformed from 1 January 2003 (lov nr. 284
# af 25. april 2001), so the rule has a version per period of the act (2003–2012; from 2013 with the team). The seeds
# quote only the 2017 text — re-check the 2003 wording and section against Retsinformation.
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
# meddeles til borgeren." The 3-month deadline (§ 21, stk. 1) runs from that day. The transfer to pension treatment
# is the 2003 reform's (seed 000 L7012–7015: "begyndelse af sag om førtidspension efter § 20 a (kommende lov § 18)"),
# so the record is required from 2003; its measures changed in 2013 (ressourceforløb) and on 1 June 2018 (lov nr. 553
# af 29. maj 2018: *relevant* measures), hence a version per period. Re-check the 2003 wording ("meddeles").
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
# Whatever benefit the citizen is on now (the decision in question decides, not the case's pathway; 6-14, L3108–3120),
# and the recommendation must be one for *this* decision: made on a presentation for this measure, or recommending it
# (issue 12) — an old recommendation for another measure (e.g. a ressourceforløb recommendation under a later fleksjob
# decision) does not count. Exceptions (obviously futile pension, § 18, stk. 2; undoubted cases, § 17, stk. 4) are
# recorded as the answer.
def _team_recommendation(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    made = s.recommendations_until(on)
    relevant = team.recommendations_for(s, on)
    if relevant:
        return Finding.ok(recommendation=relevant[-1].id, kind=relevant[-1].kind, on=relevant[-1].recommended_on)
    t = s.pension_transfer
    if s.concerns(on, "fortidspension") and t is not None and t.without_team and t.transferred_on <= on:
        return Finding.ok(without_team=True, conditions=t.futile_conditions)  # § 18, stk. 2 (pathways rule checks)
    decisive = [r for r in made if r.decisive]
    decision = s.decision_in_question(on)
    answer = s.answer(
        "reform.rehab_team_recommendation",
        on,
        since=decisive[-1].recommended_on if decisive else None,  # an exception judged since the old one
        decision=decision.number if decision else None,
    )
    if answer:
        return Finding.ok(answer=answer)
    wanted = "/".join(team.subjects(s, on))
    if decisive:
        old = decisive[-1]
        return Finding.missing(
            f"Den seneste indstilling fra rehabiliteringsteamet ({old.recommended_on:%d-%m-%Y}) gælder "
            f"{old.presented_for or old.kind}, ikke {wanted}: sagen skal forelægges teamet til netop denne afgørelse "
            "(lov om organisering § 9).",
            f"The team's latest recommendation ({old.recommended_on:%d-%m-%Y}) was for "
            f"{old.presented_for or old.kind}, not {wanted}: the case must go to the team for this decision "
            "(organisering act § 9).",
            recommendation=old.id,
            kind=old.kind,
            presented_for=old.presented_for,
        )
    if made:
        return Finding.missing(
            f"Rehabiliteringsteamet udsatte sagen {made[-1].recommended_on:%d-%m-%Y} og har endnu ikke afgivet "
            "indstilling: forelæg sagen igen, når det manglende er indhentet.",
            f"The rehabilitation team postponed the case on {made[-1].recommended_on:%d-%m-%Y} and has not yet made "
            "its recommendation: present the case again once what is missing has been obtained.",
            recommendation=made[-1].id,
        )
    return Finding.prompt(
        "Før afgørelse om ressourceforløb, fleksjob eller førtidspension skal rehabiliteringsteamet have afgivet "
        "indstilling på et møde med borgeren og sagsbehandleren. Registrér mødedato og indstilling — eller den "
        "undtagelse, sagen afgøres efter (fx åbenbart formålsløst, pensionslovens § 18, stk. 2).",
        "Before deciding on a resource course, flex job or disability pension, the rehabilitation team must have "
        "made its recommendation at a meeting with the citizen and the caseworker. Record the meeting date and the "
        "recommendation — or the exception the case is decided under (e.g. obviously futile, pension act § 18(2)).",
    )


# § 11, stk. 2 (seed 003 L3325–3335; seed 002 L575–580, L654–659): "Hvis kommunen ikke følger rehabiliterings-
# teamets indstilling, skal sagen forelægges for rehabiliteringsteamet på ny, inden der træffes afgørelse." The draft
# is compared with the latest decisive recommendation automatically (issue 12): a grant of another measure than the
# one recommended, or a refusal of the measure recommended, is a departure — no one has to record it by hand. It is
# satisfied when the case has been before the team again after that recommendation. A departure recorded by hand
# (departed_on) counts as well.
def _team_rereferral(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    made = s.recommendations_until(on)
    decisive = [r for r in made if r.decisive]
    position = team.draft_position(s, on)
    if decisive and position is not None:
        rec = decisive[-1]
        subject, grants, number = position
        # A recommendation for another measure is no recommendation for this decision (rehab_team_recommendation).
        if team.for_this_decision(rec, (subject,)) and not team.follows(rec, subject, grants):
            later = [m for m in s.rehab_meetings if rec.recommended_on < m.held_on <= on]
            if later:
                return Finding.ok(departs_from=rec.id, presented_again=min(m.held_on for m in later))
            what_da = "bevilger" if grants else "giver afslag på"
            what_en = "grants" if grants else "refuses"
            return Finding.missing(
                f"Udkastet {what_da} {subject}, men rehabiliteringsteamets seneste indstilling "
                f"({rec.recommended_on:%d-%m-%Y}) er {rec.kind}: kommunen fraviger indstillingen, og sagen skal "
                "forelægges teamet igen, før der træffes afgørelse (lov om organisering § 11, stk. 2).",
                f"The draft {what_en} {subject}, but the team's latest recommendation ({rec.recommended_on:%d-%m-%Y}) "
                f"is {rec.kind}: the municipality departs from it, and the case must go back to the team before the "
                "decision (organisering act § 11(2)).",
                recommendation=rec.id,
                kind=rec.kind,
                decision=number,
            )
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
        return Finding.ok(follows=made[-1].id)  # the draft follows the recommendation (or there is no draft yet)
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


# LAB § 68 a as enacted in 2013, read with Ankestyrelsen 92-16 (seed 003 L912–928) and 1-15 (L951–954): a citizen
# with substantially limited work ability gets a ressourceforløb "hvis det ikke på forhånd kan anses for åbenbart
# formålsløst at forsøge at udvikle arbejdsevnen"; in practice it was started whenever development "ikke kan
# udelukkes" (L162–167). So before 1 June 2018 an assessment that work ability cannot be improved does not by itself
# bar a course (92-16 case 2: a course was given though treatment was expected to raise only quality of life,
# L918–928) — only "obviously futile beforehand" does, and that is the caseworker's judgement (a prompt, issue 12
# B7). A grant is ok unless the assessment says work ability cannot be improved; a refusal must rest on the course
# being obviously futile beforehand (course.refusal_reason). The recorded answer (for this decision) settles it.
def _development_2013(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "ressourceforlob") or s.concerns(on, "refusal"):  # refusals: course.refusal_reason
        return Finding.not_applicable(in_question=s.in_question(on))
    decision = s.decision_in_question(on)
    answer = s.answer("reform.ressourceforloeb_development", on, decision=decision.number if decision else None)
    if answer:
        return Finding.ok(answer=answer)
    latest = s.latest_assessment(on)
    if latest is not None and latest.conclusion != "below_flex_job":
        return Finding.ok(number=latest.number, conclusion=latest.conclusion)
    return Finding.prompt(
        "Er det på forhånd åbenbart formålsløst at forsøge at udvikle borgerens arbejdsevne i et ressourceforløb? "
        "At arbejdsevnevurderingen ikke forventer forbedring, er ikke i sig selv nok (92-16). Hvis ikke åbenbart "
        "formålsløst, og betingelserne i LAB § 68 a er opfyldt, skal forløbet gives (1-15). Registrér vurderingen.",
        "Is it obviously futile beforehand to try to develop the citizen's work ability in a resource course? That "
        "the work-ability assessment expects no improvement is not enough by itself (92-16). If not obviously futile "
        "and LAB § 68 a is met, the course must be granted (1-15). Record the assessment.",
        number=latest.number if latest else None,
        conclusion=latest.conclusion if latest else None,
    )


# L 193 (2017–18; lov nr. 553 af 29. maj 2018), LAB § 68 a, stk. 2 from 1 June 2018 (seed 003 L16–30; seed 002
# L662–669): "Ressourceforløb er relevant, når der er et udviklingsperspektiv i forhold til arbejdsevnen" — decided on
# "en vurdering af om borgeren vil kunne udvikle sin arbejdsevne og ikke alene på baggrund af, at det ikke kan
# udelukkes". 92-16 is discarded. A grant needs a realistic development perspective — the team's or, where the team
# did not say, the caseworker's recorded judgement (the municipality decides; a prompt that can always be answered,
# issue 12 B7). A refusal for want of one is course.refusal_reason's; the answer for this decision settles it.
def _development_2018(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, "ressourceforlob") or s.concerns(on, "refusal"):  # refusals: course.refusal_reason
        return Finding.not_applicable(in_question=s.in_question(on))
    decision = s.decision_in_question(on)
    answer = s.answer("reform.ressourceforloeb_development", on, decision=decision.number if decision else None)
    if answer:
        return Finding.ok(answer=answer)
    team_recs = [r for r in s.recommendations_until(on) if r.kind == "ressourceforlob"]
    if team_recs and team_recs[-1].development_perspective:
        return Finding.ok(recommendation=team_recs[-1].id, development_perspective=True)
    latest = s.latest_assessment(on)
    if not team_recs and latest is not None and latest.conclusion == "can_be_improved":
        return Finding.ok(number=latest.number, conclusion=latest.conclusion)
    if latest is not None and latest.conclusion == "below_flex_job":
        return Finding.missing(
            "Arbejdsevnevurderingen siger, at arbejdsevnen ikke kan forbedres, og der er ikke registreret en "
            "vurdering af et realistisk udviklingsperspektiv: ressourceforløb forudsætter det (L 193). Registrér "
            "vurderingen, eller overvej sag om førtidspension.",
            "The work-ability assessment says work ability cannot be improved and no judgement of a realistic "
            "development perspective is recorded: a resource course requires one (L 193). Record it, or consider a "
            "disability-pension case.",
            number=latest.number,
        )
    return Finding.prompt(
        "Registrér vurderingen af, at borgeren vil kunne udvikle sin arbejdsevne i et ressourceforløb (et realistisk "
        "udviklingsperspektiv). At det ikke kan udelukkes, er ikke længere nok (L 193).",
        "Record the assessment that the citizen will be able to develop work ability in a resource course "
        "(a realistic development perspective). That it cannot be ruled out is no longer enough (L 193).",
        recommendation=team_recs[-1].id if team_recs else None,
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
    answer = s.answer("reform.ressourceforloeb_no_measure", on)
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


# From 1 January 2003 (seed 001 l. 850–856, the guidance to bek. 543/2002 on aktivloven's fleksjob rules):
# "Fleksjob kan tilbydes, når alle relevante aktiverings- og revalideringsmæssige foranstaltninger har været afprøvet
# for at bringe eller fastholde den pågældende i ordinær beskæftigelse."
# From 2013, LAB § 70, stk. 3 (seed 003 L823–827, L171–174):
# "Fleksjob kan endvidere først tilbydes, når alle relevante tilbud efter beskæftigelsesindsatsloven og anden
# lovgivning er afprøvet. Undtaget herfra er tilfælde, hvor det er åbenbart formålsløst at gennemføre de nævnte
# foranstaltninger forud for visitationen." The seed 001 text does not state the futility exception for 2003; the
# recorded reason is accepted in both periods (re-check the 2003 wording of aktivloven § 70 against Retsinformation).
def _fleksjob_tried(section: str):
    def check(s: Snapshot, on: date) -> Finding:
        if not s.concerns(on, "fleksjob"):
            return Finding.not_applicable(in_question=s.in_question(on))
        tried = [a.id for a in _activities_before(s, on)]
        answer = s.answer("reform.fleksjob_offers_tried", on)
        if answer:
            return Finding.ok(answer=answer, activities=tried)
        if not tried:
            return Finding.missing(
                "Der er ikke registreret tilbud i sagen. Fleksjob forudsætter, at alle relevante tilbud er afprøvet — "
                f"ellers registrér, hvorfor det er åbenbart formålsløst ({section}).",
                "No offers are recorded in the case. A flex job requires that all relevant offers have been tried — "
                f"otherwise record why that is obviously futile ({section}).",
            )
        return Finding.prompt(
            "Er alle relevante tilbud afprøvet før visitation til fleksjob? Registrér vurderingen, eller hvorfor "
            f"yderligere tilbud er åbenbart formålsløse ({section}).",
            "Have all relevant offers been tried before referral to a flex job? Record the assessment, or why further "
            f"offers are obviously futile ({section}).",
            activities=tried,
        )

    return check


# Ankestyrelsen 64-11 (seed 003 L3122–3125): "Borgeren kan klage, når der gives afslag på fleksjob, og når borgeren
# bevilges noget andet, fx ressourceforløb, uden at kommunen samtidig formelt har givet afslag på fleksjob." A citizen
# who applied for a flex job and is granted something else must also have a decision refusing the flex job, with
# guidance on appeal — a legal requirement (the right of appeal), so it blocks the other decision. It applies when a
# fleksjob application is open (not withdrawn) and the decision in question is about another measure; a decision about
# the flex job itself answers the application. A case file without applications falls back on the question when the
# case's pathway is fleksjob and another measure is decided.
def _fleksjob_refusal_explicit(s: Snapshot, on: date) -> Finding:
    if s.concerns(on, "fleksjob"):
        return Finding.not_applicable(in_question=s.in_question(on))
    applied = [
        a
        for a in s.applications
        if a.kind == "fleksjob" and a.applied_on <= on and (a.withdrawn_on is None or a.withdrawn_on > on)
    ]
    if not applied and not (not s.applications and s.case.pathway == "fleksjob"):
        return Finding.not_applicable(applications=len(s.applications))
    decided = [d.number for d in s.decisions if d.created_on <= on and s.subject_of(d) == "fleksjob"]
    if decided:
        return Finding.ok(fleksjob_decisions=decided)
    current = s.decision_in_question(on)
    answer = s.answer("reform.fleksjob_refusal_explicit", on, decision=current.number if current else None)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.missing(
        "Borgeren har søgt fleksjob, men der træffes afgørelse om noget andet: der skal også træffes afgørelse om "
        "afslag på fleksjob med klagevejledning (principafgørelse 64-11).",
        "The citizen applied for a flex job, but another measure is being decided: the flex job must also be refused "
        "in a decision with guidance on appeal (leading decision 64-11).",
        applications=[a.id for a in applied],
        in_question=s.in_question(on),
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


_v = partial(version, start=REFORM)  # a version of a rule, from REFORM unless told otherwise


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
                Citation("ankestyrelsen_principles", "P-7-04 (svækket ved § 17, stk. 2)", "003", "661-663"),
            ),
        ),
        decision_types=("refusal",),
        checks_da="At et afslag på førtidspension angiver mindst én konkret arbejdsfunktion, borgeren kan udføre.",
    ),
    Rule(
        "reform.pension_age",
        "Førtidspension som hovedregel først fra den laveste alder",
        "Disability pension as a rule only from the minimum age",
        Severity.BLOCKING,
        (_v(_pension_age, Citation("reform_2013", "pensionsloven § 16 (40-års-reglen)", "003", "582-587")),),
        decision_types=("fortidspension",),
        checks_da="At borgerens alder er registreret, og at førtidspension under 40 år er begrundet i, at det er "
        "dokumenteret eller åbenbart, at arbejdsevnen ikke kan forbedres.",
        former_ids=("reform.pension_age_40",),
    ),
    Rule(
        "reform.pension_measures_tried",
        "Relevante indsatser forsøgt før førtidspension",
        "Relevant measures tried before disability pension",
        Severity.BLOCKING,
        (
            _v(
                _measures_tried_2003,
                Citation("bek_543_2002", "vejledningen: kan ikke forbedres (§ 16)", "001", "903-910"),
                Citation("social_pension", "§ 18 (2003; tidl. § 20 a)", "000", "7012-7015"),
                start=PENSION_2003,
                end=REFORM,
            ),
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
        (
            _v(
                _meeting_offer,
                Citation("social_pension", "§ 20, stk. 3 (2003-affattelsen, genlæses)", "003", "3315-3323"),
                start=PENSION_2003,
                end=REFORM,
            ),
            _v(_meeting_offer, Citation("social_pension", "§ 20, stk. 3", "003", "3315-3323")),
        ),
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
                Citation("social_pension", "§ 18, stk. 1 (2003; tidl. § 20 a)", "000", "7012-7015"),
                Citation("social_pension", "§ 18, stk. 1", "003", "713-721"),
                Citation("social_pension", "§ 21, stk. 1", "000", "6419-6423"),
                start=PENSION_2003,
                end=REFORM,
            ),
            _v(
                _transfer_recorded,
                Citation("social_pension", "§ 18, stk. 1", "003", "713-721"),
                Citation("social_pension", "§ 21, stk. 1", "003", "3350-3357"),
                end=L193,
            ),
            _v(
                _transfer_recorded,
                Citation("lov_553_2018", "pensionsloven § 18, stk. 1 (relevante indsatser)", "003", "16-30"),
                Citation("social_pension", "§ 18, stk. 1", "003", "713-721"),
                Citation("social_pension", "§ 21, stk. 1", "003", "3350-3357"),
                start=L193,
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
        checks_da="Før 1. juni 2018: at en bevilling ikke hviler på et åbenbart formålsløst forløb, og at en "
        "vurdering af, at arbejdsevnen ikke kan forbedres, ikke alene afgør det (92-16); fra 1. juni 2018: at der "
        "er vurderet et realistisk udviklingsperspektiv i arbejdsevnen.",
    ),
    Rule(
        "reform.ressourceforloeb_duration",
        "Ressourceforløbets varighed",
        "The duration of a resource course",
        Severity.WARNING,
        (_v(_duration, Citation("lab", "§ 68 b (1-5 år)", "003", "2052-2054")),),
        checks_da="Hvornår ressourceforløbet senest skal afløses af en ny afgørelse (5 år fra start).",
        deadline=True,
    ),
    Rule(
        "reform.ressourceforloeb_no_measure",
        "Ingen indsats i ressourceforløbet: teamet igen",
        "No measure in the resource course: back to the team",
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
        former_ids=("reform.ressourceforloeb_no_measure_6_months",),
    ),
    Rule(
        "reform.fleksjob_offers_tried",
        "Relevante tilbud afprøvet før fleksjob",
        "Relevant offers tried before a flex job",
        Severity.BLOCKING,
        (
            _v(
                _fleksjob_tried("aktivloven, fleksjob"),
                Citation("aktivloven", "fleksjob (relevante foranstaltninger afprøvet)", "001", "850-856"),
                start=METHOD,
                end=REFORM,
            ),
            _v(_fleksjob_tried("LAB § 70, stk. 3"), Citation("lab", "§ 70, stk. 3", "003", "823-827, 171-174")),
        ),
        decision_types=("fleksjob",),
        checks_da="At alle relevante tilbud er afprøvet før fleksjob, eller at det er begrundet, hvorfor det er "
        "åbenbart formålsløst.",
    ),
    Rule(
        "reform.fleksjob_refusal_explicit",
        "Udtrykkeligt afslag på fleksjob, når andet bevilges",
        "An explicit flex-job refusal when something else is granted",
        Severity.BLOCKING,
        (
            _v(
                _fleksjob_refusal_explicit,
                Citation("ankestyrelsen_principles", "64-11", "003", "3122-3125"),
                start=LEADING_64_11,
            ),
        ),
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
