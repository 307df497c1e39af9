"""The `evne` command: Django's management commands behind one entry point.

`evne demo --serve` migrates, loads the demo data and serves the UI; every other Django command works too
(`evne migrate`, `evne createsuperuser`, …). `evne check FILE.json` runs the legal checks on a case file (the
`legal_check` command); `evne check` without a .json file stays Django's system check.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(route(sys.argv))


def route(argv: list[str]) -> list[str]:
    """`evne check FILE.json …` → `evne legal_check FILE.json …`; everything else unchanged."""
    argv = ["evne", *argv[1:]]
    if len(argv) > 1 and argv[1] == "check" and any(a.endswith(".json") for a in argv[2:]):
        argv[1] = "legal_check"
    return argv


if __name__ == "__main__":
    main()
