"""Benchmark: does search use its indexes? EXPLAIN ANALYZE of the search queries on PostgreSQL.

    DATABASE_URL=postgres://…/evne .venv/bin/python bench/search_explain.py [--citizens 200000]

Inside one transaction that is rolled back: adds a scratch municipality with N synthetic citizens and a case each
(set-based INSERT … SELECT generate_series), ANALYZEs, and prints the plan and time of the queries the search
selectors send for a name, a full CPR number, a CPR date part and a case number.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evne.settings.dev")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from evne.accounts.models import Municipality, Role, Team, User  # noqa: E402
from evne.cases.selectors import cases_visible_to  # noqa: E402
from evne.citizens.selectors import citizens_visible_to, search_filter  # noqa: E402

LAST = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Knudsen",
        "Mortensen", "Møller", "Karlsen", "Holm", "Frandsen", "Kjær", "Skovgaard", "Bækgaard", "Lindholm"]  # fmt: skip


class Rollback(Exception):
    pass


def populate(n: int) -> User:
    used = set(Municipality.objects.values_list("code", flat=True))
    code = next(f"{c:03d}" for c in range(900, 1000) if f"{c:03d}" not in used)
    m = Municipality.objects.create(code=code, name="Søgeby (benchmark)")
    team = Team.objects.create(municipality=m, name="Team Søg")
    user = User.objects.create(username="search-bench", role=Role.CASEWORKER, municipality=m, team=team)
    lasts = "ARRAY[" + ",".join(f"'{name}'" for name in LAST) + "]"
    with connection.cursor() as cur:
        cur.execute(
            f"""INSERT INTO citizens_citizen (municipality_id, cpr, birth_date, first_name, last_name, address,
                    postal_code, city, phone, email, interpreter_language, created_at, version)
                SELECT %s, lpad((i %% 28 + 1)::text, 2, '0') || lpad((i / 28 %% 12 + 1)::text, 2, '0')
                           || lpad((i / 336 %% 100)::text, 2, '0') || lpad((i / 33600)::text, 4, '0'),
                       DATE '1970-01-01', 'Borger' || i, ({lasts})[i %% {len(LAST)} + 1] || (i %% 997),
                       '', '', '', '', '', '', now(), 1
                FROM generate_series(1, %s) AS i""",  # noqa: S608 - the names are this file's constants
            [m.pk, n],
        )
        cur.execute(
            """INSERT INTO cases_case (municipality_id, citizen_id, team_id, caseworker_id, number, pathway, benefit,
                    status, help_requested_on, opened_at, version)
               SELECT %s, c.id, %s, %s, %s || '-2026-' || lpad(row_number() OVER (ORDER BY c.id)::text, 6, '0'),
                      'ressourceforlob', 'kontanthjaelp', 'open', DATE '2026-01-01', now(), 1
               FROM citizens_citizen c WHERE c.municipality_id = %s""",
            [m.pk, team.pk, user.pk, code, m.pk],
        )
        cur.execute("ANALYZE citizens_citizen")
        cur.execute("ANALYZE cases_case")
    return user


def show(label: str, qs) -> None:
    plan = qs.explain(analyze=True)
    uses = sorted({w for w in ("citizen_first_name_trgm", "citizen_last_name_trgm", "case_number_trgm",
                               "citizen_cpr_unique_in_municipality", "Seq Scan") if w in plan})  # fmt: skip
    total = [line for line in plan.splitlines() if line.startswith("Execution Time")]
    print(f"--- {label}: {', '.join(uses)}; {total[0] if total else ''}")
    print(plan)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--citizens", type=int, default=200_000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only (DATABASE_URL=postgres://…)")
    try:
        with transaction.atomic():
            user = populate(args.citizens)
            print(f"{args.citizens} citizens with a case each in a scratch municipality (rolled back afterwards)")
            citizens = citizens_visible_to(user).order_by("last_name", "first_name", "pk")
            show("citizen name 'skovgaard'", citizens.filter(search_filter("skovgaard"))[:51])
            show("citizen name 'borger12345'", citizens.filter(search_filter("borger12345"))[:51])
            show("citizen full CPR", citizens.filter(search_filter("010101-0001"))[:51])
            show("citizen CPR date part", citizens.filter(search_filter("150315"))[:51])
            cases = cases_visible_to(user).order_by("citizen__last_name", "citizen__first_name", "number")
            show("case number '2026-012345'", cases.filter(number__icontains="2026-012345")[:51])
            with connection.cursor() as cur:  # the same without the trigram indexes (rolled back as well)
                cur.execute("DROP INDEX citizen_first_name_trgm, citizen_last_name_trgm, case_number_trgm")
            show("WITHOUT trigram indexes: citizen name 'skovgaard'", citizens.filter(search_filter("skovgaard"))[:51])
            show("WITHOUT trigram indexes: citizen name 'borger12345'",
                 citizens.filter(search_filter("borger12345"))[:51])  # fmt: skip
            show("WITHOUT trigram indexes: case number", cases.filter(number__icontains="2026-012345")[:51])
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
