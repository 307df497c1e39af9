"""evne backup / evne restore: a populated database and its files, round trip into a fresh database."""

import io
import json
import sqlite3
import tarfile
from datetime import date
from pathlib import Path

import psycopg
import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from evne.cases.services import case_open
from evne.citizens.models import Citizen
from evne.citizens.services import citizen_create
from evne.dataops.backup import BackupError, backup, restore
from evne.evidence.models import Document
from evne.evidence.services import document_register

PDF = b"%PDF-1.4\n" + b"syntetisk bilag " * 50


@pytest.fixture
def populated(transactional_db, kommune, alice, case):
    for i in range(4):  # a few synthetic citizens, each with a case and its timeline
        other = citizen_create(actor=alice, cpr=f"01018{i}-123{i}", first_name=f"Syntetisk{i}", last_name="Borger")
        case_open(actor=alice, citizen=other, pathway="jobafklaring", benefit="sygedagpenge",
                  help_requested_on=date(2026, 3, 2))  # fmt: skip
    document = document_register(
        actor=alice, case=case, kind="other", title="Bilag", document_date=date(2026, 6, 1), author="Borger",
        received_on=date(2026, 6, 2), summary="Syntetisk.", upload=SimpleUploadedFile("bilag.pdf", PDF),
    )  # fmt: skip
    return document


@pytest.fixture
def fresh_target(tmp_path):
    """A database nobody has used, of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = {**connection.settings_dict}
    conninfo = dict(host=admin["HOST"] or "127.0.0.1", port=admin["PORT"] or 5432, user=admin["USER"],
                    password=admin["PASSWORD"] or None, dbname="postgres", autocommit=True)  # fmt: skip
    with psycopg.connect(**conninfo) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
        pg.execute(f'CREATE DATABASE "{name}"')
    yield {**connection.settings_dict, "NAME": name}
    with psycopg.connect(**conninfo) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def raw():
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection
    return None


def members(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def test_round_trip_of_a_populated_database_into_a_fresh_one(populated, fresh_target, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    summary = backup(archive, settings_dict=connection.settings_dict, storage=default_storage, raw_sqlite=raw())
    manifest = json.loads(members(archive)["manifest.json"])
    assert manifest["tables"]["citizens_citizen"] == Citizen.objects.count() >= 5
    assert manifest["tables"]["evidence_document"] == Document.objects.count()
    assert manifest["files"] == {populated.file.name: populated.sha256}
    assert summary.files == 1 and summary.missing_files == []

    media = FileSystemStorage(location=str(tmp_path / "restored-media"))
    restored = restore(archive, settings_dict=fresh_target, storage=media)
    assert restored["tables"] == manifest["tables"]
    assert media.open(populated.file.name).read() == PDF
    if connection.vendor == "sqlite":
        with sqlite3.connect(fresh_target["NAME"]) as db:
            assert db.execute("SELECT count(*) FROM citizens_citizen").fetchone()[0] == Citizen.objects.count()
    # A second restore over the now populated database is refused without --force, and accepted with it.
    with pytest.raises(BackupError, match="--force"):
        restore(archive, settings_dict=fresh_target, storage=media)
    restore(archive, settings_dict=fresh_target, storage=media, force=True)


def _rewrite(archive: Path, target: Path, change) -> None:
    files = members(archive)
    change(files)
    with tarfile.open(target, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_a_tampered_archive_is_refused_before_anything_is_written(populated, fresh_target, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    backup(archive, settings_dict=connection.settings_dict, storage=default_storage, raw_sqlite=raw())
    media = FileSystemStorage(location=str(tmp_path / "restored-media"))

    def corrupt_file(files):
        files[f"media/{populated.file.name}"] = b"%PDF-1.4\nforfalsket"

    _rewrite(archive, tmp_path / "bad-file.tar.gz", corrupt_file)
    with pytest.raises(BackupError, match="kontrolsum"):  # Danish, as every message
        restore(tmp_path / "bad-file.tar.gz", settings_dict=fresh_target, storage=media)
    assert not media.exists(populated.file.name)

    def wrong_count(files):
        manifest = json.loads(files["manifest.json"])
        manifest["tables"]["citizens_citizen"] += 1
        files["manifest.json"] = json.dumps(manifest).encode()

    _rewrite(archive, tmp_path / "bad-count.tar.gz", wrong_count)
    with pytest.raises(BackupError, match="citizens_citizen"):
        restore(tmp_path / "bad-count.tar.gz", settings_dict=fresh_target, storage=media)


def test_the_commands_refuse_to_restore_over_the_live_database(populated, tmp_path, settings):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "-o", str(archive))
    assert archive.exists() and not archive.with_name("backup.tar.gz.partial").exists()
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database cannot be reopened by the restore")
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive))
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "none.tar.gz"))
