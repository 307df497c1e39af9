"""Checks on an uploaded document file, before anything is stored.

The type is read from the file's first bytes (its "magic number"), never from its name or the content type the
browser sends: a file named `attest.pdf` that holds a PNG is stored as a PNG, and a program or a text file
named `.pdf` is refused. Only the formats certificates and scans arrive in are accepted. The file is stored
under a random name (the storage token); the original name is kept only in the database.
"""

import hashlib
import os
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.core.files import File
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from evne.errors import DomainError

from . import parameters

# (magic bytes at offset 0, content type, a readable name, file extension for downloads)
SIGNATURES: list[tuple[bytes, str, str, str]] = [
    (b"%PDF-", "application/pdf", "PDF", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG", "jpg"),
    (b"II*\x00", "image/tiff", "TIFF", "tif"),
    (b"MM\x00*", "image/tiff", "TIFF", "tif"),
]
ALLOWED_NAMES = "PDF, PNG, JPEG, TIFF"
EXTENSIONS = {content_type: ext for _magic, content_type, _name, ext in SIGNATURES}
HEAD_BYTES = 16


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    size: int
    sha256: str
    original_filename: str


def max_bytes(on: date) -> int:
    return parameters.in_force(parameters.DOCUMENT_MAX_BYTES, on)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def sniff(head: bytes) -> str | None:
    """The content type the first bytes show, or None when the format is not accepted."""
    for magic, content_type, _name, _ext in SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def clean_filename(name: str | None) -> str:
    """The file's own name without any path, control characters or NUL, at most 255 characters."""
    base = os.path.basename(str(name or "").replace("\\", "/"))
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    if len(base) > 255:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 254 - len(ext)] + dot + ext) if dot and len(ext) < 20 else base[:255]
    return base


def check_upload(upload: File, *, on: date) -> CheckedFile:
    """Refuse an empty, too large or wrongly typed file; return its type, size and SHA-256."""
    limit = max_bytes(on)
    size = upload.size
    if size is None:
        raise DomainError(_("The file could not be read."), field="file")
    if size == 0:
        raise DomainError(
            _("The file is empty. Upload a PDF, PNG, JPEG or TIFF file of at most %(max)s MB.")
            % {"max": _megabytes(limit)},
            field="file",
        )
    if size > limit:
        raise DomainError(
            _("The file is too large (%(size)s MB). The limit is %(max)s MB.")
            % {"size": f"{size / (1024 * 1024):.1f}", "max": _megabytes(limit)},
            field="file",
        )
    upload.seek(0)
    content_type = sniff(upload.read(HEAD_BYTES))
    if content_type is None:
        raise DomainError(
            _(
                "The file is not of an accepted type. Accepted are %(types)s (checked by the file's content, "
                "not its name), at most %(max)s MB."
            )
            % {"types": ALLOWED_NAMES, "max": _megabytes(limit)},
            field="file",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(
        content_type=content_type,
        size=size,
        sha256=digest.hexdigest(),
        original_filename=clean_filename(getattr(upload, "name", "")),
    )


def new_storage_token() -> str:
    """A random name for the stored file: it says nothing about the citizen or the document."""
    return secrets.token_hex(16)


def download_name(document) -> str:
    """The name offered to the browser: the original name with the extension of the stored content type (a PNG
    uploaded as `scan.pdf` downloads as `scan.png`, so the reader's program matches what the file holds), else a
    neutral one."""
    ext = EXTENSIONS.get(document.content_type, "bin")
    name = document.original_filename
    if not name:
        return f"document-{document.pk}.{ext}"
    stem, dot, current = name.rpartition(".")
    if dot and stem and current.lower() in _SAME_TYPE.get(ext, {ext}):
        return name
    return f"{stem if dot and stem else name}.{ext}"


# Extensions that already name the stored type: a JPEG may stay `.jpeg`, a TIFF `.tiff`.
_SAME_TYPE = {"jpg": {"jpg", "jpeg"}, "tif": {"tif", "tiff"}}


def file_response(document) -> FileResponse:
    """Stream a document's file as an attachment, never cached. Call only after access_case(what=DOCUMENT),
    which writes the download to the access log."""
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=download_name(document),
        content_type=document.content_type or "application/octet-stream",
    )  # fmt: skip
    response["Cache-Control"] = "no-store"  # personal (often health) data: no copies in any cache
    response["X-Content-Type-Options"] = "nosniff"
    return response
