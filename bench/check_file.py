"""Benchmark: `evne check FILE.json` on a demo case file, as a user runs it (a new process each time).

    .venv/bin/python bench/check_file.py [--runs 5]

Loads the demo into a throwaway SQLite database, exports the demo case with the most records (no files), then runs
`evne check` on the file `--runs` times and prints the median and worst wall time beside the floor (1 s, issue 11),
and the number of rule results. The check itself uses no database.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_S = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count

    from evne.casefile.export import dumps, export_case
    from evne.cases.models import Case
    from evne.synth.generate import load_demo

    call_command("migrate", verbosity=0)
    load_demo()
    case = Case.objects.annotate(n=Count("events")).order_by("-n").first()
    path = tmp / "case.json"
    path.write_text(dumps(export_case(case, include_files=False)), encoding="utf-8")
    evne = Path(sys.executable).with_name("evne")
    env = {**os.environ, "DATABASE_URL": "sqlite:///nonexistent/no-database-is-read.sqlite3"}
    times, results = [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        command = [str(evne), "check", str(path), "--json"]  # our own entry point and a file we wrote
        out = subprocess.run(command, env=env, capture_output=True, check=True)  # noqa: S603
        times.append(time.perf_counter() - started)
        results = len(json.loads(out.stdout)["results"])
    median = statistics.median(times)
    print(f"check_file: case with {case.n} timeline events, {path.stat().st_size / 1024:.0f} KiB, {results} rule "
          f"results; {args.runs} runs: median {median:.2f} s, worst {max(times):.2f} s (floor {FLOOR_S:.1f} s) "
          f"{'OK' if median < FLOOR_S else 'OVER THE FLOOR'}")  # fmt: skip
    return 0 if median < FLOOR_S else 1


if __name__ == "__main__":
    sys.exit(main())
