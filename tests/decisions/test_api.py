"""The decisions API: the same services as the pages, JSON errors, the access gate."""

import json

from django.utils import timezone

from tests.api.conftest import basic

from .conftest import refusal_values


def post(client, url, data, user="alice"):
    return client.post(url, json.dumps(data, default=str), content_type="application/json", **basic(user))


def test_it_drafts_hears_and_issues_through_the_api(client, alice, prepared):
    case = prepared["case"]
    base = f"/api/cases/{case.pk}/decisions"
    response = post(client, base, refusal_values(prepared))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] == 1 and body["decision_type"] == "refusal" and "decision.hearing" in body["blocking"]

    response = post(client, f"{base}/1/hearing", {"version": 1, "sent_on": timezone.localdate().isoformat(),
                                                  "unfavourable_facts": "Praktikken viste 30 timer."})  # fmt: skip
    assert response.status_code == 201, response.content
    hearing = response.json()
    assert hearing["letter_id"] and any(p["kind"] == "document" for p in hearing["package"])

    response = post(client, f"{base}/1/hearing/{hearing['id']}/answer",
                    {"version": 1, "answer": "answered", "answered_on": timezone.localdate().isoformat(),
                     "summary": "Borgeren er uenig.", "form": "oral"})  # fmt: skip
    assert response.status_code == 200, response.content

    response = post(client, f"{base}/1/issue", {"version": 1})
    assert response.status_code == 400 and response.json()["field"] == "answer_dealt_with"

    response = client.patch(f"{base}/1", json.dumps({"version": 1, "answer_dealt_with": "Indgået."}),
                            content_type="application/json", **basic("alice"))  # fmt: skip
    assert response.status_code == 200 and response.json()["version"] == 2

    response = post(client, f"{base}/1/issue", {"version": 2})
    assert response.status_code == 400 and response.json()["field"] == "override_reason"
    response = post(client, f"{base}/1/issue", {"version": 2, "override_reason": "Profilen blev gennemgået."})
    assert response.status_code == 200, response.content
    issued = response.json()
    assert issued["status"] == "issued" and issued["explanation"]["results"] and issued["letter_id"]

    response = client.patch(f"{base}/1", json.dumps({"version": 3, "reasons": "Ny."}),
                            content_type="application/json", **basic("alice"))  # fmt: skip
    assert response.status_code == 400 and response.json()["field"] == "status"

    response = post(client, f"{base}/1/complaints", {"received_on": timezone.localdate().isoformat(), "channel": "oral",
                                                     "summary": "Uenig."})  # fmt: skip
    assert response.status_code == 201
    complaint = response.json()
    url = f"/api/cases/{case.pk}/complaints/{complaint['id']}"
    assert (
        post(client, f"{url}/forward", {"version": 1, "forwarded_on": timezone.localdate().isoformat()}).status_code
        == 400
    )
    reconsider = {
        "version": 1,
        "outcome": "kept",
        "reasons": "Fastholdt.",
        "reconsidered_on": timezone.localdate().isoformat(),
    }
    assert post(client, f"{url}/reconsideration", reconsider).status_code == 200
    response = post(client, f"{url}/forward", {"version": 2, "forwarded_on": timezone.localdate().isoformat()})
    assert response.status_code == 200 and response.json()["appeal_body"] == "Ankestyrelsen"


def test_a_stale_change_is_409_with_the_changes(client, alice, draft):
    url = f"/api/cases/{draft.case_id}/decisions/1"
    client.patch(url, json.dumps({"version": 1, "reasons": "Først."}), content_type="application/json",
                 **basic("alice"))  # fmt: skip
    response = client.patch(url, json.dumps({"version": 1, "reasons": "Sidst."}), content_type="application/json",
                            **basic("alice"))  # fmt: skip
    assert response.status_code == 409
    assert response.json()["changes"]["reasons"] == {"yours": "Sidst.", "current": "Først."}


def test_bad_input_is_422_and_unknown_outcome_refused(client, alice, prepared):
    response = post(client, f"/api/cases/{prepared['case'].pk}/decisions",
                    refusal_values(prepared, outcome="maybe"))  # fmt: skip
    assert response.status_code == 422


def test_other_team_reads_but_cannot_write_and_other_municipality_gets_404(client, carol, charlie, draft):
    url = f"/api/cases/{draft.case_id}/decisions"
    assert client.get(url, **basic("carol")).status_code == 200
    assert post(client, f"{url}/1/issue", {"version": 1}, user="carol").status_code == 403
    assert client.get(url, **basic("charlie")).status_code == 404
    assert client.get(f"/api/cases/{draft.case_id}/file-access", **basic("charlie")).status_code == 404


def test_file_access_through_the_api(client, alice, prepared):
    url = f"/api/cases/{prepared['case'].pk}/file-access"
    response = post(client, url, {"requested_on": timezone.localdate().isoformat(), "channel": "oral"})
    assert response.status_code == 201
    request = response.json()
    response = post(client, f"{url}/{request['id']}/hand-out",
                    {"version": 1, "handed_out_on": timezone.localdate().isoformat(),
                     "documents": [{"document_id": prepared["specialist"].pk, "internal": True}]})  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["bundle_id"]
