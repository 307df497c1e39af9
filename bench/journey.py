"""The caseworker's day (issue 13), measured: runs the browser journey `tests/e2e/test_journey.py` in Debian's
Chromium and prints page loads, submits, partial (htmx) loads, clicks and field fills per step, with the targets.

    .venv/bin/python bench/journey.py

The figures are counted by the browser (document requests) and by the test's own clicks and fills; see
`tests/e2e/journey.py`. Targets: the whole journey in at most half of the interactions the issue measured, and a
company internship with its order in at most 8 page loads and submits from the case page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = {"page_loads": 170, "submits": 75, "clicks": 247, "fills": 332}  # the issue, on main of 2026-12-05
# The same script, run on main at 3e9a33e (before issue 13's changes): a person who knows every form, no mistakes.
SCRIPTED_BEFORE = {"page_loads": 35, "submits": 28, "partial_loads": 0, "clicks": 83, "fills": 102}
KINDS = ("page_loads", "submits", "partial_loads", "clicks", "fills")
HEAD = {"page_loads": "loads", "submits": "submits", "partial_loads": "htmx", "clicks": "clicks", "fills": "fills"}
INTERNSHIP = "Virksomhedspraktik med kravspecifikation"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "journey.json"
        env = {**os.environ, "EVNE_JOURNEY_REPORT": str(report), "DJANGO_SETTINGS_MODULE": "evne.settings.test"}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/e2e/test_journey.py"],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if not report.exists():
            print(run.stdout[-3000:], run.stderr[-2000:], sep="\n")
            return 1
        rows = json.loads(report.read_text(encoding="utf-8"))
    width = max(len(r["step"]) for r in rows) + 2
    print(f"{'step':<{width}}" + "".join(f"{HEAD[k]:>9}" for k in KINDS))
    total = dict.fromkeys(KINDS, 0)
    for row in rows:
        print(f"{row['step']:<{width}}" + "".join(f"{row[k]:>9}" for k in KINDS))
        for k in KINDS:
            total[k] += row[k]
    print(f"{'total':<{width}}" + "".join(f"{total[k]:>9}" for k in KINDS))
    print(f"{'before (issue 13)':<{width}}" + "".join(f"{BEFORE.get(k, '–'):>9}" for k in KINDS))
    print(f"{'before (this script, 3e9a33e)':<{width}}" + "".join(f"{SCRIPTED_BEFORE[k]:>9}" for k in KINDS))
    done = sum(total[k] for k in BEFORE)
    print(f"\ninteractions (loads + submits + clicks + fills): {done}; before {sum(BEFORE.values())}; "
          f"target ≤ {sum(BEFORE.values()) // 2}")  # fmt: skip
    internship = next(r for r in rows if r["step"] == INTERNSHIP)
    print(f"company internship with its order, from the case page: "
          f"{internship['page_loads'] + internship['submits']} page loads + submits; target ≤ 8")  # fmt: skip
    print(f"test: {'passed' if run.returncode == 0 else 'FAILED'}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
