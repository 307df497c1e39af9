"""Cases over the API: worklist, search, opening and changing a case, notes and the timeline."""

from evne.accounts.models import Role
from evne.cases.models import CaseStatus, EventKind


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_it_lists_my_open_cases_in_the_worklist(api_client, alice, bob, case):
    mine = api_client(alice).get("/api/cases/mine").json()

    assert [c["number"] for c in mine["items"]] == [case.number]
    assert (mine["scope"], mine["page"], mine["pages"], mine["count"], mine["page_size"]) == ("mine", 1, 1, 1, 50)
    assert mine["items"][0]["citizen"]["cpr_masked"] == "010180-XXXX"
    assert api_client(bob).get("/api/cases/mine").json()["items"] == []


def test_it_shows_a_team_leader_the_teams_cases_too(api_client, make_user, team_a, case):
    leader = make_user("lene", Role.TEAM_LEADER, team_a)

    assert api_client(leader).get("/api/cases/mine").json()["items"] == []
    worklist = api_client(leader).get("/api/cases/mine?scope=team").json()

    assert [c["number"] for c in worklist["items"]] == [case.number]


def test_it_finds_cases_by_name_cpr_and_case_number(api_client, alice, case):
    client = api_client(alice)

    for query in ("Mette Testrup", "010180-1234", "010180", case.number):
        response = client.post("/api/cases/search", {"q": query}, content_type="application/json")
        assert response.status_code == 200
        assert [c["id"] for c in response.json()["items"]] == [case.pk], query
        assert b"1234" not in response.content.replace(case.number.encode(), b"")


def test_it_finds_nothing_for_a_blank_query(api_client, alice, case):
    response = api_client(alice).post("/api/cases/search", {"q": "   "}, content_type="application/json")
    assert response.json() == {"items": [], "page": 1, "next_page": None}


def test_it_shows_the_case(api_client, alice, case):
    body = api_client(alice).get(f"/api/cases/{case.pk}").json()

    assert body["number"] == case.number
    assert body["status"] == CaseStatus.OPEN
    assert body["pathway"] == "ressourceforlob"
    assert body["help_requested_on"] == "2026-03-02"
    assert body["caseworker"] == {"id": alice.pk, "name": "Alice Testesen"}
    assert body["team"]["name"] == "Team A"
    assert body["version"] == 1
    assert body["citizen"]["cpr_masked"] == "010180-XXXX"


def test_it_opens_a_case_and_its_notes_show_up_in_the_timeline(api_client, alice):
    client = api_client(alice)
    citizen = _post(client, "/api/citizens", {"cpr": "150385-4321", "first_name": "Ole", "last_name": "Olsen"}).json()

    opened = _post(
        client,
        "/api/cases",
        {
            "citizen_id": citizen["id"],
            "pathway": "jobafklaring",
            "benefit": "sygedagpenge",
            "help_requested_on": "2025-11-15",
        },
    )
    assert opened.status_code == 201
    case = opened.json()
    assert case["caseworker"]["id"] == alice.pk
    fact = _post(
        client,
        f"/api/cases/{case['id']}/notes",
        {"kind": "fact", "text": "Borgeren fortæller om smerter i ryggen.", "source": "Samtale"},
    )
    assessment = _post(client, f"/api/cases/{case['id']}/notes", {"kind": "assessment", "text": "Behov for afklaring."})
    assert fact.status_code == assessment.status_code == 201

    timeline = client.get(f"/api/cases/{case['id']}/timeline").json()["items"]

    assert [e["kind"] for e in timeline] == [
        EventKind.CASE_OPENED,
        EventKind.CASEWORKER_ASSIGNED,
        EventKind.NOTE_ADDED,
        EventKind.NOTE_ADDED,
    ]
    assert case["number"] in timeline[0]["text"]
    assert timeline[0]["data"]["pathway"] == "jobafklaring"
    assert timeline[0]["actor"] == {"id": alice.pk, "name": "Alice Testesen"}
    assert timeline[0]["note"] is None
    assert timeline[2]["note"]["text"] == "Borgeren fortæller om smerter i ryggen."
    assert timeline[2]["note"]["source"] == "Samtale"
    assert timeline[3]["note"]["kind"] == "assessment"
    assert all(e["text"] for e in timeline)


def test_it_lists_the_journal_notes_oldest_first(api_client, alice, case):
    client = api_client(alice)
    _post(client, f"/api/cases/{case.pk}/notes", {"kind": "fact", "text": "Første.", "source": "Samtale"})
    _post(client, f"/api/cases/{case.pk}/notes", {"kind": "assessment", "text": "Anden."})

    notes = client.get(f"/api/cases/{case.pk}/notes").json()["items"]

    assert [(n["kind"], n["text"]) for n in notes] == [("fact", "Første."), ("assessment", "Anden.")]
    assert notes[0]["author"]["id"] == alice.pk


def test_it_adds_a_note_that_corrects_an_earlier_one(api_client, alice, case):
    client = api_client(alice)
    wrong = _post(
        client, f"/api/cases/{case.pk}/notes", {"kind": "fact", "text": "Ringede mandag.", "source": "Samtale"}
    ).json()

    response = _post(
        client,
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": "Ringede tirsdag.", "source": "Telefon", "corrects": wrong["id"]},
    )

    assert response.status_code == 201
    assert response.json()["corrects"] == wrong["id"]


def test_it_refuses_to_correct_a_note_of_another_case(api_client, alice, citizen, case):
    client = api_client(alice)
    other = _post(
        client,
        "/api/cases",
        {
            "citizen_id": citizen.pk,
            "pathway": "fleksjob",
            "benefit": "ledighedsydelse",
            "help_requested_on": "2025-06-01",
        },
    ).json()
    note = _post(
        client, f"/api/cases/{other['id']}/notes", {"kind": "fact", "text": "Andet.", "source": "Samtale"}
    ).json()

    response = _post(
        client,
        f"/api/cases/{case.pk}/notes",
        {"kind": "fact", "text": "x", "source": "Telefon", "corrects": note["id"]},
    )

    assert response.status_code == 400
    assert response.json()["field"] == "corrects"
    assert case.notes.count() == 0


def test_it_refuses_an_empty_note_with_400(api_client, alice, case):
    response = _post(
        api_client(alice), f"/api/cases/{case.pk}/notes", {"kind": "fact", "text": "   ", "source": "Samtale"}
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "The note is empty.", "field": "text"}


def test_it_changes_the_pathway_with_the_version_and_records_it(api_client, alice, case):
    client = api_client(alice)

    response = client.patch(
        f"/api/cases/{case.pk}", {"version": 1, "pathway": "fleksjob"}, content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json()["pathway"] == "fleksjob"
    assert response.json()["version"] == 2
    last = client.get(f"/api/cases/{case.pk}/timeline").json()["items"][-1]
    assert last["kind"] == EventKind.CASE_UPDATED
    assert last["data"]["changes"] == [{"field": "pathway", "old": "ressourceforlob", "new": "fleksjob"}]


def test_it_refuses_a_help_date_in_the_future_with_400(api_client, alice, case):
    response = api_client(alice).patch(
        f"/api/cases/{case.pk}", {"version": 1, "help_requested_on": "2999-01-01"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["field"] == "help_requested_on"
    case.refresh_from_db()
    assert case.version == 1


def test_it_changes_the_status(api_client, alice, case):
    response = _post(api_client(alice), f"/api/cases/{case.pk}/status", {"status": "clarification", "version": 1})

    assert response.status_code == 200
    assert response.json()["status"] == CaseStatus.CLARIFICATION
    assert response.json()["version"] == 2


def test_it_closes_a_case_with_the_closing_date(api_client, alice, case):
    response = _post(api_client(alice), f"/api/cases/{case.pk}/status", {"status": "closed", "version": 1})

    assert response.json()["closed_on"] is not None
    assert api_client(alice).get("/api/cases/mine").json()["items"] == []


def test_it_hands_the_case_to_a_colleague_in_the_team(api_client, alice, bob, case):
    client = api_client(alice)

    response = _post(
        client, f"/api/cases/{case.pk}/caseworker", {"caseworker": bob.pk, "version": 1, "reason": "Ferie"}
    )

    assert response.status_code == 200
    assert response.json()["caseworker"]["id"] == bob.pk
    last = client.get(f"/api/cases/{case.pk}/timeline").json()["items"][-1]
    assert last["kind"] == EventKind.CASEWORKER_ASSIGNED
    assert "Ferie" in last["text"]
    assert [c["id"] for c in api_client(bob).get("/api/cases/mine").json()["items"]] == [case.pk]


def test_it_refuses_a_caseworker_outside_the_team_with_400(api_client, alice, carol, charlie, case):
    client = api_client(alice)

    for stranger in (carol, charlie):
        response = _post(client, f"/api/cases/{case.pk}/caseworker", {"caseworker": stranger.pk, "version": 1})
        assert response.status_code == 400
        assert response.json()["field"] == "caseworker"
    case.refresh_from_db()
    assert case.caseworker == alice


def test_it_refuses_to_assign_the_caseworker_already_responsible(api_client, alice, case):
    response = _post(api_client(alice), f"/api/cases/{case.pk}/caseworker", {"caseworker": alice.pk, "version": 1})

    assert response.status_code == 400
    assert response.json()["field"] == "caseworker"
