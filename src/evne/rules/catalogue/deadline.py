"""Running deadlines of the case (seed 000 §6.2)."""

import calendar
from datetime import date, timedelta

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param, value_on
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import INCOME_SUPPORT
from ..workdays import add_working_days, next_working_day

METHOD = in_force("bek_543_2002")
CLOSED = ("decided", "closed")


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


# D4: a pension case is decided within 3 months of its transfer to pension treatment. Before 2003 the deadline was in
# lov om social pension § 20 a, stk. 3; from 1 January 2003 (lov nr. 284 af 25. april 2001) it is § 21, stk. 1 (seed
# 000 L6419–6423: "nu PL § 20 a, stk. 3, kommende lov § 21, stk. 1"). Seed 003 L3350–3354 quotes it: "kommunen skal
# træffe afgørelse i en sag senest 3 måneder efter det tidspunkt, hvor sagen overgik til behandling efter reglerne om
# førtidspension." The start is the transfer (§ 18, stk. 1), not the request for help: without a recorded transfer the
# deadline has not begun to run on the facts, and reform.pension_transfer_recorded asks for the transfer instead.
def _pension_decision(s: Snapshot, on: date) -> Finding:
    transfer = s.pension_transfer
    if transfer is None:
        return Finding.not_applicable(transfer_recorded=False)
    start = transfer.transferred_on
    if start > on:
        return Finding.not_applicable(transferred_on=start)
    due = add_months(start, param("deadlines.pension_decision_months", on))
    if s.case.status in CLOSED:
        return Finding.ok(status=s.case.status, transferred_on=start)
    if on > due:
        return Finding.late(
            f"Sagen overgik til pensionsbehandling {start:%d-%m-%Y} og skulle være afgjort senest {due:%d-%m-%Y} "
            "(pensionslovens § 21, stk. 1). Kan fristen ikke holdes, skal borgeren have besked om årsagen og om, "
            "hvornår sagen ventes afgjort.",
            f"The case moved to pension treatment on {start:%d-%m-%Y} and should have been decided by {due:%d-%m-%Y} "
            "(pension act § 21(1)). If the deadline cannot be kept, the citizen must be told why and when a decision "
            "is expected.",
            due=due,
            transferred_on=start,
        )
    return Finding.ok_until(due, transferred_on=start)


# D7: at least 2 weeks before a job-oriented activity ends, decide on further measures (§ 7 a).
def _further_measures(s: Snapshot, on: date) -> Finding:
    running = [a for a in s.activities if a.start_on <= on and not (a.actual_end_on and a.actual_end_on <= on)]
    if not running:
        return Finding.not_applicable()
    days = param("deadlines.further_measures_days_before_end", on)
    first = min(running, key=lambda a: a.planned_end_on)
    due = first.planned_end_on - timedelta(days=days)
    decided = s.answer("deadline.further_measures_before_end", on)
    if on > due and not decided:
        return Finding.prompt(
            f"Tilbuddet slutter {first.planned_end_on:%d-%m-%Y}: tag stilling til den videre indsats (frist "
            f"{due:%d-%m-%Y}), sammen med borgeren.",
            f"The activity ends on {first.planned_end_on:%d-%m-%Y}: decide on further measures (due {due:%d-%m-%Y}), "
            "with the citizen.",
            activity=first.id,
        )
    return Finding.ok_until(due, activity=first.id)


# --- rules formerly in procedure.py (ids unchanged) -------------------------------------------------------------

SICK_PAY_2023 = in_force("lov_295_2023")  # lov nr. 295 af 20. marts 2023 (sygedagpengeloven § 13 b) — re-check the date


# RTL § 7 (seed 000 L2417–2436, L6447–6455): "senest inden 8 uger" after the *first* request for help to forsørgelse,
# a qualified assessment of whether work ability is threatened, in cooperation with the citizen, told in writing.
# D2 (L6403–6413): the deadline runs from when it is, or should be, clear that help has been requested (the case's
# help_requested_on). Met by the recorded threat assessment (method.threat_recorded).
# The seed states the law of 2001–2002; re-check RTL § 7 against Retsinformation before relying on it for a case
# after the 2014–2015 employment reforms (law-timeline.md): its end date is one line here when known.
def _threat_assessment(s: Snapshot, on: date) -> Finding:
    if s.case.pathway not in INCOME_SUPPORT or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    weeks = param("deadlines.threat_assessment_weeks", on)
    due = date.fromordinal(s.case.help_requested_on.toordinal() + 7 * weeks)
    if s.answer("method.threat_recorded", on):
        return Finding.ok(requested=s.case.help_requested_on)
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    if on > due:
        return Finding.late(
            f"Vurderingen af, om arbejdsevnen er truet, skulle være foretaget og meddelt skriftligt senest "
            f"{due:%d-%m-%Y} ({weeks} uger efter den første henvendelse).",
            f"The assessment of whether work ability is threatened was due, in writing, by {due:%d-%m-%Y} ({weeks} "
            "weeks after the first request).",
            due=due,
            requested=s.case.help_requested_on,
        )
    return Finding.ok_until(due, requested=s.case.help_requested_on)


# --- follow-up cadence (seed 000 D5, D6, K5; seed 003 T8, T10) and a case that stands still (seed 003 T7) ----------


def follow_ups_before(s: Snapshot, on: date):
    return sorted((f for f in s.follow_ups if f.held_on <= on), key=lambda f: f.held_on)


def _cadence(s: Snapshot, on: date, first_due: date, every, unit: str) -> Finding:
    """A running follow-up deadline: the first by `first_due`, then each within `every` of the last one."""
    held = follow_ups_before(s, on)
    due = first_due if not held else every(held[-1].held_on)
    facts = {"follow_ups": len(held), "last": held[-1].held_on if held else None}
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    if on > due:
        return Finding.late(
            f"Opfølgningen skulle have fundet sted senest {due:%d-%m-%Y} ({unit}).",
            f"The follow-up was due by {due:%d-%m-%Y} ({unit}).",
            due=due,
            **facts,
        )
    return Finding.ok_until(due, **facts)


# DPL § 24 (seed 000 L7472–7492): "senest efter 8 uger og derefter mindst hver 8. uge"; seed 003 L2623–2629 (the law of
# 2017–18): "en lovpligtig opfølgningssamtale hver 4. uge" — the cadence is a dated parameter. § 24, stk. 2 (K5,
# L4139–4146): at the first follow-up, take a position on which parties to involve.
def _sick_pay_follow_up(s: Snapshot, on: date) -> Finding:
    if s.case.pathway != "sygedagpenge" or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    held = follow_ups_before(s, on)
    if held and not held[0].parties_decided:
        return Finding.missing(
            f"Ved den første opfølgning ({held[0].held_on:%d-%m-%Y}) er der ikke taget stilling til, hvilke parter "
            "(arbejdsgiver, læge, faglig organisation …) der skal inddrages.",
            f"At the first follow-up ({held[0].held_on:%d-%m-%Y}) no position was taken on which parties (employer, "
            "doctor, union …) to involve.",
            first=held[0].held_on,
        )
    first = param("deadlines.sick_pay_first_follow_up_weeks", on)
    every = param("deadlines.sick_pay_follow_up_weeks", on)
    start = s.case.help_requested_on
    return _cadence(
        s,
        on,
        date.fromordinal(start.toordinal() + 7 * first),
        lambda last: date.fromordinal(last.toordinal() + 7 * every),
        f"første senest efter {first} uger, derefter mindst hver {every}. uge",
    )


# Lov om sygedagpenge § 13 b as amended by lov nr. 295 af 20. marts 2023 (L 14 2022–23, 2. samling, "Anden delaftale
# om nytænkning af beskæftigelsesindsatsen"; not in the seeds — the wording below is the consolidated § 13 b, stk. 1
# as published after the amendment; re-check the wording and the date in force, taken here as 22 March 2023, the day
# STAR's vejledning nr. 9208 af 21. marts 2023 took effect, against Retsinformation): "I sager, der er visiteret til
# kategori 2 og 3 … skal der følges op mindst fire gange inden for det første halve år regnet fra første fraværsdag.
# Der følges op første gang senest inden udgangen af ottende uge … Efter de første 6 måneder aftales opfølgningen
# mellem kommunen og den sygemeldte." The case's help_requested_on stands for the first day of absence; the
# visitation category is not recorded, so every sickness-benefit case is judged as category 2 or 3 (category 1
# cases are followed up as the municipality decides: the warning then asks for nothing the law requires).
def _sick_pay_follow_up_2023(s: Snapshot, on: date) -> Finding:
    if s.case.pathway != "sygedagpenge" or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    held = follow_ups_before(s, on)
    if held and not held[0].parties_decided:
        return _sick_pay_follow_up(s, on)  # the parties at the first follow-up: unchanged (§ 24, stk. 2, K5)
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    start = s.case.help_requested_on
    first_due = date.fromordinal(start.toordinal() + 7 * param("deadlines.sick_pay_first_follow_up_weeks", on))
    minimum = param("deadlines.sick_pay_follow_ups_first_half_year", on)
    half_year_end = add_months(start, param("deadlines.sick_pay_follow_up_period_months", on))
    in_period = [f for f in held if f.held_on <= half_year_end]
    facts = {"follow_ups": len(in_period), "first_day": start}
    if not held and on > first_due:
        return Finding.late(
            f"Den første opfølgning skulle have fundet sted senest {first_due:%d-%m-%Y} (inden udgangen af 8. uge "
            "fra første fraværsdag).",
            f"The first follow-up was due by {first_due:%d-%m-%Y} (before the end of the 8th week of absence).",
            due=first_due,
            **facts,
        )
    if not held:
        return Finding.ok_until(first_due, **facts)
    if len(in_period) >= minimum:
        return Finding.ok(**facts)
    if on > half_year_end:
        return Finding.late(
            f"Der er fulgt op {len(in_period)} gange i det første halve år (til {half_year_end:%d-%m-%Y}); loven "
            f"kræver mindst {minimum}.",
            f"There were {len(in_period)} follow-ups in the first half year (until {half_year_end:%d-%m-%Y}); the "
            f"law requires at least {minimum}.",
            due=half_year_end,
            **facts,
        )
    return Finding.ok_until(half_year_end, **facts)


# Aktivloven § 10 (seed 000 L6457–6501): follow-up "senest 3 måneder efter, at hjælpen … er begyndt", then within
# 3 months of the last; seed 003 L2569–2573 (T8): at least four conversations a year.
def _activation_follow_up(s: Snapshot, on: date) -> Finding:
    if s.case.pathway != "kontanthjaelp" or s.case.help_requested_on > on:
        return Finding.not_applicable(in_question=s.in_question(on))
    months = param("deadlines.activation_follow_up_months", on)
    return _cadence(
        s,
        on,
        add_months(s.case.help_requested_on, months),
        lambda last: add_months(last, months),
        f"senest {months} måneder efter hjælpen begyndte eller efter seneste opfølgning",
    )


def _last_step(s: Snapshot, on: date) -> date:
    days = [s.case.help_requested_on]
    days += [f.held_on for f in s.follow_ups if f.held_on <= on]
    days += [a.start_on for a in s.activities if a.start_on <= on]
    days += [a.actual_end_on for a in s.activities if a.actual_end_on and a.actual_end_on <= on]
    days += [a.assessed_on for a in s.assessments if a.assessed_on <= on]
    days += [r.sent_on for r in s.requests if r.sent_on and r.sent_on <= on]
    days += [e.saved_on for e in s.elements if e.saved_on <= on]
    days += [i.occurred_on for i in s.involvement if i.occurred_on <= on]
    days += [p.presented_on for p in s.presentations if p.presented_on <= on]
    return max(days)


# Seed 003 L3468–3474, L3497–3503 (T7): three years without action was too long (R-4-04); more than two years to
# clarify work ability led to damages (U2014.3146Ø, U.2015.124Ø, U.2016.51V). RTL § 3: decide as fast as possible.
# The flag after a year is practice (a parameter), not a legal limit.
def _progress(s: Snapshot, on: date) -> Finding:
    if s.case.help_requested_on > on or s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    last = _last_step(s, on)
    months = param("deadlines.case_inactivity_months", on)
    due = add_months(last, months)
    if on > due:
        return Finding.late(
            f"Der er ikke registreret noget skridt i sagen siden {last:%d-%m-%Y}: sagen står stille (praksis: "
            f"{months} måneder; langvarig passivitet har ført til erstatning).",
            f"No step has been recorded in the case since {last:%d-%m-%Y}: the case stands still (practice: {months} "
            "months; long inactivity has led to damages).",
            due=due,
            last_step=last,
        )
    return Finding.ok_until(due, last_step=last)


# --- the decision deadlines: file access, written reasons, the complaint, the local deadline (formerly in
# decision.py; ids unchanged) -------------------------------------------------------------------------------------
FVL = in_force("fvl")  # forvaltningsloven (lov nr. 571 af 19. december 1985)
RTL = in_force("rtl")  # retssikkerhedsloven (lov nr. 453 af 10. juni 1997)
FILE_ACCESS_WORKING_DAYS = date(2014, 1, 1)  # FVL § 16, stk. 3: 7 working days (deadlines.file_access_working_days)


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def _v(start: date, check, *citations: Citation) -> tuple[RuleVersion, ...]:
    return (RuleVersion(start, check, citations),)


# D3 — RTL § 3, stk. 2: the municipality sets deadlines for its decisions per case type; when a deadline cannot
# be kept, the citizen is told in writing when a decision can be expected (seed 000, L6417–6441, L6466–6480).
def _local_deadline(s: Snapshot, on: date) -> Finding:
    due = s.local_decision_due_on
    if due is None:
        return Finding.not_applicable(reason="no local deadline set")
    if s.case.status in CLOSED or any(d.status == "issued" for d in s.decisions):
        return Finding.ok(status=s.case.status)
    if on > due and not [n for n in s.delay_notices if n <= on]:
        return Finding.late(
            f"Kommunens egen frist for afgørelse ({_d(due)}) er overskredet: giv borgeren skriftlig besked om, "
            "hvornår afgørelsen kan forventes.",
            f"The municipality's own decision deadline ({_d(due)}) has passed: tell the citizen in writing when to "
            "expect the decision.",
            due=due,
        )
    return Finding.ok_until(due)


# D8 — file access (aktindsigt). FVL § 16, stk. 2 until 31 December 2013 (seed 000, L6305–6312): a request not
# granted or refused within 10 days of receipt — the authority tells the citizen why, and when a decision can be
# expected. From 1 January 2014 FVL § 16, stk. 3 (amended with the new offentlighedslov, lov nr. 638 af 12. juni
# 2013 — re-check the amending act): the same duty after 7 working days. Either way the deadline is a duty to
# answer or to tell why and when, not a deadline for handing the file out: the rule is met by handing out, by a
# refusal, or by the recorded notice (the answer to this rule, counted from the day it was given). G1: no form
# requirement, oral is enough. Working days: Monday–Friday except Danish public holidays (rules/workdays.py).
FILE_ACCESS_NOTICE = "deadline.file_access"


def file_access_due(requested_on: date) -> date:
    """The day by which a file-access request received on `requested_on` is answered or the citizen told why and
    when: 7 working days from 1 January 2014, 10 days before."""
    working = value_on("deadlines.file_access_working_days", requested_on)
    if working is not None:
        return add_working_days(requested_on, int(working.value))
    return requested_on + timedelta(days=param("deadlines.file_access_days", requested_on))


def _file_access(s: Snapshot, on: date) -> Finding:
    open_requests = [
        r for r in s.file_access if r.requested_on <= on and not (r.handed_out_on and r.handed_out_on <= on)
    ]
    if not open_requests:
        return Finding.not_applicable()
    first = min(open_requests, key=lambda r: r.requested_on)
    due = file_access_due(first.requested_on)
    notice = s.answer_record(FILE_ACCESS_NOTICE, on, since=first.requested_on)
    if notice is not None and notice.given_on <= due:
        return Finding.ok(answer=notice.text.strip(), notified_on=notice.given_on, requested_on=first.requested_on)
    if on > due:
        return Finding.late(
            f"Aktindsigt fra {_d(first.requested_on)} er hverken givet eller afslået, og borgeren har ikke fået "
            f"besked om hvorfor og hvornår senest {_d(due)} (FVL § 16): giv aktindsigt, eller registrér den "
            "besked, borgeren har fået.",
            f"The file-access request of {_d(first.requested_on)} was neither granted nor refused, and the citizen was "
            f"not told why and when by {_d(due)}: give access, or record the notice given.",
            due=due,
            requested_on=first.requested_on,
        )
    return Finding.ok_until(due, requested_on=first.requested_on)


# D9 — FVL § 23 (seed 000, L7284–7304): written reasons for an oral decision may be asked for within 14 days; the
# request is answered as soon as possible, and if not within 14 days the citizen is told why and when.
def _written_reasons(s: Snapshot, on: date) -> Finding:
    days = param("deadlines.reasons_request_days", on)
    open_requests = [
        r
        for r in s.reasons_requests
        if r.requested_on <= on
        and not (r.answered_on and r.answered_on <= on)
        and r.requested_on <= r.decision_notified_on + timedelta(days=days)
    ]
    if not open_requests:
        return Finding.not_applicable()
    first = min(open_requests, key=lambda r: r.requested_on)
    due = first.requested_on + timedelta(days=days)
    if on > due:
        return Finding.late(
            f"Den skriftlige begrundelse skulle være givet senest {_d(due)}, eller borgeren skal have at vide hvorfor "
            "og hvornår (FVL § 23, stk. 2).",
            f"The written reasons were due by {_d(due)}, or the citizen must be told why and when.",
            due=due,
        )
    return Finding.ok_until(due, requested_on=first.requested_on)


# D10 — the complaint deadline is 4 weeks from receipt of the decision, but it runs only from when correct
# complaint guidance has been given (seed 000, L7260–7262, L7389–7421; RTL § 67, stk. 1); the day the guidance was
# given stands for the day the citizen received the decision. "hvis borgeren begærer aktindsigt efter afgørelsen,
# og der ikke gives aktindsigt inden for 10-dagesfristen, kan klagefristen blive suspenderet, indtil aktindsigt
# gives" (L7416–7421): the days file access is late — past the FVL § 16 deadline of the request's date, 7 working
# days from 2014 (file_access_due) — are added. A deadline that ends on a Saturday, a Sunday or a public holiday
# runs to the next working day (the general principle on deadlines in Danish administrative law; not in the seeds:
# re-check against Retsinformation and the Ombudsman's practice).
def complaint_due(guidance_given_on: date, file_access, on: date) -> date:
    """The complaint deadline: 4 weeks from correct guidance, plus the days a file-access request made after it was
    overdue (up to `on`), rolled over to the next working day. `file_access` holds (requested_on, handed_out_on)
    pairs."""
    due = guidance_given_on + timedelta(weeks=param("deadlines.appeal_weeks", guidance_given_on))
    suspended = 0
    for requested_on, handed_out_on in file_access:
        if requested_on < guidance_given_on or requested_on > min(on, due):
            continue
        late_from = file_access_due(requested_on)
        end = handed_out_on if handed_out_on and handed_out_on <= on else on
        suspended += max(0, (end - late_from).days)
    return next_working_day(due + timedelta(days=suspended))


def _appeal_deadline(s: Snapshot, on: date) -> Finding:
    issued = [
        d
        for d in s.decisions
        if d.status == "issued" and d.decided_on and d.decided_on <= on and not d.fully_grants and d.appealable
    ]
    if not issued:
        return Finding.not_applicable()
    decision = max(issued, key=lambda d: d.number)
    if decision.guidance_given_on is None:
        return Finding.missing(
            f"Klagefristen for afgørelse {decision.number} løber ikke: der er ikke givet korrekt klagevejledning.",
            f"The complaint deadline of decision {decision.number} does not run: no correct guidance was given.",
            number=decision.number,
        )
    if value_on("deadlines.appeal_weeks", decision.guidance_given_on) is None:
        # guidance given before the deadline parameter's first value: the rule does not reach that far back
        return Finding.not_applicable(number=decision.number, guidance_given_on=decision.guidance_given_on)
    due = complaint_due(decision.guidance_given_on, [(r.requested_on, r.handed_out_on) for r in s.file_access], on)
    if on > due:
        return Finding.ok(number=decision.number, expired_on=due)
    return Finding.ok_until(due, number=decision.number)


# D11 — RTL § 66 (seed 000, L7340–7352, L7423–7436): the municipality reconsiders a complaint; if it keeps the
# decision it forwards the complaint within 4 weeks and tells the citizen; a change or a need for more information
# is told within the same 4 weeks.
def _reconsideration(s: Snapshot, on: date) -> Finding:
    weeks = param("deadlines.reconsideration_weeks", on)
    waiting = [
        c
        for c in s.complaints
        if c.received_on <= on
        and not (
            c.reconsidered_on
            and c.reconsidered_on <= on
            and (c.reconsideration != "kept" or (c.forwarded_on and c.forwarded_on <= on))
        )
    ]
    if not waiting:
        return Finding.not_applicable()
    first = min(waiting, key=lambda c: c.received_on)
    due = first.received_on + timedelta(weeks=weeks)
    if on > due:
        return Finding.late(
            f"Klagen fra {_d(first.received_on)} skulle være genvurderet og evt. videresendt senest {_d(due)} "
            "(RTL § 66).",
            f"The complaint of {_d(first.received_on)} should have been reconsidered and, if kept, forwarded by "
            f"{_d(due)}.",
            due=due,
        )
    return Finding.ok_until(due, received_on=first.received_on)


RULES = (
    Rule(
        "deadline.pension_decision",
        "Pensionssag afgøres inden fristen",
        "A pension case is decided within the deadline",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _pension_decision,
                (
                    Citation("social_pension", "§ 21, stk. 1 (tidl. § 20 a, stk. 3)", "000", "6419-6423"),
                    Citation("social_pension", "§ 21, stk. 1 (fra overgangen, § 18, stk. 1)", "003", "3350-3357"),
                ),
            ),
        ),
        checks_da="At en sag om førtidspension afgøres senest 3 måneder efter, at den overgik til behandling efter "
        "pensionsreglerne.",
        deadline=True,
        former_ids=("deadline.pension_3_months",),
    ),
    Rule(
        "deadline.further_measures_before_end",
        "Videre indsats i god tid før tilbuddet slutter",
        "Further measures in good time before an activity ends",
        Severity.WARNING,
        (RuleVersion(METHOD, _further_measures, (Citation("aktivloven", "§ 7 a", "000", "4162-4174"),)),),
        checks_da="Hvornår der senest skal tages stilling til indsatsen efter et tilbud.",
        deadline=True,
    ),
    Rule(
        "deadline.threat_assessment",
        "Vurdering inden fristen efter første henvendelse",
        "An assessment within the deadline after the first request",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _threat_assessment,
                (
                    Citation("rtl", "§ 7 (8 uger)", "000", "2417-2436, 6447-6455"),
                    Citation("rtl", "§ 3 (fristen løber fra henvendelsen)", "000", "6403-6413"),
                ),
            ),
        ),
        checks_da="Fristen på 8 uger for den skriftlige vurdering af, om arbejdsevnen er truet.",
        deadline=True,
        former_ids=("deadline.threat_assessment_8_weeks",),
    ),
    Rule(
        "deadline.sick_pay_follow_up",
        "Opfølgning i sygedagpengesager",
        "Follow-up in sickness-benefit cases",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _sick_pay_follow_up,
                (
                    Citation("dpl", "§ 24 (opfølgning)", "000", "7472-7492"),
                    Citation("dpl", "§ 24, stk. 2 (parter)", "000", "4139-4146"),
                    Citation("taskforce_kk_2018", "6.3 opfølgning hver 4. uge (lovpligtig)", "003", "2623-2629"),
                ),
                valid_to=SICK_PAY_2023,
            ),
            RuleVersion(
                SICK_PAY_2023,
                _sick_pay_follow_up_2023,
                (
                    Citation(
                        "lov_295_2023", "sygedagpengeloven § 13 b, stk. 1 (ikke i kilderne; genlæs)", "003", "2623-2629"
                    ),
                    Citation("dpl", "§ 24, stk. 2 (parter)", "000", "4139-4146"),
                ),
            ),
        ),
        checks_da="Fristen for næste opfølgning i en sygedagpengesag, og at der ved den første er taget stilling "
        "til, hvilke parter der inddrages.",
        deadline=True,
    ),
    Rule(
        "deadline.activation_follow_up",
        "Opfølgning i kontanthjælpssager",
        "Follow-up in social-assistance cases",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _activation_follow_up,
                (
                    Citation("aktivloven", "§ 10 (opfølgning)", "000", "6457-6501"),
                    Citation("taskforce_kk_2018", "6.2.1 mindst fire samtaler om året (lov)", "003", "2569-2574"),
                ),
            ),
        ),
        checks_da="Fristen for næste opfølgning i en kontanthjælpssag (senest 3 måneder efter den forrige).",
        deadline=True,
    ),
    Rule(
        "deadline.case_progress",
        "Sagen står ikke stille",
        "The case does not stand still",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _progress,
                (
                    Citation("rtl", "§ 3 (hurtighed)", "000", "6403-6413"),
                    Citation(
                        "taskforce_kk_2018", "7.3 passivitet og erstatning (praksis)", "003", "3468-3474, 3497-3503"
                    ),
                ),
            ),
        ),
        checks_da="At der er registreret et skridt i sagen inden for praksisgrænsen (12 måneder).",
        deadline=True,
    ),
    Rule(
        "deadline.local_decision",
        "Kommunens egen frist for afgørelse",
        "The municipality's own decision deadline",
        Severity.WARNING,
        _v(RTL, _local_deadline, Citation("rtl", "§ 3, stk. 2", "000", "6417-6441")),
        checks_da="At borgeren får skriftlig besked, når kommunens frist for afgørelse ikke kan holdes.",
        deadline=True,
    ),
    Rule(
        "deadline.file_access",
        "Aktindsigt eller besked inden fristen",
        "File access, or notice why and when, within the deadline",
        Severity.WARNING,
        (
            RuleVersion(
                FVL,
                _file_access,
                (Citation("fvl", "§ 16, stk. 2", "000", "6305-6312"), Citation("fvl", "§ 9", "000", "6298-6382")),
                valid_to=FILE_ACCESS_WORKING_DAYS,
            ),
            RuleVersion(
                FILE_ACCESS_WORKING_DAYS,
                _file_access,
                (
                    Citation("fvl", "§ 16, stk. 3 (fra 1. januar 2014)", "000", "6305-6312"),
                    Citation("fvl", "§ 9", "000", "6298-6382"),
                ),
            ),
        ),
        checks_da="At en anmodning om aktindsigt besvares, eller at borgeren får besked om hvorfor og hvornår, inden "
        "fristen (10 dage; fra 2014 7 arbejdsdage), mundtlig eller skriftlig.",
        deadline=True,
        former_ids=("deadline.file_access_10_days",),
    ),
    Rule(
        "deadline.written_reasons",
        "Skriftlig begrundelse inden fristen",
        "Written reasons within the deadline",
        Severity.WARNING,
        _v(FVL, _written_reasons, Citation("fvl", "§ 23", "000", "7284-7304")),
        checks_da="At en anmodning om skriftlig begrundelse for en mundtlig afgørelse besvares inden 14 dage.",
        deadline=True,
        former_ids=("deadline.written_reasons_14_days",),
    ),
    Rule(
        "deadline.appeal",
        "Klagefristen løber fra korrekt klagevejledning",
        "The complaint deadline runs from correct guidance",
        Severity.WARNING,
        _v(
            METHOD,
            _appeal_deadline,
            Citation("rtl", "§ 67, stk. 1", "000", "7260-7262"),
            Citation("rtl", "§ 67, stk. 1", "000", "7389-7421"),
        ),
        checks_da="Klagefristen for den seneste afgørelse, som kun løber fra korrekt klagevejledning.",
        deadline=True,
        former_ids=("deadline.appeal_4_weeks",),
    ),
    Rule(
        "deadline.reconsideration",
        "Genvurdering af klage inden fristen",
        "Complaint reconsidered within the deadline",
        Severity.WARNING,
        _v(
            METHOD,
            _reconsideration,
            Citation("rtl", "§ 66", "000", "7340-7352"),
            Citation("rtl", "§ 66", "000", "7423-7436"),
        ),
        checks_da="At kommunen genvurderer en klage og giver besked eller videresender inden 4 uger.",
        deadline=True,
        former_ids=("deadline.reconsideration_4_weeks",),
    ),
)
