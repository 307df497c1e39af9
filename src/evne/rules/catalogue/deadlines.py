"""Running deadlines of the case (seed 000 §6.2)."""

import calendar
from datetime import date, timedelta

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot

METHOD = date(2003, 1, 1)
CLOSED = ("decided", "closed")


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


# D4: a pension case is decided within 3 months (lov om social pension § 20 a, stk. 3).
# The deadline runs from the recorded transfer to pension treatment (pension act § 21, stk. 1 and § 18, stk. 1; seed
# 003 L713–744); a case without a recorded transfer counts from the help request, as before.
def _pension_3_months(s: Snapshot, on: date) -> Finding:
    transfer = s.pension_transfer
    start = transfer.transferred_on if transfer is not None else s.case.help_requested_on
    # with a recorded transfer the deadline runs whatever the case's pathway; without one, a pension case's
    if (transfer is None and s.case.pathway != "fortidspension") or start > on:
        return Finding.not_applicable()
    due = add_months(start, param("deadlines.pension_decision_months", on))
    if s.case.status in CLOSED:
        return Finding.ok(status=s.case.status)
    if on > due:
        return Finding.late(
            f"Pensionssagen skulle være afgjort senest {due:%d-%m-%Y}.",
            f"The pension case should have been decided by {due:%d-%m-%Y}.",
            due=due,
        )
    return Finding.ok_until(due, started=start, from_transfer=transfer is not None)


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
        "deadline.pension_3_months",
        "Pensionssag afgøres inden 3 måneder",
        "A pension case is decided within 3 months",
        Severity.WARNING,
        (
            RuleVersion(
                METHOD,
                _pension_3_months,
                (
                    Citation("social_pension", "§ 20 a, stk. 3", "000", "6419-6423"),
                    Citation("social_pension", "§ 21, stk. 1 (fra overgangen)", "003", "740-744"),
                ),
            ),
        ),
        checks_da="Fristen for afgørelse i en sag om førtidspension.",
        deadline=True,
    ),
    Rule(
        "deadline.further_measures_before_end",
        "Videre indsats senest 2 uger før tilbuddet slutter",
        "Further measures at least 2 weeks before an activity ends",
        Severity.WARNING,
        (RuleVersion(METHOD, _further_measures, (Citation("aktivloven", "§ 7 a", "000", "4162-4174"),)),),
        checks_da="Hvornår der senest skal tages stilling til indsatsen efter et tilbud.",
        deadline=True,
    ),
)
