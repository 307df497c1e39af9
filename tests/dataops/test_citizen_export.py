"""The citizen's data (GDPR art. 15): a ZIP with every case, the documents and the access log; itself logged."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry, Role
from evne.evidence.services import document_register

PDF = b"%PDF-1.4\n" + b"syntetisk " * 20


@pytest.fixture
def leader(make_user, team_a):
    return make_user("tove", Role.TEAM_LEADER, team_a)


@pytest.fixture
def with_document(alice, case):
    return document_register(
        actor=alice, case=case, kind="other", title="Bilag", document_date=date(2026, 6, 1), author="Borger",
        received_on=date(2026, 6, 2), summary="Syntetisk.", upload=SimpleUploadedFile("bilag.pdf", PDF),
    )  # fmt: skip


def test_the_page_gives_the_zip_and_logs_it(client, leader, case, with_document):
    client.force_login(leader)
    url = reverse("dataops:citizen_export", args=[case.citizen_id])
    page = client.get(url)
    assert page.status_code == 200 and "art. 15" in page.content.decode()
    response = client.post(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"borger.json", f"sager/{case.number}.json", "adgangslog.json", "LAESMIG.txt"} <= names
    assert archive.read(f"dokumenter/{case.number}/{with_document.pk}-bilag.pdf") == PDF
    held = json.loads(archive.read("borger.json"))
    assert held["borger"]["first_name"] == "Mette"
    casefile = json.loads(archive.read(f"sager/{case.number}.json"))
    assert casefile["case"]["number"] == case.number
    exports = AccessLogEntry.objects.filter(user=leader, action=AccessAction.EXPORT, citizen_id=case.citizen_id)
    assert exports.filter(case__isnull=True).count() == 1 and exports.filter(case=case).count() == 1
    assert "art. 15" in exports.first().detail
    # The copy's own access log names the earlier reads of the citizen's data.
    assert isinstance(json.loads(archive.read("adgangslog.json")), list)


def test_a_caseworker_and_a_stranger_get_no_copy(client, alice, charlie, case):
    url = reverse("dataops:citizen_export", args=[case.citizen_id])
    client.force_login(alice)
    assert client.post(url).status_code == 403
    client.force_login(charlie)
    assert client.post(url).status_code == 404
    assert not AccessLogEntry.objects.filter(action=AccessAction.EXPORT).exists()


def test_the_command_writes_the_zip(leader, case, tmp_path):
    out = tmp_path / "indsigt.zip"
    call_command("citizen_export", "--citizen-id", str(case.citizen_id), "--user", "tove", "-o", str(out))
    assert "adgangslog.json" in zipfile.ZipFile(out).namelist()
    with pytest.raises(CommandError):
        call_command("citizen_export", "--citizen-id", str(case.citizen_id), "--user", "alice", "-o", str(out))
