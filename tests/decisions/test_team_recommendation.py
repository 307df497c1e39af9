"""The decision letter (and the decision page) states the rehabilitation team's recommendation before the decision,
the municipality's departure from it with its reason and the later meeting the case went back to (lov om
organisering § 11, stk. 2), and for a førtidspension decision the day of the transfer to pension treatment."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from evne.accounts.models import Role
from evne.decisions import content, services
from evne.decisions.selectors import team_basis
from evne.reform import services as reform
from evne.reform.models import MemberRole, RehabTeam, RehabTeamMember

from .conftest import pdf_text

TODAY = date.today
FLEX = {
    "factors": "Faktorer-som-ikke-skal-i-brevet-FF1.",
    "why_clarified": "Afklaret gennem arbejdsprøvning.",
    "flex_job_types": "Kontormedhjælp.",
    "special_needs": "Pauser.",
}
OTHER = {"factors": "Rygsmerter.", "measures": "Virksomhedspraktik 12 uger."}


def d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


@pytest.fixture
def rita(make_user, kommune):
    team = RehabTeam.objects.create(municipality=kommune, name="Rehabiliteringsteam Nord")
    for role in (MemberRole.EMPLOYMENT, MemberRole.SOCIAL, MemberRole.HEALTH, MemberRole.HEALTH_COORDINATOR):
        RehabTeamMember.objects.create(team=team, name=str(role), role=role)
    user = make_user("rita", Role.REHAB_MEMBER, None, municipality=kommune)
    RehabTeamMember.objects.create(team=team, name="Rita Testesen", role=MemberRole.CHAIR, user=user)
    return user


def presented(rita, alice, case, *, days_ago: int, kind: str, **values):
    team = RehabTeam.objects.get(name="Rehabiliteringsteam Nord")
    meeting = reform.meeting_create(actor=rita, team=team, held_on=TODAY() - timedelta(days=days_ago))
    reform.meeting_minutes_save(actor=rita, meeting=meeting, expected_version=1, minutes="Referat-tekst-MM7.")
    item = reform.agenda_add(actor=alice, meeting=meeting, case=case, referred_on=meeting.held_on)
    values.setdefault("presented_for", kind if kind in ("fleksjob", "fortidspension", "ressourceforlob") else "other")
    values.setdefault("reasons", "Teamets begrundelse.")
    return reform.recommendation_record(actor=rita, item=item, kind=kind, **values)


def issue(alice, decision):
    decision.refresh_from_db()
    return services.decision_issue(actor=alice, decision=decision, expected_version=decision.version,
                                   override_reason="Testens afgørelse.")  # fmt: skip


def test_the_letter_states_the_recommendation_the_departure_and_the_second_presentation(alice, rita, ready):
    case = ready.case
    first = presented(rita, alice, case, days_ago=40, kind="fleksjob", **FLEX)
    reform.departure_record(actor=alice, recommendation=first, departed_on=TODAY() - timedelta(days=35),
                            reason="Arbejdsprøvningen viste 30 timer om ugen.")  # fmt: skip
    presented(rita, alice, case, days_ago=20, kind="other", **OTHER)

    issued = issue(alice, ready)

    text = " ".join(pdf_text(issued.letter).split())
    assert "Rehabiliteringsteamets indstilling" in text
    assert f"på sit møde den {d(TODAY() - timedelta(days=40))} og indstillede fleksjob." in text
    assert f"Den {d(TODAY() - timedelta(days=35))} besluttede kommunen ikke at følge teamets indstilling." in text
    assert "Begrundelse: Arbejdsprøvningen viste 30 timer om ugen." in text
    assert f"forelagt rehabiliteringsteamet igen på mødet den {d(TODAY() - timedelta(days=20))}" in text
    assert "§ 11, stk. 2" in text
    assert f"På mødet den {d(TODAY() - timedelta(days=20))} indstillede rehabiliteringsteamet en anden indsats" in text
    # Facts only: nothing of the minutes or the recommendation's own texts.
    assert "Referat-tekst-MM7" not in text and "FF1" not in text and "Virksomhedspraktik" not in text
    # The order of the letter: the reasons, then the team, then the facts and the rules.
    assert text.index("Begrundelse") < text.index("Rehabiliteringsteamets indstilling") < text.index("Regler")


def test_a_departure_not_yet_presented_again_is_said_as_such(alice, rita, draft):
    first = presented(rita, alice, draft.case, days_ago=10, kind="fleksjob", **FLEX)
    reform.departure_record(actor=alice, recommendation=first, departed_on=TODAY(), reason="Uenig.")

    lines = content.team_statements(draft, on=TODAY())

    assert lines[1] == f"Den {d(TODAY())} besluttede kommunen ikke at følge teamets indstilling. Begrundelse: Uenig."
    assert lines[2].startswith("Din sag er ikke forelagt rehabiliteringsteamet igen") and len(lines) == 3


def test_only_what_came_before_the_decision_counts(alice, rita, draft):
    presented(rita, alice, draft.case, days_ago=10, kind="fleksjob", **FLEX)

    assert team_basis(draft.case, on=TODAY() - timedelta(days=11)) is None
    basis = team_basis(draft.case, on=TODAY())
    assert basis.kind == "fleksjob" and basis.departed_on is None and basis.presented_again_on is None
    assert content.team_statements(draft, on=TODAY()) == [
        f"Rehabiliteringsteamet behandlede din sag på sit møde den {d(TODAY() - timedelta(days=10))} og "
        "indstillede fleksjob."
    ]


def test_a_decision_without_a_team_recommendation_says_nothing_of_the_team(alice, ready):
    text = pdf_text(issue(alice, ready).letter)
    assert "Rehabiliteringsteam" not in text and "førtidspension" not in text


def test_the_decision_page_shows_what_the_letter_will_say(client, alice, rita, draft):
    presented(rita, alice, draft.case, days_ago=10, kind="fleksjob", **FLEX)
    client.force_login(alice)

    page = client.get(reverse("web:decisions_detail", args=[draft.case_id, draft.number])).content.decode()

    assert 'id="team-recommendation"' in page
    assert f"på sit møde den {d(TODAY() - timedelta(days=10))} og indstillede fleksjob." in page


def test_a_fortidspension_letter_states_the_transfer_to_pension_treatment(alice, prepared):
    case = prepared["case"]
    reform.pension_transfer_record(actor=alice, case=case, transferred_on=TODAY() - timedelta(days=50))
    reform.pension_transfer_record(actor=alice, case=case, transferred_on=TODAY() - timedelta(days=45),
                                   note="Rettet dato.")  # the correction is a new row, and it counts  # fmt: skip
    decision = services.decision_draft(
        actor=alice, case=case, outcome="fortidspension", applied_for="Førtidspension.", fully_grants=True,
        decision_text="Du får førtidspension.", legal_basis="Lov om social pension § 16.",
    )  # fmt: skip

    text = " ".join(pdf_text(issue(alice, decision).letter).split())

    assert "Behandling efter reglerne om førtidspension" in text
    assert f"efter reglerne om førtidspension den {d(TODAY() - timedelta(days=45))}" in text
    assert d(TODAY() - timedelta(days=50)) not in text
    refusal = services.decision_draft(actor=alice, case=case, outcome="refusal", subject="fleksjob",
                                      applied_for="Fleksjob.",
                                      decision_text="Afslag.", legal_basis="LAB § 116.")  # fmt: skip
    assert content.pension_statements(refusal, on=TODAY()) == []
