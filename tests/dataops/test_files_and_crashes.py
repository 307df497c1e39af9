"""Files and crashes: a file is staged, moved into place on commit; a crash leaves nothing the sweep cannot mend."""

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction

from evne.dataops.storage import STAGING
from evne.dataops.sweep import referenced_names, sweep
from evne.evidence.models import Document
from evne.evidence.services import document_register

PDF = b"%PDF-1.4\n" + b"syntetisk " * 100


@pytest.fixture
def staged_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "evne.dataops.storage.StagedFileSystemStorage"},
    }
    return Path(settings.MEDIA_ROOT)


def register(alice, case, title="Brev"):
    return document_register(
        actor=alice, case=case, kind="other", title=title, document_date=date(2026, 6, 1), author="Borger",
        received_on=date(2026, 6, 2), summary="Syntetisk.", upload=SimpleUploadedFile("brev.pdf", PDF),
    )  # fmt: skip


def file_clock(root: Path) -> float:
    """The file system's clock (the test's own clock is frozen; files written by a subprocess carry real times)."""
    probe = root.parent / "clock-probe"
    probe.write_bytes(b"")
    return probe.stat().st_mtime + 1


def on_disk(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


@pytest.mark.django_db(transaction=True)
def test_a_file_is_staged_and_moved_into_place_on_commit(staged_media, alice, case):
    with transaction.atomic():
        document = register(alice, case)
        name = document.file.name
        assert on_disk(staged_media) == {f"{STAGING}/{name}"}
        assert document.file.read() == PDF  # the transaction reads back what it has written
    assert on_disk(staged_media) == {name}
    assert default_storage.open(name).read() == PDF


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_a_staged_file_the_sweep_removes(staged_media, alice, case):
    with pytest.raises(RuntimeError), transaction.atomic():
        register(alice, case)
        staged = on_disk(staged_media)
        raise RuntimeError("the transaction fails after the file was written")
    assert not Document.objects.exists()
    # The outer transaction failed after the service returned: its file stays staged, named by no row.
    (orphan_name,) = staged
    orphan = staged_media / orphan_name
    assert orphan_name.startswith(STAGING + "/")
    assert sweep(older_than_seconds=3600).removed_staged == []  # too young: its transaction may still run
    old = time.time() - 7200
    os.utime(orphan, (old, old))
    call_command("sweep_files", "--older-than-hours", "1", "--dry-run")
    assert orphan.exists()
    call_command("sweep_files", "--older-than-hours", "1")
    assert on_disk(staged_media) == set()


@pytest.mark.django_db(transaction=True)
def test_a_file_in_place_without_a_row_is_swept(staged_media, alice, case):
    kept = register(alice, case).file.name
    stray = staged_media / "documents" / "stray"
    stray.write_bytes(b"x")
    result = sweep(older_than_seconds=0, now=file_clock(staged_media))
    assert result.removed_unreferenced == ["documents/stray"]
    assert on_disk(staged_media) == {kept}


def run_writer(media: Path, user_id: int, case_id: int, point: str) -> subprocess.CompletedProcess:
    s = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
        f"/{s['NAME']}",
        "DJANGO_SETTINGS_MODULE": "evne.settings.test",
    }
    script = Path(__file__).with_name("crash_writer.py")
    return subprocess.run(  # noqa: S603
        [sys.executable, str(script), str(media), str(user_id), str(case_id), point],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("point", ["mid_write", "before_commit", "after_commit"])
def test_kill_9_mid_write_leaves_no_orphan_and_no_missing_file(shared_database, staged_media, alice, case, point):
    before = Document.objects.count()
    done = run_writer(staged_media, alice.pk, case.pk, point)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    rows = Document.objects.count() - before
    assert rows == (1 if point == "after_commit" else 0)
    assert any(p.startswith(STAGING) for p in on_disk(staged_media))  # the crash left a staged file behind
    result = sweep(older_than_seconds=0, now=file_clock(staged_media))
    assert result.missing == []
    names = referenced_names()
    assert on_disk(staged_media) == names  # no file without a row, no row without its file
    for document in Document.objects.exclude(file=""):
        assert default_storage.open(document.file.name).read().startswith(b"%PDF-1.4\nsyntetisk")


@pytest.mark.django_db(transaction=True)
def test_the_writer_without_a_crash_stores_row_and_file(shared_database, staged_media, alice, case):
    done = run_writer(staged_media, alice.pk, case.pk, "none")
    assert done.returncode == 0, done.stderr[-2000:]
    assert on_disk(staged_media) == referenced_names() != set()
