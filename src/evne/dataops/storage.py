"""Files that a crash cannot orphan: write to a staging area, move into place when the transaction commits.

`StagedFileSystemStorage.save()` writes the file (fsynced) under MEDIA_ROOT/.staging/ and, when the transaction that
stores the row commits, moves it to its final name (`os.replace`, atomic on one file system). A crash before the
commit leaves only a staged file that no row names; a crash between the commit and the move leaves a staged file
that a row names. `evne sweep_files` (evne.dataops.sweep) removes the first kind once older than the threshold and
moves the second kind into place, so that no file without a row remains and no row points at a missing file.
Reading a name looks in the staging area when the final file is not there yet (the same transaction reads back what
it has just written, e.g. the file-access bundle).
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.db import transaction

STAGING = ".staging"


class StagedFileSystemStorage(FileSystemStorage):
    def staged_path(self, name: str) -> str:
        return os.path.join(self.location, STAGING, name)

    def _save(self, name, content):
        # The staging area mirrors the final names, so a name free in both places is free.
        staged = self.staged_path(name)
        Path(staged).parent.mkdir(parents=True, exist_ok=True, mode=0o750)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(staged, flags, self.file_permissions_mode or 0o640)
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            Path(staged).unlink(missing_ok=True)
            raise
        transaction.on_commit(lambda: self.promote(name), robust=True)
        return name.replace("\\", "/")

    def promote(self, name: str) -> bool:
        """Move a staged file into place; True when it moved."""
        staged, final = self.staged_path(name), super().path(name)
        if not os.path.exists(staged):
            return False
        Path(final).parent.mkdir(parents=True, exist_ok=True, mode=0o750)
        os.replace(staged, final)
        return True

    def exists(self, name):
        return super().exists(name) or os.path.exists(self.staged_path(name))

    def path(self, name):
        final = super().path(name)
        if not os.path.exists(final) and os.path.exists(self.staged_path(name)):
            return self.staged_path(name)
        return final

    def delete(self, name):
        super().delete(name)
        Path(self.staged_path(name)).unlink(missing_ok=True)
