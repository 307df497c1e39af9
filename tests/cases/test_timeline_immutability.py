"""Timeline events, journal notes, assignments and the access log are append-only, in the ORM and in the DB."""

import pytest
from django.db import DatabaseError, connection, transaction

from evne.cases.models import CaseAssignment, JournalNote, TimelineEvent
from evne.cases.services import note_add


@pytest.fixture
def note(alice, case):
    return note_add(actor=alice, case=case, kind="fact", text="Borgeren mødte op.", source="samtale")


@pytest.mark.parametrize("model", [TimelineEvent, JournalNote, CaseAssignment])
def test_it_refuses_bulk_update_and_delete_in_the_orm(note, model):
    with pytest.raises(PermissionError):
        model.objects.all().update(id=999)
    with pytest.raises(PermissionError):
        model.objects.all().delete()
    with pytest.raises(PermissionError):
        model.objects.first().delete()
    assert model.objects.exists()


def test_it_refuses_to_rewrite_a_saved_event_even_through_save(case):
    event = TimelineEvent.objects.filter(case=case).first()
    event.data = {"number": "forged"}
    with pytest.raises(DatabaseError), transaction.atomic():
        event.save()
    event.refresh_from_db()
    assert event.data["number"] == case.number


@pytest.mark.parametrize(
    "table",
    [
        "cases_timelineevent",
        "cases_journalnote",
        "cases_caseassignment",
        "cases_promptanswer",
        "accounts_accesslogentry",
    ],
)
def test_it_refuses_a_hand_written_sql_update(note, alice, case, table):
    from evne.accounts.access import log_access
    from evne.cases.services import prompt_answer

    log_access(user=alice, action="case", channel="web", case=case)
    prompt_answer(actor=alice, case=case, rule_id="method.fleksjob_visitation", answer="Vurderet.")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET id = id")  # noqa: S608 - fixed table names


def test_it_corrects_a_note_with_a_new_note_and_keeps_the_old(alice, case, note):
    correction = note_add(
        actor=alice, case=case, kind="fact", text="Borgeren mødte op kl. 10.", source="Mødet", corrects=note
    )
    assert list(case.notes.order_by("id")) == [note, correction]
    assert correction.corrects == note
