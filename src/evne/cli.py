"""The `evne` command: Django's management commands behind one entry point.

`evne demo --serve` migrates, loads the demo data and serves the UI; every other Django command works too
(`evne migrate`, `evne createsuperuser`, …). `evne check FILE.json` runs the legal checks on a case file (the
`legal_check` command); `evne check` without a .json file stays Django's system check.
"""

import os
import sys

# Commands run as the database role that owns the tables (DATABASE_MIGRATE_URL) when it is set: migrations, the
# grants, and the maintenance that erases or rewrites append-only records
# (docs/decisions/0019-database-roles-files-backup-retention.md).
OWNER_COMMANDS = {
    "migrate",
    "db_roles",
    "accesslog",
    "retention",
    "restore",
    "import",
    "flush",
    "sweep_files",
    "demo",
    "synth",
}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")
    from django.core.management import execute_from_command_line

    argv = route(sys.argv)
    use_owner_connection(argv, os.environ)
    execute_from_command_line(argv)


def use_owner_connection(argv: list[str], environ) -> bool:
    """For an owner's command, DATABASE_URL becomes DATABASE_MIGRATE_URL (when that is set)."""
    if len(argv) > 1 and argv[1] in OWNER_COMMANDS and environ.get("DATABASE_MIGRATE_URL"):
        environ["DATABASE_URL"] = environ["DATABASE_MIGRATE_URL"]
        return True
    return False


def route(argv: list[str]) -> list[str]:
    """`evne check FILE.json …` → `evne legal_check FILE.json …`; everything else unchanged."""
    argv = ["evne", *argv[1:]]
    if len(argv) > 1 and argv[1] == "check" and any(a.endswith(".json") for a in argv[2:]):
        argv[1] = "legal_check"
    return argv


if __name__ == "__main__":
    main()
