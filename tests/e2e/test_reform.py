"""The reform pathway end to end in Chromium: the caseworker prepares the rehabilitation plan's preparatory part,
puts the case on a team meeting, the team records a fleksjob recommendation, the municipality departs from it —
and the case shows as required back on the team's agenda, on the case and on the team's page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evne.accounts.models import Role
from evne.evidence.models import Document
from evne.reform.models import Departure, MemberRole, Recommendation, RehabPlanRevision, RehabTeam, RehabTeamMember
from evne.reform.services import meeting_create

from .test_caseworker_flow import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PLAN = {
    "goals": "Job som kontormedhjælper på nedsat tid.",
    "employment_resources": "10 år som lagerarbejder; arbejdsprøvning 2025 dokumenteret.",
    "social_resources": "Stabil bolig og økonomi.",
    "health_resources": "Kroniske rygsmerter; fysioterapi 2024–2025.",
    "personal_resources": "Gift, to voksne børn, godt netværk.",
    "wishes": "Vil gerne arbejde med mennesker.",
    "health_situation": "Udredning afsluttet; smertebehandling pågår.",
    "benefit_history": "Sygedagpenge 2024, kontanthjælp siden 2025.",
    "earlier_efforts": "Arbejdsprøvning 2025: 8 timer om ugen med pauser.",
}


@pytest.fixture
def setting(alice, case, make_user, kommune):
    case.pathway = "fleksjob"
    case.save(update_fields=["pathway"])
    lae = Document.objects.create(
        case=case, kind="lae_265", title="LÆ 265 fra egen læge",
        document_date=timezone.localdate() - timedelta(days=20),
        author="Egen læge", received_on=timezone.localdate() - timedelta(days=18), summary="Varige rygsmerter.",
        sensitive=True, recorded_by=alice, recorded_at=timezone.now(),
    )  # fmt: skip
    team = RehabTeam.objects.create(municipality=kommune, name="Rehabiliteringsteam Nord")
    for role in (MemberRole.EMPLOYMENT, MemberRole.SOCIAL, MemberRole.HEALTH, MemberRole.HEALTH_COORDINATOR):
        RehabTeamMember.objects.create(team=team, name=f"Medlem {role}", role=role)
    rita = make_user("rita", Role.REHAB_MEMBER, None, municipality=kommune)
    RehabTeamMember.objects.create(team=team, name="Rita Testesen", role=MemberRole.CHAIR, user=rita)
    meeting = meeting_create(actor=rita, team=team, held_on=timezone.localdate())
    return {"case": case, "lae": lae, "team": team, "meeting": meeting}


def test_it_prepares_refers_recommends_departs_and_requires_the_case_back(live_server, new_page, alice, setting):
    case, meeting, team = setting["case"], setting["meeting"], setting["team"]
    base = f"{live_server.url}/cases/{case.pk}"

    # 1. Alice prepares the preparatory part with the citizen, from the case page.
    page = new_page()
    log_in(page, live_server.url, "alice")
    page.goto(f"{base}/")
    page.get_by_role("link", name="Rehabiliteringsplan, team og forløb").click()
    page.get_by_role("link", name="Udarbejd den forberedende del").click()
    for name, text in PLAN.items():
        page.fill(f"[name={name}]", text)
    page.check("input[name=gp_basis][value=lae_265]")
    page.select_option("[name=gp_document_id]", str(setting["lae"].pk))
    page.fill("[name=citizen_accepted_on]", timezone.localdate().isoformat())
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Rehabiliteringsplan, forberedende del · version 1")).to_be_visible()
    assert RehabPlanRevision.objects.get(case=case).citizen_accepted_on == timezone.localdate()

    # 2. She puts the case on the team's meeting.
    page.goto(f"{base}/reform/")
    page.get_by_role("link", name="Sæt sagen på et teammøde").click()
    page.select_option("[name=meeting]", str(meeting.pk))
    page.get_by_role("button", name="Gem").click()
    expect(page.locator("table")).to_contain_text("Rehabiliteringsteam Nord")

    # 3. Rita, a member of the team, records the fleksjob recommendation at the meeting.
    team_page = new_page()
    log_in(team_page, live_server.url, "rita")
    team_page.goto(f"{live_server.url}/rehab/meetings/{meeting.pk}/")
    expect(team_page.locator("table")).to_contain_text(case.number)
    team_page.get_by_role("link", name="Registrér indstillingen").click()
    team_page.check("input[name=kind][value=fleksjob]")
    team_page.select_option("[name=presented_for]", "fleksjob")
    team_page.fill("[name=reasons]", "Arbejdsprøvningen viser en varigt nedsat arbejdsevne.")
    team_page.fill("[name=factors]", "Varige rygsmerter; arbejdsprøvning viser 8 timer om ugen.")
    team_page.fill("[name=why_clarified]", "Afklaret gennem arbejdsprøvning og afsluttet behandling.")
    team_page.fill("[name=flex_job_types]", "Kontormedhjælp, reception.")
    team_page.fill("[name=special_needs]", "Pauser og hæve-sænkebord.")
    team_page.get_by_role("button", name="Gem").click()
    expect(team_page.locator(f"#item-{case.rehab_agenda_items.get().pk}")).to_contain_text("Fleksjob")
    assert Recommendation.objects.get(case=case).kind == "fleksjob"

    # 4. The municipality departs from the recommendation.
    page.goto(f"{base}/reform/")
    expect(page.locator(".recommendation")).to_have_text("Fleksjob")
    expect(page.locator("#rereferral")).to_have_count(0)
    page.get_by_role("link", name="Fravig indstillingen").click()
    page.fill("[name=reason]", "Kommunen vurderer, at et ressourceforløb skal forsøges først.")
    page.get_by_role("button", name="Gem").click()
    expect(page.locator("#rereferral")).to_contain_text("Skal genforelægges")
    assert Departure.objects.filter(recommendation__case=case).exists()

    # 5. The case is required back: on the case page (with the blocking legal check) and on the team's page.
    page.goto(f"{base}/")
    expect(page.locator("#reform-section")).to_contain_text("Skal genforelægges")
    expect(page.get_by_text("Genforelæggelse, når kommunen fraviger indstillingen").first).to_be_visible()
    team_page.goto(f"{live_server.url}/rehab/teams/{team.pk}/")
    expect(team_page.locator("#present-again")).to_contain_text(case.number)
    expect(team_page.locator("#present-again")).to_contain_text("Skal genforelægges")
