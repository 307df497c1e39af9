"""The `evne` command: Django's management commands behind one entry point.

`evne demo --serve` migrates, loads the demo data and serves the UI; every other Django command works too
(`evne migrate`, `evne createsuperuser`, …).
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")
    from django.core.management import execute_from_command_line

    argv = sys.argv[:]
    argv[0] = "evne"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
