"""API fuzzing: schemathesis over every operation of the OpenAPI document, as every role, in-process through
Django's WSGI handler (no mocks, the real database), on the demo population.

For each operation and role: `EXAMPLES` generated requests (hypothesis, derandomized: the same requests every run),
with the path parameters filled with real records the role may or may not see (tests/population.py), so the
requests reach the services instead of stopping at 404. Asserted: no 5xx, and every response valid against the
operation's declared responses (status code, content type, JSON schema). Runtime ~1–2 minutes on SQLite.

EVNE_FUZZ_EXAMPLES raises the number of examples for a longer run (e.g. 50 before a release).
"""

import base64
import os
import re
from collections import Counter
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from evne.api.api import api
from tests.conftest import PASSWORD
from tests.population import SCOPES, USERS, resolve

EXAMPLES = int(os.environ.get("EVNE_FUZZ_EXAMPLES", "6"))
# Where each role's path parameters come from: a case the role works with, so that writes reach the services.
ROLE_SCOPE = {
    "caseworker": "agenda",
    "team_leader": "own_team",
    "rehab_member": "agenda",
    "auditor": "other_team",
    "administrator": "own_team",
    "other_municipality": "other_team",
}
CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]

pytestmark = pytest.mark.django_db


@dataclass
class Tally:
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)


# Words of English that Danish never uses: a message with one of them was not translated (the requests ask for da).
ENGLISH = re.compile(r"\b(the|should|must|is not|field|required|valid|Input|value|Enter|This)\b")


def _english(response) -> str:
    """The first error message of a JSON answer that reads as English, or ''."""
    if not (400 <= response.status_code < 500) or "json" not in response.headers.get("Content-Type", ""):
        return ""
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    texts = [str(body.get("detail", ""))] + [str(e.get("message", "")) for e in body.get("errors", []) or []]
    return next((t for t in texts if ENGLISH.search(t)), "")


def _schema():
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = WSGIHandler()
    return schema


def _path_values(operation, population, scope: str) -> dict:
    values = resolve(operation.path, population, scope)
    if values is None:  # no such record in that scope: a case of any Evnekøbing scope, else a made-up id
        for other in SCOPES:
            values = resolve(operation.path, population, other)
            if values is not None:
                break
    return values or {}


def _basic(username: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()
    return {"Authorization": f"Basic {token}", "Accept-Language": "da"}


@pytest.fixture
def wsgi_in_test_transaction():
    """Django's test client does this too: a request's end must not close the connection holding the test's
    transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _fuzz_operation(operation, *, path_values: dict, headers: dict, tally: Tally, examples: int) -> None:
    label = f"{operation.method.upper()} {operation.path}"

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=operation.as_strategy(path_parameters=path_values))
    def run(case):
        with transaction.atomic():  # a failed statement on PostgreSQL must not poison the rest of the run
            response = case.call(headers=headers)
            tally.requests += 1
            tally.statuses[response.status_code] += 1
            if response.status_code >= 500:
                tally.server_errors.append(f"{label} {response.status_code}: {case.body!r:.200}")
            english = _english(response)
            if english:
                tally.english.append(f"{label} {response.status_code}: {english:.200}")
            try:
                case.validate_response(response, checks=CHECKS)
            except BaseExceptionGroup as group:  # schemathesis raises the failed checks as a group
                for failure in group.exceptions:
                    what = " ".join(str(getattr(failure, "message", failure)).split())
                    tally.violations.append(f"{label} {response.status_code}: {failure.title}: {what:.300}")
            transaction.set_rollback(True)

    run()


def fuzz(role: str, population, *, examples: int = EXAMPLES) -> Tally:
    headers = _basic(USERS[role])
    tally = Tally()
    for result in _schema().get_all_operations():
        operation = result.ok()
        path_values = _path_values(operation, population, ROLE_SCOPE[role])
        _fuzz_operation(operation, path_values=path_values, headers=headers, tally=tally, examples=examples)
    return tally


@pytest.mark.parametrize("role", list(USERS))
def test_it_answers_every_generated_request_without_a_server_error_and_as_documented(
    demo_population, wsgi_in_test_transaction, role
):
    tally = fuzz(role, demo_population)

    summary = (
        f"{role}: {tally.requests} requests, statuses {dict(sorted(tally.statuses.items()))}, "
        f"{len(tally.server_errors)} 5xx, {len(tally.violations)} schema violations, {len(tally.english)} English"
    )
    print(summary)
    if os.environ.get("EVNE_FUZZ_REPORT"):  # figures for a report: EVNE_FUZZ_REPORT=/tmp/fuzz.txt
        with open(os.environ["EVNE_FUZZ_REPORT"], "a", encoding="utf-8") as out:
            out.write(summary + "\n" + "".join(f"  {line}\n" for line in sorted(set(tally.server_errors))))
            out.write("".join(f"  {line}\n" for line in sorted(set(tally.violations + tally.english))))
    assert tally.requests >= len(api.get_openapi_schema()["paths"])
    report = sorted(set(tally.server_errors)) + sorted(set(tally.violations)) + sorted(set(tally.english))
    assert not report, (
        f"{len(tally.server_errors)} server errors, {len(tally.violations)} schema violations, "
        f"{len(tally.english)} English messages:\n" + "\n".join(report)
    )
