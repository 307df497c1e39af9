"""Internal codes rendered as words a caseworker or a lawyer reads (issue 13: no internal code on any page).

`{% load wording %}` gives:
- `{{ source|fact_source:case }}`: a fact's source (`document:12`, `note:28`, `version:76`, as stored) as
  "Lægeattest af 3. marts 2026", "Journalnotat af 5. december 2026", "Ressourceprofil: Helbred, version 4";
- `{% explanation_rows decision.explanation as rows %}`: the rules explanation stored with an issued decision (kept
  exactly as stored) as rows with the rule's title, the outcome in words, the message and the facts it read;
- `{{ rule.severity|severity_label }}`, `{{ outcome|outcome_label }}`, `{{ rule_id|rule_title }}`.
"""

import re
from datetime import date
from typing import Any

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from evne.cases.timeline import readable_days
from evne.cases.timeline import rule_title as _rule_title
from evne.rules.sources import name_da
from evne.rules.vocabulary import ELEMENT_NAMES

register = template.Library()

SEVERITY = {
    "blocking": gettext_lazy("Blocks a decision"),
    "warning": gettext_lazy("Warning"),
    "info": gettext_lazy("For information"),
}
# A sign beside the words, so the kinds differ in shape and not by colour alone.
SEVERITY_SIGN = {"blocking": "■", "warning": "▲", "info": "●"}
OUTCOME = {
    "ok": gettext_lazy("met"),
    "missing": gettext_lazy("not met"),
    "late": gettext_lazy("deadline passed"),
    "prompt": gettext_lazy("question for the caseworker"),
    "not_applicable": gettext_lazy("does not apply"),
}
# The facts a rule reads, named for the reader. A fact not named here is shown in the technical detail only.
FACT_LABELS = {
    "number": gettext_lazy("decision number"),
    "decision": gettext_lazy("decision number"),
    "elements": gettext_lazy("elements of the resource profile"),
    "decided": gettext_lazy("elements decided"),
    "assessed_on": gettext_lazy("work-ability assessment dated"),
    "first": gettext_lazy("first conversation"),
    "presented_on": gettext_lazy("profile presented to the citizen on"),
    "heard_on": gettext_lazy("hearing sent on"),
    "stated_on": gettext_lazy("statement dated"),
    "declared_on": gettext_lazy("declared on"),
    "dated": gettext_lazy("dated"),
    "caseworker_since": gettext_lazy("caseworker responsible since"),
    "described": gettext_lazy("elements described"),
    "assessment": gettext_lazy("work-ability assessment"),
    "statement": gettext_lazy("statement (document number)"),
    "hours": gettext_lazy("hours a week"),
    "ordinary_hours": gettext_lazy("ordinary hours a week"),
    "weeks": gettext_lazy("weeks"),
    "limit": gettext_lazy("limit"),
    "answer": gettext_lazy("the caseworker's recorded answer"),
    "needs_interpreter": gettext_lazy("needs an interpreter"),
    "pension_case": gettext_lazy("disability-pension case"),
    "on_existing_evidence": gettext_lazy("on the existing evidence"),
    "transfer_recorded": gettext_lazy("transfer recorded"),
    "accommodation_needs": gettext_lazy("accommodation needs"),
    "refusal": gettext_lazy("refusal"),
    "complaints": gettext_lazy("complaints"),
    "withdrawn": gettext_lazy("applications withdrawn"),
    "applications": gettext_lazy("applications"),
    "flex_jobs": gettext_lazy("flex jobs"),
    "periods": gettext_lazy("periods"),
    "round_tables": gettext_lazy("round-table meetings"),
    "specialist_requests": gettext_lazy("requests for specialist statements"),
    "earlier_grants": gettext_lazy("earlier grants"),
    "medical": gettext_lazy("medical statements"),
    "trades": gettext_lazy("trades tried"),
    "named": gettext_lazy("named"),
}
_CODE = re.compile(r"^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+$")


def _english() -> bool:
    return (get_language() or "da").startswith("en")


@register.filter
def severity_label(severity: str) -> str:
    return str(SEVERITY.get(str(severity), severity))


@register.filter
def severity_sign(severity: str) -> str:
    return SEVERITY_SIGN.get(str(severity), "")


@register.filter
def outcome_label(outcome: str) -> str:
    return str(OUTCOME.get(str(outcome), outcome))


@register.filter
def rule_title(rule_id: str) -> str:
    return _rule_title(str(rule_id))


@register.filter
def act_name(act_key: str) -> str:
    return name_da(str(act_key))


def _day(value: str) -> str | None:
    try:
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    except ValueError:
        return None


def _readable(key: str, value: Any) -> str | None:
    """The value in words, or None when it is a code a reader cannot use."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value is None or value == [] or value == "":
        return "–"
    if isinstance(value, list):
        parts = [_readable(key, v) for v in value]
        return None if any(p is None for p in parts) else ", ".join(p for p in parts if p)
    if isinstance(value, int | float):
        return str(value).replace(".", ",") if not _english() else str(value)
    text = str(value)
    if text in ELEMENT_NAMES:
        return ELEMENT_NAMES[text][1 if _english() else 0]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _day(text)
    if _CODE.match(text):
        return None
    return readable_days(text)


_KEY_LIST = re.compile(r"\(([a-z_]+(?:, [a-z_]+)*)\)")
_CODE_IN_TEXT = re.compile(r"(?<![\w.])[a-z]+(?:_[a-z]+)+(?![\w.])|'[a-z_]+'")


def readable_message(text: str) -> str:
    """A message stored before the rules named things in words (a frozen explanation keeps its text as it was):
    element keys and a statement's coded prognosis as words, ISO days as the reader's dates."""
    from evne.rules.catalogue.fleksjob import PROGNOSIS, VIEW

    words = {k: v[1 if _english() else 0] for k, v in (*ELEMENT_NAMES.items(), *PROGNOSIS.items(), *VIEW.items())}

    def word(m: re.Match) -> str:
        code = m[0].strip("'")
        return (f"»{words[code]}«" if m[0].startswith("'") else words[code]) if code in words else m[0]

    def listed(m: re.Match) -> str:  # "(education, health)": a list of element keys, one word each
        keys = m[1].split(", ")
        return "(" + ", ".join(words[k] for k in keys) + ")" if all(k in ELEMENT_NAMES for k in keys) else m[0]

    return readable_days(_CODE_IN_TEXT.sub(word, _KEY_LIST.sub(listed, text)))


@register.simple_tag
def explanation_rows(explanation: dict | None) -> list[dict]:
    """The stored explanation's results that applied, each with its title, outcome, message, facts and citations."""
    rows = []
    for r in (explanation or {}).get("results", []):
        if r.get("outcome") == "not_applicable":
            continue
        facts, technical = [], {}
        for key, value in (r.get("facts") or {}).items():
            label, text = FACT_LABELS.get(key), _readable(key, value)
            if label is not None and text is not None:
                facts.append((str(label), text))
            else:
                technical[key] = value
        rows.append({
            "rule": r.get("rule", ""),
            "title": _rule_title(r.get("rule", "")),
            "outcome": r.get("outcome", ""),
            "outcome_label": outcome_label(r.get("outcome", "")),
            "message": readable_message((r.get("message_en") if _english() else r.get("message_da")) or ""),
            "facts": facts,
            "technical": technical,
            "citations": [f"{name_da(c.get('act', ''))} {c.get('section', '')}" for c in r.get("citations", [])],
        })  # fmt: skip
    return rows


@register.simple_tag
def fact_source(source: str, case) -> str:
    """A stored fact source ("document:12") as the record it names, looked up within this case only."""
    kind, _sep, ident = (source or "").partition(":")
    if not ident.isdigit():
        return source or "—"
    pk = int(ident)
    if kind == "document":
        from evne.evidence.models import Document

        doc = Document.objects.filter(case=case, pk=pk).only("title", "document_date").first()
        if doc is not None:
            return _("%(title)s of %(date)s") % {
                "title": doc.title,
                "date": date_format(doc.document_date, "DATE_FORMAT"),
            }
        return _("a document of the case")
    if kind == "note":
        from evne.cases.models import JournalNote

        note = JournalNote.objects.filter(case=case, pk=pk).only("created_at").first()
        if note is not None:
            day = timezone.localtime(note.created_at)
            return _("Journal note of %(date)s") % {"date": date_format(day, "DATE_FORMAT")}
        return _("a journal note of the case")
    if kind == "version":
        from evne.profiles.models import ElementVersion

        version = ElementVersion.objects.filter(profile__case=case, pk=pk).only("element", "number").first()
        if version is not None:
            return _("Resource profile: %(element)s, version %(number)s") % {
                "element": ELEMENT_NAMES.get(version.element, (version.element,) * 2)[1 if _english() else 0],
                "number": version.number,
            }
        return _("a version of the resource profile")
    return _("a record of the case")


@register.simple_tag
def fix_url(rule_id: str, case_id: int, facts=None) -> str:
    """The form (or section) on this case where what the rule misses is recorded (evne.web.fixes)."""
    from evne.web.fixes import fix_url as _fix_url

    return _fix_url(str(rule_id), int(case_id), facts)
