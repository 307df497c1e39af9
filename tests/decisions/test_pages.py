"""Decision pages: they render in Danish, go through the access gate (logged), and refuse strangers."""

from datetime import timedelta

from django.utils import timezone

from evne.accounts.models import AccessLogEntry
from evne.decisions.models import Decision
from evne.rules.workdays import add_working_days
from tests.conftest import PASSWORD


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_the_case_page_has_a_decisions_section(client, alice, draft):
    login(client, alice)
    response = client.get(f"/cases/{draft.case_id}/")
    assert response.status_code == 200
    assert f"/cases/{draft.case_id}/decisions/1/" in response.content.decode()


def test_the_draft_page_shows_readiness_and_the_guidance_preview(client, alice, draft):
    login(client, alice)
    before = AccessLogEntry.objects.filter(user=alice, case_id=draft.case_id).count()
    response = client.get(f"/cases/{draft.case_id}/decisions/1/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Partshøring før afgørelsen" in body  # the blocking rule for this decision
    assert "Ankestyrelsen" in body  # the complaint guidance that will be added
    assert AccessLogEntry.objects.filter(user=alice, case_id=draft.case_id).count() == before + 1


def test_the_reasons_editor_saves_facts_in_order(client, alice, prepared, draft):
    login(client, alice)
    url = f"/cases/{draft.case_id}/decisions/1/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "version": draft.version, "decision_text": "Du får afslag på fleksjob.",
        "reasons": "Fordi praktikken viste 30 timer.", "legal_basis": "LAB § 116.",
        "facts-TOTAL_FORMS": "2", "facts-INITIAL_FORMS": "0",
        "facts-0-text": "Praktik 12 uger.", "facts-0-source": f"note:{prepared['note'].pk}",
        "facts-1-text": "", "facts-1-source": "",
    })  # fmt: skip
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.facts == [{"text": "Praktik 12 uger.", "source": f"note:{prepared['note'].pk}"}]


def test_a_stale_save_shows_what_changed(client, alice, draft):
    login(client, alice)
    Decision.objects.filter(pk=draft.pk).update(version=5, reasons="Bobs tekst.")
    response = client.post(f"/cases/{draft.case_id}/decisions/1/edit/", {
        "version": 1, "decision_text": "X", "reasons": "Alices tekst.", "legal_basis": "LAB.",
        "facts-TOTAL_FORMS": "0", "facts-INITIAL_FORMS": "0",
    })  # fmt: skip
    assert response.status_code == 409
    assert "Bobs tekst." in response.content.decode()


def test_another_team_reads_but_cannot_write_and_another_municipality_sees_nothing(client, carol, charlie, draft):
    login(client, carol)
    assert client.get(f"/cases/{draft.case_id}/decisions/1/").status_code == 200
    assert client.get(f"/cases/{draft.case_id}/decisions/1/edit/").status_code == 403
    assert client.post(f"/cases/{draft.case_id}/decisions/1/issue/", {"version": 1}).status_code == 403
    client.logout()
    login(client, charlie)
    assert client.get(f"/cases/{draft.case_id}/decisions/1/").status_code == 404
    assert client.get(f"/cases/{draft.case_id}/file-access/").status_code == 404


def test_file_access_page_registers_an_oral_request(client, alice, case):
    login(client, alice)
    response = client.post(
        f"/cases/{case.pk}/file-access/",
        {"requested_on": (timezone.localdate() - timedelta(days=1)).isoformat(), "channel": "oral"},
    )
    assert response.status_code == 302
    yesterday = timezone.localdate() - timedelta(days=1)
    assert case.file_access_requests.get().due_on == add_working_days(yesterday, 7)  # FVL § 16, stk. 3 (2014)


def test_file_access_is_handed_out_from_the_page_with_internal_documents_left_out(client, alice, prepared):
    from evne.decisions import services

    case = prepared["case"]
    request = services.file_access_request(actor=alice, case=case, requested_on=timezone.localdate(), channel="oral")
    login(client, alice)
    specialist = prepared["specialist"].pk
    response = client.post(f"/cases/{case.pk}/file-access/{request.pk}/hand-out/", {
        "version": 1, "handed_out_on": timezone.localdate().isoformat(), "internal": [str(specialist)],
    })  # fmt: skip
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.handed_out_on == timezone.localdate() and request.bundle_id
    assert {r.get("document_id"): r["included"] for r in request.handed_out}[specialist] is False
    assert "Sagen (PDF)" in client.get(f"/cases/{case.pk}/file-access/").content.decode()


def test_a_changed_reconsideration_offers_a_new_decision(client, alice, ready):
    from evne.decisions import services

    issued = services.decision_issue(actor=alice, decision=ready, expected_version=ready.version,
                                     override_reason="Test.")  # fmt: skip
    complaint = services.complaint_register(actor=alice, decision=issued, received_on=timezone.localdate(),
                                            channel="written", summary="Uenig.")  # fmt: skip
    services.complaint_reconsider(actor=alice, complaint=complaint, expected_version=1, outcome="changed",
                                  reconsidered_on=timezone.localdate(), reasons="Nye oplysninger.")  # fmt: skip
    login(client, alice)
    body = client.get(f"/cases/{issued.case_id}/complaints/{complaint.pk}/").content.decode()
    assert f"/cases/{issued.case_id}/decisions/new/" in body and "Ændret" in body
