"""Running deadlines of the case (seed 000 §6.2)."""

import calendar
from datetime import date, timedelta

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot
from ..sources import in_force
from ..vocabulary import INCOME_SUPPORT

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
def _pension_3_months(s: Snapshot, on: date) -> Finding:
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
def _threat_8_weeks(s: Snapshot, on: date) -> Finding:
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


RULES = (
    Rule(
        "deadline.pension_decision",
        "Pensionssag afgøres inden fristen",
        "A pension case is decided within the deadline",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _pension_3_months,
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
                _threat_8_weeks,
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
)
