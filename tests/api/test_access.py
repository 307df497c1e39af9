"""Need-to-know over the API, and the access log.

Alice owns the case (team A), Carol is in team B of the same municipality (reads, never writes), Dora is an
auditor in team A (reads, never writes), Charlie is in another municipality (sees nothing: 404).
"""

import pytest

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry

CASE_READS = ["/api/cases/{case}", "/api/cases/{case}/timeline", "/api/cases/{case}/notes"]
CITIZEN_READS = ["/api/citizens/{citizen}", "/api/citizens/{citizen}/cases", "/api/citizens/{citizen}/supporters"]
WRITES = [
    ("patch", "/api/cases/{case}", {"version": 1, "pathway": "fleksjob"}),
    ("post", "/api/cases/{case}/status", {"status": "clarification", "version": 1}),
    ("post", "/api/cases/{case}/caseworker", {"caseworker": "{bob}", "version": 1}),
    ("post", "/api/cases/{case}/notes", {"kind": "fact", "text": "Ikke min sag.", "source": "Samtale"}),
    ("patch", "/api/citizens/{citizen}", {"version": 1, "city": "Andeby"}),
    ("post", "/api/citizens/{citizen}/supporters", {"kind": "companion", "name": "X", "active_from": "2026-01-01"}),
    (
        "post",
        "/api/cases",
        {"citizen_id": "{citizen}", "pathway": "fleksjob", "benefit": "none", "help_requested_on": "2025-01-01"},
    ),
]


@pytest.fixture
def ids(case, bob):
    return {"case": case.pk, "citizen": case.citizen_id, "bob": bob.pk}


def _fill(value, ids):
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value


def _write(client, method, url, body, ids):
    return getattr(client, method)(url.format(**ids), _fill(body, ids), content_type="application/json")


def _unchanged(case):
    case.refresh_from_db()
    case.citizen.refresh_from_db()
    assert case.version == 1
    assert case.citizen.version == 1
    assert case.notes.count() == 0
    assert case.citizen.supporters.count() == 0
    assert case.citizen.cases.count() == 1


@pytest.mark.parametrize("url", CASE_READS + CITIZEN_READS)
def test_it_answers_404_to_a_reader_from_another_municipality(api_client, charlie, ids, url):
    response = api_client(charlie).get(url.format(**ids))

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_it_answers_404_to_a_writer_from_another_municipality(api_client, charlie, case, ids, method, url, body):
    response = _write(api_client(charlie), method, url, body, ids)

    assert response.status_code == 404
    _unchanged(case)


def test_it_hides_other_municipalities_from_lists_and_search(api_client, charlie, case):
    client = api_client(charlie)

    search = {"content_type": "application/json"}
    assert client.post("/api/cases/search", {"q": "Testrup"}, **search).json()["items"] == []
    assert client.post("/api/citizens/search", {"q": "010180"}, **search).json()["items"] == []
    assert client.get("/api/cases").json()["items"] == []
    assert client.get("/api/citizens").json()["items"] == []
    assert client.get("/api/cases/mine").json()["items"] == []


def test_it_answers_404_for_a_case_that_does_not_exist(api_client, alice, case):
    assert api_client(alice).get(f"/api/cases/{case.pk + 1000}").status_code == 404


@pytest.mark.parametrize("reader", ["carol", "dora"])
@pytest.mark.parametrize("url", CASE_READS + CITIZEN_READS)
def test_it_lets_another_team_and_the_auditor_read(request, api_client, ids, reader, url):
    user = request.getfixturevalue(reader)

    assert api_client(user).get(url.format(**ids)).status_code == 200


@pytest.mark.parametrize("writer", ["carol", "dora"])
@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_it_refuses_writes_by_another_team_and_the_auditor_with_403(
    request, api_client, case, ids, writer, method, url, body
):
    user = request.getfixturevalue(writer)

    response = _write(api_client(user), method, url, body, ids)

    assert response.status_code == 403
    assert response.json()["detail"]
    _unchanged(case)


def test_it_refuses_citizen_registration_by_an_auditor_with_403(api_client, dora):
    response = api_client(dora).post(
        "/api/citizens", {"cpr": "0205901236", "first_name": "A", "last_name": "B"}, content_type="application/json"
    )

    assert response.status_code == 403


def test_it_lets_a_teammate_write(api_client, bob, case, ids):
    response = _write(
        api_client(bob), "post", "/api/cases/{case}/notes", {"kind": "fact", "text": "Ok.", "source": "Samtale"}, ids
    )

    assert response.status_code == 201


@pytest.mark.parametrize(
    ("url", "action"),
    [
        ("/api/cases/{case}", AccessAction.CASE),
        ("/api/cases/{case}/timeline", AccessAction.TIMELINE),
        ("/api/cases/{case}/notes", AccessAction.NOTES),
        ("/api/citizens/{citizen}", AccessAction.CITIZEN),
        ("/api/citizens/{citizen}/cases", AccessAction.CITIZEN),
        ("/api/citizens/{citizen}/supporters", AccessAction.CITIZEN),
    ],
)
def test_it_logs_every_read_of_a_record_with_channel_api(api_client, carol, case, ids, url, action):
    api_client(carol).get(url.format(**ids))

    entry = AccessLogEntry.objects.get(user=carol)
    assert entry.channel == AccessChannel.API
    assert entry.action == action
    assert entry.citizen_id == case.citizen_id


def test_it_logs_the_case_with_a_case_read(api_client, carol, case):
    api_client(carol).get(f"/api/cases/{case.pk}")

    assert AccessLogEntry.objects.get(user=carol).case_id == case.pk


def test_it_logs_the_search_and_each_hit_without_the_cpr(api_client, alice, case):
    api_client(alice).post("/api/cases/search", {"q": "010180-1234"}, content_type="application/json")

    entries = AccessLogEntry.objects.filter(user=alice).order_by("id")
    assert [(e.action, e.channel) for e in entries] == [
        (AccessAction.SEARCH, AccessChannel.API),
        (AccessAction.SEARCH_HIT, AccessChannel.API),
    ]
    assert entries[1].case_id == case.pk
    assert "1234" not in entries[0].detail


def test_it_logs_the_citizen_search_and_each_hit(api_client, alice, citizen):
    api_client(alice).post("/api/citizens/search", {"q": "Mette"}, content_type="application/json")

    assert sorted(AccessLogEntry.objects.filter(user=alice, channel="api").values_list("action", flat=True)) == [
        AccessAction.SEARCH,
        AccessAction.SEARCH_HIT,
    ]


def test_it_logs_each_case_shown_in_the_worklist(api_client, alice, case):
    api_client(alice).get("/api/cases/mine")

    entry = AccessLogEntry.objects.get(user=alice)
    assert (entry.action, entry.channel, entry.case_id) == (AccessAction.LIST, AccessChannel.API, case.pk)


def test_it_logs_nothing_for_a_refused_read(api_client, charlie, case):
    api_client(charlie).get(f"/api/cases/{case.pk}")

    assert not AccessLogEntry.objects.exists()


def test_it_logs_a_granted_write(api_client, alice, case):
    api_client(alice).post(
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": "Ok.", "source": "Samtale"},
        content_type="application/json",
    )

    entry = AccessLogEntry.objects.get(user=alice)
    assert (entry.channel, entry.case_id) == (AccessChannel.API, case.pk)
