"""Running deadlines of the case (seed 000 §6.2)."""

import calendar
from datetime import date, timedelta

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot
from ..sources import in_force

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
)
