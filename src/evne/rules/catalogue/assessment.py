"""The work-ability assessment and the decisions that need it (bek. 543/2002 §§ 4, 8–10; lov om social pension)."""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..snapshot import Snapshot
from ..sources import in_force

METHOD = in_force("bek_543_2002")
NEEDS_ASSESSMENT = ("fleksjob", "fortidspension", "refusal", "ordinary_work")


# R2: førtidspension (and fleksjob) may not be granted without a work-ability assessment.
def _exists(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.missing(
            "Der er ingen arbejdsevnevurdering.",
            "There is no work-ability assessment.",
        )
    return Finding.ok(number=latest.number, assessed_on=latest.assessed_on)


# A2 / R10: the assessment is made against at least one concrete job function.
def _job_function(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.not_applicable()
    if latest.job_functions_named < 1:
        return Finding.missing(
            "Arbejdsevnevurderingen nævner ingen konkret jobfunktion.",
            "The work-ability assessment names no concrete job function.",
            number=latest.number,
        )
    if latest.conclusion == "sufficient" and latest.job_functions_meetable < 1:
        return Finding.missing(
            "Konklusionen 'tilstrækkelig' peger ikke på en jobfunktion, borgeren kan varetage.",
            "The conclusion 'sufficient' points at no job function the citizen can meet.",
            number=latest.number,
        )
    return Finding.ok(number=latest.number, named=latest.job_functions_named)


# R45: førtidspension only when it is documented that work ability is insufficient even for a flex job.
def _pension_documented(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "below_flex_job":
        return Finding.not_applicable()
    if latest.document_count < 1:
        return Finding.missing(
            "Konklusionen om, at arbejdsevnen ikke rækker til fleksjob, er ikke dokumenteret.",
            "The conclusion that work ability is not enough for a flex job is not documented.",
        )
    return Finding.ok(documents=latest.document_count)


# C3 (seed 000 L1386–1392): "det er afgørende, at borgerens vurdering og de elementer, der indgår i den, kommer til
# udtryk i sagen." The assessment records the citizen's own assessment and what it rests on.
def _citizen_view(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.not_applicable()
    if latest.has_citizen_view:
        return Finding.ok(number=latest.number)
    return Finding.missing(
        "Borgerens egen vurdering af arbejdsevnen, og hvad den bygger på, fremgår ikke af arbejdsevnevurderingen.",
        "The citizen's own assessment of the work ability, and what it rests on, is not in the assessment.",
        number=latest.number,
    )


RULES = (
    Rule(
        "assessment.exists",
        "Arbejdsevnevurdering foreligger",
        "A work-ability assessment exists",
        Severity.BLOCKING,
        (RuleVersion(METHOD, _exists, (Citation("social_pension", "§ 16 (arbejdsevne)", "000", "829-832"),)),),
        decision_types=("fleksjob", "fortidspension"),
        checks_da="At der foreligger en arbejdsevnevurdering før afgørelse om fleksjob eller førtidspension.",
    ),
    Rule(
        "assessment.job_function",
        "Konkret jobfunktion",
        "A concrete job function",
        Severity.BLOCKING,
        (
            RuleVersion(
                METHOD,
                _job_function,
                (
                    Citation("bek_543_2002", "§ 8", "001", "2318-2340"),
                    Citation("bek_543_2002", "§ 4 (vejledningen)", "001", "619-625"),
                ),
            ),
        ),
        decision_types=NEEDS_ASSESSMENT,
        checks_da="At vurderingen nævner mindst én konkret jobfunktion, og at 'tilstrækkelig' peger på en, "
        "borgeren kan varetage.",
    ),
    Rule(
        "assessment.pension_documented",
        "Førtidspension: dokumenteret",
        "Disability pension: documented",
        Severity.BLOCKING,
        (RuleVersion(METHOD, _pension_documented, (Citation("social_pension", "§ 16", "001", "904-910"),)),),
        decision_types=("fortidspension",),
        checks_da="At en konklusion under fleksjobniveau hviler på dokumentation.",
    ),
    Rule(
        "assessment.citizen_view",
        "Borgerens egen vurdering",
        "The citizen's own assessment",
        Severity.BLOCKING,
        (
            RuleVersion(
                METHOD, _citizen_view, (Citation("arbejdsevnemetoden_2001", "Borgerens vurdering", "000", "1386-1392"),)
            ),
        ),
        decision_types=NEEDS_ASSESSMENT,
        checks_da="At borgerens egen vurdering af arbejdsevnen og det, den bygger på, fremgår af vurderingen.",
    ),
)
