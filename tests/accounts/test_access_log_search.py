"""The access-log search: filters, paging, CSV export (itself logged), the record each entry names, who may search,
retention, and the monthly partitions on PostgreSQL."""

import csv
import io
from datetime import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from evne.accounts import accesslog_storage
from evne.accounts.access import log_access
from evne.accounts.models import AccessAction, AccessLogEntry, RecordType, Role

from ..conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def jurist(make_user, team_a):
    return make_user("jurist", Role.AUDITOR, team_a)


@pytest.fixture
def document(alice, case, settings):
    from datetime import date

    from evne.evidence.services import document_register
    from tests.evidence.conftest import PDF, upload

    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    return document_register(actor=alice, case=case, kind="other", title="Lægeerklæring fra egen læge",
                             document_date=date(2026, 5, 12), author="Dr. Test", received_on=date(2026, 5, 13),
                             summary="Test.", upload=upload("erklaering.pdf", PDF))  # fmt: skip


def _get(client, **params):
    return client.get(reverse("web:access_log"), params)


def test_a_document_download_names_the_document_in_the_log(client, alice, case, document):
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("web:evidence_document_download", args=[case.pk, document.pk]))
    assert response.status_code == 200

    entry = AccessLogEntry.objects.get(user=alice, action=AccessAction.DOCUMENT)
    assert (entry.record_type, entry.record_id) == (RecordType.DOCUMENT, document.pk)
    assert entry.record == "Lægeerklæring fra egen læge (12-05-2026)"


def test_the_lawyer_searches_by_citizen_case_user_action_and_period(client, alice, bob, jurist, case, document):
    client.force_login(alice)
    client.get(reverse("web:case_detail", args=[case.pk]))
    client.get(reverse("web:evidence_document_download", args=[case.pk, document.pk]))
    client.force_login(bob)
    client.get(reverse("web:case_detail", args=[case.pk]))
    client.login(username="jurist", password=PASSWORD)

    def shown(**params):
        response = _get(client, **params)
        assert response.status_code == 200, response.content
        return [e for e, _record in response.context["rows"]]

    by_citizen = shown(citizen=case.citizen_id)
    assert {e.user.username for e in by_citizen} == {"alice", "bob"}
    assert all(e.citizen_id == case.citizen_id for e in by_citizen)
    assert {e.user.username for e in shown(user=bob.pk)} == {"bob"}
    documents = shown(action=AccessAction.DOCUMENT, case=case.number)
    assert [e.record for e in documents] == ["Lægeerklæring fra egen læge (12-05-2026)"]
    assert "Lægeerklæring fra egen læge (12-05-2026)" in _get(client, action="document").content.decode()
    assert shown(date_from="2026-06-16") == []
    assert len(shown(date_from="2026-06-15", date_to="2026-06-15")) >= 3
    assert _get(client, case="990-0000-99999").status_code == 422
    assert _get(client, date_from="2026-06-16", date_to="2026-06-01").status_code == 422
    # every search is itself in the log, naming its filters
    searches = AccessLogEntry.objects.filter(user=jurist, action=AccessAction.ACCESS_LOG)
    assert searches.filter(detail__startswith=f"search citizen={case.citizen_id}").exists()


def test_the_search_pages_by_50(client, alice, jurist, case):
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(user=alice, municipality_id=alice.municipality_id, citizen_id=case.citizen_id, case=case,
                       action=AccessAction.CASE, channel="web")
        for _ in range(120)
    )  # fmt: skip
    client.force_login(jurist)
    page_1 = _get(client, citizen=case.citizen_id, action="case").context["page"]
    page_3 = _get(client, citizen=case.citizen_id, action="case", page=3).context["page"]
    assert (len(page_1.object_list), len(page_3.object_list), page_1.paginator.count) == (50, 20, 120)


def test_the_csv_export_holds_the_rows_and_is_itself_logged(client, alice, jurist, case, document):
    client.force_login(alice)
    client.get(reverse("web:evidence_document_download", args=[case.pk, document.pk]))
    client.force_login(jurist)

    response = _get(client, citizen=case.citizen_id, format="csv")

    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert len(rows) == 2  # the header and the download (the export is logged after it is read)
    assert rows[1][1] == "Alice Testesen" and rows[1][3] == "Mette Testrup" and rows[1][4] == case.number
    assert rows[1][6].endswith("Lægeerklæring fra egen læge (12-05-2026)")
    export = AccessLogEntry.objects.get(user=jurist, action=AccessAction.ACCESS_LOG)
    assert export.detail == f"export citizen={case.citizen_id} (1)"
    assert export.citizen_id == case.citizen_id


@pytest.mark.parametrize(
    ("role", "status"), [(Role.CASEWORKER, 403), (Role.REHAB_MEMBER, 403), (Role.ADMINISTRATOR, 403)]
)
def test_only_lawyers_and_team_leaders_search_the_log(client, make_user, team_a, role, status):
    make_user("someone", role, team_a)
    client.login(username="someone", password=PASSWORD)
    assert _get(client).status_code == status


def test_a_citizen_of_another_municipality_is_not_found(client, make_user, team_x, case):
    make_user("fremmed", Role.AUDITOR, team_x)
    client.login(username="fremmed", password=PASSWORD)
    assert _get(client, citizen=case.citizen_id).status_code == 404


def test_the_citizen_is_chosen_by_cpr_in_a_post_never_in_the_url(client, jurist, case):
    client.force_login(jurist)
    response = client.post(reverse("web:access_log"), {"cpr": "010180-1234"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('web:access_log')}?citizen={case.citizen_id}"
    assert "0101801234" not in response["Location"]


def test_expired_months_are_erased_and_the_erasure_is_logged(alice, case, settings):
    settings.EVNE_ACCESS_LOG_RETENTION_MONTHS = 12
    with time_machine.travel(datetime.fromisoformat("2025-03-10T12:00:00+01:00"), tick=False):
        if accesslog_storage.is_partitioned():
            call_command("accesslog", "partitions", "--ahead", "0")
        log_access(user=alice, action=AccessAction.CASE, channel="web", case=case)
    log_access(user=alice, action=AccessAction.CASE, channel="web", case=case)

    call_command("accesslog", "expire", "--user", "alice")

    assert not AccessLogEntry.objects.filter(at__year=2025).exists()
    assert AccessLogEntry.objects.filter(action=AccessAction.CASE).count() == 1
    erasure = AccessLogEntry.objects.get(action=AccessAction.RETENTION)
    assert erasure.detail == "erased 1 entries before 01-06-2025 (12 months kept)"


def test_the_log_is_partitioned_by_month_on_postgresql(alice, case):
    if connection.vendor != "postgresql":
        pytest.skip("partitions exist on PostgreSQL only; SQLite keeps one table")
    call_command("accesslog", "partitions", "--ahead", "2")
    entry = log_access(user=alice, action=AccessAction.CASE, channel="web", case=case)
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM accounts_accesslogentry WHERE id = %s", [entry.pk])
        assert cursor.fetchone()[0] == "accounts_accesslogentry_y2026m06"
        cursor.execute("SELECT relkind FROM pg_class WHERE relname = 'accounts_accesslogentry'")
        assert cursor.fetchone()[0] == "p"
    names = [name for name, _month in accesslog_storage.partitions()]
    assert {
        "accounts_accesslogentry_y2026m07",
        "accounts_accesslogentry_y2026m08",
        "accounts_accesslogentry_default",
    } <= set(names)
    with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_accesslogentry SET detail = 'x' WHERE id = %s", [entry.pk])


def test_a_request_writes_the_same_entry_once(alice, case):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from evne.accounts.access import AccessLogScopeMiddleware

    def view(request):
        for _ in range(3):
            log_access(user=alice, action=AccessAction.CASE, channel="web", case=case)
        log_access(user=alice, action=AccessAction.PROFILE, channel="web", case=case)
        return HttpResponse()

    AccessLogScopeMiddleware(view)(RequestFactory().get("/"))
    assert sorted(AccessLogEntry.objects.values_list("action", flat=True)) == [AccessAction.CASE, AccessAction.PROFILE]
    AccessLogScopeMiddleware(view)(RequestFactory().get("/"))  # the next request logs again
    assert AccessLogEntry.objects.count() == 4
