"""A fleksjob refusal end to end in Chromium: draft it, send the hearing, record the answer, write the decision and
its reasons in the method's order, issue it with its letter, register an oral complaint, reconsider (keep) and
forward it to Ankestyrelsen."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from playwright.sync_api import expect

from evne.decisions.models import Complaint, Decision
from evne.profiles.services import element_save, involvement_record

from .test_caseworker_flow import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def described_case(alice, case):
    today = timezone.localdate()
    involvement_record(actor=alice, case=case, kind="opening_conversation", occurred_on=today - timedelta(days=30),
                       text="Indledende samtale.")  # fmt: skip
    element_save(actor=alice, case=case, element="labour_market_experience", base_version=0, reason="Første",
                 relevant=True, facts=[{"id": "f1", "text": "12 år som lagerarbejder.", "source_kind": "conversation"}],
                 resources="Lagererfaring.", assessment="Erfaringen kan bruges.",
                 assessment_fact_ids=["f1"])  # fmt: skip
    return case


def submit(form):
    form.locator("button[type=submit]:not([name=more])").first.click()


def test_it_drafts_hears_issues_and_handles_a_complaint(live_server, new_page, alice, described_case):
    case, today = described_case, timezone.localdate()
    base = f"{live_server.url}/cases/{case.pk}"
    page = new_page()
    log_in(page, live_server.url, "alice")

    # The case page has the "Afgørelser" section.
    page.goto(f"{base}/")
    expect(page.locator("#decisions-h")).to_have_text("Afgørelser")

    # 1. Draft a refusal of a flex job.
    page.goto(f"{base}/decisions/new/")
    form = page.locator("main form").first
    page.select_option("[name=outcome]", "refusal")
    page.select_option("[name=subject]", "fleksjob")
    page.fill("[name=applied_for]", "Fleksjob.")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    decision = Decision.objects.get(case=case)
    assert decision.outcome == "refusal" and not decision.fully_grants

    # 2. The hearing: the draft page says it is needed; send the letter with the unfavourable facts.
    page.goto(f"{base}/decisions/1/")
    expect(page.locator("#readiness")).to_contain_text("Partshøring før afgørelsen")
    form = page.locator("form.hearing-form")
    form.locator("[name=unfavourable_facts]").fill("Praktikstedet oplyser, at du har arbejdet 30 timer om ugen.")
    submit(form)
    expect(page.locator(".messages")).to_contain_text("Partshøringsbrevet")
    hearing = decision.hearings.get()
    assert hearing.letter.kind == "outgoing_letter"

    # 3. The citizen's answer, given by phone.
    form = page.locator("form.answer-form")
    form.locator("input[name=answer][value=answered]").check()
    form.locator("[name=form]").select_option("oral")
    form.locator("[name=summary]").fill("Borgeren mener, at smerterne gør 30 timer umuligt.")
    submit(form)
    expect(page.locator(f"#hearing-answer-{hearing.pk}")).to_contain_text("Borgeren svarede")

    # 4. The decision and its reasons, in the method's order, dealing with the answer.
    page.goto(f"{base}/decisions/1/edit/")
    form = page.locator("form.reasons-form")
    page.fill("[name=decision_text]", "Du får afslag på fleksjob.")
    page.fill("[name=reasons]", "Din arbejdsevne er ikke varigt og væsentligt nedsat. Praktikken viste, at du kan "
                                "arbejde 30 timer om ugen med pauser.")  # fmt: skip
    page.fill("[name=answer_dealt_with]", "Vi har lagt vægt på dine smerter, men praktikken viser 30 timer.")
    page.fill("[name=facts-0-text]", "12 år som lagerarbejder.")
    page.select_option("[name=facts-0-source]", index=1)
    page.fill("[name=legal_basis]", "Lov om en aktiv beskæftigelsesindsats § 116 om fleksjob.")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    decision.refresh_from_db()
    assert decision.facts[0]["source"] and decision.answer_dealt_with

    # 5. Issue it: other parts of this small case still block, so the caseworker writes why.
    form = page.locator("form.issue-form")
    form.locator("[name=override_reason]").fill("Profilen blev gennemgået med borgeren på mødet den 1. november.")
    submit(form)
    # Issuing cannot be undone: a page asks once more before it happens.
    expect(page.get_by_role("heading", name="Udsted afgørelse 1?")).to_be_visible()
    assert Decision.objects.get(pk=decision.pk).status == "draft"
    page.get_by_role("button", name="Ja, udsted afgørelsen, og send brevet").click()
    expect(page.locator("#decision-status")).to_contain_text("Udstedt")
    expect(page.locator("#decision-letter")).to_be_visible()
    decision.refresh_from_db()
    assert decision.status == "issued" and decision.explanation["results"]
    with default_storage.open(decision.letter.file.name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert "Ankestyrelsen" in decision.guidance_text

    # 6. An oral complaint, reconsidered and kept, then forwarded with a letter to the citizen.
    page.goto(f"{base}/decisions/1/complaints/new/")
    form = page.locator("main form").first
    page.fill("[name=summary]", "Borgeren ringede og er uenig i afslaget.")
    submit(form)
    expect(page.locator(".messages")).to_be_visible()
    complaint = Complaint.objects.get(decision=decision)
    assert complaint.channel == "oral"

    form = page.locator("form.reconsider-form")
    form.locator("input[name=outcome][value=kept]").check()
    form.locator("[name=reasons]").fill("Praktikken viser stadig 30 timer; klagen giver ikke nye oplysninger.")
    submit(form)
    expect(page.locator("#reconsideration")).to_contain_text("Fastholdt")

    form = page.locator("form.forward-form")
    form.locator("[name=forwarded_on]").fill(today.isoformat())
    submit(form)
    expect(page.locator("#forwarded")).to_contain_text("Ankestyrelsen")
    # The package for the appeal body (cover letter and the case's file) is on the complaint page; the deadline
    # still runs and the page says so.
    expect(page.locator("a", has_text="Oversendelsen til ankeinstansen")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Klagefristen løber til")
    complaint.refresh_from_db()
    assert complaint.forwarded_on == today and complaint.reconsideration_letter is not None
