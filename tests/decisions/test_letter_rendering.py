"""The decision letter and the hearing letter as a citizen gets them (issue 13, item 2): rendered to PNG (PDFium,
pypdfium2) to prove the pages exist and are not blank, and their text read with pypdf: the job centre's contact
details, "what happens now", the complaint deadline as a date, attachments really attached (or not promised), the
citizen addressed as "du", and no page holding only the signature."""

from datetime import timedelta
from io import BytesIO

import pypdfium2 as pdfium
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from pypdf import PdfReader
from weasyprint import HTML

from evne.decisions import services
from evne.decisions.models import Decision, DecisionStatus, LetterBranding
from evne.errors import DomainError
from evne.evidence.services import document_register
from evne.rules.catalogue.deadline import complaint_due
from evne.rules.parameters import param

from .conftest import refusal_values

SIGNATURE_ONLY = {"Med venlig hilsen", "Alice Testesen"}


def pages_of(document) -> list[str]:
    with default_storage.open(document.file.name, "rb") as handle:
        data = handle.read()
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(data)).pages], data


def render_png(data: bytes, tmp_path) -> list:
    """Every page as a PNG file; returns the images (PIL)."""
    images = []
    for index, page in enumerate(pdfium.PdfDocument(data)):
        image = page.render(scale=1).to_pil()
        image.save(tmp_path / f"page-{index + 1}.png")
        images.append(image)
    return images


def inked(image) -> bool:
    return image.convert("L").getextrema()[0] < 128  # some dark pixels: text was drawn


def assert_last_page_is_more_than_the_signature(pages: list[str]):
    last = pages[-1]
    for line in (*SIGNATURE_ONLY, f"Side {len(pages)} af {len(pages)}"):
        last = last.replace(line, "")
    assert len(last.strip()) > 40, pages[-1]


def test_the_decision_letter_reads_as_a_letter_to_the_citizen(alice, ready, tmp_path):
    today = timezone.localdate()

    issued = services.decision_issue(actor=alice, decision=ready, expected_version=ready.version,
                                     override_reason="Test.")  # fmt: skip

    pages, data = pages_of(issued.letter)
    images = render_png(data, tmp_path)
    assert len(images) == len(pages) >= 1 and all(inked(i) for i in images)
    assert (tmp_path / "page-1.png").stat().st_size > 1000
    text = " ".join(pages)
    assert "Afgørelse om afslag på fleksjob" in text and "Du får afslag på fleksjob." in text
    # The job centre's contact details, from the branding.
    assert "Telefon 70 00 00 00" in text and "jobcenter@evnekoebing.example.dk" in text and "Torsdag 9–17" in text
    assert "Jobcentervej 1" in text
    # What happens now, and who to contact.
    assert "Hvad sker der nu?" in text and "Din sag fortsætter." in text
    assert "kontakte din sagsbehandler, Alice Testesen, på telefon 70 00 00 00" in text
    # The complaint deadline as a date, computed by the dated rule (4 weeks from the parameter, to a working day).
    due = complaint_due(today, [], today)
    assert due - today >= timedelta(weeks=param("deadlines.appeal_weeks", today))
    assert f"sidste frist for at klage den {due:%d-%m-%Y}" in text
    assert "borgeren" not in text.lower()
    assert_last_page_is_more_than_the_signature(pages)


def test_a_long_decision_letter_keeps_its_signature_with_the_text(alice, prepared, tmp_path):
    long_reasons = " ".join(["Du har deltaget i praktik, og praktikstedet har beskrevet, hvad du kunne."] * 60)
    draft = services.decision_draft(actor=alice, case=prepared["case"],
                                    **refusal_values(prepared, reasons=long_reasons))  # fmt: skip
    hearing = services.hearing_send(actor=alice, decision=draft, expected_version=draft.version,
                                    sent_on=timezone.localdate() - timedelta(days=20),
                                    unfavourable_facts="Praktikstedet oplyser: du har arbejdet 30 timer.")  # fmt: skip
    services.hearing_record_answer(actor=alice, hearing=hearing, expected_version=hearing.version,
                                   answer="no_answer")  # fmt: skip
    draft.refresh_from_db()

    issued = services.decision_issue(actor=alice, decision=draft, expected_version=draft.version,
                                     override_reason="Test.")  # fmt: skip

    pages, data = pages_of(issued.letter)
    assert len(pages) >= 2 and len(render_png(data, tmp_path)) == len(pages)
    assert_last_page_is_more_than_the_signature(pages)


def test_the_hearing_letter_attaches_what_it_lists_and_promises_no_copy_it_lacks(alice, prepared, tmp_path):
    case = prepared["case"]
    report = document_register(
        actor=alice, case=case, kind="other", title="Praktikrapport", document_date=timezone.localdate(),
        author="Lagerhuset", received_on=timezone.localdate(), summary="30 timer om ugen.",
        upload=SimpleUploadedFile("rapport.pdf", HTML(string="<p>Rapportens-egen-tekst-QX9</p>").write_pdf()),
    )  # fmt: skip
    draft = services.decision_draft(actor=alice, case=case, **refusal_values(prepared))

    hearing = services.hearing_send(actor=alice, decision=draft, expected_version=draft.version,
                                    sent_on=timezone.localdate(), document_ids=[report.pk],
                                    unfavourable_facts="Praktikstedet oplyser: du har arbejdet 30 timer.")  # fmt: skip

    pages, data = pages_of(hearing.letter)
    images = render_png(data, tmp_path)
    assert len(images) == len(pages) and all(inked(i) for i in images)
    text = " ".join(pages)
    assert "Partshøring før afgørelse" in text and "Dokumenter, vi bygger på" in text
    assert "Praktikrapport, Lagerhuset" in text and "vedlagt som bilag 1" in text
    assert "Rapportens-egen-tekst-QX9" in text  # the attachment is really in the PDF
    # The specialist statement has no file: its essential content is in the letter, no copy is promised for it.
    assert "Det væsentlige indhold: Kroniske smerter" in text and "kopi vedlagt" not in text.lower()
    assert "Telefon 70 00 00 00" in text and "Mandag–onsdag 9–15" in text
    assert hearing.letter.sensitive  # a specialist statement went with it


def test_no_letter_is_issued_without_the_job_centres_contact_details(alice, ready):
    LetterBranding.objects.filter(municipality=ready.case.municipality).update(opening_hours="", phone="")
    ready.case.municipality.letter_branding.refresh_from_db()

    with translation.override("da"), pytest.raises(DomainError) as exc:
        services.decision_issue(actor=alice, decision=ready, expected_version=ready.version, override_reason="T.")

    assert "kontaktoplysninger" in exc.value.message and "telefon" in exc.value.message
    assert "åbningstider" in exc.value.message
    assert Decision.objects.get(pk=ready.pk).status == DecisionStatus.DRAFT


def test_case_text_about_the_citizen_is_refused_in_a_letter_to_her(alice, prepared):
    third = refusal_values(prepared, reasons="Mette har arbejdet 30 timer i praktikken.")
    draft = services.decision_draft(actor=alice, case=prepared["case"], **third)

    with translation.override("da"), pytest.raises(DomainError) as exc:
        services.decision_issue(actor=alice, decision=draft, expected_version=draft.version, override_reason="T.")

    assert exc.value.field == "reasons" and "Mette" in exc.value.message and "“du”" in exc.value.message
    with pytest.raises(DomainError) as exc:
        services.hearing_send(
            actor=alice,
            decision=draft,
            expected_version=draft.version,
            sent_on=timezone.localdate(),
            unfavourable_facts="Borgeren har arbejdet 30 timer.",
        )
    assert exc.value.field == "unfavourable_facts"


def test_later_letters_name_the_decision_by_what_and_when_not_by_number(alice, ready):
    issued = services.decision_issue(actor=alice, decision=ready, expected_version=ready.version, override_reason="T.")
    complaint = services.complaint_register(actor=alice, decision=issued, received_on=timezone.localdate(),
                                            channel="oral", summary="Du er uenig.")  # fmt: skip
    complaint = services.complaint_reconsider(actor=alice, complaint=complaint, expected_version=1, outcome="kept",
                                              reconsidered_on=timezone.localdate(), reasons="Fastholdt.")  # fmt: skip

    forwarded = services.complaint_forward(actor=alice, complaint=complaint, expected_version=complaint.version,
                                           forwarded_on=timezone.localdate())  # fmt: skip

    pages, _data = pages_of(forwarded.reconsideration_letter)
    text = " ".join(pages)
    assert f"afgørelsen om afslag på fleksjob af {timezone.localdate():%d-%m-%Y}" in text
    assert "nr. 1" not in text and "afgørelse nr" not in text
