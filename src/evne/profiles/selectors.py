"""Reads of the resource profile: current elements, the profile at a past moment, history, comparison,
presentations and open disagreements. Call only for a case obtained through access_case()."""

import difflib
from datetime import datetime
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import gettext as _

from evne.cases.models import Case, JournalNote
from evne.shared_reads import case_rows, shared

from .models import (
    OWN_PERSPECTIVE,
    ElementKey,
    ElementResponse,
    ElementVersion,
    InvolvementKind,
    ProfilePresentation,
    ResourceProfile,
    SourceKind,
)

CATALOGUE_FILE = Path(__file__).with_name("elements.yaml")


@cache
def element_catalogue() -> dict[str, dict]:
    """The 13 elements with the method's Danish definition, purpose and guiding questions (help text)."""
    data = yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return {entry["key"]: entry for entry in data["elements"]}


def response_for(case: Case, response_id: int):
    """A citizen's response to one element at a presentation of this case's profile, or None."""
    from .models import ElementResponse

    return (ElementResponse.objects.select_related("version", "presentation__profile")
            .filter(pk=response_id, presentation__profile__case=case).first())  # fmt: skip


def profile_for(case: Case) -> ResourceProfile | None:
    rows = case_rows(case.pk, ResourceProfile)
    if rows is not None:
        return rows[0] if rows else None
    return shared(("profile", case.pk), lambda: ResourceProfile.objects.filter(case=case).first())


def current_elements(profile: ResourceProfile | None, *, at: datetime | None = None) -> dict[str, ElementVersion]:
    """The latest version of each element, or the latest saved at or before `at` (the profile as it stood)."""
    if profile is None:
        return {}
    if at is None:  # the current profile, read once per page
        return dict(shared(("current_elements", profile.pk), lambda: _current_elements(profile, None)))
    return _current_elements(profile, at)


def _current_elements(profile: ResourceProfile, at: datetime | None) -> dict[str, ElementVersion]:
    loaded = case_rows(profile.case_id, ElementVersion)
    if loaded is not None and at is None:
        latest = {v.element: v for v in sorted(loaded, key=lambda v: (v.element, v.number))}
        return {key: latest[key] for key in ElementKey.values if key in latest}
    versions = profile.versions.select_related("author").order_by("element", "number")
    if at is not None:
        versions = versions.filter(saved_at__lte=at)
    latest: dict[str, ElementVersion] = {}
    for version in versions:
        latest[version.element] = version
    return {key: latest[key] for key in ElementKey.values if key in latest}


def element_history(profile: ResourceProfile | None, element: str) -> list[ElementVersion]:
    if profile is None:
        return []
    return list(profile.versions.filter(element=element).select_related("author").order_by("-number"))


def _shown(version: ElementVersion, field: str) -> str:
    value = getattr(version, field)
    if field == "facts":
        return "\n".join(f"• {f['text']} [{_source_label(f)}]" for f in value)
    if field == "relevant":
        return _("Relevant") if value else _("Not relevant")
    if field == "not_relevant_obvious":
        return _("Yes") if value else ""
    if field == "assessment_fact_ids":
        return ", ".join(value)
    if field == "hypothesis_ids":
        return ", ".join(f"H{h}" for h in value)
    if field == "accommodation_duration":
        return str(version.get_accommodation_duration_display()) if value else ""
    if field == "accommodation_until":
        return value.strftime("%d-%m-%Y") if value else ""
    return value or ""


def _source_label(fact: dict) -> str:
    try:
        label = str(SourceKind(fact.get("source_kind")).label)
    except ValueError:
        label = str(fact.get("source_kind"))
    return f"{label}: {fact['source_detail']}" if fact.get("source_detail") else label


def compare_versions(old: ElementVersion, new: ElementVersion) -> list[dict]:
    """Side-by-side rows of two versions: field label, old text, new text, whether it changed, and a word diff."""
    from .services import COMPARED_FIELDS

    rows = []
    for field in COMPARED_FIELDS:
        a, b = _shown(old, field), _shown(new, field)
        if not a and not b:
            continue
        rows.append({
            "field": field,
            "label": str(ElementVersion._meta.get_field(field).verbose_name).capitalize(),
            "old": a,
            "new": b,
            "changed": a != b,
            "diff": list(difflib.ndiff(a.split(), b.split())) if a != b else [],
        })  # fmt: skip
    return rows


def facts_with_sources(case: Case, version: ElementVersion) -> list[dict]:
    """The version's facts with a readable source and, where the source is a note in the case, that note."""
    notes = {
        n.pk: n
        for n in JournalNote.objects.filter(case=case, pk__in=[f["note_id"] for f in version.facts if f.get("note_id")])
    }
    used = set(version.assessment_fact_ids)
    return [
        {
            **fact,
            "source_label": _source_label(fact),
            "note": notes.get(fact.get("note_id")),
            "used": fact["id"] in used,
        }
        for fact in version.facts
    ]


def presentations(profile: ResourceProfile | None, *, at: datetime | None = None) -> list[ProfilePresentation]:
    """Newest first; with `at`, only those recorded by then."""
    if profile is None:
        return []
    qs = profile.presentations.select_related("presented_by").prefetch_related(
        "responses__version", "responses__decision", "hypothesis_responses__hypothesis"
    )
    if at is not None:
        return list(qs.filter(recorded_at__lte=at).order_by("-presented_on", "-id"))
    rows = case_rows(profile.case_id, ProfilePresentation)
    if rows is not None:  # responses, their decisions and the hypothesis responses are in place
        return sorted(rows, key=lambda p: (p.presented_on, p.pk), reverse=True)
    return list(shared(("presentations", profile.pk), lambda: list(qs.order_by("-presented_on", "-id"))))


def open_disagreements(profile: ResourceProfile | None, *, at: datetime | None = None) -> list[ElementResponse]:
    """Disagreements waiting for the caseworker's keep-or-amend decision (with `at`: waiting at that moment)."""
    if profile is None:
        return []
    rows = case_rows(profile.case_id, ElementResponse)
    if rows is not None and at is None:
        waiting = [r for r in rows if not r.agrees and r.decision is None]
        return sorted(waiting, key=lambda r: (r.presentation.presented_on, r.pk))
    qs = ElementResponse.objects.filter(presentation__profile=profile, agrees=False)
    if at is None:
        qs = qs.filter(decision__isnull=True)
    else:
        qs = qs.filter(presentation__recorded_at__lte=at).exclude(decision__decided_at__lte=at)
    return list(qs.select_related("version", "presentation").order_by("presentation__presented_on", "id"))


def element_notices(version: ElementVersion) -> list[str]:
    """Procedural reminders for a saved element — what the method still asks for. Never a score or a rank:
    each notice is a sentence the caseworker can act on, or nothing."""
    if not version.relevant:
        return []
    notices = []
    if not version.facts:
        notices.append(_("No facts are described yet."))
    if not version.assessment:
        notices.append(_("No professional assessment yet."))
    # Bek. 543/2002 § 7, stk. 2: resources, development possibilities and barrier reduction (R27).
    if not (version.resources or version.development or version.barriers):
        notices.append(_("Resources, development possibilities and barriers are not described yet."))
    if version.element in OWN_PERSPECTIVE and not version.citizen_view:
        notices.append(_("The citizen's own view is missing."))
    if version.missing_information:
        notices.append(_("Missing information is noted."))
    return notices


def involvement(profile: ResourceProfile | None, *, at: datetime | None = None):
    if profile is None:
        return []
    qs = profile.involvement.select_related("recorded_by")
    if at is not None:
        qs = qs.filter(recorded_at__lte=at)
    return list(qs.order_by("occurred_on", "id"))


def has_started(profile: ResourceProfile | None) -> bool:
    if profile is None:
        return False
    starts = (InvolvementKind.OPENING_CONVERSATION, InvolvementKind.NON_PARTICIPATION)
    return profile.involvement.filter(kind__in=starts).exists()


def hypotheses(profile: ResourceProfile | None, *, at: datetime | None = None):
    if profile is None:
        return []
    qs = profile.hypotheses.prefetch_related("responses__presentation")
    if at is not None:
        qs = qs.filter(created_at__lte=at)
    return list(qs.order_by("created_at", "id"))
