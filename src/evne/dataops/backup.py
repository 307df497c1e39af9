"""`evne backup` / `evne restore`: the database and the files together, in one archive, verified on restore.

The archive is a gzip'ed tar holding `manifest.json`, the database (`database.dump`, pg_dump's custom format, on
PostgreSQL; `database.sqlite3`, a copy made by SQLite's online backup API, on SQLite) and `media/<name>` for every
file a row names. On PostgreSQL the row counts, the list of files and pg_dump all read ONE snapshot
(pg_export_snapshot, `pg_dump --snapshot`), so the manifest describes exactly the dump; on SQLite they are read from
the copy. The manifest carries the row count of every table and the SHA-256 of the database file and of every file.

Restore refuses a database that already has tables (unless forced), checks every checksum before it writes,
restores the database in one transaction (pg_restore --single-transaction; the backup API on SQLite), writes the
files, and then counts the rows and re-reads the files against the manifest.
"""

# ruff: noqa: S608 -- table and column names come from the database catalogue and Django's models, quoted

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that must stop; the message is for the operator (Danish)."""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_columns() -> list[tuple[str, str]]:
    """(table, column) of every file field: the files a backup carries are the ones the rows name."""
    out = []
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField):
                out.append((model._meta.db_table, f.column))
    return sorted(out)


def vendor_of(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(_("Backup supports PostgreSQL and SQLite only."))


# --- reading a database's contents (a DB-API cursor of either kind) -------------------------------------------


def _tables(cursor, vendor: str) -> list[str]:
    if vendor == "postgresql":
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1"
        )
    else:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")
    return [row[0] for row in cursor.fetchall()]


def _counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT count(*) FROM {_q(table)}")
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _file_names(cursor, tables: set[str]) -> list[str]:
    names: set[str] = set()
    for table, column in file_columns():
        if table in tables:
            cursor.execute(f"SELECT {_q(column)} FROM {_q(table)} WHERE {_q(column)} <> ''")
            names.update(row[0] for row in cursor.fetchall() if row[0])
    return sorted(names)


def _pg_params(settings_dict: dict) -> dict:
    return {
        "dbname": settings_dict["NAME"], "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None, "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
    }  # fmt: skip


def _pg_env(settings_dict: dict) -> tuple[list[str], dict]:
    p = _pg_params(settings_dict)
    args = ["--dbname", p["dbname"]]
    if p["host"]:
        args += ["--host", str(p["host"])]
    if p["port"]:
        args += ["--port", str(p["port"])]
    if p["user"]:
        args += ["--username", str(p["user"])]
    env = {**os.environ}
    if p["password"]:
        env["PGPASSWORD"] = str(p["password"])  # the child's environment, never its command line
    return args, env


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s") % {"program": command[0], "error": done.stderr.strip()[-2000:]}
        )


def _pg_connect(settings_dict: dict):
    import psycopg

    return psycopg.connect(**{k: v for k, v in _pg_params(settings_dict).items() if v is not None})


# --- backup ----------------------------------------------------------------------------------------------------


@dataclass
class Summary:
    tables: int
    rows: int
    files: int
    missing_files: list[str]


def backup(archive: Path, *, settings_dict: dict, storage, raw_sqlite=None) -> Summary:
    """Write the archive. `raw_sqlite`: the open sqlite3 connection to copy (Django's own, so an in-memory database
    is copied too)."""
    vendor = vendor_of(settings_dict)
    with tempfile.TemporaryDirectory(prefix="evne-backup-") as tmp:
        if vendor == "postgresql":
            db_file = Path(tmp) / "database.dump"
            with _pg_connect(settings_dict) as conn:
                conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
                with conn.cursor() as cursor:
                    tables = _tables(cursor, vendor)
                    counts = _counts(cursor, tables)
                    names = _file_names(cursor, set(tables))
                args, env = _pg_env(settings_dict)
                _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", "--file", str(db_file), *args], env)
                conn.rollback()
        else:
            db_file = Path(tmp) / "database.sqlite3"
            source = raw_sqlite or sqlite3.connect(settings_dict["NAME"])
            copy = sqlite3.connect(db_file)
            try:
                source.backup(copy)
                cursor = copy.cursor()
                tables = _tables(cursor, vendor)
                counts = _counts(cursor, tables)
                names = _file_names(cursor, set(tables))
            finally:
                copy.close()
                if raw_sqlite is None:
                    source.close()
        files, missing = {}, []
        archive.parent.mkdir(parents=True, exist_ok=True)
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(db_file, arcname=db_file.name)
            for name in names:
                try:
                    with storage.open(name, "rb") as handle:
                        data = handle.read()
                except (OSError, FileNotFoundError):
                    missing.append(name)
                    continue
                files[name] = sha256_bytes(data)
                info = tarfile.TarInfo(f"media/{name}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            manifest = {
                "format": FORMAT, "created_at": timezone.now().isoformat(), "vendor": vendor,
                "database": {"file": db_file.name, "sha256": sha256_file(db_file)},
                "tables": counts, "files": files, "missing_files": missing,
            }  # fmt: skip
            raw = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
        os.replace(partial, archive)  # a half-written archive never carries the final name
    return Summary(tables=len(counts), rows=sum(counts.values()), files=len(files), missing_files=missing)


# --- restore ---------------------------------------------------------------------------------------------------


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.extractfile(MANIFEST)
        manifest = json.loads(member.read()) if member else None
    except (KeyError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("The archive has no valid manifest; it is not an Evne backup."))
    return manifest


def _member_bytes(tar: tarfile.TarFile, name: str) -> bytes:
    try:
        member = tar.extractfile(name)
    except KeyError:
        member = None
    if member is None:
        raise BackupError(_("The archive lacks %(name)s.") % {"name": name})
    return member.read()


def target_tables(settings_dict: dict) -> list[str]:
    vendor = vendor_of(settings_dict)
    if vendor == "postgresql":
        with _pg_connect(settings_dict) as conn, conn.cursor() as cursor:
            return _tables(cursor, vendor)
    if not Path(settings_dict["NAME"]).exists():
        return []
    with sqlite3.connect(settings_dict["NAME"]) as conn:
        return _tables(conn.cursor(), vendor)


def verify(manifest: dict, *, settings_dict: dict, storage) -> list[str]:
    """What differs between the restored database and files and the manifest (empty: all verified)."""
    vendor = vendor_of(settings_dict)
    problems = []
    if vendor == "postgresql":
        with _pg_connect(settings_dict) as conn, conn.cursor() as cursor:
            counts = _counts(cursor, list(manifest["tables"]))
    else:
        conn = sqlite3.connect(settings_dict["NAME"])
        try:
            counts = _counts(conn.cursor(), list(manifest["tables"]))
        finally:
            conn.close()
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            problems.append(
                _("The table %(table)s has %(found)s rows; the backup had %(expected)s.")
                % {"table": table, "found": counts.get(table), "expected": expected}
            )
    for name, expected in manifest["files"].items():
        try:
            with storage.open(name, "rb") as handle:
                found = sha256_bytes(handle.read())
        except OSError:
            found = None
        if found != expected:
            problems.append(_("The file %(name)s is missing or differs from the backup.") % {"name": name})
    return problems


def restore(archive: Path, *, settings_dict: dict, storage, force: bool = False) -> dict:
    """Restore the archive into the database `settings_dict` names and into `storage`; return the manifest."""
    vendor = vendor_of(settings_dict)
    if not Path(archive).is_file():
        raise BackupError(_("The archive %(path)s does not exist.") % {"path": archive})
    try:
        tar = tarfile.open(archive, "r:gz")  # noqa: SIM115 -- closed by the with below
    except (tarfile.TarError, OSError):
        raise BackupError(_("The archive cannot be read; it is not an Evne backup.")) from None
    with tar, tempfile.TemporaryDirectory(prefix="evne-restore-") as tmp:
        manifest = read_manifest(tar)
        if manifest["vendor"] != vendor:
            raise BackupError(
                _("The backup is of a %(backup)s database and cannot be restored into %(target)s.")
                % {"backup": manifest["vendor"], "target": vendor}
            )
        db_name = manifest["database"]["file"]
        db_file = Path(tmp) / db_name
        db_file.write_bytes(_member_bytes(tar, db_name))
        if sha256_file(db_file) != manifest["database"]["sha256"]:
            raise BackupError(_("The database in the archive does not match its checksum; nothing was restored."))
        contents = {}
        for name, expected in manifest["files"].items():
            data = _member_bytes(tar, f"media/{name}")
            if sha256_bytes(data) != expected:
                raise BackupError(
                    _("The file %(name)s in the archive does not match its checksum; nothing was restored.")
                    % {"name": name}
                )
            contents[name] = data
        existing = [name for name in contents if storage.exists(name)]
        if not force and (target_tables(settings_dict) or existing):
            raise BackupError(
                _("The database or the file folder is not empty. Restore into an empty database, or use --force "
                  "to overwrite it.")
            )  # fmt: skip
        if vendor == "postgresql":
            args, env = _pg_env(settings_dict)
            if force:
                # Drop what is there and restore in ONE transaction (pg_restore --clean cannot drop partitions'
                # inherited constraints): the dump as SQL, after a fresh public schema, through psql -1.
                script = Path(tmp) / "restore.sql"
                _run(["pg_restore", "--no-owner", "--no-privileges", "--file", str(script), str(db_file)], env)
                _run(["psql", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1",
                      "--command", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
                      "--file", str(script), *args], env)  # fmt: skip
            else:
                _run(["pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                      *args, str(db_file)], env)  # fmt: skip
        else:
            source, target = sqlite3.connect(db_file), sqlite3.connect(settings_dict["NAME"])
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
        for name, data in contents.items():
            if storage.exists(name):
                storage.delete(name)
            stored = storage.save(name, ContentFile(data))
            if stored != name:
                raise BackupError(_("The file %(name)s could not be written under its own name.") % {"name": name})
    problems = verify(manifest, settings_dict=settings_dict, storage=storage)
    if problems:
        raise BackupError(_("The restore could not be verified:") + "\n" + "\n".join(problems))
    return manifest
