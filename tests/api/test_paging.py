"""API lists that grow without bound are paged: at most 50 items a page, with the count of all."""

import pytest
from django.urls import reverse

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.cases.services import note_add

from ..conftest import PASSWORD
from ..web.test_worklist_paging import make_cases

pytestmark = pytest.mark.django_db


def test_the_timeline_and_the_notes_page_by_50(api_client, alice, case):
    for i in range(60):
        note_add(actor=alice, case=case, kind="fact", text=f"Oplysning {i}.", source="Telefon")
    client = api_client(alice)

    first = client.get(f"/api/cases/{case.pk}/timeline").json()
    second = client.get(f"/api/cases/{case.pk}/timeline?page=2").json()
    assert (len(first["items"]), first["count"]) == (50, case.events.count())
    assert len(second["items"]) == case.events.count() - 50
    notes = client.get(f"/api/cases/{case.pk}/notes?page=2").json()
    assert (len(notes["items"]), notes["count"]) == (10, 60)
    assert notes["items"][-1]["text"] == "Oplysning 59."


def test_the_api_worklist_pages_and_logs_the_page_only(api_client, alice):
    make_cases(alice, 55)
    client = api_client(alice)

    first = client.get("/api/cases/mine").json()
    second = client.get("/api/cases/mine?page=2").json()

    assert (len(first["items"]), first["count"], first["pages"], len(second["items"])) == (50, 55, 2, 5)
    assert AccessLogEntry.objects.filter(user=alice, action=AccessAction.LIST).count() == 55
    assert client.get("/api/cases/mine?page=0").status_code == 422


def test_the_case_page_shows_the_newest_50_events_and_pages_the_rest(client, alice, case):
    for i in range(60):
        note_add(actor=alice, case=case, kind="fact", text=f"Oplysning {i}.", source="Telefon")
    client.login(username="alice", password=PASSWORD)

    page_1 = client.get(reverse("web:case_detail", args=[case.pk]))
    page_2 = client.get(reverse("web:case_detail", args=[case.pk]), {"timeline_page": 2})

    assert len(page_1.context["timeline"]) == 50
    assert "Oplysning 59." in page_1.content.decode() and "Oplysning 0." not in page_1.content.decode()
    assert "Oplysning 0." in page_2.content.decode()
    assert "timeline_page=2" in page_1.content.decode()
