"""The facts the law turns on, end to end in Chromium: a specialist statement's conclusions with the treatment it
recommends, entered beside the document; a work-trial period recorded from the provider's report; both seen on the
case page and read by `evne check` from the exported case file."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from evne.casefile.export import dumps, export_case
from evne.evidence.models import StatementConclusions, Treatment
from evne.evidence.services import document_register
from evne.plans.models import TrialPeriod
from evne.plans.services import activity_create, report_record

from .test_caseworker_flow import log_in
from .test_development_and_assessment import planned_case  # noqa: F401 - a fixture: a profile and a plan with a goal

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def facts_case(alice, planned_case):  # noqa: F811 - the imported fixture
    case, today = planned_case, timezone.localdate()
    statement = document_register(
        actor=alice, case=case, kind="specialist_statement", title="Speciallægeerklæring, reumatologi",
        author="Reumatolog", document_date=today - timedelta(days=10), received_on=today - timedelta(days=8),
        summary="Varige lændesmerter; kan arbejde få timer.", sensitive=True,
    )  # fmt: skip
    order = {"purpose": "Afklare lagerarbejde.", "content_and_duration": "6 uger, 15 timer.",
             "element_keys": ["health"], "resources_to_clarify": "Tempo.", "observe": "Fremmøde og smerter.",
             "follow_up_plan": "Opfølgning hver 2. uge."}  # fmt: skip
    activity = activity_create(actor=alice, case=case, type="arbejdsproevning", provider="Lagerhuset A/S",
                               start_on=today - timedelta(days=42), planned_end_on=today - timedelta(days=1),
                               hours_per_week="15", goal_ids=["g1"], order=order)  # fmt: skip
    report = report_record(actor=alice, activity=activity, report_date=today, author="Jens Lager",
                           result_vs_purpose="Kan arbejde 10 timer.", actual_content="6 uger.",
                           functional_capacity="Står 2 timer.", citizen_participated=True,
                           citizen_agreement="agrees")  # fmt: skip
    return {"case": case, "statement": statement, "activity": activity, "report": report}


def test_it_records_a_statement_and_a_work_trial_and_shows_them_on_the_case_page_and_in_evne_check(
    live_server, new_page, alice, facts_case, tmp_path
):
    case, today = facts_case["case"], timezone.localdate()
    base = f"{live_server.url}/cases/{case.pk}"
    page = new_page()
    log_in(page, live_server, "alice")

    # the statement's conclusions, beside the document, with the treatment it recommends
    page.goto(f"{base}/documents/{facts_case['statement'].pk}/conclusions/")
    form = page.locator("form.conclusions-form")
    form.locator("[name=author_role]").select_option("specialist")
    form.locator("[name=stated_on]").fill((today - timedelta(days=10)).isoformat())
    form.locator("[name=prognosis]").select_option("permanent")
    form.locator("[name=hours_per_week]").fill("8")
    form.locator("[name=development_view]").select_option("no")
    form.locator("[name=development_quote]").fill("Funktionsniveauet er stationært.")
    form.locator("[name=work_ability_view]").select_option("permanently_substantially_reduced")
    form.locator("[name='treatments-0-description']").fill("Smerteklinik")
    form.locator("[name='treatments-0-expected_effect']").select_option("quality_of_life")
    form.locator("button[type=submit]:not([name=more])").last.click()
    expect(page.locator("main")).to_contain_text("Erklæringens konklusioner blev registreret")
    expect(page.locator("main")).to_contain_text("Varig")
    assert StatementConclusions.objects.get().prognosis == "permanent"
    assert Treatment.objects.get(case=case).description == "Smerteklinik"

    # the work trial as it happened, from the provider's report
    activity, report = facts_case["activity"], facts_case["report"]
    page.goto(f"{base}/activities/{activity.pk}/trial-periods/new/?report={report.pk}")
    form = page.locator("form").filter(has=page.locator("[name=trade]"))
    form.locator("[name=start_on]").fill(activity.start_on.isoformat())
    form.locator("[name=end_on]").fill((today - timedelta(days=1)).isoformat())
    form.locator("[name=trade]").fill("Lager")
    form.locator("[name=job_functions]").fill("Plukning og pakning")
    form.locator("[name=planned_hours_per_week]").fill("15")
    form.locator("[name=actual_hours_per_week]").fill("10")
    form.locator("input[name=accommodation_respected][value=yes]").check()
    outcome = form.locator("[name=outcome]")
    if outcome.first.get_attribute("type") == "radio":
        form.locator("input[name=outcome][value=completed]").check()
    else:
        outcome.select_option("completed")
    form.locator("[name=sustained_hours_per_week]").fill("10")
    form.locator("button[type=submit]").last.click()
    expect(page.locator("body")).to_contain_text("Lager")
    assert TrialPeriod.objects.get().actual_hours_per_week == 10

    # both on the case page
    page.goto(f"{base}/")
    expect(page.locator(".conclusions-line")).to_contain_text("8")
    expect(page.locator(".trial-line")).to_contain_text("Lager")

    # and read by evne check from the exported case file
    path = tmp_path / "case.json"
    path.write_text(dumps(export_case(case)), encoding="utf-8")
    text, data = StringIO(), StringIO()
    call_command("legal_check", str(path), stdout=text)
    call_command("legal_check", str(path), "--json", stdout=data)
    assert "Erklæring (Speciallægeerklæring" in text.getvalue() and "8 timer om ugen" in text.getvalue()
    assert "Arbejdsprøvning (Lager" in text.getvalue() and "10 af 15 timer om ugen" in text.getvalue()
    facts = json.loads(data.getvalue())["facts"]
    assert facts["statements"][0]["prognosis"] == "permanent" and facts["statements"][0]["hours_per_week"] == 8.0
    assert facts["trial_periods"][0]["trade"] == "Lager" and facts["trial_periods"][0]["outcome"] == "completed"
    assert facts["treatments"][0]["expected_effect"] == "quality_of_life"
