"""Citizens over the API: the masked CPR in lists, the full CPR only in the record, contact changes, supporters."""

from datetime import date

from evne.cases.models import EventKind
from evne.citizens.models import Citizen

FULL_CPR = "010180-1234"


def test_it_shows_only_the_masked_cpr_in_search_results(api_client, alice, citizen):
    response = api_client(alice).post("/api/citizens/search", {"q": "Testrup"}, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["next_page"] is None
    assert response.json()["items"] == [
        {
            "id": citizen.pk,
            "first_name": "Mette",
            "last_name": "Testrup",
            "cpr_masked": "010180-XXXX",
            "birth_date": "1980-01-01",
        }
    ]
    assert b"1234" not in response.content


def test_it_finds_a_citizen_by_full_cpr_but_still_shows_it_masked(api_client, alice, citizen):
    response = api_client(alice).post("/api/citizens/search", {"q": FULL_CPR}, content_type="application/json")

    assert [hit["id"] for hit in response.json()["items"]] == [citizen.pk]
    assert b"1234" not in response.content


def test_it_shows_the_full_cpr_in_the_citizen_record(api_client, alice, citizen):
    response = api_client(alice).get(f"/api/citizens/{citizen.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["cpr"] == FULL_CPR
    assert body["version"] == 1
    assert body["address"] == "Prøvevej 1"


def test_it_shows_only_the_masked_cpr_in_the_citizens_cases(api_client, alice, case):
    response = api_client(alice).get(f"/api/citizens/{case.citizen_id}/cases")

    assert response.status_code == 200
    assert [c["number"] for c in response.json()] == [case.number]
    assert response.json()[0]["citizen"]["cpr_masked"] == "010180-XXXX"
    assert b"1234" not in response.content


def test_it_registers_a_citizen(api_client, alice):
    response = api_client(alice).post(
        "/api/citizens",
        {"cpr": "0205901236", "first_name": "Hans", "last_name": "Prøvesen", "postal_code": "9990"},
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["cpr"] == "020590-1236"
    assert body["birth_date"] == "1990-05-02"
    assert Citizen.objects.get(pk=body["id"]).municipality == alice.municipality


def test_it_refuses_a_cpr_already_registered_with_400_naming_the_field(api_client, alice, citizen):
    response = api_client(alice).post(
        "/api/citizens",
        {"cpr": FULL_CPR, "first_name": "Mette", "last_name": "Igen"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["field"] == "cpr"
    assert Citizen.objects.count() == 1


def test_it_refuses_an_impossible_cpr_with_400(api_client, alice):
    response = api_client(alice).post(
        "/api/citizens", {"cpr": "310299-1234", "first_name": "A", "last_name": "B"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "The first six digits of a CPR number must be a real date of birth (DDMMYY); 310299 is not.",
        "field": "cpr",
    }


def test_it_changes_contact_details_and_records_the_change_on_open_cases(api_client, alice, case):
    citizen = case.citizen
    client = api_client(alice)

    response = client.patch(
        f"/api/citizens/{citizen.pk}", {"version": 1, "phone": "12345678"}, content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json()["phone"] == "12345678"
    assert response.json()["version"] == 2
    kinds = [e["kind"] for e in client.get(f"/api/cases/{case.pk}/timeline").json()["items"]]
    assert kinds[-1] == EventKind.CITIZEN_UPDATED


def test_it_refuses_a_bad_postal_code_with_400_naming_the_field(api_client, alice, citizen):
    response = api_client(alice).patch(
        f"/api/citizens/{citizen.pk}", {"version": 1, "postal_code": "99"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["field"] == "postal_code"
    citizen.refresh_from_db()
    assert citizen.postal_code == "9990"


def test_it_adds_and_lists_a_representative(api_client, alice, case):
    client = api_client(alice)
    url = f"/api/citizens/{case.citizen_id}/supporters"

    response = client.post(
        url,
        {"kind": "representative", "name": "Advokat Jensen", "active_from": "2026-03-10"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["kind_label"]
    assert response.json()["active_from"] == "2026-03-10"
    assert [s["name"] for s in client.get(url).json()] == ["Advokat Jensen"]
    last = client.get(f"/api/cases/{case.pk}/timeline").json()["items"][-1]
    assert last["kind"] == EventKind.SUPPORTER_ADDED
    assert "Advokat Jensen" in last["text"]


def test_it_records_the_power_of_attorney_date(api_client, alice, citizen):
    response = api_client(alice).post(
        f"/api/citizens/{citizen.pk}/supporters",
        {
            "kind": "companion",
            "name": "Søster",
            "active_from": "2026-03-10",
            "power_of_attorney_on": "2026-03-09",
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    assert citizen.supporters.get().power_of_attorney_on == date(2026, 3, 9)


def test_it_answers_in_utf8_with_danish_letters_as_themselves(api_client, alice, citizen):
    response = api_client(alice).get(f"/api/citizens/{citizen.pk}")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Prøvevej 1".encode() in response.content
