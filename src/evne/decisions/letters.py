"""Outgoing letters as PDF (WeasyPrint), in Danish, branded per municipality (LetterBranding), and stored in the
case as evidence Documents: the decision letter, the hearing letter and the notices (reconsideration, forwarding,
delayed decision, written reasons, the file-access bundle).

Letters are written to the citizen in Danish whatever language the caseworker's screen uses, as the resource
profile's PDF is (evne.profiles.pdf). Call only for a case obtained through access_case(); this module never
checks access. The services call `store_letter` inside their transaction.
"""

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from evne.cases.models import Case
from evne.errors import DomainError
from evne.evidence import files
from evne.evidence.models import Document, DocumentKind

TEMPLATE = "decisions/letter.html"
CASE_FILE_TEMPLATE = "decisions/case_file.html"
ATTACHMENTS_TEMPLATE = "decisions/bundle_attachments.html"
# Uploaded images WeasyPrint puts on a page of the bundle; other files (TIFF) are handed out separately.
EMBEDDED_IMAGES = frozenset({"image/png", "image/jpeg"})


@dataclass
class Section:
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def _fetcher() -> URLFetcher:
    """Letters load nothing from disk or the network; an inline data: URI (a logo, an uploaded image) is the only
    exception. A new fetcher per document: WeasyPrint's fetcher keeps per-request state."""
    return URLFetcher(allowed_protocols=("data",), allow_redirects=False)


CONTACT_FIELDS = ("phone", "email", "address", "opening_hours")


def require_contact(case: Case):
    """A letter tells the citizen how to reach the job centre ("ring til os", "kom forbi"): the municipality's
    branding must hold its phone, e-mail, address and opening hours before any letter is issued. Returns the
    branding; raises a DomainError naming what is missing."""
    branding = getattr(case.municipality, "letter_branding", None)
    labels = {"phone": _("phone"), "email": _("e-mail"), "address": _("address"), "opening_hours": _("opening hours")}
    missing = [labels[f] for f in CONTACT_FIELDS if branding is None or not getattr(branding, f, "").strip()]
    if missing:
        raise DomainError(
            _("The letter cannot be issued: the job centre's contact details are missing from the municipality's "
              "letter branding (%(missing)s). An administrator fills them in under Letter branding.")
            % {"missing": ", ".join(missing)},
            field="branding",
        )  # fmt: skip
    return branding


def letter_context(
    *, case: Case, title: str, sections: list[Section], letter_date: date, recipient: list[str] | None = None
) -> dict:
    branding = getattr(case.municipality, "letter_branding", None)
    citizen = case.citizen
    caseworker = case.caseworker
    sender = branding.sender if branding else f"Jobcenter · {case.municipality.name}"
    return {
        "recipient": recipient or [],
        "opening_hours": [ln for ln in (branding.opening_hours if branding else "").splitlines() if ln.strip()],
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


def render_letter_pdf(
    *, case: Case, title: str, sections: list[Section], letter_date: date, template: str = TEMPLATE,
    extra: dict | None = None, recipient: list[str] | None = None,
) -> bytes:  # fmt: skip
    """The letter as PDF; refused (DomainError) while the job centre's contact details are missing."""
    require_contact(case)
    context = letter_context(case=case, title=title, sections=sections, letter_date=letter_date, recipient=recipient)
    with translation.override("da"):
        html = render_to_string(template, context | (extra or {}))
    return HTML(string=html, url_fetcher=_fetcher()).write_pdf()


def letter_text(title: str, sections: list[Section]) -> str:
    """The letter as plain text: kept as the Document's summary (so the file-access bundle and a search find it)."""
    parts = [title]
    for s in sections:
        parts += [s.heading] if s.heading else []
        parts += s.paragraphs
        parts += [f"- {item}" for item in s.items]
    return "\n".join(p for p in parts if p)


def store_letter(
    *, actor, case: Case, title: str, sections: list[Section], letter_date: date, stored: list[str],
    attachments: list["Attachment"] | None = None, template: str = TEMPLATE, extra: dict | None = None,
    recipient: list[str] | None = None, summary: str = "", sensitive: bool = False,
) -> Document:  # fmt: skip
    """Render the letter and keep it in the case as an outgoing Document with its PDF. `stored` collects the file
    name, so a caller whose transaction fails removes the file again (evidence.services._discard). With
    `attachments` (the hearing's documents, the file-access bundle) the documents' own files follow the letter,
    each after a separator page. `template`/`extra`: the case file's parts after the cover letter."""
    pdf = render_letter_pdf(case=case, title=title, sections=sections, letter_date=letter_date, template=template,
                            extra=extra, recipient=recipient)  # fmt: skip
    if attachments:
        pdf = append_attachments(case=case, title=title, cover=pdf, attachments=attachments)
    branding = getattr(case.municipality, "letter_branding", None)
    document = Document(
        case=case, kind=DocumentKind.OUTGOING_LETTER, title=title[:200], document_date=letter_date,
        author=(branding.sender if branding else case.municipality.name)[:200], received_on=letter_date,
        summary=summary or letter_text(title, sections),
        sensitive=sensitive or any(a.document.sensitive for a in attachments or ()),
        recorded_by=actor, recorded_at=timezone.now(),
        original_filename=f"{title[:80]}.pdf", content_type="application/pdf", size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(), storage_token=files.new_storage_token(),
    )  # fmt: skip
    document.file.save(document.storage_token, ContentFile(pdf), save=False)
    stored.append(document.file.name)
    document.save()
    return document


# --- the file-access bundle's attachments ---------------------------------------------------------------------


@dataclass
class Attachment:
    """One handed-out document's uploaded file: `pdf` (its pages follow a separator page), `image` (put on a page
    after the separator) or `separate` (cannot be put into the bundle: handed out separately, named on the cover)."""

    document: Document
    kind: str
    number: int = 0
    pages: int = 0
    reader: PdfReader | None = None
    data_uri: str = ""


def _read_file(document: Document) -> bytes | None:
    try:
        with document.file.storage.open(document.file.name, "rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def _open_pdf(data: bytes) -> PdfReader | None:
    """The uploaded PDF, or None when it cannot be read or is locked with a password. Uploads were checked only by
    their first bytes, so a damaged file must not stop the bundle: pypdf raises many kinds of error on one."""
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        # Copied once here, so a file that reads but cannot be copied fails now and not half-way into the bundle.
        copy = PdfWriter()
        copy.append(reader)
        out = BytesIO()
        copy.write(out)
        reader = PdfReader(BytesIO(out.getvalue()))
        return reader if len(reader.pages) else None
    except Exception:  # any unreadable upload is handed out separately instead
        return None


def plan_attachments(documents: list[Document]) -> list[Attachment]:
    """What of each document's file goes into the bundle, in the order given; numbered from 1 as "bilag"."""
    plan, number = [], 0
    for document in documents:
        if not document.file:
            continue
        data = _read_file(document)
        attachment = Attachment(document=document, kind="separate")
        if data is not None and document.content_type == "application/pdf":
            reader = _open_pdf(data)
            if reader is not None:
                attachment.kind, attachment.reader, attachment.pages = "pdf", reader, len(reader.pages)
        elif data is not None and document.content_type in EMBEDDED_IMAGES:
            attachment.kind, attachment.pages = "image", 1
            attachment.data_uri = f"data:{document.content_type};base64,{base64.b64encode(data).decode('ascii')}"
        if attachment.kind != "separate":
            number += 1
            attachment.number = number
        plan.append(attachment)
    return plan


def append_attachments(*, case: Case, title: str, cover: bytes, attachments: list[Attachment]) -> bytes:
    """The cover letter, then per attachment its separator page and its pages (a PDF's own, or the image's). The
    separators are rendered in one document; the element ids on each page tell where each attachment starts."""
    embedded = [a for a in attachments if a.kind != "separate"]
    if not embedded:
        return cover
    with translation.override("da"):
        html = render_to_string(ATTACHMENTS_TEMPLATE, {"title": title, "case_number": case.number,
                                                       "attachments": embedded})  # fmt: skip
    rendered = HTML(string=html, url_fetcher=_fetcher()).render()
    starts: dict[str, int] = {}
    for index, page in enumerate(rendered.pages):
        for anchor in page.anchors:
            starts.setdefault(anchor, index)
    separators = PdfReader(BytesIO(rendered.write_pdf()))
    bounds = [starts[f"attachment-{a.number}"] for a in embedded] + [len(separators.pages)]
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(cover)))
    for position, attachment in enumerate(embedded):
        for index in range(bounds[position], bounds[position + 1]):
            writer.add_page(separators.pages[index])
        if attachment.kind == "pdf":
            writer.append(attachment.reader)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
