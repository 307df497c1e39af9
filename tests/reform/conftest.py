"""Fixtures for the reform pathways. Alice (caseworker, team A) owns a fleksjob case; Rita is a member of the
rehabilitation team; Ruth is a rehab-team member of another team; Charlie is a stranger (another municipality)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from evne.accounts.models import Role
from evne.evidence.models import Document
from evne.reform import services
from evne.reform.models import MemberRole, RehabTeam, RehabTeamMember

CONTENT = {
    "goals": "Job som kontormedhjælper på nedsat tid.",
    "employment_resources": "Tidligere 10 år som lagerarbejder; arbejdsprøvning 2025 dokumenteret.",
    "social_resources": "Stabil bolig og økonomi.",
    "health_resources": "Kroniske rygsmerter; fysioterapi 2024–2025.",
    "personal_resources": "Gift, to voksne børn, et godt netværk.",
    "wishes": "Vil gerne arbejde med mennesker.",
    "health_situation": "Udredning på rygcenter afsluttet; smertebehandling pågår.",
    "benefit_history": "Sygedagpenge 2024, kontanthjælp siden 2025.",
    "earlier_efforts": "Arbejdsprøvning 2025: 8 timer om ugen med pauser.",
}


@pytest.fixture
def rehab_team(kommune):
    team = RehabTeam.objects.create(municipality=kommune, name="Rehabiliteringsteam Nord")
    for name, role in (
        ("Beskæftigelse", MemberRole.EMPLOYMENT),
        ("Social", MemberRole.SOCIAL),
        ("Sundhed", MemberRole.HEALTH),
        ("Sundhedskoordinator", MemberRole.HEALTH_COORDINATOR),
    ):
        RehabTeamMember.objects.create(team=team, name=name, role=role)  # fmt: skip
    return team


@pytest.fixture
def rita(make_user, kommune, rehab_team):
    user = make_user("rita", Role.REHAB_MEMBER, None, municipality=kommune)
    RehabTeamMember.objects.create(team=rehab_team, name="Rita Testesen", role=MemberRole.CHAIR, user=user)
    return user


@pytest.fixture
def ruth(make_user, kommune):
    other = RehabTeam.objects.create(municipality=kommune, name="Rehabiliteringsteam Syd")
    user = make_user("ruth", Role.REHAB_MEMBER, None, municipality=kommune)
    RehabTeamMember.objects.create(team=other, name="Ruth", role=MemberRole.CHAIR, user=user)
    return user


@pytest.fixture
def flex_case(case, alice):
    case.pathway = "fleksjob"
    case.save(update_fields=["pathway"])
    return case


@pytest.fixture
def lae_265(alice, flex_case):
    return Document.objects.create(
        case=flex_case, kind="lae_265", title="LÆ 265", document_date=date(2026, 3, 1), author="Egen læge",
        received_on=date(2026, 3, 2), summary="Varige rygsmerter.", sensitive=True, recorded_by=alice,
        recorded_at=timezone.now(),
    )  # fmt: skip


@pytest.fixture
def plan(alice, flex_case, lae_265):
    return services.rehab_plan_save(
        actor=alice, case=flex_case, base_version=0, gp_basis="lae_265", gp_document_id=lae_265.pk,
        citizen_accepted_on=date(2026, 3, 5), **CONTENT,
    )  # fmt: skip


@pytest.fixture
def meeting(rita, rehab_team):
    return services.meeting_create(actor=rita, team=rehab_team, held_on=timezone.localdate() - timedelta(days=7))


@pytest.fixture
def item(alice, meeting, flex_case):
    return services.agenda_add(actor=alice, meeting=meeting, case=flex_case, referred_on=meeting.held_on)


FLEX = {
    "presented_for": "fleksjob",
    "reasons": "Arbejdsprøvningen viser en varigt nedsat arbejdsevne på 8 timer om ugen.",
    "factors": "Varige rygsmerter; arbejdsprøvning viser 8 timer.",
    "why_clarified": "Arbejdsevnen er afklaret gennem arbejdsprøvning og behandling.",
    "flex_job_types": "Kontormedhjælp, reception.",
    "special_needs": "Pauser og hæve-sænkebord.",
}


@pytest.fixture
def recommendation(rita, item):
    return services.recommendation_record(actor=rita, item=item, kind="fleksjob", **FLEX)
