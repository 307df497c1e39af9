"""The fixture population for the generated access matrix and the API fuzzing: the demo (two municipalities, three
teams, every role, a rehabilitation team with meetings and agendas, decisions, flex jobs …), loaded once per module
and rolled back after it, with a resolver that fills any URL's path parameters with real records.

Scopes, seen from the demo users of Evnekøbing:
- `agenda`: a case of team 0 (sagsbehandler1's and teamleder's team) on the rehabilitation team's agenda;
- `own_team`: a case of team 0 not on any agenda;
- `other_team`: a case of another team of Evnekøbing, not on any agenda;
- `other_municipality`: a case of Andeby.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction

from evne.accounts.models import Role, User
from evne.cases.models import Case
from evne.synth.generate import ANDEBY, EVNEKOBING, EVNEKOBING_TEAMS, load_demo

# role key → demo username
USERS = {
    "caseworker": "sagsbehandler1",
    "team_leader": "teamleder",
    "rehab_member": "rehab",
    "auditor": "jurist",
    "administrator": "admin",
    "other_municipality": "andeby",
}
SCOPES = ("agenda", "own_team", "other_team", "other_municipality")


@dataclass
class Population:
    users: dict[str, User]
    scope_cases: dict[str, set[int]] = field(default_factory=dict)  # scope → case ids

    def scope_of(self, case_id: int) -> str:
        for scope, ids in self.scope_cases.items():
            if case_id in ids:
                return scope
        raise LookupError(case_id)

    def cases_in(self, scope: str):
        return Case.objects.filter(pk__in=self.scope_cases[scope]).order_by("pk")


def _scopes() -> dict[str, set[int]]:
    evne = Case.objects.filter(municipality__code=EVNEKOBING[0])
    on_agenda = set(evne.filter(rehab_agenda_items__isnull=False).values_list("pk", flat=True))
    team0 = set(evne.filter(team__name=EVNEKOBING_TEAMS[0]).values_list("pk", flat=True))
    others = set(evne.exclude(team__name=EVNEKOBING_TEAMS[0]).values_list("pk", flat=True))
    return {
        "agenda": team0 & on_agenda,
        "own_team": team0 - on_agenda,
        "other_team": others - on_agenda,
        "other_municipality": set(Case.objects.filter(municipality__code=ANDEBY[0]).values_list("pk", flat=True)),
    }


def load_population() -> Population:
    load_demo()
    users = {key: User.objects.get(username=name) for key, name in USERS.items()}
    assert users["rehab_member"].role == Role.REHAB_MEMBER
    population = Population(users=users, scope_cases=_scopes())
    assert all(population.scope_cases.values()), population.scope_cases
    return population


@pytest.fixture(scope="module")
def demo_population(django_db_setup, django_db_blocker):
    """The demo, loaded once per module and rolled back after it; each test runs in a savepoint. (Imported into
    tests/conftest.py, so any test may ask for it.)"""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_population()
        transaction.set_rollback(True)


# --- filling path parameters ------------------------------------------------------------------------------------
#
# Keyed by the path segment before the parameter and the parameter's name. Each entry: the model's queryset (a
# callable, so the import happens late), the case id of a record, and the path values the record gives.


def _m(app_label: str, model: str):
    from django.apps import apps

    return apps.get_model(app_label, model)


Resolver = tuple[Callable[[], Any], str, Callable[[Any], dict[str, Any]]]
RESOLVERS: dict[tuple[str, str], Resolver] = {
    ("cases", "case_id"): (lambda: _m("cases", "Case").objects.all(), "pk", lambda o: {"case_id": o.pk}),
    ("citizens", "citizen_id"): (
        lambda: _m("cases", "Case").objects.all(),
        "pk",
        lambda o: {"citizen_id": o.citizen_id},
    ),
    ("decisions", "number"): (
        lambda: _m("decisions", "Decision").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "number": o.number},
    ),
    ("hearing", "hearing_id"): (
        lambda: _m("decisions", "Hearing").objects.select_related("decision"),
        "decision__case_id",
        lambda o: {"case_id": o.decision.case_id, "number": o.decision.number, "hearing_id": o.pk},
    ),
    ("complaints", "complaint_id"): (
        lambda: _m("decisions", "Complaint").objects.select_related("decision"),
        "decision__case_id",
        lambda o: {"case_id": o.decision.case_id, "complaint_id": o.pk},
    ),
    ("file-access", "request_id"): (
        lambda: _m("decisions", "FileAccessRequest").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "request_id": o.pk},
    ),
    ("reasons-requests", "request_id"): (
        lambda: _m("decisions", "ReasonsRequest").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "request_id": o.pk},
    ),
    ("applications", "application_id"): (
        lambda: _m("decisions", "Application").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "application_id": o.pk},
    ),
    ("requests", "request_id"): (
        lambda: _m("evidence", "InformationRequest").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "request_id": o.pk},
    ),
    ("documents", "document_id"): (
        lambda: _m("evidence", "Document").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "document_id": o.pk},
    ),
    ("treatments", "treatment_id"): (
        lambda: _m("evidence", "Treatment").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "treatment_id": o.pk},
    ),
    ("activities", "activity_id"): (
        lambda: _m("plans", "Activity").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "activity_id": o.pk},
    ),
    ("reports", "report_id"): (
        lambda: _m("plans", "ProviderReport").objects.select_related("activity"),
        "activity__case_id",
        lambda o: {"case_id": o.activity.case_id, "report_id": o.pk},
    ),
    ("versions", "number"): (  # the plan's versions (the profile's are below, with the element)
        lambda: _m("plans", "PlanRevision").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "number": o.number},
    ),
    ("plan", "number"): (
        lambda: _m("reform", "RehabPlanRevision").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "number": o.number},
    ),
    ("assessments", "number"): (
        lambda: _m("assessments", "WorkAbilityAssessment").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "number": o.number},
    ),
    ("employments", "employment_id"): (
        lambda: _m("citizens", "Employment").objects.filter(case__isnull=False),
        "case_id",
        lambda o: {"case_id": o.case_id, "employment_id": o.pk},
    ),
    ("elements", "element"): (
        lambda: _m("profiles", "ElementVersion").objects.select_related("profile"),
        "profile__case_id",
        lambda o: {"case_id": o.profile.case_id, "element": o.element, "number": o.number},
    ),
    ("profile", "element"): (
        lambda: _m("profiles", "ElementVersion").objects.select_related("profile"),
        "profile__case_id",
        lambda o: {"case_id": o.profile.case_id, "element": o.element},
    ),
    ("responses", "response_id"): (
        lambda: _m("profiles", "ElementResponse").objects.select_related("presentation__profile"),
        "presentation__profile__case_id",
        lambda o: {"case_id": o.presentation.profile.case_id, "response_id": o.pk},
    ),
    ("recommendations", "recommendation_id"): (
        lambda: _m("reform", "Recommendation").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "recommendation_id": o.pk},
    ),
    ("resource-courses", "course_id"): (
        lambda: _m("reform", "ResourceCourse").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "course_id": o.pk},
    ),
    ("course", "course_id"): (
        lambda: _m("reform", "ResourceCourse").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "course_id": o.pk},
    ),
    ("job-clarification-courses", "course_id"): (
        lambda: _m("reform", "JobClarificationCourse").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "course_id": o.pk},
    ),
    ("jobafklaring", "course_id"): (
        lambda: _m("reform", "JobClarificationCourse").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "course_id": o.pk},
    ),
    ("flex-jobs", "job_id"): (
        lambda: _m("reform", "FlexJob").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "job_id": o.pk},
    ),
    ("job", "job_id"): (
        lambda: _m("reform", "FlexJob").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "job_id": o.pk},
    ),
    ("ledighedsydelse-periods", "period_id"): (
        lambda: _m("reform", "UnemploymentPeriod").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "period_id": o.pk},
    ),
    ("ledighedsydelse", "period_id"): (
        lambda: _m("reform", "UnemploymentPeriod").objects.all(),
        "case_id",
        lambda o: {"case_id": o.case_id, "period_id": o.pk},
    ),
    ("items", "item_id"): (
        lambda: _m("reform", "AgendaItem").objects.all(),
        "case_id",
        lambda o: {"meeting_id": o.meeting_id, "item_id": o.pk},
    ),
    ("meetings", "meeting_id"): (
        lambda: _m("reform", "RehabMeeting").objects.all(),
        "team__municipality__code",
        lambda o: {"meeting_id": o.pk},
    ),
    ("teams", "team_id"): (
        lambda: _m("reform", "RehabTeam").objects.all(),
        "municipality__code",
        lambda o: {"team_id": o.pk},
    ),
}


def path_parameters(route: str) -> list[tuple[str, str]]:
    """(segment before, name) of each parameter of a route written either way: `a/<int:x>/` or `/a/{x}`."""
    import re

    parts = [p for p in re.split(r"/", route) if p]
    found = []
    for before, part in zip(["", *parts], parts, strict=False):
        match = re.fullmatch(r"<(?:\w+:)?(\w+)>|\{(\w+)\}", part)
        if match:
            found.append((before, match.group(1) or match.group(2)))
    return found


def resolve(route: str, population: Population, scope: str) -> dict[str, Any] | None:
    """Path values for `route` from a record in `scope` (None if the population has no such record there; a route
    without a case-bound parameter resolves to {} in every scope, or to its municipality's team or meeting)."""
    params = path_parameters(route)
    if not params:
        return {}
    key = ("elements", "element") if ("elements", "element") in params else params[-1]
    if key not in RESOLVERS:
        raise LookupError(f"no resolver for {key} in {route}")
    queryset, case_field, values = RESOLVERS[key]
    qs = queryset()
    if case_field.endswith("municipality__code"):
        code = ANDEBY[0] if scope == "other_municipality" else EVNEKOBING[0]
        if scope not in ("other_municipality", "agenda"):
            return None  # a team or meeting belongs to a municipality, not to a team's case: one cell per side
        obj = qs.filter(**{case_field: code}).order_by("pk").first()
    else:
        obj = qs.filter(**{f"{case_field}__in": population.scope_cases[scope]}).order_by("pk").first()
    if obj is None:
        return None
    found = values(obj)
    missing = {name for _, name in params} - set(found)
    assert not missing, f"{route}: resolver gave no {missing}"
    return {name: found[name] for _, name in params}
