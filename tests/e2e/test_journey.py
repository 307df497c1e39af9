"""The caseworker's day (issue 13): one whole case taken through Evne in Chromium as a caseworker would, from a
new citizen on sygedagpenge to a file-access request, with every page load, submit, click and field fill counted
per step. `bench/journey.py` runs this test and prints the figures beside the targets.

Navigation is by the links a person would click; a `goto` is used only where a person would type or bookmark the
address (the login page) — so the counts are the interactions the interface asks of its user.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evne.accounts.models import Role
from evne.cases.models import Case
from evne.decisions.models import Complaint, Decision, FileAccessRequest
from evne.plans.models import ActivityType
from evne.reform.models import MemberRole, Recommendation, RehabTeam, RehabTeamMember
from evne.reform.services import meeting_create

from ..conftest import PASSWORD
from .journey import Tally, counting
from .test_resource_profile import describe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

#: The issue's figures for this journey on the main of 2026-12-05 and its targets.
BEFORE = {"page_loads": 170, "submits": 75, "clicks": 247, "fills": 332}
INTERNSHIP_TARGET = 8  # page loads + submits, from the case page
# This script on main before issue 13's changes (3e9a33e): 248 interactions; after them: 243 (prefilled forms;
# issuing now asks for a confirmation). A change that makes the day longer fails here.
JOURNEY_BUDGET = 243


@pytest.fixture
def team(make_user, kommune):
    ActivityType.objects.get_or_create(
        code="virksomhedspraktik",
        defaults={"name_da": "Virksomhedspraktik", "name_en": "Company internship", "company_based": True},
    )
    team = RehabTeam.objects.create(municipality=kommune, name="Rehabiliteringsteam Nord")
    for role in (MemberRole.EMPLOYMENT, MemberRole.SOCIAL, MemberRole.HEALTH, MemberRole.HEALTH_COORDINATOR):
        RehabTeamMember.objects.create(team=team, name=f"Medlem {role}", role=role)
    rita = make_user("rita", Role.REHAB_MEMBER, None, municipality=kommune)
    RehabTeamMember.objects.create(team=team, name="Rita Testesen", role=MemberRole.CHAIR, user=rita)
    meeting = meeting_create(actor=rita, team=team, held_on=timezone.localdate())
    return {"team": team, "meeting": meeting}


def log_in(page, base_url, username):
    page.goto(f"{base_url}/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", name="Mine sager")).to_be_visible()


def saved(page):
    """The form was accepted: the page says so (on failure, the form's errors are in the assertion)."""
    try:
        expect(page.locator(".messages")).to_be_visible()
    except AssertionError:
        errors = page.locator(".errorlist, [role=alert], .errors").all_inner_texts()
        raise AssertionError(f"not saved: {errors}") from None


def link(page, name, *, exact=False):
    page.locator("main").get_by_role("link", name=name, exact=exact).first.click()


def back_to_case(page, case):
    page.locator("main").get_by_role("link", name=f"Sag {case.number}").first.click()


def test_the_caseworkers_day(live_server, new_page, alice, team, request):
    today = timezone.localdate()
    tally = Tally()
    page = new_page()
    tally.watch(page)
    with counting(tally):
        tally.step("Log ind")
        log_in(page, live_server.url, "alice")

        tally.step("Ny borger på sygedagpenge")
        page.get_by_role("navigation").get_by_role("link", name="Ny borger").click()
        page.fill("[name=cpr]", "120375-4321")
        page.fill("[name=first_name]", "Birgitte")
        page.fill("[name=last_name]", "Rejsekær")
        page.fill("[name=address]", "Prøvevej 7")
        page.fill("[name=postal_code]", "9990")
        page.fill("[name=city]", "Evnekøbing")
        page.locator("main").get_by_role("button", name="Gem").click()
        expect(page.get_by_role("heading", name="Birgitte Rejsekær")).to_be_visible()
        link(page, "Ny sag")
        page.select_option("[name=pathway]", "sygedagpenge")
        page.select_option("[name=benefit]", "sygedagpenge")
        page.fill("[name=help_requested_on]", (today - timedelta(days=120)).isoformat())
        page.locator("main").get_by_role("button", name="Gem").click()
        case = Case.objects.get(citizen__last_name="Rejsekær")
        expect(page.get_by_role("heading", name=f"Sag {case.number}")).to_be_visible()

        tally.step("Ressourceprofil med borgeren")
        link(page, "Ressourceprofil")
        page.fill("[name=occurred_on]", (today - timedelta(days=60)).isoformat())
        page.fill("form[action$='involvement/'] textarea[name=text]", "Indledende samtale om arbejdsliv og helbred.")
        page.locator("form[action$='involvement/']").get_by_role("button", name="Gem").click()
        saved(page)
        describe(page, "Arbejdsmarkedserfaring", fact="18 år som social- og sundhedshjælper.",
                 source="Samtale med borgeren", detail="Samtale om arbejdsliv",
                 assessment="Erfaringen kan bruges i lettere omsorgs- og servicefunktioner.")  # fmt: skip
        describe(page, "Arbejdsrelevante ønsker", fact="Ønsker arbejde med mennesker, gerne i reception.",
                 source="Samtale med borgeren", detail="Samtale om arbejdsliv",
                 citizen_view="Jeg vil gerne arbejde med mennesker igen.")  # fmt: skip
        describe(page, "Helbred", fact="Slidgigt i begge knæ; kan ikke stå mere end 30 minutter ad gangen.",
                 source="Lægelig dokumentation", detail="Journaloplysninger fra egen læge",
                 assessment="Knæene begrænser stående og gående arbejde.")  # fmt: skip
        link(page, "Forelæg profilen")
        page.fill("[name=presented_on]", (today - timedelta(days=50)).isoformat())
        page.select_option("[name=method]", "meeting")
        for key in ("labour_market_experience", "work_wishes", "health"):
            page.check(f"input[name=agrees-{key}][value=yes]")
        page.get_by_role("button", name="Registrér forelæggelsen").click()
        saved(page)

        tally.step("Handleplan")
        back_to_case(page, case)
        link(page, "Udarbejd planen")
        page.fill("[name=goals-0-text]", "Afklare arbejdsevnen i siddende servicefunktioner.")
        page.check("[name=goals-0-element_keys][value=labour_market_experience]")
        page.check("[name=goals-0-element_keys][value=health]")
        page.select_option("[name=goals-0-builds_on]", "both")
        page.fill("[name=means]", "Virksomhedspraktik i en reception.")
        page.fill("[name=agreed_with_citizen_on]", (today - timedelta(days=45)).isoformat())
        page.get_by_role("button", name="Gem ny version").click()
        saved(page)

        tally.step("Virksomhedspraktik med kravspecifikation")
        back_to_case(page, case)
        internship_from = tally.interactions("Virksomhedspraktik med kravspecifikation")
        link(page, "Nyt tilbud")
        page.select_option("[name=type]", "virksomhedspraktik")
        page.fill("[name=provider]", "Sundhedshuset Evnekøbing")
        page.locator("[name=goal_ids]").first.check()
        page.fill("[name=start_on]", (today - timedelta(days=40)).isoformat())
        page.fill("[name=planned_end_on]", (today - timedelta(days=12)).isoformat())
        page.fill("[name=hours_per_week]", "12")
        if not page.locator("[name=order-purpose]").is_visible():
            page.locator("details:has([name=order-purpose]) > summary").click()
        page.fill("[name=order-purpose]", "Afklare, om borgeren kan arbejde i en reception 12 timer om ugen.")
        page.fill("[name=order-content_and_duration]", "Receptionsarbejde, 4 uger.")
        page.check("[name=order-element_keys][value=labour_market_experience]")
        page.check("[name=order-element_keys][value=health]")
        page.fill("[name=order-resources_to_clarify]", "Tempo, stabilitet og samarbejde.")
        page.fill("[name=order-observe]", "Fremmøde, smerter og behov for pauser.")
        page.fill("[name=order-follow_up_plan]", "Opfølgning efter 2 og 4 uger med borger og praktiksted.")
        page.get_by_role("button", name="Gem").click()
        saved(page)
        internship = tally.interactions("Virksomhedspraktik med kravspecifikation") - internship_from

        tally.step("Praktikstedets statusudtalelse")
        back_to_case(page, case)
        link(page, "Virksomhedspraktik · Sundhedshuset Evnekøbing")
        link(page, "statusudtalelse")
        page.fill("[name=report_date]", (today - timedelta(days=10)).isoformat())
        page.fill("[name=author]", "Praktikvejleder i Sundhedshuset")
        page.fill("[name=result_vs_purpose]", "Borgeren har mødt stabilt 12 timer om ugen med pauser.")
        page.fill("[name=actual_content]", "Reception og telefon i 4 uger.")
        page.fill("[name=functional_capacity]", "Kan sidde 2 timer; skal skifte stilling hver halve time.")
        page.check("[name=citizen_participated][value=yes]")
        page.check("[name=citizen_agreement][value=agrees]")
        page.get_by_role("button", name="Gem").click()
        saved(page)

        tally.step("Statusattest fra egen læge")
        back_to_case(page, case)
        link(page, "Samtykker")
        page.check("input[name=purpose][value=collect]")
        page.select_option("[name=status]", "given")
        page.fill("[name=scope]", "Helbredsoplysninger fra egen læge om knæene.")
        page.fill("[name=given_on]", (today - timedelta(days=30)).isoformat())
        page.check("[name=guidance_given]")
        page.get_by_role("button", name="Gem").click()
        saved(page)
        back_to_case(page, case)
        link(page, "Anmodninger om oplysninger")
        link(page, "Ny anmodning")
        page.select_option("[name=recipient_kind]", "gp")
        page.fill("[name=recipient_name]", "Lægehuset Syd")
        page.select_option("[name=document_type]", "status_statement")
        page.fill("[name=purpose]", "At få belyst, hvad knæene betyder for arbejde i en reception.")
        page.fill("[name=necessity]", "Praktikken viser smerter; lægens vurdering mangler.")
        page.fill("[name=questions]", "Hvilke skånehensyn er der? Er der behandlingsmuligheder?")
        page.select_option("[name=consent]", index=1)
        page.get_by_role("button", name="Gem").click()
        saved(page)
        request_id = case.information_requests.get().pk
        send = page.locator(f"form:has([name='send-{request_id}-sent_on'])")
        send.locator(f"[name='send-{request_id}-sent_on']").fill((today - timedelta(days=28)).isoformat())
        send.get_by_role("button").first.click()
        saved(page)
        link(page, "Registrér svaret")
        # kind, title, author and "contains health information" come from the request it answers
        expect(page.locator("[name=title]")).to_have_value(re.compile("Lægehuset Syd"))
        page.fill("[name=document_date]", (today - timedelta(days=20)).isoformat())
        page.fill("[name=answered_on]", (today - timedelta(days=18)).isoformat())
        page.fill("[name=summary]", "Slidgigt i begge knæ; varigt; stående arbejde frarådes; ingen operation.")
        page.get_by_role("button", name="Gem").click()
        saved(page)

        tally.step("Arbejdsevnevurdering")
        back_to_case(page, case)
        link(page, "Ny vurdering")
        page.fill("[name=assessed_on]", (today - timedelta(days=15)).isoformat())
        page.fill("[name=actual_resources]", "Lang erfaring med omsorg; stabilt fremmøde i praktik.")
        page.fill("[name=development_possibilities]", "Arbejdstiden kan ikke øges ud over 12 timer.")
        page.fill("[name=barrier_reduction]", "Siddende arbejde med pauser.")
        page.fill("[name=restitution]", "Restituerer mellem arbejdsdage ved 12 timer om ugen.")
        page.fill("[name=jobs-0-text]", "Reception og telefon")
        page.select_option("[name=jobs-0-can_meet]", "with_accommodation")
        page.fill("[name=jobs-1-text]", "Social- og sundhedshjælper")
        page.select_option("[name=jobs-1-can_meet]", "no")
        page.check("input[name=conclusion][value=flex_job_level]")
        page.check("[name=development_exhausted]")
        page.fill("[name=reasons]", "Praktik og statusattest viser en varigt og væsentligt nedsat arbejdsevne.")
        page.locator("[name=document_ids]").first.check()
        page.get_by_role("button", name="Registrér vurderingen").click()
        saved(page)

        tally.step("Rehabiliteringsteamet")
        back_to_case(page, case)
        link(page, "Rehabiliteringsplan, team og forløb")
        link(page, "Udarbejd den forberedende del")
        # the resources, wishes and health situation start from the profile's descriptions (issue 13, 5)
        expect(page.locator("[name=employment_resources]")).to_have_value(re.compile("social- og sundhedshjælper"))
        for name, text in {
            "goals": "Job i en reception på nedsat tid.",
            "social_resources": "Stabil bolig og økonomi.",
            "personal_resources": "Mødestabil og samarbejdsvillig.",
            "benefit_history": "Sygedagpenge siden sygemeldingen.",
            "earlier_efforts": "Virksomhedspraktik i Sundhedshuset, 4 uger.",
        }.items():
            page.fill(f"[name={name}]", text)
        page.check("input[name=gp_basis][value=existing_evidence]")
        page.fill("[name=existing_evidence]", "Statusattest fra Lægehuset Syd.")
        page.fill("[name=citizen_accepted_on]", (today - timedelta(days=12)).isoformat())
        page.get_by_role("button", name="Gem").click()
        expect(page.get_by_role("heading", name="Rehabiliteringsplan, forberedende del · version 1")).to_be_visible()
        link(page, "Tilbage", exact=True)
        link(page, "Sæt sagen på et teammøde")
        page.select_option("[name=meeting]", str(team["meeting"].pk))
        page.get_by_role("button", name="Gem").click()
        expect(page.locator("table")).to_contain_text("Rehabiliteringsteam Nord")

    # The team's chair records the recommendation in their own browser (not the caseworker's interactions).
    team_page = new_page()
    log_in(team_page, live_server.url, "rita")
    team_page.goto(f"{live_server.url}/rehab/meetings/{team['meeting'].pk}/")
    team_page.get_by_role("link", name="Registrér indstillingen").click()
    team_page.check("input[name=kind][value=fleksjob]")
    team_page.select_option("[name=presented_for]", "fleksjob")
    team_page.fill("[name=reasons]", "Praktikken viser en varigt og væsentligt nedsat arbejdsevne.")
    team_page.fill("[name=factors]", "Slidgigt; 12 timer om ugen med pauser.")
    team_page.fill("[name=why_clarified]", "Afklaret gennem praktik og statusattest.")
    team_page.fill("[name=flex_job_types]", "Reception.")
    team_page.fill("[name=special_needs]", "Siddende arbejde og pauser.")
    team_page.get_by_role("button", name="Gem").click()
    expect(team_page.locator(".messages")).to_be_visible()
    assert Recommendation.objects.get(case=case).kind == "fleksjob"

    with counting(tally):
        tally.step("Afgørelse om fleksjob med partshøring")
        page.goto(f"{live_server.url}/cases/{case.pk}/")
        link(page, "Ny afgørelse")
        page.select_option("[name=outcome]", "refusal")
        page.select_option("[name=subject]", "fleksjob")
        page.fill("[name=applied_for]", "Du har søgt om fleksjob.")
        page.locator("main form").first.get_by_role("button", name="Gem").click()
        saved(page)
        decision = Decision.objects.get(case=case)
        link(page, f"Afgørelse {decision.number}", exact=True)
        form = page.locator("form.hearing-form")
        form.locator("[name=unfavourable_facts]").fill("Praktikstedet oplyser, at du har arbejdet 12 timer om ugen.")
        form.get_by_role("button").first.click()
        saved(page)
        form = page.locator("form.answer-form")
        form.locator("input[name=answer][value=answered]").check()
        form.locator("[name=form]").select_option("oral")
        form.locator("[name=summary]").fill("Borgeren mener, at hun ikke kan arbejde 12 timer.")
        form.get_by_role("button").first.click()
        saved(page)
        link(page, "Skriv afgørelse og begrundelse")
        page.fill("[name=decision_text]", "Du får afslag på fleksjob.")
        page.fill("[name=reasons]", "Din arbejdsevne er ikke nedsat i et omfang, der giver ret til fleksjob.")
        page.fill("[name=answer_dealt_with]", "Vi har lagt vægt på dine smerter, men praktikken viser 12 timer.")
        page.fill("[name=facts-0-text]", "Praktik i reception 12 timer om ugen.")
        page.select_option("[name=facts-0-source]", index=1)
        page.fill("[name=legal_basis]", "Lov om en aktiv beskæftigelsesindsats § 116 om fleksjob.")
        page.locator("form.reasons-form").get_by_role("button", name="Gem udkastet").click()
        saved(page)
        form = page.locator("form.issue-form")
        if form.locator("[name=override_reason]").count():
            form.locator("[name=override_reason]").fill("Gennemgået med borgeren på mødet.")
        form.get_by_role("button").first.click()
        page.locator("form.issue-confirm-form").get_by_role("button").click()  # issuing asks to be confirmed
        expect(page.locator("#decision-status")).to_contain_text("Udstedt")
        decision.refresh_from_db()
        assert decision.status == "issued"

        tally.step("Klage")
        link(page, "Registrér en klage")
        page.fill("[name=summary]", "Borgeren ringede og er uenig i afslaget.")
        page.locator("main form").first.get_by_role("button").first.click()
        saved(page)
        complaint = Complaint.objects.get(decision=decision)
        form = page.locator("form.reconsider-form")
        form.locator("input[name=outcome][value=kept]").check()
        form.locator("[name=reasons]").fill("Praktikken viser stadig 12 timer; klagen giver ikke nye oplysninger.")
        form.get_by_role("button").first.click()
        expect(page.locator("#reconsideration")).to_contain_text("Fastholdt")
        form = page.locator("form.forward-form")
        form.locator("[name=forwarded_on]").fill(today.isoformat())
        form.get_by_role("button").first.click()
        expect(page.locator("#forwarded")).to_contain_text("Ankestyrelsen")
        complaint.refresh_from_db()
        assert complaint.forwarded_on == today

        tally.step("Aktindsigt")
        back_to_case(page, case)
        link(page, "Aktindsigt")
        page.fill("[name=requested_on]", today.isoformat())
        page.check("input[name=channel][value=written]")
        page.get_by_role("button", name="Registrér anmodningen").click()
        saved(page)
        access = FileAccessRequest.objects.get(case=case)
        page.get_by_role("button", name="Saml sagen, og udlevér den").click()
        saved(page)
        access.refresh_from_db()
        assert access.handed_out_on == today and access.bundle is not None

    tally.write()
    total = tally.total()
    request.node.user_properties.append(("journey", dict(total)))
    # The targets: the whole journey in at most half of the interactions measured before, and a company
    # internship with its order in at most 8 page loads and submits from the case page.
    assert internship <= INTERNSHIP_TARGET, internship
    assert sum(total[k] for k in BEFORE) <= sum(BEFORE.values()) / 2, dict(total)
    assert sum(total[k] for k in BEFORE) <= JOURNEY_BUDGET, dict(total)
