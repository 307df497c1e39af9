"""Getting the facts: consent, information requests and the stop rule (retssikkerhedsloven §§ 10–12,
forvaltningsloven § 29; bek. 543/2002 § 7, stk. 4–7)."""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..parameters import value_on
from ..snapshot import Snapshot
from ..sources import in_force

METHOD = in_force("bek_543_2002")


# Who may give health advice (shared by the rule reform.clinical_function_only and the evidence service that
# prepares a request for a specialist statement, so the two cannot disagree; tests/evidence keeps them equal).
# Pension act § 19, stk. 3 and lov om organisering §§ 13–15 (seed 003 L3154–3158): "Kommunen kan ved behandlingen
# af sager, der skal forelægges for rehabiliteringsteamet, kun benytte sundhedsfaglig rådgivning fra regionens
# kliniske funktion (og dermed ikke anden sundhedsfaglig rådgivning som eksempelvis lægekonsulenter)". Bek. nr. 1092
# af 3. august 2016 § 1, stk. 3 (seed 003 L3386–3391): also in førtidspension cases decided without the team
# (åbenbart formålsløse), further medical assessments come only from the clinical function and the GP. Outside
# team cases and before the reform the method book's practice holds: a specialist statement is normally discussed
# with the lægekonsulent first (seed 000 L5404–5406). The reform's date in force is the parameter
# evidence.clinical_function_only_from (1 January 2013, lov nr. 1380 af 23. december 2012).
TEAM_CASE_SUBJECTS = ("ressourceforlob", "fleksjob", "fortidspension")


def clinical_function_only(on: date, subjects) -> bool:
    """Whether on `on` a case about these decision subjects may take health advice only from the region's
    clinical function and the GP (never a municipal lægekonsulent)."""
    in_force = value_on("evidence.clinical_function_only_from", on) is not None
    return in_force and any(t in TEAM_CASE_SUBJECTS for t in subjects)


def _open_requests(s: Snapshot, on: date):
    return [r for r in s.requests if r.created_on <= on and r.cancelled_on is None]


# I4: consent before collecting; collection without consent is noted with its legal ground.
def _consent_or_ground(s: Snapshot, on: date) -> Finding:
    requests = [r for r in _open_requests(s, on) if r.sent_on is not None and r.sent_on <= on]
    if not requests:
        return Finding.not_applicable()
    lacking = [r.id for r in requests if not r.consent_in_force and not r.collection_ground]
    if lacking:
        return Finding.missing(
            "Oplysninger er indhentet uden samtykke og uden angivet hjemmel (anmodning "
            + ", ".join(f"#{i}" for i in lacking)
            + ").",
            "Information was requested without consent and without a stated legal ground (request "
            + ", ".join(f"#{i}" for i in lacking)
            + ").",
            requests=lacking,
        )
    return Finding.ok(requests=[r.id for r in requests])


# I1: the authority does not stay passive when information it asked for does not arrive.
def _answers_due(s: Snapshot, on: date) -> Finding:
    waiting = [
        r
        for r in _open_requests(s, on)
        if r.sent_on and r.sent_on <= on and not (r.answered_on and r.answered_on <= on) and r.answer_due_on
    ]
    if not waiting:
        return Finding.not_applicable()
    first = min(waiting, key=lambda r: r.answer_due_on)
    overdue = [r.id for r in waiting if r.answer_due_on < on]
    if overdue:
        return Finding.late(
            "Svar på anmodning " + ", ".join(f"#{i}" for i in overdue) + " er ikke modtaget inden fristen: rykke.",
            "The answer to request " + ", ".join(f"#{i}" for i in overdue) + " is overdue: send a reminder.",
            due=first.answer_due_on,
            requests=overdue,
        )
    return Finding.ok_until(first.answer_due_on, requests=[r.id for r in waiting])


# D12: consent to disclose lasts one year.
def _disclosure_consent(s: Snapshot, on: date) -> Finding:
    given = [c for c in s.consents if c.purpose == "disclose" and c.status == "given" and c.given_on <= on]
    if not given:
        return Finding.not_applicable()
    latest = max(given, key=lambda c: c.given_on)
    from ..parameters import param

    years = param("consent.disclose_valid_years", on)
    try:
        expires = latest.expires_on or latest.given_on.replace(year=latest.given_on.year + years)
    except ValueError:  # 29 February
        expires = latest.given_on.replace(year=latest.given_on.year + years, day=28)
    if on >= expires:
        return Finding.late(
            "Samtykket til videregivelse er udløbet; indhent et nyt, før der videregives oplysninger.",
            "The consent to disclose has expired; obtain a new one before disclosing information.",
            due=expires,
            given_on=latest.given_on,
        )
    return Finding.ok_until(expires, given_on=latest.given_on)


# § 7, stk. 7: no further information once work ability is sufficient for ordinary work; a decision is due.
def _stop_rule(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "sufficient":
        return Finding.not_applicable()
    after = [r.id for r in s.requests if r.sent_on and latest.assessed_on < r.sent_on <= on]
    if after:
        return Finding.missing(
            "Der er indhentet oplysninger, efter at arbejdsevnen blev vurderet tilstrækkelig (anmodning "
            + ", ".join(f"#{i}" for i in after)
            + ").",
            "Information was requested after the work ability was found sufficient (request "
            + ", ".join(f"#{i}" for i in after)
            + ").",
            assessed_on=latest.assessed_on,
            requests=after,
        )
    # The rule demands a decision: the decision being drafted or issued after the assessment is that decision, so it
    # must not be blocked by the reminder (issue 12, B7). Only without one is the caseworker reminded.
    decision = s.decision_in_question(on)
    if s.target is not None or (decision is not None and decision.created_on >= latest.assessed_on):
        return Finding.ok(assessed_on=latest.assessed_on, decision=decision.number if decision else None)
    return Finding.prompt(
        "Arbejdsevnen er vurderet tilstrækkelig til ordinært arbejde: der skal træffes afgørelse.",
        "The work ability is assessed as sufficient for ordinary work: a decision is due.",
        assessed_on=latest.assessed_on,
    )


def _v(check, act: str, section: str, seed: str, lines: str):
    return (RuleVersion(valid_from=METHOD, check=check, citations=(Citation(act, section, seed, lines),)),)


RULES = (
    Rule(
        "evidence.consent_or_ground",
        "Samtykke eller hjemmel til indhentning",
        "Consent or a legal ground for obtaining information",
        Severity.BLOCKING,
        _v(_consent_or_ground, "fvl", "§ 29; rtl § 12", "000", "6656-6780"),
        checks_da="At hver afsendt anmodning hviler på et gældende samtykke eller en noteret hjemmel.",
    ),
    Rule(
        "evidence.answers_due",
        "Svar på anmodninger om oplysninger",
        "Answers to information requests",
        Severity.WARNING,
        _v(_answers_due, "rtl", "§ 10 (officialprincippet)", "000", "6603-6610"),
        checks_da="Svarfristen for afsendte anmodninger, og om et svar er forsinket.",
        deadline=True,
    ),
    Rule(
        "evidence.disclosure_consent_valid",
        "Samtykke til videregivelse gælder et år",
        "Consent to disclose lasts one year",
        Severity.WARNING,
        _v(_disclosure_consent, "pdl", "§ 8, stk. 3 (samtykke til videregivelse)", "000", "6782-6804"),
        checks_da="Hvornår samtykket til videregivelse udløber.",
        deadline=True,
    ),
    Rule(
        "evidence.stop_rule",
        "Stop for indhentning, når arbejdsevnen er tilstrækkelig",
        "No more information once work ability is sufficient",
        Severity.BLOCKING,
        _v(_stop_rule, "bek_543_2002", "§ 7, stk. 7", "001", "2206-2248"),
        checks_da="At der ikke indhentes oplysninger efter en vurdering af tilstrækkelig arbejdsevne, og at "
        "der så træffes afgørelse.",
    ),
)
