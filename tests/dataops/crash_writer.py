"""Run by test_files_and_crashes in a subprocess: register a document with a file, and die by SIGKILL at one point.

    python crash_writer.py MEDIA_ROOT USER_ID CASE_ID POINT

POINT: `mid_write` (half the file written, not yet synced), `before_commit` (the row inserted, the transaction
open), `after_commit` (committed, the file not yet moved into place), `none` (no crash).
"""

import os
import signal
import sys
from datetime import date


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(media_root: str, user_id: int, case_id: int, point: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.test")
    import django

    django.setup()
    from django.test import override_settings

    override_settings(
        MEDIA_ROOT=media_root,
        STORAGES={
            "default": {"BACKEND": "evne.dataops.storage.StagedFileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from evne.accounts.models import User
    from evne.cases.models import Case
    from evne.dataops import storage as staged
    from evne.evidence import services

    if point == "mid_write":
        staged.os.fsync = lambda fd: die()  # the first half is flushed, the rest never comes
    elif point == "before_commit":
        services.record_event = lambda **kw: die()
    elif point == "after_commit":
        staged.StagedFileSystemStorage.promote = lambda self, name: die()
    user, case = User.objects.get(pk=user_id), Case.objects.get(pk=case_id)
    services.document_register(
        actor=user, case=case, kind="other", title="Brev", document_date=date(2026, 6, 1), author="Borger",
        received_on=date(2026, 6, 2), summary="Syntetisk.",
        upload=SimpleUploadedFile("brev.pdf", b"%PDF-1.4\n" + b"syntetisk indhold " * 4000),
    )  # fmt: skip
    print("done")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
