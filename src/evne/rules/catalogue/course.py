"""Ressourceforløb: the target group, the reasons a refusal may rest on, a new course rather than an extension, and
the plan's effort part (issue 12, A3).

LAB § 68 a, stk. 1–2 as seed 003 quotes it (L894–908), Ankestyrelsen 92-16, 42-17 and 1-15 (L912–954), L 193
(2017–18; lov nr. 553 af 29. maj 2018, in force 1 June 2018, L16–30) and bek. nr. 996/2016 § 8 (L3259–3288). The
judgements the law leaves to the municipality (is the citizen in the target group; why a refusal is lawful) are
prompts whose recorded answer — for this decision — becomes the fact.
"""

from datetime import date
from functools import partial

from ..engine import Citation, Finding, Rule, Severity, version
from ..parameters import param
from ..snapshot import ResourceCourse, Snapshot
from ..sources import in_force
from .deadline import add_months

REFORM = in_force("reform_2013")  # ressourceforløb from the 2013 reform (lov nr. 1380 af 23/12 2012)
L193 = in_force("lov_553_2018")  # lov nr. 553 af 29. maj 2018 (L 193): a realistic development perspective


def _grant(s: Snapshot, on: date) -> bool:
    return s.concerns(on, "ressourceforlob") and not s.concerns(on, "refusal")


def _number(s: Snapshot, on: date) -> int | None:
    decision = s.decision_in_question(on)
    return decision.number if decision is not None else None


# LAB § 68 a, stk. 1, nr. 1 (seed 003 L896–899): the citizen must have "komplekse problemer ud over ledighed, der
# ikke har kunnet løses gennem en indsats efter denne lov eller efter lov om aktiv socialpolitik, og som kræver et
# helhedsorienteret forløb med en kombination af indsats efter denne lov og sociale eller sundhedsmæssige indsatser"
# — not necessarily health, employment *and* social problems (42-17, L943–946). Bek. 996/2016 § 8 (L3262–3265): the
# team's recommendation names the factors behind its view that such a course is needed. Satisfied by that
# recommendation (with its factors) or by the caseworker's recorded judgement for this decision.
def _target_group(s: Snapshot, on: date) -> Finding:
    if not _grant(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    team = [r for r in s.recommendations_until(on) if r.kind == "ressourceforlob" and "factors" in r.content]
    if team:
        return Finding.ok(recommendation=team[-1].id)
    answer = s.answer("course.target_group", on, decision=_number(s, on))
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Registrér, hvorfor borgeren er i målgruppen for ressourceforløb: komplekse problemer ud over ledighed, som "
        "kræver et helhedsorienteret forløb med beskæftigelsesindsats og sociale eller sundhedsmæssige indsatser "
        "(LAB § 68 a, stk. 1, nr. 1). Alle tre slags problemer kræves ikke (42-17).",
        "Record why the citizen is in the target group for a resource course: complex problems beyond unemployment "
        "needing a holistic course of employment and social or health measures (LAB § 68 a(1) no. 1). All three "
        "kinds of problem are not required (42-17).",
    )


# The reasons a refusal may rest on. Ankestyrelsen 1-15 (seed 003 L951–954): "ressourceforløb skal bevilges, hvis
# betingelserne for et ressourceforløb er opfyldt, selv om kommunen eventuelt vurderer, at der i kommunens regi er en
# anden indsats end ressourceforløb, som er tilstrækkelig." So "another measure will do" or "no need for a
# coordinating caseworker" is no lawful reason; the lawful ones are the § 68 a conditions — and, before 1 June 2018,
# that a course is obviously futile beforehand (92-16, L912–915); from then, that there is no realistic development
# perspective (L 193, L16–24).
def _refusal(message: tuple[str, str]):
    def check(s: Snapshot, on: date) -> Finding:
        if not (s.concerns(on, "ressourceforlob") and s.concerns(on, "refusal")):
            return Finding.not_applicable(in_question=s.in_question(on))
        answer = s.answer("course.refusal_reason", on, decision=_number(s, on))
        if answer:
            return Finding.ok(answer=answer)
        return Finding.prompt(*message, decision=_number(s, on))

    return check


_REFUSAL_2013 = (
    "Afslag på ressourceforløb: registrér den lovlige grund — en betingelse i LAB § 68 a, der ikke er opfyldt, eller "
    "at det på forhånd er åbenbart formålsløst at forsøge at udvikle arbejdsevnen (92-16). At en anden indsats kan "
    "række, eller at der ikke er brug for en koordinerende sagsbehandler, er ikke en grund: er betingelserne "
    "opfyldt, skal forløbet bevilges (1-15).",
    "Refusing a resource course: record the lawful reason — a condition of LAB § 68 a not met, or that it is "
    "obviously futile beforehand to try to develop work ability (92-16). That another measure would do, or that no "
    "coordinating caseworker is needed, is no reason: when the conditions are met the course must be granted (1-15).",
)
_REFUSAL_2018 = (
    "Afslag på ressourceforløb: registrér den lovlige grund — en betingelse i LAB § 68 a, der ikke er opfyldt, eller "
    "at der ikke er et realistisk udviklingsperspektiv i arbejdsevnen (L 193). At en anden indsats kan række, eller "
    "at der ikke er brug for en koordinerende sagsbehandler, er ikke en grund: er betingelserne opfyldt, skal "
    "forløbet bevilges (1-15).",
    "Refusing a resource course: record the lawful reason — a condition of LAB § 68 a not met, or no realistic "
    "development perspective for the work ability (L 193). That another measure would do, or that no coordinating "
    "caseworker is needed, is no reason: when the conditions are met the course must be granted (1-15).",
)


def _started(s: Snapshot, on: date) -> list[ResourceCourse]:
    return sorted((c for c in s.resource_courses if c.start_on <= on), key=lambda c: (c.start_on, c.id))


# A new course is a new decision: organisering § 9 (seed 002 L633–639) — the team's recommendation "inden beslutning
# om … ressourceforløb"; bek. 996/2016 (seed 003 L3131–3141) — the preparatory part before the team; 42-17 (L930–949)
# — a *new* course when complex problems remain. A course lasts 1–5 years (LAB § 68 b, L2052–2054). So a course that
# follows one that has ended, or that would run past 5 years from the start of the course it "extends", is a new
# course and needs its own preparatory part (rehab_plan) and presentation to the team (presentation_id); recorded as
# an extension it hides both (and, for a citizen over 40, that a second course was taken, L889–892). Whether an
# extension within 5 years of an unended course needs the team again the seed does not say — not checked.
def _new_course(s: Snapshot, on: date) -> Finding:
    courses = _started(s, on)
    if not courses:
        return Finding.not_applicable(reason="no course")
    course = courses[-1]
    by_id = {c.id: c for c in courses}
    if course.kind == "extension":
        base = by_id.get(course.extends) if course.extends is not None else None
        if base is None:
            earlier = courses[:-1]
            base = earlier[-1] if earlier else None
        if base is None:
            return Finding.missing(
                "Ressourceforløbet er registreret som en forlængelse, men der er intet forløb, det forlænger: "
                "registrér det som et nyt forløb med egen forberedende del og indstilling fra teamet.",
                "The resource course is recorded as an extension of no course: record it as a new course with its "
                "own preparatory part and the team's recommendation.",
                course=course.id,
            )
        limit = add_months(base.start_on, 12 * param("ressourceforloeb.max_years", on))
        ended = base.ended_on is not None and base.ended_on < course.start_on
        if not ended and course.end_on <= limit:
            return Finding.ok(course=course.id, extends=base.id, until=course.end_on)
        years, since = param("ressourceforloeb.max_years", on), f"{base.start_on:%d-%m-%Y}"
        why_da = "det forløb, det forlænger, sluttede" if ended else f"det går ud over {years} år fra {since}"
        why_en = "the course it extends had ended" if ended else f"it runs past {years} years from {since}"
        return Finding.missing(
            f"Ressourceforløbet fra {course.start_on:%d-%m-%Y} er registreret som forlængelse, men {why_da}: det er "
            "et nyt ressourceforløb, som kræver en ny forberedende del og rehabiliteringsteamets indstilling "
            "(42-17; lov om organisering § 9).",
            f"The resource course from {course.start_on:%d-%m-%Y} is recorded as an extension, but {why_en}: it is a "
            "new course, which needs a new preparatory part and the team's recommendation (42-17; organisering § 9).",
            course=course.id,
            extends=base.id,
        )
    if len(courses) == 1:
        return Finding.ok(course=course.id, first=True)
    lacking = [
        (da, en)
        for da, en, have in (
            ("ny forberedende del", "a new preparatory part", course.rehab_plan is not None),
            ("forelæggelse for teamet", "a presentation to the team", course.presentation_id is not None),
        )
        if not have
    ]
    if not lacking:
        return Finding.ok(course=course.id, rehab_plan=course.rehab_plan, presentation=course.presentation_id)
    return Finding.missing(
        f"Nyt ressourceforløb fra {course.start_on:%d-%m-%Y} efter et tidligere: der mangler "
        f"{' og '.join(d for d, _ in lacking)}.",
        f"A new resource course from {course.start_on:%d-%m-%Y} after an earlier one lacks "
        f"{' and '.join(e for _, e in lacking)}.",
        course=course.id,
    )


# Bek. 996/2016 § 8 (seed 003 L3267–3288): the team recommends what the plan's effort part (indsatsdel) should hold,
# and "rehabiliteringsplanens indsatsdel … kun skal udarbejdes, hvis borgeren senere bevilges et ressourceforløb". A
# granted course therefore has its effort part (has_action_part) — written when the course is granted.
def _action_part(s: Snapshot, on: date) -> Finding:
    courses = _started(s, on)
    if not courses:
        return Finding.not_applicable(reason="no course")
    course = courses[-1]
    if course.has_action_part:
        return Finding.ok(course=course.id)
    return Finding.missing(
        f"Ressourceforløbet fra {course.start_on:%d-%m-%Y} har ingen indsatsdel i rehabiliteringsplanen: den "
        "udarbejdes, når forløbet bevilges, ud fra teamets indstilling (bek. 996/2016 § 8).",
        f"The resource course from {course.start_on:%d-%m-%Y} has no effort part in the rehabilitation plan: it is "
        "written when the course is granted, from the team's recommendation (order 996/2016 § 8).",
        course=course.id,
    )


_v = partial(version, start=REFORM)  # a version of a rule, from REFORM unless told otherwise


RULES = (
    Rule(
        "course.target_group",
        "Ressourceforløb: målgruppen (komplekse problemer ud over ledighed)",
        "Resource course: the target group (complex problems beyond unemployment)",
        Severity.BLOCKING,
        (
            _v(
                _target_group,
                Citation("lab", "§ 68 a, stk. 1, nr. 1", "003", "894-908"),
                Citation("ankestyrelsen_principles", "42-17", "003", "943-946"),
                Citation("bek_996_2016", "§ 8 (forhold lagt vægt på)", "003", "3259-3265"),
            ),
        ),
        decision_types=("ressourceforlob",),
        checks_da="At det fremgår, hvorfor borgeren har komplekse problemer ud over ledighed, der kræver et "
        "helhedsorienteret forløb.",
    ),
    Rule(
        "course.refusal_reason",
        "Afslag på ressourceforløb hviler på en lovlig grund",
        "A resource-course refusal rests on a lawful reason",
        Severity.BLOCKING,
        (
            _v(
                _refusal(_REFUSAL_2013),
                Citation("lab", "§ 68 a, stk. 1-2", "003", "894-908"),
                Citation("ankestyrelsen_principles", "1-15", "003", "951-954"),
                Citation("ankestyrelsen_principles", "92-16", "003", "912-915"),
                end=L193,
            ),
            _v(
                _refusal(_REFUSAL_2018),
                Citation("lov_553_2018", "LAB § 68 a, stk. 2 (udviklingsperspektiv)", "003", "16-24"),
                Citation("ankestyrelsen_principles", "1-15", "003", "951-954"),
                start=L193,
            ),
        ),
        decision_types=("refusal",),
        checks_da="At et afslag på ressourceforløb bygger på en betingelse i LAB § 68 a (før 1. juni 2018: åbenbart "
        "formålsløst; derefter: intet realistisk udviklingsperspektiv) — ikke på, at en anden indsats kan række.",
    ),
    Rule(
        "course.new_not_extension",
        "Nyt ressourceforløb, ikke forlængelse",
        "A new resource course, not an extension",
        Severity.BLOCKING,
        (
            _v(
                _new_course,
                Citation("organisering_lov", "§ 9", "002", "633-639"),
                Citation("ankestyrelsen_principles", "42-17", "003", "930-949"),
                Citation("lab", "§ 68 b (1-5 år)", "003", "2052-2054"),
            ),
        ),
        decision_types=("ressourceforlob",),
        checks_da="At et ressourceforløb efter et afsluttet forløb (eller ud over 5 år) er registreret som et nyt "
        "forløb med egen forberedende del og forelæggelse for rehabiliteringsteamet.",
    ),
    Rule(
        "course.action_part",
        "Ressourceforløbet har rehabiliteringsplanens indsatsdel",
        "The resource course has the plan's effort part",
        Severity.WARNING,  # written once the course is granted: it does not block the grant or other decisions
        (_v(_action_part, Citation("bek_996_2016", "§ 8 (indsatsdelen)", "003", "3267-3288")),),
        checks_da="At et bevilget ressourceforløb har rehabiliteringsplanens indsatsdel.",
    ),
)
