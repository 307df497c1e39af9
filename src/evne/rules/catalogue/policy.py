"""Municipal policy beyond the law: proposals a municipality may switch on (Municipality.policies). Off by default;
the catalogue marks them as policy, not law (seed 002)."""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import param
from ..snapshot import Snapshot
from ..sources import in_force
from .deadline import add_months

CLOSED = ("decided", "closed")

# --- municipal policy: the one-year clarification guarantee (seed 002 P2, R1–R2; a proposal, not law) --------------


# Dansk Socialrådgiverforening (2019), seed 002 L84–197: "afklaringsgaranti på et år". Off by default; a
# municipality that adopts it switches the policy parameter on. Clarified = an assessment on a rung of the ladder.
def _clarification_guarantee(s: Snapshot, on: date) -> Finding:
    if s.case.help_requested_on > on:
        return Finding.not_applicable()
    months = param("policy.clarification_guarantee_months", on)
    due = add_months(s.case.help_requested_on, months)
    latest = s.latest_assessment(on)
    if latest is not None and latest.conclusion in ("sufficient", "flex_job_level", "below_flex_job"):
        return Finding.ok(assessed_on=latest.assessed_on, conclusion=latest.conclusion)
    if s.case.status in CLOSED:
        return Finding.not_applicable(status=s.case.status)
    if on > due:
        return Finding.late(
            f"Kommunens afklaringsgaranti: arbejdsevnen skulle have været afklaret senest {due:%d-%m-%Y} "
            f"({months} måneder). Dette er kommunal politik, ikke lov.",
            f"The municipality's clarification guarantee: work ability should have been clarified by {due:%d-%m-%Y} "
            f"({months} months). This is municipal policy, not law.",
            due=due,
        )
    return Finding.ok_until(due, requested=s.case.help_requested_on)


DS_2019 = in_force("ds_2019")  # a proposal, not law: the day its proposals are dated


RULES = (
    Rule(
        "policy.clarification_guarantee",
        "Afklaringsgaranti på et år (kommunal politik)",
        "One-year clarification guarantee (municipal policy)",
        Severity.INFO,
        (
            RuleVersion(
                DS_2019,
                _clarification_guarantee,
                (Citation("ds_2019", "P2 Afklaringsgaranti (forslag, ikke lov)", "002", "84-197"),),
            ),
        ),
        checks_da="Kun hvis kommunen har slået politikken til: at arbejdsevnen er afklaret inden et år efter "
        "henvendelsen.",
        deadline=True,
        policy="policy.clarification_guarantee_months",
    ),
)
