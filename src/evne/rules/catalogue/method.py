"""More rules of the 2003 method: development duties after the assessment, the decision ladder, activities, and
refusals that may not rest on missing cooperation or consent (seed 000 §6.4–§6.6, §6.10; seed 001 §6)."""

from datetime import date

from ..engine import Citation, Finding, Rule, RuleVersion, Severity
from ..snapshot import Snapshot

METHOD = date(2003, 1, 1)


def _v(check, act: str, section: str, seed: str, lines: str, *more: Citation):
    return (RuleVersion(valid_from=METHOD, check=check, citations=(Citation(act, section, seed, lines), *more)),)


# § 9: "Kan arbejdsevnen forbedres, skal kommunen give tilbud …" — an offer after the assessment (R42).
def _offer_when_improvable(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "can_be_improved":
        return Finding.not_applicable()
    offered = [a.id for a in s.activities if a.start_on <= on and (a.actual_end_on is None or
                                                                   a.actual_end_on >= latest.assessed_on)]  # fmt: skip
    if offered:
        return Finding.ok(activities=offered, assessed_on=latest.assessed_on)
    return Finding.missing(
        "Arbejdsevnen kan forbedres, men der er ikke givet et tilbud, der kan forbedre den.",
        "The work ability can be improved, but no activity that can improve it has been offered.",
        assessed_on=latest.assessed_on,
    )


# A6: no flex job or disability pension while the work ability can be improved (the ladder).
def _ladder(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None:
        return Finding.not_applicable()
    if latest.conclusion in ("can_be_improved", "not_final"):
        return Finding.missing(
            "Den seneste arbejdsevnevurdering siger, at arbejdsevnen kan forbedres (eller at afklaringen fortsætter): "
            "der kan ikke træffes afgørelse om fleksjob eller førtidspension.",
            "The latest assessment says the work ability can be improved (or clarification continues): no flex-job "
            "or disability-pension decision can be made.",
            conclusion=latest.conclusion,
        )  # fmt: skip
    return Finding.ok(conclusion=latest.conclusion)


# § 10: permanently limited but enough for a flex job → the municipality must consider fleksjob visitation (R43).
def _fleksjob_visitation(s: Snapshot, on: date) -> Finding:
    latest = s.latest_assessment(on)
    if latest is None or latest.conclusion != "flex_job_level":
        return Finding.not_applicable()
    answer = s.answers.get("method.fleksjob_visitation")
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Arbejdsevnen er varigt og væsentligt nedsat, men rækker til fleksjob: tag stilling til visitation til "
        "fleksjob, og registrér den.",
        "The work ability is permanently and substantially reduced but enough for a flex job: decide on flex-job "
        "visitation and record it.",
        assessed_on=latest.assessed_on,
    )


# K1: before referring to a development activity, write an order (kravspecifikation).
def _order_written(s: Snapshot, on: date) -> Finding:
    started = [a for a in s.activities if a.start_on <= on]
    if not started:
        return Finding.not_applicable()
    lacking = [a.id for a in started if not a.has_order]
    if lacking:
        return Finding.missing(
            "Tilbud er startet uden kravspecifikation (tilbud " + ", ".join(f"#{i}" for i in lacking) + ").",
            "Activities started without an order (activity " + ", ".join(f"#{i}" for i in lacking) + ").",
            activities=lacking,
        )
    return Finding.ok(activities=[a.id for a in started])


# K2: a company placement has a concrete goal and a plan for follow-up and evaluation before it starts.
def _company_follow_up(s: Snapshot, on: date) -> Finding:
    placements = [a for a in s.activities if a.company_based and a.start_on <= on]
    if not placements:
        return Finding.not_applicable()
    lacking = [a.id for a in placements if not a.has_follow_up_plan]
    if lacking:
        return Finding.missing(
            "Virksomhedsrettet tilbud uden plan for opfølgning og evaluering (tilbud " +
            ", ".join(f"#{i}" for i in lacking) + ").",
            "Company placement without a plan for follow-up and evaluation (activity " +
            ", ".join(f"#{i}" for i in lacking) + ").",
            activities=lacking,
        )  # fmt: skip
    return Finding.ok(activities=[a.id for a in placements])


# R26 and I6: a refusal may not rest solely on missing cooperation or a refused consent; assess what the case holds.
def _refusal_on_the_evidence(s: Snapshot, on: date) -> Finding:
    refused = [c for c in s.consents if c.status == "refused" and c.given_on <= on]
    will_not = [i for i in s.involvement if i.non_participation == "will_not" and i.occurred_on <= on]
    if not refused and not will_not:
        return Finding.not_applicable()
    answer = s.answers.get("method.refusal_on_the_evidence")
    if answer:
        return Finding.ok(answer=answer)
    return Finding.prompt(
        "Borgeren har nægtet samtykke eller medvirker ikke. Et afslag må ikke alene begrundes med det: beskriv, "
        "hvad sagens oplysninger betyder for afgørelsen.",
        "The citizen refused consent or does not take part. A refusal may not rest on that alone: describe what the "
        "information in the case means for the decision.",
        refused_consents=len(refused), non_participation=len(will_not),
    )  # fmt: skip


RULES = (
    Rule("method.offer_when_improvable", "Tilbud når arbejdsevnen kan forbedres",
         "An offer when work ability can be improved", Severity.BLOCKING,
         _v(_offer_when_improvable, "bek_543_2002", "§ 9", "001", "2341-2358"),
         checks_da="At der gives et tilbud, når vurderingen siger, at arbejdsevnen kan forbedres."),
    Rule("method.ladder", "Ingen fleksjob eller førtidspension, mens arbejdsevnen kan forbedres",
         "No flex job or disability pension while work ability can be improved", Severity.BLOCKING,
         _v(_ladder, "arbejdsevnemetoden_2001", "Arbejdsevnevurderingen (trappen)", "000", "3241-3257",
            Citation("arbejdsevnemetoden_2001", "Afgørelsen", "000", "3900-3929")),
         decision_types=("fleksjob", "fortidspension"),
         checks_da="At den seneste vurdering ikke siger, at arbejdsevnen kan forbedres, før fleksjob eller "
                   "førtidspension."),
    Rule("method.fleksjob_visitation", "Visitation til fleksjob", "Flex-job visitation", Severity.WARNING,
         _v(_fleksjob_visitation, "bek_543_2002", "§ 10", "001", "2359-2371"),
         checks_da="At der tages stilling til fleksjob, når arbejdsevnen er varigt nedsat, men rækker til fleksjob."),
    Rule("method.order_written", "Kravspecifikation til tilbud", "An order for each activity", Severity.WARNING,
         _v(_order_written, "arbejdsevnemetoden_2001", "Kravspecifikation", "000", "5107-5146"),
         checks_da="At hvert startet tilbud har en kravspecifikation."),
    Rule("method.company_follow_up", "Opfølgningsplan for virksomhedsrettet tilbud",
         "A follow-up plan for a company placement", Severity.WARNING,
         _v(_company_follow_up, "arbejdsevnemetoden_2001", "Virksomhedspraktik", "000", "4516-4523"),
         checks_da="At virksomhedsrettede tilbud har en plan for opfølgning og evaluering fra start."),
    Rule("method.refusal_on_the_evidence", "Afslag hviler på sagens oplysninger",
         "A refusal rests on the information in the case", Severity.BLOCKING,
         _v(_refusal_on_the_evidence, "bek_543_2002", "§ 7, stk. 1 (vejledningen)", "001", "1792-1830",
            Citation("rtl", "§ 11 a (samtykke nægtet)", "000", "6748-6764")),
         decision_types=("refusal",),
         checks_da="At et afslag ikke alene begrundes med manglende medvirken eller nægtet samtykke."),
)  # fmt: skip
