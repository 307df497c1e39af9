"""Benchmark: the SQL queries each page and API operation costs on the database DATABASE_URL points at.

    DATABASE_URL=postgres://…/evne .venv/bin/python bench/page_queries.py [--user sagsbehandler1] [--tables]

Needs a loaded database (`evne demo`, optionally `evne synth --citizens 300`). Prints, per page, the number of
queries and how many times the most-read table was read; `--tables` lists every table read more than once.
The case page is measured on the case of the user's team with the most timeline events.
"""

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.environ.get("EVNE_SRC") or str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from evne.accounts.models import User  # noqa: E402
from evne.cases.models import Case  # noqa: E402
from evne.checks.case import case_checks  # noqa: E402
from evne.decisions.models import Decision  # noqa: E402

FROM = re.compile(r'\b(?:FROM|JOIN)\s+"?([a-z_0-9]+)"?', re.IGNORECASE)


def tables(sql: str) -> set[str]:
    return set(FROM.findall(sql))


def reads(queries) -> Counter:
    counter: Counter = Counter()
    for q in queries:
        if q["sql"].lstrip().upper().startswith("SELECT"):
            counter.update(tables(q["sql"]))
    return counter


def measure(label: str, run, show_tables: bool) -> None:
    with CaptureQueriesContext(connection) as ctx:
        status = run()
    counted = reads(ctx.captured_queries)
    worst = counted.most_common(1)[0] if counted else ("-", 0)
    print(f"{label:<34} {status!s:>4} {len(ctx.captured_queries):>5} queries   most-read: {worst[0]} ×{worst[1]}")
    if show_tables:
        for table, n in counted.most_common():
            if n > 1:
                print(f"      {table} ×{n}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="sagsbehandler1")
    parser.add_argument("--tables", action="store_true")
    args = parser.parse_args()
    user = User.objects.get(username=args.user)
    team_cases = Case.objects.filter(team_id=user.team_id).annotate(n=Count("events")).order_by("-n", "pk")
    case = team_cases.first()
    draft = Decision.objects.filter(case__team_id=user.team_id, issued_at__isnull=True).order_by("pk").first()
    client = Client()
    client.force_login(user)
    api = Client()
    api.force_login(user)
    print(f"{Case.objects.count()} cases; user {user.username}; case {case.number} ({case.n} events)")
    measure("Mine sager", lambda: client.get("/").status_code, args.tables)
    measure("case page", lambda: client.get(f"/cases/{case.pk}/").status_code, args.tables)

    def checks():
        c = Case.objects.select_related("citizen", "team", "caseworker").get(pk=case.pk)
        case_checks(c, on=timezone.localdate())
        return "-"

    measure("Lovkrav og frister (case_checks)", checks, args.tables)
    if draft is not None:
        url = f"/cases/{draft.case_id}/decisions/{draft.number}/"
        measure("decision draft", lambda: client.get(url).status_code, args.tables)
    measure("search (web, 'e')", lambda: _search(client, "e"), args.tables)
    measure("API case list", lambda: _api_cases(api), args.tables)
    measure("API citizen search ('e')", lambda: _api_citizens(api, "e"), args.tables)


def _search(client: Client, q: str) -> int:
    response = client.post("/search/", {"q": q})
    if b"hx-push-url" in response.content:  # before search became a POST (the old form pushed q into the URL)
        response = client.get("/search/", {"q": q})
    return response.status_code


def _api_cases(client: Client) -> int:
    response = client.get("/api/cases")
    if response.status_code == 422:  # before the list without q
        response = client.get("/api/cases", {"q": "e"})
    return response.status_code


def _api_citizens(client: Client, q: str) -> int:
    response = client.post("/api/citizens/search", {"q": q}, content_type="application/json")
    if response.status_code in (404, 405):
        response = client.get("/api/citizens", {"q": q})
    return response.status_code


if __name__ == "__main__":
    main()
