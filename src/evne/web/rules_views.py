"""The published rule catalogue (id, titles, citations, dates, severity, what it checks)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from evne.checks.case import title
from evne.rules.catalogue import RULES
from evne.rules.coverage import counts, disposition, ledger, sources_by_rule
from evne.rules.parameters import all_parameters


def catalogue(request: HttpRequest) -> HttpResponse:
    rules = [{"rule": r, "title": title(r), "sources": sources_by_rule().get(r.id, ())} for r in RULES]
    uncovered = [{"key": k, "entry": e, "disposition": disposition(e), "why": e[disposition(e)]}
                 for k, e in ledger().items() if disposition(e) != "rules"]  # fmt: skip
    return render(request, "web/rules/catalogue.html", {
        "rules": rules, "parameters": all_parameters(), "coverage": counts(), "uncovered": uncovered,
    })  # fmt: skip
