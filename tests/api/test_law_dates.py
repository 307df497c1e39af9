"""Dates before the law Evne knows: 400 with a Danish message naming the field and the earliest date, never 500
(issue 15: a resource course from 2000, a file-access request of 1945, a hearing sent in 1900 raised ParameterError).
"""

from datetime import date

import pytest

from evne.decisions import services as decision_services
from evne.errors import DomainError
from evne.rules.engine import Outcome, evaluate
from evne.rules.parameters import LAW_KNOWN_FROM, NoValueInForce, param
from evne.validation import law_param
from tests.api.conftest import basic

pytestmark = pytest.mark.django_db


def _post(client, url, body):
    return client.post(url, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="da", **basic("alice"))


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("file-access", {"requested_on": "1945-05-05", "channel": "oral"}, "requested_on"),
        (
            "resource-courses",
            {"start_on": "2000-01-01", "end_on": "2001-01-01", "coordinating_caseworker_id": 1},
            "start_on",
        ),
        ("decisions/1/hearing", {"version": 1, "sent_on": "1900-01-01", "unfavourable_facts": "X"}, "sent_on"),
        ("follow-ups", {"held_on": "1999-12-31", "form": "phone", "summary": "Samtale."}, "held_on"),
    ],
)
def test_it_answers_a_date_before_the_law_timeline_with_400_naming_the_field(client, alice, case, path, body, field):
    response = _post(client, f"/api/cases/{case.pk}/{path}", body)

    assert response.status_code == 400, response.content
    answer = response.json()
    assert answer["field"] == field
    assert field in answer["detail"]
    assert "1. januar 2003" in answer["detail"]
    assert "den tidligste dato Evne kender lovgivningen for" in answer["detail"]


def test_it_accepts_a_past_job_from_before_the_law_timeline(client, alice, case):
    response = _post(
        client,
        f"/api/cases/{case.pk}/employments",
        {
            "employer": "Lageret",
            "job_functions": "Pakning",
            "kind": "ordinary",
            "hours_per_week": "37",
            "start_on": "1995-03-01",
            "end_on": "1999-06-30",
        },
    )

    assert response.status_code == 201, response.content


def test_it_names_the_first_date_of_the_parameter_when_the_matter_is_younger_than_the_timeline(settings):
    settings.LANGUAGE_CODE = "da"
    from django.utils import translation

    with translation.override("da"), pytest.raises(DomainError) as refused:
        law_param("ressourceforloeb.min_years", date(2005, 1, 1), field="start_on", label="Start")

    assert refused.value.field == "start_on"
    assert "1. januar 2013" in refused.value.message


def test_the_service_refuses_a_hearing_before_the_law_for_every_caller(alice, case):
    from evne.decisions.models import Decision

    decision = Decision(case=case, number=1, version=1)
    with pytest.raises(DomainError) as refused:
        decision_services.hearing_send(
            actor=alice, decision=decision, expected_version=1, sent_on=date(1900, 1, 1), unfavourable_facts="X"
        )
    assert refused.value.field == "sent_on"


def test_the_parameter_says_from_when_it_knows_the_law():
    with pytest.raises(NoValueInForce) as missing:
        param("ressourceforloeb.min_years", date(2000, 1, 1))
    assert missing.value.first == date(2013, 1, 1)
    assert date(2003, 1, 1) == LAW_KNOWN_FROM


def test_the_engine_gives_a_finding_outside_the_law_it_knows_instead_of_an_exception():
    from evne.rules.engine import Rule, RuleVersion, Severity

    def reads_a_parameter(snapshot, on):
        param("ressourceforloeb.min_years", on)
        raise AssertionError("not reached before 2013")

    rule = Rule(
        id="test.reads_parameter",
        title_da="Læser en parameter",
        title_en="Reads a parameter",
        severity=Severity.WARNING,
        versions=(RuleVersion(valid_from=date(2003, 1, 1), check=reads_a_parameter, citations=()),),
    )

    class Snapshot:
        answered_rules = frozenset()
        policies = frozenset()

        def in_question(self, on):
            return ()

    result = evaluate((rule,), Snapshot(), on=date(2005, 6, 1)).results[0]

    assert result.finding.outcome == Outcome.PROMPT
    assert "uden for den lovgivning, Evne kender" in result.finding.message_da
    assert result.finding.facts["known_from"] == date(2013, 1, 1)


# Dates that record history older than any case: a past job, a document's or a statement's own date.
HISTORY_DATES = {"start_on", "end_on", "document_date", "stated_on", "examined_on"}
# Not dates a case records: the access-log search's period, an API token's expiry.
FILTER_DATES = {"date_from", "date_to", "expires_on"}


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_date_field_of_a_web_form_is_checked_against_the_law_timeline():
    from django import forms

    import evne.web.urls  # noqa: F401 - imports every view module and its forms
    from evne.web.forms import LawDateField

    unchecked = sorted(
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _subclasses(forms.BaseForm)
        if form.__module__.startswith("evne.web")
        for name, field in getattr(form, "base_fields", {}).items()
        if isinstance(field, forms.DateField)
        and not isinstance(field, LawDateField)
        and name not in HISTORY_DATES | FILTER_DATES
    )
    assert not unchecked, f"use LawDateField (or name the field in HISTORY_DATES): {unchecked}"


def test_every_exempt_api_date_records_history():
    from evne.api.schemas import In

    exempt = {name for schema in _subclasses(In) for name in schema.history_dates}
    assert exempt <= HISTORY_DATES


def test_a_web_form_refuses_a_hearing_sent_in_1900_in_danish():
    from django.utils import translation

    from evne.web.decisions_views import HearingForm

    form = HearingForm({"version": 1, "sent_on": "1900-01-01", "unfavourable_facts": "X"}, documents=[])

    with translation.override("da"):
        assert not form.is_valid()
        message = form.errors["sent_on"][0]
    assert "Sendt" in message and "1. januar 2003" in message
