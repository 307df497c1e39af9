"""Outgoing letters as PDF (WeasyPrint), in Danish, branded per municipality (LetterBranding), and stored in the
case as evidence Documents: the decision letter, the hearing letter and the notices (reconsideration, forwarding,
delayed decision, written reasons, the file-access bundle).

Letters are written to the citizen in Danish whatever language the caseworker's screen uses, as the resource
profile's PDF is (evne.profiles.pdf). Call only for a case obtained through access_case(); this module never
checks access. The services call `store_letter` inside their transaction.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML, default_url_fetcher

from evne.cases.models import Case
from evne.evidence import files
from evne.evidence.models import Document, DocumentKind

TEMPLATE = "decisions/letter.html"


@dataclass
class Section:
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def _fetch(url: str, timeout: int = 10, ssl_context=None):
    """Letters load nothing from disk or the network; an inline data: URI (a logo) is the only exception."""
    if url.startswith("data:"):
        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    raise ValueError(f"Letters load no external resources ({url}).")


def letter_context(*, case: Case, title: str, sections: list[Section], letter_date: date) -> dict:
    branding = getattr(case.municipality, "letter_branding", None)
    citizen = case.citizen
    caseworker = case.caseworker
    sender = branding.sender if branding else f"Jobcenter · {case.municipality.name}"
    return {
        "title": title,
        "sections": sections,
        "letter_date": letter_date,
        "sender": sender,
        "sender_address": [line for line in (branding.address if branding else "").splitlines() if line.strip()],
        "phone": branding.phone if branding else "",
        "email": branding.email if branding else "",
        "logo_svg": branding.logo_svg if branding else "",
        "signature": [line for line in (branding.signature if branding else "Med venlig hilsen").splitlines()],
        "citizen_name": citizen.full_name,
        "citizen_address": citizen.address,
        "citizen_city": f"{citizen.postal_code} {citizen.city}".strip(),
        "cpr_masked": citizen.cpr_masked,  # never the full CPR on paper
        "case_number": case.number,
        "caseworker": caseworker.get_full_name() or caseworker.username,
    }


def render_letter_pdf(*, case: Case, title: str, sections: list[Section], letter_date: date) -> bytes:
    with translation.override("da"):
        html = render_to_string(TEMPLATE, letter_context(case=case, title=title, sections=sections,
                                                         letter_date=letter_date))  # fmt: skip
    return HTML(string=html, url_fetcher=_fetch).write_pdf()


def letter_text(title: str, sections: list[Section]) -> str:
    """The letter as plain text: kept as the Document's summary (so the file-access bundle and a search find it)."""
    parts = [title]
    for s in sections:
        parts += [s.heading] if s.heading else []
        parts += s.paragraphs
        parts += [f"- {item}" for item in s.items]
    return "\n".join(p for p in parts if p)


def store_letter(
    *, actor, case: Case, title: str, sections: list[Section], letter_date: date, stored: list[str]
) -> Document:
    """Render the letter and keep it in the case as an outgoing Document with its PDF. `stored` collects the file
    name, so a caller whose transaction fails removes the file again (evidence.services._discard)."""
    pdf = render_letter_pdf(case=case, title=title, sections=sections, letter_date=letter_date)
    branding = getattr(case.municipality, "letter_branding", None)
    document = Document(
        case=case, kind=DocumentKind.OUTGOING_LETTER, title=title[:200], document_date=letter_date,
        author=(branding.sender if branding else case.municipality.name)[:200], received_on=letter_date,
        summary=letter_text(title, sections), sensitive=False, recorded_by=actor, recorded_at=timezone.now(),
        original_filename=f"{title[:80]}.pdf", content_type="application/pdf", size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(), storage_token=files.new_storage_token(),
    )  # fmt: skip
    document.file.save(document.storage_token, ContentFile(pdf), save=False)
    stored.append(document.file.name)
    document.save()
    return document
