"""The published rule catalogue (id, titles, citations, dates, severity, what it checks)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from evne.cases.checks import title
from evne.rules.catalogue import RULES
from evne.rules.parameters import all_parameters


def catalogue(request: HttpRequest) -> HttpResponse:
    rules = [{"rule": r, "title": title(r)} for r in RULES]
    return render(request, "web/rules/catalogue.html", {"rules": rules, "parameters": all_parameters()})
