"""The sygedagpenge route (issue 12, A7): the duration limit counted from the first day of absence, the extension
grounds, the reassessment before the limit and the move to a jobafklaringsforløb — so that a case running from sick
leave to fleksjob or førtidspension is checked end to end (the follow-up cadence is `deadline.sick_pay_follow_up`).

The seeds do not quote sygedagpengeloven's duration rules: seed 000 (L7466–7492) quotes the follow-up in dagpengeloven
§ 24, seed 004 (L2017–2021) names "sygedagpengelovens varighedsbegrænsning" as the point where long clarifications
fall, and seed 003 (L3729–3740, BDO case 21) a sygedagpenge course of two years that could have been clarified
earlier. The limits, sections and dates below are from the acts as recalled and are marked for re-checking in
`parameters/sickpay.yaml` and `sources.yaml`:
- before the 2014 reform: sick pay stopped after more than 52 weeks within 18 calendar months unless an extension
  ground applied (dagpengeloven, from 2007 lov om sygedagpenge §§ 24 and 27);
- lov nr. 720 af 25. juni 2014, in force 1 July 2014 for sick leave beginning on or after that day: 22 weeks within
  9 calendar months (§ 24, stk. 1); before they are used the municipality reassesses whether an extension ground in
  § 27 applies (e.g. a work trial or revalidering expected to lead back to work, treatment expected to make the
  citizen fit for work, a pending førtidspension case, a life-threatening illness, a work injury); a citizen who is
  still sick and has no extension ground moves to a jobafklaringsforløb (then LAB §§ 68 b ff., from 2020 LAB chapter
  18; widely dated from 5 January 2015).

The snapshot holds no first day of absence: the case's `help_requested_on` stands for it (say so in every finding),
and earlier sick-pay periods within the reference period are not known — so the limit found is the latest it can
be; it may come earlier. The rules apply while the citizen's benefit is sygedagpenge, whatever the case's pathway
(a fleksjob or pension case on sick pay is checked too).
"""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import value_on
from ..snapshot import Snapshot
from ..sources import in_force

DPL = in_force("dpl")  # the catalogue's first day for dagpengeloven (sources.yaml: dpl)
REFORM_2014 = in_force("sdpl_2014")  # lov nr. 720 af 25. juni 2014 (sources.yaml: sdpl_2014) — re-check
CLOSED = ("decided", "closed")
# What the citizen may have applied for that is (or leads to) a ground to extend sick pay, or a way off it.
ROUTE_APPLICATIONS = ("fleksjob", "fortidspension", "fortidspension_existing", "senior_fortidspension", "revalidering")
MOVES_ON = ("jobafklaring", "fleksjob", "fortidspension", "ressourceforlob", "revalidering")  # a measure ends sick pay


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def _first_day(s: Snapshot) -> date:
    """The first day of absence: the case's help_requested_on stands for it (the snapshot records nothing else)."""
    return s.case.help_requested_on


def _limit(s: Snapshot) -> tuple[date, int, int] | None:
    """The day the duration limit is reached (counted without earlier periods, which are not known), the weeks and
    the reference months — by the law in force on the first day of absence; None before the first known value."""
    first = _first_day(s)
    weeks, months = value_on("sickpay.duration_weeks", first), value_on("sickpay.reference_period_months", first)
    if weeks is None or months is None:
        return None
    return date.fromordinal(first.toordinal() + 7 * weeks.value), weeks.value, months.value


def _on_sick_pay(s: Snapshot, on: date) -> bool:
    return s.case.benefit == "sygedagpenge" and _first_day(s) <= on and s.case.status not in CLOSED


def _moved_on(s: Snapshot, on: date) -> list[date | int]:
    """What by `on` takes the citizen off sick pay into a measure: a jobafklaringsforløb begun (its start day) or
    decided, or a granted fleksjob, førtidspension, ressourceforløb or revalidering (the decision's number)."""
    started: list[date | int] = [c.start_on for c in s.job_clarification_courses if c.start_on <= on]
    return started + [
        d.number
        for d in s.decisions
        if d.created_on <= on
        and (s.subject_of(d) == "jobafklaring" or (s.subject_of(d) in MOVES_ON and d.fully_grants))
        and (d.status == "issued" or s.subject_of(d) == "jobafklaring")
    ]


# --- the duration limit and its extension grounds -----------------------------------------------------------------


# Lov om sygedagpenge § 24, stk. 1 (as amended by lov nr. 720 af 25. juni 2014; NOT quoted in the seeds — re-check):
# sick pay stops when it has been paid for more than 22 weeks within the last 9 calendar months (before: 52 weeks
# within 18 months), unless one of the extension grounds in § 27 applies; a citizen who is still sick without one
# moves to a jobafklaringsforløb. The weeks and months are parameters, taken on the first day of absence (the law
# for sick leave that began before the reform keeps the old limit). The caseworker records the extension ground (the
# answer) — or the case shows the move into a measure (a jobafklaringsforløb decision, or a granted fleksjob,
# pension, ressourceforløb or revalidering).
def _duration_limit(s: Snapshot, on: date) -> Finding:
    if not _on_sick_pay(s, on):
        return Finding.not_applicable(benefit=s.case.benefit, status=s.case.status)
    limit = _limit(s)
    if limit is None:
        return Finding.not_applicable(first_day=_first_day(s))
    due, weeks, months = limit
    facts = {"first_day": _first_day(s), "first_day_from": "help_requested_on", "weeks": weeks, "months": months}
    if on <= due:
        return Finding.ok_until(due, **facts)
    ground = s.answer("sickpay.duration_limit", on, since=_first_day(s))
    if ground:
        return Finding.ok(extension_ground=ground, **facts)
    moved = _moved_on(s, on)
    if moved:
        return Finding.ok(moved_on=moved, **facts)
    pending = [
        a.id for a in s.applications if a.kind in ROUTE_APPLICATIONS and a.applied_on <= on and not a.withdrawn_on
    ]
    return Finding.late(
        f"Sygedagpengene har nået varighedsbegrænsningen ({weeks} uger inden for {months} måneder) den {_d(due)}, "
        f"regnet fra {_d(_first_day(s))} (henvendelsesdatoen står for første fraværsdag). Registrér "
        "forlængelsesgrunden — eller overgangen til jobafklaringsforløb eller en anden foranstaltning."
        + (
            " En verserende ansøgning (" + ", ".join(str(n) for n in pending) + ") kan være en grund."
            if pending
            else ""
        ),
        f"Sick pay reached the duration limit ({weeks} weeks within {months} months) on {_d(due)}, counted from "
        f"{_d(_first_day(s))} (the request date stands for the first day of absence). Record the extension ground — "
        "or the move to a jobafklaringsforløb or another measure."
        + (" A pending application (" + ", ".join(str(n) for n in pending) + ") may be a ground." if pending else ""),
        due=due,
        pending_applications=pending,
        **facts,
    )


# --- the reassessment before the limit (from the 2014 reform) -------------------------------------------------------


# Lov nr. 720 af 25. juni 2014 (NOT quoted in the seeds — re-check the section): before the 22 weeks are used the
# municipality reassesses the case (revurdering): whether sick pay can be extended on a ground in § 27, or the citizen
# moves to a jobafklaringsforløb. Only for sick leave beginning on or after the reform (parameter
# sickpay.reassessment_required, taken on the first day of absence). The recorded reassessment is the answer; the
# deadline is the limit.
def _reassessment(s: Snapshot, on: date) -> Finding:
    if not _on_sick_pay(s, on):
        return Finding.not_applicable(benefit=s.case.benefit, status=s.case.status)
    required = value_on("sickpay.reassessment_required", _first_day(s))
    limit = _limit(s)
    if required is None or not required.value or limit is None:
        return Finding.not_applicable(first_day=_first_day(s), reason="sick leave began before the reform")
    due, weeks, _months = limit
    facts = {"first_day": _first_day(s), "first_day_from": "help_requested_on", "weeks": weeks}
    done = s.answer_record("sickpay.reassessment", on, since=_first_day(s))
    if done is not None:
        return Finding.ok(reassessed_on=done.given_on, **facts)
    if on > due:
        return Finding.late(
            f"Revurderingen skulle være foretaget, før de {weeks} uger var brugt ({_d(due)}, regnet fra "
            f"{_d(_first_day(s))}, henvendelsesdatoen som første fraværsdag): kan sygedagpengene forlænges, eller "
            "skal borgeren i jobafklaringsforløb? Registrér revurderingen.",
            f"The reassessment was due before the {weeks} weeks were used ({_d(due)}, counted from "
            f"{_d(_first_day(s))}, the request date as the first day of absence): can sick pay be extended, or does "
            "the citizen move to a jobafklaringsforløb? Record the reassessment.",
            due=due,
            **facts,
        )
    return Finding.ok_until(due, **facts)


SDPL_CITES = (
    Citation(
        "sdpl_2014", "§ 24, stk. 1 (22 uger inden for 9 måneder) og § 27 (forlængelse) — re-check", "004", "2017-2021"
    ),
    Citation("dpl", "§ 24 (opfølgning; sygemeldtes forhold)", "000", "7466-7492"),
    Citation("taskforce_kk_2018", "BDO sag 21: et sygedagpengeforløb på to år", "003", "3729-3740"),
)

RULES = (
    Rule(
        "sickpay.duration_limit",
        "Sygedagpengenes varighedsbegrænsning og forlængelse",
        "The sick-pay duration limit and its extension",
        Severity.WARNING,
        (
            RuleVersion(
                DPL,
                _duration_limit,
                (
                    Citation(
                        "dpl", "varighedsbegrænsningen (52 uger inden for 18 måneder) — re-check", "004", "2017-2021"
                    ),
                    Citation("dpl", "§ 24 (opfølgning; sygemeldtes forhold)", "000", "7466-7492"),
                ),
                valid_to=REFORM_2014,
            ),
            RuleVersion(REFORM_2014, _duration_limit, SDPL_CITES),
        ),
        checks_da="Hvornår sygedagpengene når varighedsbegrænsningen (regnet fra første fraværsdag), og at der "
        "derefter er registreret en forlængelsesgrund eller overgang til jobafklaringsforløb eller en anden "
        "foranstaltning.",
        deadline=True,
    ),
    Rule(
        "sickpay.reassessment",
        "Revurdering før varighedsbegrænsningen",
        "Reassessment before the duration limit",
        Severity.WARNING,
        (RuleVersion(REFORM_2014, _reassessment, SDPL_CITES),),
        checks_da="At kommunen har revurderet sygedagpengesagen (forlængelse eller jobafklaringsforløb), før "
        "varighedsbegrænsningen nås, for sygefravær begyndt efter reformen i 2014.",
        deadline=True,
    ),
)
