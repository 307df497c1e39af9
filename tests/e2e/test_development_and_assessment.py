"""Developing and assessing work ability, end to end in Chromium: a work trial ordered with its order, the
provider's report, one observation carried into the resource profile, a status statement requested with
consent and answered, and an assessment naming two job functions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evne.assessments.models import WorkAbilityAssessment
from evne.evidence.models import Consent, Document, InformationRequest
from evne.plans.models import Activity, ActivityType, ProviderReport
from evne.plans.services import plan_save
from evne.profiles.models import ElementVersion
from evne.profiles.services import element_save, involvement_record

from .test_caseworker_flow import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def choose(page, name, value):
    """Pick a value whether the field is a <select> or radio buttons."""
    radio = page.locator(f"input[type=radio][name='{name}'][value='{value}']")
    if radio.count():
        radio.check()
    else:
        page.select_option(f"[name='{name}']", value)


def submit(form):
    form.locator("button[type=submit]:not([name=more])").first.click()


@pytest.fixture
def planned_case(alice, case):
    """A case with a started profile (one assessed element) and an action plan with one goal."""
    today = timezone.localdate()
    # An earlier browser test's flush removes the catalogue that migration plans.0003 seeds: make sure it is there.
    ActivityType.objects.get_or_create(
        code="arbejdsproevning",
        defaults={"name_da": "Arbejdsprøvning", "name_en": "Work trial", "company_based": True},
    )
    involvement_record(actor=alice, case=case, kind="opening_conversation", occurred_on=today - timedelta(days=30),
                       text="Indledende samtale.")  # fmt: skip
    fact = {"id": "f1", "text": "12 år som lagerarbejder.", "source_kind": "conversation"}
    element_save(actor=alice, case=case, element="labour_market_experience", base_version=0, reason="Første",
                 relevant=True, facts=[fact], resources="Lagererfaring.", assessment="Erfaringen kan bruges.",
                 assessment_fact_ids=["f1"])  # fmt: skip
    plan_save(actor=alice, case=case, base_version=0, reason="Første plan", means="Arbejdsprøvning på et lager.",
              goals=[{"id": "g1", "text": "Afklare arbejdsevnen i lagerfunktioner.", "parent_id": None,
                      "element_keys": ["labour_market_experience"], "builds_on": "resources"}],
              agreed_with_citizen_on=today - timedelta(days=20))  # fmt: skip
    return case


def test_it_orders_reports_carries_requests_and_assesses(live_server, new_page, alice, planned_case):
    case, base, today = planned_case, f"{live_server.url}/cases/{planned_case.pk}", timezone.localdate()
    page = new_page()
    log_in(page, live_server.url, "alice")

    # 1. A work trial, ordered with its order (kravspecifikation) in the same form.
    page.goto(f"{base}/activities/new/")
    form = page.locator("main form").first
    choose(page, "type", ActivityType.objects.get(code="arbejdsproevning").code)
    page.fill("[name=provider]", "Lagercentret Nord")
    page.check("[name=goal_ids][value=g1]")
    page.fill("[name=start_on]", (today - timedelta(days=14)).isoformat())
    page.fill("[name=planned_end_on]", (today + timedelta(days=28)).isoformat())
    page.fill("[name=hours_per_week]", "15")
    if not page.locator("[name=order-purpose]").is_visible():
        page.locator("details:has([name=order-purpose]) > summary").click()
    page.fill("[name=order-purpose]", "Afklare, om borgeren kan klare lettere lagerarbejde 15 timer om ugen.")
    page.fill("[name=order-content_and_duration]", "Pluk og pak, 6 uger.")
    page.check("[name=order-element_keys][value=labour_market_experience]")
    page.fill("[name=order-resources_to_clarify]", "Tempo, stabilitet og samarbejde.")
    page.fill("[name=order-observe]", "Fremmøde, tempo og smerter ved løft.")
    page.fill("[name=order-follow_up_plan]", "Opfølgning efter 2 og 5 uger med borger og praktiksted.")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    activity = Activity.objects.get(case=case)
    assert activity.orders.count() == 1 and activity.orders.get().observe.startswith("Fremmøde")

    # 2. The provider's report (statusudtalelse), with observed functional capacity and the citizen's agreement.
    page.goto(f"{base}/activities/{activity.pk}/reports/new/")
    form = page.locator("main form").first
    page.fill("[name=report_date]", today.isoformat())
    page.fill("[name=author]", "Praktikvejleder Nord")
    page.fill("[name=result_vs_purpose]", "Borgeren har mødt stabilt 15 timer om ugen.")
    page.fill("[name=actual_content]", "Pluk og pak i 2 uger.")
    page.fill("[name=functional_capacity]", "Kan løfte op til 10 kg; behov for pauser hver time.")
    page.check("[name=citizen_participated][value=yes]")
    page.check("[name=citizen_agreement][value=agrees]")
    choose(page, "resources-0-element", "labour_market_experience")
    page.fill("[name=resources-0-text]", "Arbejder selvstændigt med pluk efter en uges oplæring.")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    report = ProviderReport.objects.get(activity=activity)

    # 3. Carry one observation into the profile as a sourced fact.
    page.goto(f"{base}/reports/{report.pk}/carry/")
    form = page.locator("main form").first
    choose(page, "element", "labour_market_experience")
    page.fill("[name=text]", "Praktikstedet: arbejder selvstændigt med pluk efter en uges oplæring.")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    latest = ElementVersion.objects.filter(element="labour_market_experience").order_by("-number").first()
    assert latest.number == 2
    carried = [f for f in latest.facts if f.get("report_id") == report.pk]
    assert carried and carried[0]["source_kind"] == "provider_report"
    assert latest.assessment == "Erfaringen kan bruges."  # the rest of the element is kept

    # 4. Consent to obtain, then a request for the least intrusive medical document: a status statement.
    page.goto(f"{base}/consents/")
    form = page.locator("main form").last
    choose(page, "purpose", "collect")
    choose(page, "status", "given")
    page.fill("[name=scope]", "Helbredsoplysninger fra egen læge om ryg og løftebegrænsning.")
    page.fill("[name=given_on]", today.isoformat())
    page.check("[name=guidance_given]")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    consent = Consent.objects.get(case=case)

    page.goto(f"{base}/requests/new/")
    form = page.locator("main form").first
    choose(page, "recipient_kind", "gp")
    page.fill("[name=recipient_name]", "Lægehuset Nord")
    choose(page, "document_type", "status_statement")
    page.fill("[name=purpose]", "At få belyst, om ryggen begrænser lagerarbejde.")
    page.fill("[name=necessity]", "Praktikken viser smerter ved løft; lægens vurdering mangler.")
    page.fill("[name=questions]", "Hvilke skånehensyn er der ved løft? Er der behandlingsmuligheder?")
    choose(page, "consent", str(consent.pk))
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    request = InformationRequest.objects.get(case=case)

    page.goto(f"{base}/requests/")
    send = page.locator(f"form:has([name='send-{request.pk}-sent_on'])")
    send.locator(f"[name='send-{request.pk}-sent_on']").fill(today.isoformat())
    submit(send)
    expect(page.locator(".messages")).to_be_visible()

    # 5. The answer: a status statement, summarised.
    page.goto(f"{base}/requests/{request.pk}/answer/")
    form = page.locator("main form").first
    choose(page, "kind", "status_statement")
    page.fill("[name=title]", "Statusattest fra Lægehuset Nord")
    page.fill("[name=document_date]", today.isoformat())
    page.fill("[name=author]", "Praktiserende læge")
    page.fill("[name=answered_on]", today.isoformat())
    page.fill("[name=summary]", "Kroniske lændesmerter; løft over 10 kg frarådes; fysioterapi anbefales.")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    request.refresh_from_db()
    document = Document.objects.get(case=case)
    assert request.answered_on == today and document.sensitive

    # 6. The work-ability assessment, naming two concrete job functions and resting on the statement.
    page.goto(f"{base}/assessments/new/")
    form = page.locator("main form").first
    page.fill("[name=assessed_on]", today.isoformat())
    page.fill("[name=actual_resources]", "Lagererfaring; stabilt fremmøde i praktik.")
    page.fill("[name=development_possibilities]", "Tempo kan øges gradvist.")
    page.fill("[name=barrier_reduction]", "Skånehensyn ved løft; pauser.")
    page.fill("[name=restitution]", "Restituerer mellem arbejdsdage ved 15 timer om ugen.")
    page.fill("[name=jobs-0-text]", "Pluk og pak af lette varer")
    choose(page, "jobs-0-can_meet", "with_accommodation")
    page.fill("[name=jobs-1-text]", "Tunge løft på lager")
    choose(page, "jobs-1-can_meet", "no")
    choose(page, "conclusion", "can_be_improved")
    page.fill("[name=reasons]", "Praktik og statusattest viser, at arbejdsevnen kan udvikles i lette lagerfunktioner.")
    page.check(f"[name=document_ids][value='{document.pk}']")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    assessment = WorkAbilityAssessment.objects.get(case=case)
    assert [j["text"] for j in assessment.job_functions] == ["Pluk og pak af lette varer", "Tunge løft på lager"]
    assert assessment.document_ids == [document.pk]
    assert set(assessment.profile_version_ids) == {latest.pk}

    # The case page shows plan, activities, requests, evidence and the assessment.
    page.goto(f"{base}/")
    main = page.locator("main")
    for text in ("Lagercentret Nord", "Lægehuset Nord", "Statusattest fra Lægehuset Nord",
                 "Afklare arbejdsevnen i lagerfunktioner"):  # fmt: skip
        expect(main).to_contain_text(text)
