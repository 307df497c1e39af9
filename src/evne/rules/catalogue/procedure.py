"""Duties of the procedure that no other part carries: the ressourceforløb's conversations with the coordinating
caseworker and the written notice after an assessment of a threatened work ability (seed 003 T9; seed 000 §6.1).
The method's, the evidence's, the deadlines' and the policy rules that once lived here sit in the modules named for
their ids (method, evidence, deadline, profile, policy).

Where the law asks for a judgement, the rule is a prompt answered by the caseworker (`snapshot.answers`).
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import INCOME_SUPPORT
from .deadline import add_months

METHOD = in_force("bek_543_2002")
REFORM = in_force("reform_2013")
CLOSED = ("decided", "closed")


# Ressourceforløb (seed 003 L2910–2914, T9): "Det er lovgivningsmæssigt fastlagt, at ressourceforløbsborgerne skal
# have samtale med deres koordinerende sagsbehandler 6 gange indenfor 12 måneder." (Copenhagen measures "hver 2.
# mdr." — its practice, not checked.) The seed names no section: LAB's contact course for people in a ressourceforløb
# as of 2013–2019 (lov nr. 1380 af 23. december 2012) and, from 2020, the renumbered act (lov nr. 548 af 7. maj 2019)
# — re-check the section and whether later reforms changed the number against Retsinformation. Checked per whole
# 12-month period of each course: the conversations held with the citizen in it (the course's follow-ups and the
# case's follow-ups with the citizen, one a day).
def _course_conversations(s: Snapshot, on: date) -> Finding:
    courses = [c for c in s.resource_courses if c.start_on <= on]
    if not courses:
        return Finding.not_applicable()
    minimum = param("ressourceforloeb.conversations_per_period", on)
    months = param("ressourceforloeb.conversation_period_months", on)
    # the course's own follow-ups with the coordinating caseworker, and the case's follow-ups with the citizen
    held_days = {f.held_on for f in s.follow_ups if f.with_citizen} | {d for c in courses for d in c.conversations}
    with_citizen = sorted(d for d in held_days if d <= on)
    short, running = [], []
    for course in courses:
        course_end = min(d for d in (course.end_on, course.ended_on) if d is not None)
        period_start = course.start_on
        while period_start < course_end:
            period_end = add_months(period_start, months)
            held = [d for d in with_citizen if period_start <= d < period_end]
            if period_end <= on and period_end <= course_end:
                if len(held) < minimum:
                    short.append((course.id, period_start, period_end, len(held)))
            elif period_start <= on < period_end and on < course_end and period_end <= course_end:
                running.append((period_end, len(held)))
            period_start = period_end
    if short:
        course_id, start, end, count = short[0]
        return Finding.late(
            f"Ressourceforløbet havde {count} samtaler med den koordinerende sagsbehandler fra {start:%d-%m-%Y} til "
            f"{end:%d-%m-%Y}; der skal være mindst {minimum} på {months} måneder.",
            f"The ressourceforløb had {count} conversations with the coordinating caseworker from {start:%d-%m-%Y} "
            f"to {end:%d-%m-%Y}; at least {minimum} are required in {months} months.",
            due=end,
            course=course_id,
            held=count,
        )
    if running:
        due, count = min(running)
        return Finding.ok_until(due, held=count)
    return Finding.ok(courses=[c.id for c in courses])


# RTL § 7 (seed 000 L2417–2436, L7354–7373, X9): the assessment of whether work ability is threatened is made with
# the citizen and "meddeles skriftligt" with its premises and direction. Written form is required for it (X9): once
# the assessment is recorded (method.threat_recorded), the rule asks for the written notice to be recorded — that
# and when the citizen was told in writing.
def _threat_notice_written(s: Snapshot, on: date) -> Finding:
    if s.case.pathway not in INCOME_SUPPORT or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    assessed = s.answer_record("method.threat_recorded", on)
    if assessed is None:
        return Finding.not_applicable(reason="no threat assessment recorded yet")
    notice = s.answer("procedure.threat_notice_written", on, since=s.case.help_requested_on)
    if notice:
        return Finding.ok(answer=notice, assessed_on=assessed.given_on)
    return Finding.prompt(
        "Vurderingen af, om arbejdsevnen er truet, skal meddeles borgeren skriftligt med præmisserne og retningen "
        "for det videre forløb (RTL § 7): registrér, hvornår og hvordan det skete.",
        "The assessment of whether work ability is threatened must be notified to the citizen in writing, with its "
        "premises and the direction of what follows (RTL § 7): record when and how that was done.",
        assessed_on=assessed.given_on,
    )


RULES = (
    Rule(
        "procedure.resource_course_conversations",
        "Samtaler i ressourceforløbet",
        "Conversations in the ressourceforløb",
        Severity.WARNING,
        (
            RuleVersion(
                REFORM,
                _course_conversations,
                (
                    Citation(
                        "lab",
                        "kontaktforløb i ressourceforløb (samtaler på 12 måneder; § genlæses)",
                        "003",
                        "2910-2918",
                    ),
                ),
            ),
        ),
        checks_da="At borgeren i ressourceforløb har haft det lovpligtige antal samtaler med den koordinerende "
        "sagsbehandler i hver hel 12-måneders periode af forløbet.",
        deadline=True,
    ),
    Rule(
        "procedure.threat_notice_written",
        "Skriftlig besked om vurderingen efter RTL § 7",
        "Written notice of the RTL § 7 assessment",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _threat_notice_written,
                (
                    Citation("rtl", "§ 7", "000", "2417-2436"),
                    Citation("rtl", "§ 7 (skriftlighed)", "000", "7354-7373"),
                ),
            ),
        ),
        checks_da="At det er registreret, hvornår og hvordan borgeren fik skriftlig besked om vurderingen af, om "
        "arbejdsevnen er truet, med præmisser og retning.",
    ),
)
