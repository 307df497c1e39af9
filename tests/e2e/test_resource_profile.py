"""The resource profile end to end in Chromium: three elements with sources, presentation, a disagreement kept
with a professional explanation, and the citizen's PDF showing it."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from evne.profiles.models import DisagreementDecision, ElementVersion

from .test_caseworker_flow import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def describe(page, element_name, *, fact, source, detail, assessment=None, citizen_view=None):
    page.get_by_role("row", name=element_name).get_by_role("link", name="Beskriv").click()
    page.fill("[name=facts-0-text]", fact)
    page.select_option("[name=facts-0-source_kind]", label=source)
    page.fill("[name=facts-0-source_detail]", detail)
    if citizen_view:
        page.fill("[name=citizen_view]", citizen_view)
    if assessment:
        page.check("[name=facts-0-used]")
        page.fill("[name=assessment]", assessment)
    page.get_by_role("button", name="Gem ny version").click()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text(f"{element_name} er gemt")


def test_it_builds_presents_and_prints_the_profile_with_a_kept_disagreement(live_server, new_page, alice, case):
    page = new_page()
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="Ressourceprofil").click()
    expect(page.get_by_role("heading", name="Ressourceprofil")).to_be_visible()

    page.fill("[name=occurred_on]", "2026-03-09")
    page.fill(
        "form[action$='involvement/'] textarea[name=text]", "Indledende samtale; borgeren fortalte om sit arbejdsliv."
    )
    page.locator("form[action$='involvement/']").get_by_role("button", name="Gem").click()
    expect(page.locator(".messages")).to_contain_text("Inddragelsen er registreret")

    describe(page, "Arbejdsmarkedserfaring", fact="12 år som lagerarbejder hos en grossist.",
             source="Samtale med borgeren", detail="Samtale 9. marts",
             assessment="Erfaringen kan bruges i lager- og logistikfunktioner.")  # fmt: skip
    describe(page, "Arbejdsrelevante ønsker", fact="Ønsker arbejde med dyr.", source="Samtale med borgeren",
             detail="Samtale 9. marts", citizen_view="Jeg vil gerne arbejde i en dyrehandel.")  # fmt: skip
    describe(page, "Helbred", fact="Kroniske lændesmerter; må ikke løfte over 10 kg.", source="Lægelig dokumentation",
             detail="LÆ 265 af 2. februar 2026", assessment="Lænden begrænser tunge løft.")  # fmt: skip
    assert ElementVersion.objects.count() == 3

    page.get_by_role("link", name="Forelæg profilen").click()
    page.fill("[name=presented_on]", "2026-03-20")
    page.select_option("[name=method]", "meeting")
    response = page.locator("#response-health")
    response.get_by_label("Uenig", exact=True).check()
    response.get_by_label("Hvori uenigheden består").fill("Borgeren mener, at lænden kun er et problem om morgenen.")
    page.get_by_role("button", name="Registrér forelæggelsen").click()
    expect(page.locator(".messages")).to_contain_text("Forelæggelsen og borgerens svar er registreret")

    disagreement = page.locator("[id^=disagreement-]")
    expect(disagreement).to_contain_text("kun er et problem om morgenen")
    disagreement.get_by_label("Fastholde beskrivelse og vurdering").check()
    disagreement.get_by_role("button", name="Registrér beslutningen").click()
    expect(page.locator(".messages")).to_contain_text("kræver det en skriftlig faglig begrundelse")
    assert not DisagreementDecision.objects.exists()

    disagreement = page.locator("[id^=disagreement-]")
    disagreement.get_by_label("Fastholde beskrivelse og vurdering").check()
    disagreement.get_by_label("Faglig begrundelse (vises også for borgeren)").fill(
        "Lægeattesten beskriver smerter hele dagen ved tunge løft."
    )
    disagreement.get_by_role("button", name="Registrér beslutningen").click()
    expect(page.locator(".messages")).to_contain_text("Beslutningen om uenigheden er registreret")

    pdf = page.request.get(f"{live_server.url}/cases/{case.pk}/profile/pdf/")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf.body())).pages)
    text = " ".join(text.split())
    for expected in ("Arbejdsmarkedserfaring", "12 år som lagerarbejder", "Samtale 9. marts",
                     "Jeg vil gerne arbejde i en dyrehandel", "kun er et problem om morgenen",
                     "Lægeattesten beskriver smerter hele dagen", "010180-XXXX"):  # fmt: skip
        assert expected in text, expected
    assert "010180-1234" not in text
