"""Documents: the summary (not a copy), dates, health information marked, and files kept safely — type by
content, size limit, random storage name, hash — with nothing saved when a file is refused."""

import hashlib
from unittest import mock

import pytest
from django.core.files.storage import default_storage

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.errors import AccessDenied, DomainError
from evne.evidence import files
from evne.evidence.models import Document
from evne.evidence.services import document_register

from .conftest import EXE, JPEG, PDF, PNG, TEXT, TIFF, days_ago, upload


def register(actor, case, **values):
    values = {"kind": "lae_265", "title": "LÆ 265 fra egen læge", "document_date": days_ago(20),
              "author": "Lægehuset Nord", "received_on": days_ago(10),
              "summary": "Lænderygsmerter siden 2024; kan ikke løfte over 10 kg.", **values}  # fmt: skip
    return document_register(actor=actor, case=case, **values)


def stored_names(case) -> list[str]:
    folder = f"documents/{case.pk}"
    return default_storage.listdir(folder)[1] if default_storage.exists(folder) else []


def test_it_registers_a_medical_document_as_health_information(alice, case):
    document = register(alice, case)
    assert document.sensitive is True
    assert not document.file
    event = case.events.get(kind=EventKind.DOCUMENT_RECEIVED)
    assert "Contains health information" in describe(event)


def test_it_leaves_a_non_medical_document_unmarked_unless_told(alice, case):
    assert register(alice, case, kind="employer_statement").sensitive is False
    assert register(alice, case, kind="citizen_document", sensitive=True).sensitive is True


def test_it_requires_a_summary(alice, case):
    with pytest.raises(DomainError) as err:
        register(alice, case, summary="  ")
    assert err.value.field == "summary"
    assert not Document.objects.exists()


def test_it_refuses_a_document_date_in_the_future_or_after_receipt(alice, case):
    with pytest.raises(DomainError) as err:
        register(alice, case, document_date=days_ago(-1))
    assert err.value.field == "document_date"
    with pytest.raises(DomainError) as err:
        register(alice, case, document_date=days_ago(5), received_on=days_ago(6))
    assert err.value.field == "received_on"


def test_it_stores_a_pdf_under_a_random_name_with_its_hash(alice, case):
    document = register(alice, case, upload=upload("Mette Testrup LÆ265.pdf", PDF))
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF)
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert document.original_filename == "Mette Testrup LÆ265.pdf"
    assert document.file.name == f"documents/{case.pk}/{document.storage_token}"
    assert "Mette" not in document.file.name and len(document.storage_token) == 32
    assert document.file.open("rb").read() == PDF


@pytest.mark.parametrize(("content", "content_type"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (TIFF, "image/tiff")])
def test_it_reads_the_type_from_the_content_not_the_name(alice, case, content, content_type):
    document = register(alice, case, upload=upload("attest.pdf", content, "application/pdf"))
    assert document.content_type == content_type


@pytest.mark.parametrize("content", [EXE, TEXT, b"<html><script>alert(1)</script></html>"])
def test_it_refuses_a_program_or_text_named_pdf_and_saves_nothing(alice, case, content):
    with pytest.raises(DomainError) as err:
        register(alice, case, upload=upload("attest.pdf", content))
    assert err.value.field == "file"
    assert "PDF, PNG, JPEG, TIFF" in err.value.message and "20 MB" in err.value.message
    assert not Document.objects.exists()
    assert not case.events.filter(kind=EventKind.DOCUMENT_RECEIVED).exists()
    assert stored_names(case) == []


def test_it_refuses_an_empty_file(alice, case):
    with pytest.raises(DomainError) as err:
        register(alice, case, upload=upload("tom.pdf", b""))
    assert "empty" in err.value.message
    assert not Document.objects.exists()


def test_it_refuses_a_file_over_the_limit_and_accepts_one_at_it(alice, case):
    with mock.patch.object(files, "max_bytes", return_value=len(PDF) - 1):
        with pytest.raises(DomainError) as err:
            register(alice, case, upload=upload("stor.pdf", PDF))
        assert "too large" in err.value.message
        assert not Document.objects.exists() and stored_names(case) == []
    with mock.patch.object(files, "max_bytes", return_value=len(PDF)):
        assert register(alice, case, upload=upload("lige.pdf", PDF)).size == len(PDF)


def test_it_refuses_a_real_file_over_20_mb(alice, case):
    big = upload("scan.pdf", PDF + b"\x00" * (20 * 1024 * 1024))
    with pytest.raises(DomainError) as err:
        register(alice, case, upload=big)
    assert "20 MB" in err.value.message


def test_it_removes_the_stored_file_when_the_transaction_fails(alice, case):
    failing = mock.patch("evne.evidence.services.record_event", side_effect=RuntimeError("database went away"))
    with failing, pytest.raises(RuntimeError):
        register(alice, case, upload=upload("attest.pdf", PDF))
    assert not Document.objects.exists()
    assert stored_names(case) == []


def test_it_keeps_only_the_files_own_name():
    assert files.clean_filename("C:\\Users\\x\\Desktop\\attest.pdf") == "attest.pdf"
    assert files.clean_filename("../../etc/passwd\x00.pdf") == "passwd.pdf"
    assert len(files.clean_filename("a" * 400 + ".pdf")) == 255


def test_it_lets_only_the_cases_team_register_documents(bob, carol, charlie, case):
    assert register(bob, case).pk
    for stranger in (carol, charlie):
        with pytest.raises(AccessDenied):
            register(stranger, case, upload=upload())
    assert stored_names(case) == []
