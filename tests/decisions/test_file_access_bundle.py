"""The file-access bundle carries the handed-out documents' own files: each uploaded PDF's pages after a separator
page naming it, an image on a page of its own, and nothing of an internal working document."""

from datetime import date, timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader
from weasyprint import HTML

from evne.decisions import services
from evne.decisions.letters import plan_attachments
from evne.evidence.services import document_register

from .conftest import pdf_text

TODAY = date.today


def pdf_with(text: str, pages: int = 1) -> bytes:
    body = "".join(f'<p style="break-after: page">{text} side {n}</p>' for n in range(1, pages + 1))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def png() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def upload(alice, case, *, title, data, name, kind="other", summary="Resumé."):
    return document_register(
        actor=alice, case=case, kind=kind, title=title, document_date=TODAY() - timedelta(days=5),
        author="Afsender", received_on=TODAY() - timedelta(days=4), summary=summary,
        upload=SimpleUploadedFile(name, data),
    )  # fmt: skip


def hand_out(alice, case, marks=()):
    request = services.file_access_request(actor=alice, case=case, requested_on=TODAY(), channel="written")
    return services.file_access_hand_out(actor=alice, request=request, expected_version=1, handed_out_on=TODAY(),
                                         documents=list(marks))  # fmt: skip


def test_the_bundle_holds_the_uploaded_pdf_and_not_an_internal_documents_file(alice, prepared):
    case = prepared["case"]
    statement = upload(alice, case, title="Statusattest fra egen læge", name="attest.pdf",
                       data=pdf_with("Attestteksten-KVX17 om skulderen", pages=2))  # fmt: skip
    internal = upload(alice, case, title="Arbejdsnotat", name="notat.pdf", summary="Intern overvejelse.",
                      data=pdf_with("Intern-arbejdsnote-ZQW88"))  # fmt: skip

    access = hand_out(alice, case, [{"document_id": internal.pk, "internal": True, "unique_facts": False}])

    reader = PdfReader(BytesIO(access.bundle.file.read()))
    text = pdf_text(access.bundle)
    assert "Attestteksten-KVX17 om skulderen side 1" in text and "Attestteksten-KVX17 om skulderen side 2" in text
    assert "Intern-arbejdsnote-ZQW88" not in text and "Intern overvejelse." not in text
    assert "Bilag 1: Statusattest fra egen læge" in text and "attest.pdf" in text
    assert "vedlagt som bilag 1 (2 sider)" in text
    # The separator page comes right before the document's own two pages, at the end of the bundle.
    pages = [page.extract_text() for page in reader.pages]
    assert "Bilag 1: Statusattest" in pages[-3] and "side 1" in pages[-2] and "side 2" in pages[-1]
    row = next(r for r in access.handed_out if r.get("document_id") == statement.pk)
    assert row["included"] is True


def test_an_internal_document_with_unique_facts_is_handed_out_with_its_file(alice, prepared):
    case = prepared["case"]
    internal = upload(alice, case, title="Arbejdsnotat", name="notat.pdf", data=pdf_with("Eneste-kilde-RT55"))

    access = hand_out(alice, case, [{"document_id": internal.pk, "internal": True, "unique_facts": True}])

    assert "Eneste-kilde-RT55" in pdf_text(access.bundle)


def test_an_image_is_put_on_its_own_page_and_a_broken_pdf_is_handed_out_separately(alice, prepared):
    case = prepared["case"]
    upload(alice, case, title="Foto af hjælpemiddel", name="foto.png", data=png())
    upload(alice, case, title="Beskadiget fil", name="beskadiget.pdf", data=b"%PDF-1.4\n" + b"\x00garbage" * 50)

    access = hand_out(alice, case)

    text = pdf_text(access.bundle).replace("\n", " ")
    assert "Bilag 1: Foto af hjælpemiddel" in text and "Bilag 2" not in text
    assert "Vedlagt særskilt" in text and "beskadiget.pdf" in text
    reader = PdfReader(BytesIO(access.bundle.file.read()))
    last = reader.pages[-1]
    assert last.images and not last.extract_text().strip()  # the image page holds the image and nothing else
    files = {r["document_id"]: r["file"] for r in access.handed_out if "document_id" in r}
    assert sorted(files.values()) == ["", "image", "separate"]  # the specialist statement has no file


def test_the_page_tells_the_caseworker_which_files_to_hand_out_separately(client, alice, prepared):
    case = prepared["case"]
    upload(alice, case, title="Beskadiget fil", name="beskadiget.pdf", data=b"%PDF-1.4\n" + b"\x00garbage" * 50)
    request = services.file_access_request(actor=alice, case=case, requested_on=TODAY(), channel="oral")
    client.force_login(alice)

    response = client.post(reverse("web:decisions_file_access_hand_out", args=[case.pk, request.pk]),
                           {"version": 1, "handed_out_on": TODAY().isoformat()}, follow=True)  # fmt: skip

    page = response.content.decode()
    warning = next(line for line in page.splitlines() if 'class="warning"' in line)
    assert "beskadiget.pdf" in warning, warning
    request.refresh_from_db()
    assert request.bundle is not None


def test_an_earlier_bundle_is_not_attached_again(alice, prepared):
    case = prepared["case"]
    upload(alice, case, title="Attest", name="attest.pdf", data=pdf_with("Gentaget-ikke-JJ2"))
    first = hand_out(alice, case)

    second = hand_out(alice, case)

    assert pdf_text(second.bundle).count("Gentaget-ikke-JJ2") == 1
    assert [a.document.pk for a in plan_attachments([first.bundle])] == [first.bundle.pk]  # it is a readable PDF
