"""The published rule catalogue for caseworkers and lawyers: every legal check Evne makes, grouped by area, in Danish,
with the act and § it rests on and the law's own words where the rule quotes them. A GET filter (words, area,
severity) narrows it without script. The seed line references and the coverage ledger stay in a collapsed technical
detail (and in docs/rules-catalogue.md)."""

import inspect
import re
from dataclasses import dataclass, field
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evne.checks.case import title
from evne.rules.catalogue import RULES
from evne.rules.coverage import counts, disposition, ledger, sources_by_rule
from evne.rules.engine import Rule
from evne.rules.parameters import all_parameters
from evne.rules.sources import name_da

# The catalogue's modules mirror the law's structure; each is an area of the page, in the order a case meets them.
AREAS = {
    "profile": _("The resource profile"),
    "method": _("The work-ability method"),
    "evidence": _("Information and documentation"),
    "clarification": _("Clarifying the case"),
    "assessment": _("Assessing the work ability"),
    "course": _("Resource and job-clarification courses"),
    "revalidering": _("Revalidering"),
    "team": _("The rehabilitation team"),
    "reform": _("The rehabilitation team and the 2013 reform"),
    "pathways": _("Pathways: resource course, flex job and disability pension"),
    "fleksjob": _("Flex job"),
    "pension": _("Disability pension"),
    "sickpay": _("Sickness benefit"),
    "procedure": _("Case procedure"),
    "hearing": _("Hearing the citizen"),
    "decision": _("Decisions"),
    "deadline": _("Deadlines"),
    "policy": _("Municipal policy (not law)"),
}
SEVERITIES = {"blocking": _("Blocks a decision"), "warning": _("Warning"), "info": _("For information")}
_DANISH = re.compile(r"[æøåÆØÅ]|\b(?:skal|og|der|det|ikke|kan|eller|som|til)\b")
_QUOTE = re.compile(r"[\"“»]([^\"”«]{20,})[\"”«]")


@cache
def law_words(rule: Rule) -> tuple[str, ...]:
    """The law's own words the rule's code quotes (the comment above its check), Danish quotations only."""
    check = rule.versions[-1].check
    comments = inspect.getcomments(getattr(check, "func", check)) or ""
    text = re.sub(r"\s*\n#\s*", " ", comments).lstrip("# ")
    return tuple(q.strip() for q in _QUOTE.findall(text) if _DANISH.search(q))


@dataclass
class Area:
    key: str
    name: str
    rules: list[dict] = field(default_factory=list)


def _entry(rule: Rule, today) -> dict:
    current = rule.version_on(today) or rule.versions[-1]
    return {
        "rule": rule,
        "title": title(rule),
        "law": [f"{name_da(c.act)} {c.section}" for c in current.citations],
        "words": law_words(rule),
        "versions": rule.versions,
        "sources": sources_by_rule().get(rule.id, ()),
        "search": " ".join(
            [rule.title_da, rule.title_en, rule.checks_da, rule.id, *law_words(rule)]
            + [f"{name_da(c.act)} {c.act} {c.section}" for v in rule.versions for c in v.citations]
        ).lower(),
    }


def catalogue(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    area = request.GET.get("area", "")
    severity = request.GET.get("severity", "")
    today = timezone.localdate()
    areas = {key: Area(key, str(name)) for key, name in AREAS.items()}
    shown = 0
    for rule in RULES:
        key = rule.id.partition(".")[0]
        entry = _entry(rule, today)
        if (area and key != area) or (severity and rule.severity != severity):
            continue
        if q and not all(word in entry["search"] for word in q.lower().split()):
            continue
        areas.setdefault(key, Area(key, key)).rules.append(entry)
        shown += 1
    uncovered = [{"key": k, "entry": e, "disposition": disposition(e), "why": e[disposition(e)]}
                 for k, e in ledger().items() if disposition(e) != "rules"]  # fmt: skip
    return render(request, "web/rules/catalogue.html", {
        "areas": [a for a in areas.values() if a.rules], "all_areas": AREAS, "severities": SEVERITIES,
        "q": q, "area": area, "severity": severity, "shown": shown, "total": len(RULES),
        "filtered": bool(q or area or severity),
        "parameters": all_parameters(), "coverage": counts(), "uncovered": uncovered,
    })  # fmt: skip
