"""Worklist, case page and search times at two population sizes (issue 14, item 8), through Django's test client
with the production settings (bench/load/settings.py), in-process, on PostgreSQL.

    .venv/bin/python bench/views_at_scale.py postgres://…/evne_f postgres://…/evne_f_big [--runs 7]

For each database: a caseworker of municipality 900 with about 100 open cases, twelve of their cases, and each view
timed --runs times (after one warm-up); prints the median and the number of queries per view, side by
side, with the ratio large ÷ small. Each database is measured in its own process, one after the other.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MEASURE = r"""
import json, statistics, sys, time, django
django.setup()
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from evne.accounts.models import Role, User
from evne.cases.models import Case
runs = int(sys.argv[1])
workers = list(User.objects.filter(role=Role.CASEWORKER, municipality__code="900")
               .annotate(n=Count("cases", filter=~Q(cases__status="closed"))).filter(n__gt=0).order_by("n", "username"))
worker = min(workers, key=lambda w: (abs(w.n - 100), w.username))  # the same caseload in both populations
cases = list(Case.objects.filter(caseworker=worker).exclude(status="closed").order_by("id")[:12])
client = Client()
client.force_login(worker)
surname = cases[0].citizen.last_name
views = {
    "worklist": ["/"],
    "case page": [f"/cases/{c.pk}/" for c in cases],
    "search (surname)": [f"/search/?q={surname}"],
    "search (case number)": [f"/search/?q={cases[1].number}"],
}
out = {"cases": Case.objects.count(), "open": worker.n}
for name, urls in views.items():
    times, queries = [], []
    for url in urls:
        client.get(url)  # warm-up
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            queries.append(len(captured))
    out[name] = {"median_ms": statistics.median(times), "queries": statistics.median(queries)}
print(json.dumps(out))
"""


def measure(database_url: str, runs: int) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.load.settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'src'}",
        "EVNE_SECRET_KEY": secrets.token_urlsafe(40),
    }
    command = [sys.executable, "-c", MEASURE, str(runs)]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("small")
    parser.add_argument("large")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    started = time.monotonic()
    small, large = measure(args.small, args.runs), measure(args.large, args.runs)
    print(f"load average {os.getloadavg()}; {time.monotonic() - started:.0f} s")
    print(f"{'view':24} {small['cases']:>10,} cases   {large['cases']:>10,} cases   large÷small   queries")
    print(f"{'(open cases of the user)':24} {small['open']:>16} {large['open']:>16}")
    for name in ("worklist", "case page", "search (surname)", "search (case number)"):
        a, b = small[name], large[name]
        print(f"{name:24} {a['median_ms']:13.0f} ms {b['median_ms']:13.0f} ms {b['median_ms'] / a['median_ms']:10.2f}×"
              f"   {a['queries']:.0f} / {b['queries']:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
