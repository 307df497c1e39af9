"""The resource-profile pages through the web UI: start, describe, stale save, present, decide."""

import re

from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.profiles.models import ElementResponse, ElementVersion

from ..conftest import PASSWORD

DA = {"HTTP_ACCEPT_LANGUAGE": "da"}


def element_post(base_version=0, **fields):
    data = {
        "base_version": base_version, "reason": "Første beskrivelse", "relevant": "yes",
        "facts-TOTAL_FORMS": "2", "facts-INITIAL_FORMS": "0", "facts-MIN_NUM_FORMS": "0", "facts-MAX_NUM_FORMS": "200",
        "facts-0-text": "Borgeren har arbejdet 12 år som lagerarbejder.", "facts-0-source_kind": "conversation",
        "facts-0-source_detail": "Samtale 9. marts", "facts-0-used": "on",
        "assessment": "Det er min vurdering, at erfaringen kan bruges i lager- og logistikjob.",
    }  # fmt: skip
    data.update(fields)
    return data


def start(client, case):
    return client.post(reverse("web:profile_involvement", args=[case.pk]), {
        "kind": "opening_conversation", "occurred_on": "2026-03-09", "text": "Første samtale med borgeren.",
    })  # fmt: skip


def test_it_shows_the_thirteen_elements_without_any_score_and_logs_the_view(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("web:profile", args=[case.pk]), **DA).content.decode()
    for name in ("Uddannelse", "Arbejdsmarkedserfaring", "Helbred", "Andet arbejdsmarkedsrelateret"):
        assert name in page
    assert not re.search(r'class="[^"]*(score|rank|traffic|rating)', page)
    assert AccessLogEntry.objects.filter(user=alice, case=case, action=AccessAction.PROFILE).exists()


def test_it_asks_for_the_opening_conversation_before_the_first_element(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("web:profile_element", args=[case.pk, "education"]))
    assert response.status_code == 302
    start(client, case)
    page = client.get(reverse("web:profile_element", args=[case.pk, "education"]), **DA).content.decode()
    assert "Hjælpespørgsmål" in page or "Vejledende spørgsmål" in page or "guiding" in page.lower()


def test_it_saves_an_element_with_a_sourced_fact_and_a_linked_assessment(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    start(client, case)
    response = client.post(reverse("web:profile_element", args=[case.pk, "labour_market_experience"]),
                           element_post(), **DA)  # fmt: skip
    assert response.status_code == 302
    version = ElementVersion.objects.get()
    assert version.facts[0]["source_detail"] == "Samtale 9. marts"
    assert version.assessment_fact_ids == [version.facts[0]["id"]]


def test_it_refuses_an_assessment_with_no_ticked_fact_and_keeps_the_input(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    start(client, case)
    data = element_post()
    del data["facts-0-used"]
    response = client.post(reverse("web:profile_element", args=[case.pk, "education"]), data, **DA)
    assert response.status_code == 422
    assert "lagerarbejder" in response.content.decode()
    assert not ElementVersion.objects.exists()


def test_it_refuses_a_stale_save_and_shows_what_changed(client, alice, bob, case):
    client.login(username="bob", password=PASSWORD)
    start(client, case)
    client.post(reverse("web:profile_element", args=[case.pk, "education"]), element_post())
    client.post(reverse("web:profile_element", args=[case.pk, "education"]), element_post(
        base_version=1, reason="Bob retter", **{"facts-0-text": "Bobs nye oplysning."}))  # fmt: skip
    client.login(username="alice", password=PASSWORD)
    response = client.post(reverse("web:profile_element", args=[case.pk, "education"]), element_post(
        base_version=1, reason="Alice retter", **{"facts-0-text": "Alices oplysning."}), **DA)  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 409
    assert "Bobs nye oplysning." in body and "Alices oplysning." in body
    assert 'name="base_version" value="2"' in body
    assert ElementVersion.objects.count() == 2


def test_it_presents_records_a_disagreement_and_requires_an_explanation_to_keep(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    start(client, case)
    client.post(reverse("web:profile_element", args=[case.pk, "education"]), element_post())
    url = reverse("web:profile_present", args=[case.pk])
    missing = client.post(url, {"presented_on": "2026-03-20", "method": "meeting", "agrees-education": "no"}, **DA)
    assert missing.status_code == 422 and not ElementResponse.objects.exists()
    client.post(
        url,
        {
            "presented_on": "2026-03-20",
            "method": "meeting",
            "agrees-education": "no",
            "disagreement-education": "Borgeren mener ikke, at AMU-kurset kan bruges i dag.",
        },
    )
    response = ElementResponse.objects.get()
    decide = reverse("web:profile_decide", args=[case.pk, response.pk])
    client.post(decide, {"outcome": "keep", "explanation": ""})
    response.refresh_from_db()
    assert not hasattr(response, "decision")
    client.post(decide, {"outcome": "keep", "explanation": "Kurset dokumenterer kompetencer i truckkørsel."})
    response.refresh_from_db()
    assert response.decision.explanation.startswith("Kurset")


def test_it_lets_other_teams_read_but_not_edit_the_profile(client, alice, carol, case):
    client.login(username="carol", password=PASSWORD)
    assert client.get(reverse("web:profile", args=[case.pk])).status_code == 200
    assert client.get(reverse("web:profile_element", args=[case.pk, "education"])).status_code == 403
    assert client.post(reverse("web:profile_involvement", args=[case.pk]), {}).status_code == 403


def test_it_answers_an_unknown_element_with_404(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    assert client.get(reverse("web:profile_element", args=[case.pk, "intelligens"])).status_code == 404


def test_it_keeps_a_facts_link_to_a_provider_report_when_the_element_is_edited(client, alice, case):
    """A finding carried from a provider report keeps its report_id through an edit in the web editor."""
    from evne.profiles.services import element_save

    client.login(username="alice", password=PASSWORD)
    start(client, case)
    report = _report(alice, case)
    element_save(actor=alice, case=case, element="education", base_version=0, reason="Fra rapport", relevant=True,
                 facts=[{"id": "r1", "text": "Praktikstedet: lærer hurtigt.", "source_kind": "provider_report",
                         "report_id": report.pk}])  # fmt: skip
    form = client.get(reverse("web:profile_element", args=[case.pk, "education"])).content.decode()
    assert f'name="facts-0-report_id" value="{report.pk}"' in form
    data = element_post(base_version=1, reason="Rettelse", **{
        "facts-TOTAL_FORMS": "1", "facts-0-id": "r1", "facts-0-text": "Praktikstedet: lærer hurtigt nye opgaver.",
        "facts-0-source_kind": "provider_report", "facts-0-report_id": str(report.pk),
    })  # fmt: skip
    assert client.post(reverse("web:profile_element", args=[case.pk, "education"]), data).status_code == 302
    assert ElementVersion.objects.get(number=2).facts[0]["report_id"] == report.pk


def _report(alice, case):
    from datetime import date

    from django.utils import timezone

    from evne.plans.models import Activity, ActivityType, ProviderReport

    activity = Activity.objects.create(
        case=case,
        type=ActivityType.objects.get(code="mentor"),
        provider="Mentorhuset",
        start_on=date(2026, 3, 1),
        planned_end_on=date(2026, 6, 1),
        hours_per_week=5,
        created_by=alice,
        created_at=timezone.now(),
    )
    return ProviderReport.objects.create(
        activity=activity,
        report_date=date(2026, 4, 1),
        author="Mentor",
        result_vs_purpose="Godt",
        actual_content="Samtaler",
        functional_capacity="Stabil",
        citizen_participated=True,
        citizen_agreement="agrees",
        recorded_by=alice,
        recorded_at=timezone.now(),
    )


def test_a_fact_points_at_a_document_of_the_case_and_never_another_cases(client, alice, case, citizen):
    from datetime import date

    from django.utils import timezone

    from evne.cases.services import case_open
    from evne.evidence.models import Document

    def document(on_case):
        return Document.objects.create(
            case=on_case, kind="lae_265", title="LÆ 265", document_date=date(2026, 3, 1), author="Egen læge",
            received_on=date(2026, 3, 2), summary="Rygsmerter.", sensitive=True, recorded_by=alice,
            recorded_at=timezone.now(),
        )  # fmt: skip

    mine = document(case)
    other = document(case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="ledighedsydelse",
                               help_requested_on=date(2026, 3, 2)))  # fmt: skip
    client.login(username="alice", password=PASSWORD)
    start(client, case)
    url = reverse("web:profile_element", args=[case.pk, "health"])
    page = client.get(url, **DA).content.decode()
    assert f'<option value="{mine.pk}">01-03-2026 · LÆ 265</option>' in page
    assert f'<option value="{other.pk}"' not in page
    response = client.post(url, element_post(**{"facts-0-document_id": str(other.pk)}), **DA)
    assert response.status_code == 422 and not ElementVersion.objects.exists()
    assert client.post(url, element_post(**{"facts-0-document_id": str(mine.pk)}), **DA).status_code == 302
    assert ElementVersion.objects.get().facts[0]["document_id"] == mine.pk
