"""Revalidering (aktivloven chapter 6, §§ 46 ff.; from 2003 with the work-ability method, bek. nr. 543/2002):
the target group (limitations in the work ability), subsidiarity (why other measures are not enough) and a justified
extension.

The seeds do not quote aktivloven §§ 46–47 themselves; they give the order that governs revalidering cases from 1
January 2003 (seed 001: bek. 543 § 9, l. 2341–2358, 2470–2478 — an offer to improve the work ability when it is not
sufficient for work on normal terms "men at arbejdsevnen kan forbedres") and the method's order of measures (seed
000 L868–883, L3241–3257: ordinary work, including the social chapters, first). The wording of aktivloven § 46
(revalidering for "personer, der har begrænsninger i arbejdsevnen") and of its subsidiarity condition (revalidering only
when other offers under the employment act or other law are not enough) is from the act as publicly known — re-check
against Retsinformation before a letter cites it. One version from 2003: the seeds describe no later change.
"""

from datetime import date
from functools import partial

from ..engine import Citation, Finding, Rule, Severity, version
from ..snapshot import Snapshot
from ..sources import in_force

METHOD = in_force("bek_543_2002")  # bek. nr. 543 af 28. maj 2002 in force: the method governs revalidering cases
REDUCED = ("reduced", "permanently_substantially_reduced")


_v = partial(version, start=METHOD)  # a version of a rule, from METHOD unless told otherwise


def _grant(s: Snapshot, on: date) -> bool:
    return s.concerns(on, "revalidering") and "refusal" not in s.in_question(on)


def _answer(s: Snapshot, rule_id: str, on: date) -> str:
    decision = s.decision_in_question(on)
    return s.answer(rule_id, on, decision=decision.number if decision else None)


# Bek. 543/2002 § 9 (seed 001 l. 2341–2358): "Kommunen skal give tilbud om forbedring af arbejdsevnen, hvis kommunen
# vurderer, at arbejdsevnen ikke er tilstrækkelig til at kunne varetage et arbejde på normale vilkår herunder efter
# overenskomsternes sociale kapitler, men at arbejdsevnen kan forbedres." Aktivloven § 46: revalidering is for persons
# with limitations in the work ability (re-check the wording). The target group is shown by the work-ability assessment
# (can be improved) or a statement recording restrictions or a reduced work ability; an assessment that the work
# ability is sufficient for ordinary work excludes it (seed 000 L3241–3257: refer to ordinary work).
def _target_group(s: Snapshot, on: date) -> Finding:
    if not _grant(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    latest = s.latest_assessment(on)
    if latest is not None and latest.conclusion == "sufficient":
        if _answer(s, "revalidering.target_group", on):
            return Finding.ok(answer=_answer(s, "revalidering.target_group", on), assessment=latest.number)
        return Finding.missing(
            f"Arbejdsevnevurdering #{latest.number} ({latest.assessed_on}) finder arbejdsevnen tilstrækkelig til "
            "arbejde på normale vilkår: så er borgeren ikke i målgruppen for revalidering, men skal henvises til "
            "ordinær beskæftigelse (bek. 543/2002 §§ 8–9).",
            f"Work-ability assessment #{latest.number} ({latest.assessed_on}) finds the work ability sufficient for "
            "work on normal terms: the citizen is then not in the revalidering target group but is referred to "
            "ordinary work (order 543/2002 §§ 8–9).",
            assessment=latest.number,
        )
    if latest is not None and latest.conclusion == "can_be_improved":
        return Finding.ok(assessment=latest.number, conclusion=latest.conclusion)
    limited = [st for st in s.statements_on(on) if st.has_restrictions or st.work_ability_view in REDUCED]
    if limited:
        return Finding.ok(statement=limited[-1].document_id)
    answer = _answer(s, "revalidering.target_group", on)
    if answer:
        return Finding.ok(answer=answer)
    return Finding.missing(
        "Bevilling af revalidering, men begrænsninger i arbejdsevnen er ikke dokumenteret: hverken en "
        "arbejdsevnevurdering (kan forbedres) eller en udtalelse med skånehensyn eller nedsat arbejdsevne.",
        "Revalidering is granted, but limitations in the work ability are not documented: neither a work-ability "
        "assessment (can be improved) nor a statement recording restrictions or a reduced work ability.",
        assessment=latest.number if latest else None,
    )


# Aktivloven § 46 ff. (subsidiarity; re-check the section): revalidering only when other offers under the employment
# act or other law are not enough to keep or obtain attachment to the labour market. Seed 000 L868–883 (A5): ordinary
# unsupported work, including the social chapters, comes first; seed 001 l. 788–804: the goal is ordinary work also
# when the work ability "kan genetableres fx ved anvendelse af overenskomsternes sociale kapitler, i forbindelse med
# arbejdsfastholdelse eller ved revalidering". Why the other measures are not enough is a judgement: a prompt for the
# decision in question, whose recorded answer becomes the fact.
def _subsidiary(s: Snapshot, on: date) -> Finding:
    if not _grant(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    answer = _answer(s, "revalidering.subsidiary", on)
    if answer:
        return Finding.ok(answer=answer)
    tried = [a.id for a in s.activities if a.start_on <= on]
    return Finding.prompt(
        "Revalidering er subsidiær: registrér, hvorfor andre tilbud (ordinært arbejde, også efter overenskomsternes "
        "sociale kapitler, fastholdelse, tilbud efter beskæftigelsesloven) ikke er tilstrækkelige.",
        "Revalidering is subsidiary: record why other measures (ordinary work, also under the collective agreements' "
        "social chapters, job retention, offers under the employment act) are not enough.",
        activities=tried,
    )


# Aktivloven § 46 ff. and bek. 543/2002 § 11, stk. 2 (seed 001 l. 2573–2583): a new measure in a pending revalidering
# case — "fx nyt tilbud om revalidering fordi målsætning for borgerens revalidering ændres" — is decided under the order
# like the first. An extension of a revalidering already granted must be justified: why the goal is not reached in the
# time granted and why more revalidering will reach it (the caseworker's answer for the decision).
def _extension_justified(s: Snapshot, on: date) -> Finding:
    if not _grant(s, on):
        return Finding.not_applicable(in_question=s.in_question(on))
    current = s.decision_in_question(on)
    earlier = [
        d
        for d in s.decisions
        if d.status == "issued"
        and s.subject_of(d) == "revalidering"
        and d.fully_grants
        and (d.decided_on or d.created_on) <= on
        and (current is None or d.number != current.number)
    ]
    if not earlier:
        return Finding.ok(earlier_grants=0)
    answer = _answer(s, "revalidering.extension_justified", on)
    first = min(earlier, key=lambda d: d.number)
    if answer:
        return Finding.ok(answer=answer, extends=first.number)
    return Finding.prompt(
        f"Revalidering er bevilget før (afgørelse #{first.number}): en forlængelse skal begrundes — hvorfor målet ikke "
        "er nået i den bevilgede periode, og hvorfor mere revalidering vil nå det.",
        f"Revalidering was granted before (decision #{first.number}): an extension must be justified — why the goal "
        "was not reached in the period granted, and why more revalidering will reach it.",
        extends=first.number,
        earlier=[d.number for d in earlier],
    )


_AKTIV_46 = Citation("aktivloven", "§ 46 ff. (revalidering)", "000", "838-844")
_BEK_9 = Citation("bek_543_2002", "§ 9 (tilbud om forbedring af arbejdsevnen)", "001", "2341-2358")

RULES = (
    Rule(
        "revalidering.target_group",
        "Målgruppen for revalidering: begrænsninger i arbejdsevnen",
        "The revalidering target group: limitations in the work ability",
        Severity.BLOCKING,
        (_v(_target_group, _AKTIV_46, _BEK_9, Citation("bek_543_2002", "§ 8 (henvisning)", "000", "3241-3257")),),
        decision_types=("revalidering",),
        checks_da="At en bevilling af revalidering hviler på dokumenterede begrænsninger i arbejdsevnen, og ikke på en "
        "vurdering af, at arbejdsevnen rækker til arbejde på normale vilkår.",
    ),
    Rule(
        "revalidering.subsidiary",
        "Revalidering er subsidiær: andre tilbud er ikke nok",
        "Revalidering is subsidiary: other measures are not enough",
        Severity.BLOCKING,
        (
            _v(
                _subsidiary,
                _AKTIV_46,
                Citation("arbejdsevnemetoden_2001", "indsatsens rækkefølge", "000", "868-883"),
                Citation("aktivloven", "selvforsørgelse (sociale kapitler, fastholdelse)", "001", "788-804"),
            ),
        ),
        decision_types=("revalidering",),
        checks_da="At det er begrundet, hvorfor andre tilbud end revalidering ikke er tilstrækkelige.",
    ),
    Rule(
        "revalidering.extension_justified",
        "Forlængelse af revalidering begrundes",
        "An extension of revalidering is justified",
        Severity.BLOCKING,
        (
            _v(
                _extension_justified,
                _AKTIV_46,
                Citation("bek_543_2002", "§ 11, stk. 2 (ny foranstaltning)", "001", "2573-2583"),
            ),
        ),
        decision_types=("revalidering",),
        checks_da="At en ny bevilling af revalidering efter en tidligere er begrundet.",
    ),
)
