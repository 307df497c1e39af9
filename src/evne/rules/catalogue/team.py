"""The rehabilitation team's recommendation and the decision that follows it (issue 12, A4).

Lov om organisering og understøttelse af beskæftigelsesindsatsen §§ 9–11 and bek. nr. 996 af 29. juni 2016 §§ 8–10
as seed 003 (Copenhagen taskforce, 2018) quotes them at L3094–3335. The helpers here tell which recommendation is the
one for the decision in question and whether the draft follows it; `reform.rehab_team_recommendation` and
`reform.rehab_team_rereferral` use them too.
"""

from datetime import date
from functools import partial

from ..engine import Citation, Finding, Rule, Severity, version
from ..snapshot import Recommendation, Snapshot
from ..sources import in_force
from ..vocabulary import TEAM_DECISIONS

REFORM = in_force("reform_2013")  # the rehabilitation team from the 2013 reform (lov nr. 1380 af 23/12 2012)


def subjects(s: Snapshot, on: date) -> tuple[str, ...]:
    """The team measures the decision in question is about (fleksjob, førtidspension, ressourceforløb)."""
    return tuple(t for t in s.in_question(on) if t in TEAM_DECISIONS)


def for_this_decision(rec: Recommendation, wanted: tuple[str, ...]) -> bool:
    """A recommendation counts for a decision on the measure the case was presented for, or on the measure the team
    recommended; an old recommendation for another measure does not (organisering § 9: "inden beslutning om")."""
    return rec.presented_for in wanted or rec.kind in wanted


def recommendations_for(s: Snapshot, on: date) -> list[Recommendation]:
    """The decisive recommendations made by `on` for the decision in question, oldest first."""
    wanted = subjects(s, on)
    return [r for r in s.recommendations_until(on) if r.decisive and for_this_decision(r, wanted)]


def draft_position(s: Snapshot, on: date) -> tuple[str, bool, int | None] | None:
    """What the decision in question does: (its measure, whether it grants it in full, its number) — from the
    target the checks are asked about, else the latest decision drafted by `on`; None when there is neither."""
    if s.target is not None:
        return s.target.subject, s.target.grants, s.target.number
    decision = s.decision_in_question(on)
    if decision is None:
        return None
    return s.subject_of(decision), decision.fully_grants, decision.number


def follows(rec: Recommendation, subject: str, grants: bool) -> bool:
    """Whether a decision on `subject` follows the recommendation: a grant follows a recommendation of that measure,
    a refusal follows a recommendation of something else."""
    return rec.kind == subject if grants else rec.kind != subject


# Bek. 996/2016 §§ 8–10 (seed 003 L3190–3300) and forvaltningsloven § 24 (L3345–3347): the recommendation states the
# factors the team relied on and its professional reasons ("rehabiliteringsteamets faglige begrundelse", § 10 for
# førtidspension; "hvilke … forhold rehabiliteringsteamet har lagt vægt på", § 8). BDO (L3773–3774) found cases with no
# visible main considerations. The recommendation is the basis of the decision, so its reasons must be recorded.
def _reasons(s: Snapshot, on: date) -> Finding:
    if not s.concerns(on, *TEAM_DECISIONS):
        return Finding.not_applicable(in_question=s.in_question(on))
    recs = recommendations_for(s, on)
    if not recs:
        return Finding.not_applicable(reason="no recommendation for this decision")
    rec = recs[-1]
    if rec.has_reasons:
        return Finding.ok(recommendation=rec.id, kind=rec.kind)
    return Finding.missing(
        f"Rehabiliteringsteamets indstilling ({rec.kind}, {rec.recommended_on:%d-%m-%Y}) har ingen begrundelse: den "
        "skal angive de forhold, teamet har lagt vægt på, og teamets faglige begrundelse (bek. 996/2016 §§ 8-10). "
        "Afgørelsen kan ikke bygge på en ubegrundet indstilling.",
        f"The rehabilitation team's recommendation ({rec.kind}, {rec.recommended_on:%d-%m-%Y}) gives no reasons: it "
        "must state the factors the team relied on and its professional reasons (order 996/2016 §§ 8-10). The "
        "decision cannot rest on an unreasoned recommendation.",
        recommendation=rec.id,
    )


# Seed 003 L3302–3313 (7.7): "Når rehabiliteringsteamet har afgivet indstilling i en sag, er sagen normalt klar til,
# at kommunen kan træffe en afgørelse." The law sets no number of days for fleksjob and ressourceforløb (pension:
# § 21, 3 months from the transfer, checked elsewhere; § 17, stk. 2: 3 weeks, 39-17), and rtl § 3 asks for a
# decision "så hurtigt som muligt" (L3458–3459) — so this is a prompt, not a deadline: once the team has recommended
# and no decision has been drafted since, the caseworker records what the case awaits (the hearing, the pension
# meeting).
def _decision_follows(s: Snapshot, on: date) -> Finding:
    made = [r for r in s.recommendations_until(on) if r.decisive]
    if not made:
        return Finding.not_applicable(reason="no recommendation")
    rec = made[-1]
    after = [d for d in s.decisions if rec.recommended_on <= d.created_on <= on]
    if after or s.target is not None:
        return Finding.ok(recommendation=rec.id, decision=max((d.number for d in after), default=None))
    answer = s.answer("team.decision_after_recommendation", on, since=rec.recommended_on)
    if answer:
        return Finding.ok(answer=answer, recommendation=rec.id)
    return Finding.prompt(
        f"Rehabiliteringsteamet indstillede {rec.recommended_on:%d-%m-%Y} ({rec.kind}), og der er ikke udarbejdet en "
        "afgørelse siden. Efter indstillingen er sagen normalt klar til afgørelse: træf den, eller registrér hvad "
        "sagen afventer (partshøring, pensionsmøde).",
        f"The rehabilitation team recommended on {rec.recommended_on:%d-%m-%Y} ({rec.kind}) and no decision has been "
        "drafted since. After the recommendation the case is normally ready for a decision: make it, or record what "
        "the case awaits (the hearing, the pension meeting).",
        recommendation=rec.id,
    )


_v = partial(version, start=REFORM)  # a version of a rule, from REFORM unless told otherwise


RULES = (
    Rule(
        "team.recommendation_reasons",
        "Rehabiliteringsteamets indstilling er begrundet",
        "The rehabilitation team's recommendation gives its reasons",
        Severity.BLOCKING,
        (
            _v(
                _reasons,
                Citation("bek_996_2016", "§§ 8-10 (forhold lagt vægt på; faglig begrundelse)", "003", "3190-3300"),
                Citation("fvl", "§ 24 (hovedhensyn)", "003", "3345-3347"),
            ),
        ),
        decision_types=TEAM_DECISIONS,
        checks_da="At rehabiliteringsteamets indstilling til netop denne afgørelse angiver teamets begrundelse.",
    ),
    Rule(
        "team.decision_after_recommendation",
        "Afgørelse efter rehabiliteringsteamets indstilling",
        "A decision after the rehabilitation team's recommendation",
        Severity.WARNING,
        (
            _v(
                _decision_follows,
                Citation("organisering_lov", "§ 11 (kommunen træffer afgørelse)", "003", "3302-3313"),
                Citation("rtl", "§ 3 (så hurtigt som muligt)", "003", "3458-3459"),
            ),
        ),
        checks_da="At kommunen træffer afgørelse efter teamets indstilling — eller har registreret, hvad sagen "
        "afventer.",
    ),
)
