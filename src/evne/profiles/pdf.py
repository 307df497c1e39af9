"""The citizen's copy of the resource profile (ressourceprofil) as a PDF.

The profile is the citizen's own document, so it is written in Danish and plain language, addressed to "du":
every fact with its source, the citizen's own view, and — once the profile has been presented — what the
citizen disagreed with and what the municipality decided. When the municipality keeps its description despite
the disagreement, its professional explanation is printed too (bek. nr. 543 af 28. maj 2002 § 7, stk. 8; seed
001, l. 2249–2298). There is no score, rank or grading anywhere: "Der kan ikke på baggrund af
ressourceprofilen udarbejdes en samlet score" (seed 001, l. 1634–1644).

Call only for a case obtained through access_case(); this module reads, it never checks access.
"""

import re
from datetime import datetime
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from evne.cases.models import Case

from .models import (
    AccommodationDuration,
    DisagreementOutcome,
    ElementKey,
    ElementResponse,
    ElementVersion,
    ProfilePresentation,
    SourceKind,
)
from .selectors import current_elements, element_catalogue, facts_with_sources, presentations, profile_for

TEMPLATE = "profiles/profile_pdf.html"
TEMPLATE_DIR = Path(__file__).with_name("templates") / "profiles"

# The citizen reads where each fact came from in their own words. SourceKind's labels are caseworker-facing
# (English msgids); the citizen's document is Danish whatever language the caseworker's screen uses.
SOURCE_DA = {
    SourceKind.CONVERSATION: "Samtale med dig",
    SourceKind.CITIZEN_DOCUMENT: "Dit eget dokument",
    SourceKind.DOCUMENT: "Dokument i sagen",
    SourceKind.PROVIDER_REPORT: "Statusudtalelse fra en leverandør",
    SourceKind.MEDICAL_STATEMENT: "Lægelig udtalelse",
    SourceKind.THIRD_PARTY: "Oplysning fra arbejdsgiver, a-kasse eller anden part",
    SourceKind.OBSERVATION: "Sagsbehandlerens egen iagttagelse",
}


def element_name_da(key: str) -> str:
    """The element's Danish name from the catalogue, else the Danish word in the ElementKey label's brackets."""
    try:
        name = element_catalogue().get(key, {}).get("name_da")
    except OSError:  # the catalogue file is not there (yet)
        name = None
    if name:
        return name
    label = str(ElementKey(key).label)
    match = re.search(r"\(([^()]+)\)\s*$", label)
    return match.group(1) if match else label


def _source_da(fact: dict) -> str:
    label = SOURCE_DA.get(fact.get("source_kind"), "")
    parts = [p for p in (label, fact.get("source_detail")) if p]
    note = fact.get("note")
    if note is not None:
        parts.append(f"journalnotat af {timezone.localtime(note.created_at):%d-%m-%Y}")
    return ", ".join(parts)


def _accommodation_duration_da(version: ElementVersion) -> str:
    """P8: a skånebehov carries how long it lasts (seed 000, L2054–2059)."""
    if version.accommodation_duration == AccommodationDuration.TEMPORARY and version.accommodation_until:
        return f"midlertidigt til {version.accommodation_until:%d-%m-%Y}"
    if version.accommodation_duration == AccommodationDuration.PERMANENT:
        return "varigt"
    if version.accommodation_duration == AccommodationDuration.UNCLARIFIED:
        return "endnu ikke afklaret"
    return ""


def _latest_presentation(profile, at: datetime | None) -> ProfilePresentation | None:
    """The latest presentation recorded by `at`: the citizen's most recent answer to the whole profile."""
    shown = presentations(profile, at=at)  # newest first, recorded by `at`
    return shown[0] if shown else None


def _disagreement(response: ElementResponse, at: datetime | None) -> dict:
    decision = getattr(response, "decision", None)
    if decision is not None and at is not None and decision.decided_at > at:
        decision = None  # not yet decided at the moment shown
    return {
        "text": response.disagreement,
        "presented_version": response.version.number,
        "decided": decision is not None,
        "kept": decision is not None and decision.outcome == DisagreementOutcome.KEEP,
        "amended": decision is not None and decision.outcome == DisagreementOutcome.AMEND,
        "explanation": decision.explanation if decision is not None else "",
        "decided_on": decision.decided_at if decision is not None else None,
    }


def _fact_numbers_da(numbers: list[int]) -> str:
    """[1, 3, 4] → "oplysning nr. 1, 3 og 4"."""
    if not numbers:
        return ""
    words = [str(n) for n in numbers]
    joined = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} og {words[-1]}"
    return f"oplysning nr. {joined}"


def _element(case: Case, version: ElementVersion, disagreement: dict | None) -> dict:
    facts = [
        {"number": n, "text": f["text"], "source": _source_da(f), "used": f["used"]}
        for n, f in enumerate(facts_with_sources(case, version), start=1)
    ]
    name = element_name_da(version.element)
    if version.element == ElementKey.OTHER and version.title:
        name = f"{name}: {version.title}"
    return {
        "key": version.element,
        "name": name,
        "version": version,
        "facts": facts,
        # P4: the assessment rests on facts in the description; the citizen sees which (seed 001, l. 1908–1911).
        "assessment_rests_on": _fact_numbers_da([f["number"] for f in facts if f["used"]]),
        "accommodation_duration": _accommodation_duration_da(version),
        "disagreement": disagreement,
    }


def profile_pdf_context(*, case: Case, at: datetime | None = None) -> dict:
    """Everything the template shows: the case header, the elements in the order of § 6, stk. 2–3, and the
    citizen's disagreements from the latest presentation — all as they stood at `at` (default: now)."""
    profile = profile_for(case)
    elements = current_elements(profile, at=at)
    presentation = _latest_presentation(profile, at) if profile is not None else None
    disagreements = {}
    if presentation is not None:
        for response in presentation.responses.all():
            if not response.agrees:
                disagreements[response.version.element] = _disagreement(response, at)
    citizen = case.citizen
    caseworker = case.caseworker
    return {
        "municipality": case.municipality.name,
        "citizen_name": citizen.full_name,
        "cpr_masked": citizen.cpr_masked,  # never the full CPR on paper
        "case_number": case.number,
        "caseworker": caseworker.get_full_name() or caseworker.username,
        "at": at,
        "printed_on": timezone.localdate(),
        "presentation": presentation,
        "elements": [_element(case, v, disagreements.get(key)) for key, v in elements.items()],
    }


def _refuse_fetch(url: str, timeout: int = 10, ssl_context=None):
    """The document embeds everything it needs; nothing is fetched, not even from disk or the network."""
    raise ValueError(f"The profile PDF loads no external resources ({url}).")


def render_profile_html(*, case: Case, at: datetime | None = None) -> str:
    with translation.override("da"):
        return render_to_string(TEMPLATE, profile_pdf_context(case=case, at=at))


def render_profile_pdf(*, case: Case, at: datetime | None = None) -> bytes:
    """The resource profile as a tagged A4 PDF (PDF/UA-1, so screen readers can read it to the citizen)."""
    html = render_profile_html(case=case, at=at)
    document = HTML(string=html, base_url=str(TEMPLATE_DIR), url_fetcher=_refuse_fetch)
    return document.write_pdf(pdf_variant="pdf/ua-1")
