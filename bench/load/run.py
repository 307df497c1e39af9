"""Load benchmark: Evne under the production server on PostgreSQL, driven by locust, against a floor view.

    DATABASE_URL=postgres://…/evne_f .venv/bin/python bench/load/run.py [--cases 100000] [--users 200]
        [--duration 90] [--workers 5] [--port 8765]

1. makes sure the database holds a population of --cases cases (evne synth --cases N --municipalities 2; resumable);
2. starts the production server (`start_server`: gunicorn on evne.wsgi with production settings; the one place
   to point at `evne serve` once it exists);
3. runs locust headless for --duration seconds: --users simulated users, nine in ten caseworkers of the population
   (log in, worklist, open a case — its page shows Lovkrav og frister —, the profile, the decisions, add a note,
   search a surname), one in ten a staff user reading the floor view (one case row as JSON);
4. prints requests/s, p50/p95/p99 and errors per operation beside the floor's, with the goal: every p95 within 3×
   the floor's, and zero errors.
"""

import argparse
import csv
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
FLOOR = "FLOOR (one case row as JSON)"
FLOOR_USER = "bench-floor"
SERVER_LOG = Path(tempfile.gettempdir()) / "evne-bench-server.log"
ACCESS_LOG = Path(tempfile.gettempdir()) / "evne-bench-access.log"
# URL → operation, for the server's own time per request (gunicorn's access log: without the wait in the queue)
OPERATIONS = [
    (re.compile(r"^GET /bench/floor/\d+/$"), FLOOR),
    (re.compile(r"^GET /$"), "worklist"),
    (re.compile(r"^GET /cases/\d+/$"), "case (incl. Lovkrav og frister)"),
    (re.compile(r"^GET /cases/\d+/profile/$"), "profile"),
    (re.compile(r"^GET /cases/\d+/decisions/$"), "decisions"),
    (re.compile(r"^POST /cases/\d+/notes/$"), "add note"),
    (re.compile(r"^GET /search/$"), "search (surname)"),
    (re.compile(r"^POST /login/$"), "login"),
    (re.compile(r"^GET /login/$"), "login (form)"),
    (re.compile(r"^POST /logout/$"), "logout"),
]


def server_times() -> dict[str, list[float]]:
    """Milliseconds the server spent per request, by operation."""
    times: dict[str, list[float]] = {}
    for line in ACCESS_LOG.read_text(encoding="utf-8").splitlines():
        method, path, _status, micros = line.split()
        for pattern, name in OPERATIONS:
            if pattern.match(f"{method} {path}"):
                times.setdefault(name, []).append(int(micros) / 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def django_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.load.settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'src'}",
        "EVNE_SECRET_KEY": os.environ.get("EVNE_SECRET_KEY") or secrets.token_urlsafe(40),
        "EVNE_BENCH_FLOOR": "1",
        "EVNE_DB_CONN_MAX_AGE": os.environ.get("EVNE_DB_CONN_MAX_AGE", "60"),
    }


def start_server(env: dict[str, str], *, port: int, workers: int) -> subprocess.Popen:
    """The production server, gunicorn on evne.wsgi as `evne serve` runs it, here with an access-log format that
    gives the server's own time per request (the figures beside locust's)."""
    ACCESS_LOG.unlink(missing_ok=True)
    return subprocess.Popen(  # noqa: S603 - our own executables and arguments
        [str(VENV_BIN / "gunicorn"), "evne.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--preload", "--log-level", "warning", "--timeout", "120",
         "--access-logfile", str(ACCESS_LOG), "--access-logformat", "%(m)s %(U)s %(s)s %(D)s"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(SERVER_LOG, "w"),
    )  # fmt: skip


def wait_until_up(port: int, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer within five minutes (see {SERVER_LOG}).")


def prepare(env: dict[str, str], cases: int, seed: int, users: int) -> dict:
    """The population (loaded or resumed), the floor user, and who the simulated caseworkers are."""
    subprocess.run([str(VENV_BIN / "evne"), "migrate", "-v0"], env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [str(VENV_BIN / "evne"), "synth", "--cases", str(cases), "--municipalities", "2", "--seed", str(seed)],
        env=env, check=True,
    )  # fmt: skip
    script = f"""
import json, django
django.setup()
from django.db.models import Count, Max, Min, Q
from evne.accounts.models import Role, User
from evne.cases.models import Case
from evne.synth.generate import DEMO_PASSWORD
from evne.synth.names import SURNAMES
floor, _ = User.objects.get_or_create(username="{FLOOR_USER}", defaults={{"role": Role.ADMINISTRATOR}})
floor.set_password(DEMO_PASSWORD); floor.is_staff = True; floor.save()
workers = (User.objects.filter(role=Role.CASEWORKER, municipality__code__in=["900", "901"])
           .annotate(n=Count("cases", filter=~Q(cases__status="closed"))).filter(n__gt=0).order_by("username"))
span = Case.objects.aggregate(lo=Min("id"), hi=Max("id"))
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
def session(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key
chosen = list(workers)[:{users}]
loads = sorted(w.n for w in workers)
print(json.dumps({{"caseworkers": [[w.username, session(w)] for w in chosen], "password": DEMO_PASSWORD,
                  "floor_user": "{FLOOR_USER}",
                  "case_min": span["lo"], "case_max": span["hi"], "surnames": list(SURNAMES),
                  "cases": Case.objects.count(),
                  "open_per_caseworker": [loads[0], loads[len(loads) // 2], loads[-1]], "with_open": len(loads)}}))
"""
    command = [sys.executable, "-c", script]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_locust(env: dict[str, str], setup_file: str, *, port: int, users: int, duration: int, prefix: str) -> None:
    subprocess.run(  # noqa: S603
        [str(VENV_BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")), "--headless",
         "-u", str(users), "-r", str(max(1, users // 20)), "-t", f"{duration}s", "--host", f"http://127.0.0.1:{port}",
         "--csv", prefix, "--only-summary", "--loglevel", "WARNING"],
        env={**env, "EVNE_BENCH_USERS": setup_file}, check=False,
    )  # fmt: skip


def report(prefix: str, duration: int) -> bool:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Name"] != "Aggregated"]
    floor = next((r for r in rows if r["Name"] == FLOOR), None)
    floor_p95 = float(floor["95%"]) if floor else float("nan")
    print(
        f"\n{'operation':38} {'req/s':>7} {'n':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}  p95/floor"
    )
    ok = True
    for r in sorted(rows, key=lambda r: (r["Name"] != FLOOR, r["Name"])):
        p95 = float(r["95%"])
        ratio = p95 / floor_p95 if floor_p95 else float("nan")
        errors = int(r["Failure Count"])
        within = r["Name"] == FLOOR or ratio <= 3
        ok = ok and errors == 0 and (within or r["Name"].startswith("login"))
        name, rate, count = r["Name"][:38], float(r["Requests/s"]), int(r["Request Count"])
        print(f"{name:38} {rate:7.1f} {count:6d} {float(r['50%']):7.0f} {p95:7.0f} {float(r['99%']):7.0f} "
              f"{errors:6d}  {ratio:5.1f}× {'' if within else '(goal ≤ 3×)'}")  # fmt: skip
    served = server_times()
    floor_served = percentile(served.get(FLOOR, []), 0.95)
    print(f"\nTime in the server (gunicorn access log; without waiting for a free worker):\n{'operation':38} "
          f"{'n':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}  p95/floor")  # fmt: skip
    for name in sorted(served, key=lambda n: (n != FLOOR, n)):
        values = served[name]
        p95 = percentile(values, 0.95)
        print(f"{name[:38]:38} {len(values):6d} {percentile(values, 0.5):7.0f} {p95:7.0f} "
              f"{percentile(values, 0.99):7.0f}  {p95 / floor_served:5.1f}×")  # fmt: skip
    saturated = floor_p95 > 10 * floor_served
    if saturated:
        ok = False
        print(
            f"\nSATURATED: the floor waited {floor_p95:.0f} ms at p95 for {floor_served:.0f} ms of work; the "
            "client-side figures measure the queue for a free worker, not the pages. Fewer --users, or more cores."
        )
    print(
        f"\nGoal: zero errors and every operation's p95 within 3× the floor's ({3 * floor_p95:.0f} ms); "
        f"logins are shown but not held to it (password hashing is meant to be slow). Met: {'yes' if ok else 'no'}."
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--duration", type=int, default=90)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL=postgres://… (the benchmark runs on PostgreSQL).")
    env = django_env(database_url)
    setup = prepare(env, args.cases, args.seed, args.users)
    print(f"Population: {setup['cases']} cases; {setup['with_open']} caseworkers with open cases "
          f"(open cases each: min {setup['open_per_caseworker'][0]}, median {setup['open_per_caseworker'][1]}, "
          f"max {setup['open_per_caseworker'][2]}).")  # fmt: skip
    print(f"Load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="evne-bench-") as tmp:
        setup_file = str(Path(tmp) / "setup.json")
        Path(setup_file).write_text(json.dumps(setup), encoding="utf-8")
        server = start_server(env, port=args.port, workers=args.workers)
        try:
            wait_until_up(args.port)
            ACCESS_LOG.write_text("")  # the requests that waited for the server to come up are not the run's
            run_locust(env, setup_file, port=args.port, users=args.users, duration=args.duration,
                       prefix=str(Path(tmp) / "locust"))  # fmt: skip
            print(f"Load average after: {os.getloadavg()}")
            report(str(Path(tmp) / "locust"), args.duration)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
