"""Case services: opening, assignment history, status, details, notes — each with its timeline event."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from evne.accounts.models import AccessAction, AccessLogEntry, Role
from evne.cases import selectors
from evne.cases.models import CaseStatus, EventKind
from evne.cases.services import case_assign_caseworker, case_change_status, case_open, case_update, note_add
from evne.cases.timeline import describe
from evne.errors import AccessDenied, DomainError, StaleVersion


def kinds(case):
    return [e.kind for e in selectors.case_timeline(case)]


def test_it_opens_a_case_with_a_number_an_assignment_and_two_events(alice, case):
    assert case.number == f"990-{timezone.localdate().year}-00001"
    assert case.caseworker == alice and case.team == alice.team and case.status == CaseStatus.OPEN
    assert [a.caseworker for a in selectors.case_assignments(case)] == [alice]
    assert kinds(case) == [EventKind.CASE_OPENED, EventKind.CASEWORKER_ASSIGNED]
    assert all(e.actor == alice for e in selectors.case_timeline(case))


def test_it_numbers_cases_consecutively(alice, citizen, case):
    second = case_open(
        actor=alice, citizen=citizen, pathway="fleksjob", benefit="ledighedsydelse", help_requested_on=date(2026, 5, 1)
    )
    assert second.number.endswith("-00002")


def test_it_refuses_a_help_date_in_the_future(alice, citizen):
    with pytest.raises(DomainError) as err:
        case_open(
            actor=alice,
            citizen=citizen,
            pathway="fleksjob",
            benefit="ledighedsydelse",
            help_requested_on=timezone.localdate() + timedelta(days=1),
        )
    assert err.value.field == "help_requested_on"


@pytest.mark.parametrize(
    ("pathway", "benefit", "field"), [("nope", "kontanthjaelp", "pathway"), ("fleksjob", "nope", "benefit")]
)
def test_it_refuses_unknown_choices(alice, citizen, pathway, benefit, field):
    with pytest.raises(DomainError) as err:
        case_open(actor=alice, citizen=citizen, pathway=pathway, benefit=benefit, help_requested_on=date(2026, 1, 1))
    assert err.value.field == field


def test_it_keeps_the_full_assignment_history(alice, bob, case):
    case = case_assign_caseworker(actor=alice, case=case, caseworker=bob, reason="Ferie", expected_version=1)
    case = case_assign_caseworker(actor=bob, case=case, caseworker=alice, reason="Tilbage", expected_version=2)
    history = selectors.case_assignments(case)
    assert [(a.caseworker, a.assigned_by, a.reason) for a in history] == [
        (alice, alice, ""),
        (bob, alice, "Ferie"),
        (alice, bob, "Tilbage"),
    ]
    assert kinds(case).count(EventKind.CASEWORKER_ASSIGNED) == 3
    assert "Ferie" in describe(selectors.case_timeline(case)[2])


def test_it_refuses_a_caseworker_from_another_team(alice, carol, case):
    with pytest.raises(DomainError):
        case_assign_caseworker(actor=alice, case=case, caseworker=carol, expected_version=1)


def test_it_refuses_a_stale_save_and_says_what_changed(alice, bob, case):
    stale_copy = type(case).objects.get(pk=case.pk)
    case_change_status(actor=bob, case=case, status=CaseStatus.CLARIFICATION, expected_version=1)
    with pytest.raises(StaleVersion) as err:
        case_update(actor=alice, case=stale_copy, expected_version=1, benefit="sygedagpenge")
    assert err.value.changes["status"] == (CaseStatus.OPEN, CaseStatus.CLARIFICATION)
    stale_copy.refresh_from_db()
    assert stale_copy.benefit == "kontanthjaelp" and stale_copy.status == CaseStatus.CLARIFICATION


def test_it_records_what_changed_in_the_details(alice, case):
    case = case_update(
        actor=alice, case=case, expected_version=1, benefit="sygedagpenge", help_requested_on=date(2026, 2, 1)
    )
    event = selectors.case_timeline(case)[-1]
    assert event.kind == EventKind.CASE_UPDATED
    assert {c["field"] for c in event.data["changes"]} == {"benefit", "help_requested_on"}
    assert case.version == 2


def test_it_closes_and_reopens_with_a_closing_date(alice, case):
    case = case_change_status(actor=alice, case=case, status=CaseStatus.CLOSED, expected_version=1)
    assert case.closed_on == timezone.localdate()
    case = case_change_status(actor=alice, case=case, status=CaseStatus.OPEN, expected_version=2)
    assert case.closed_on is None


def test_it_keeps_facts_and_assessments_apart_on_the_timeline(alice, case):
    fact = note_add(
        actor=alice, case=case, kind="fact", text="Borgeren har været sygemeldt i 8 uger.", source="Samtale 2. marts"
    )
    assessment = note_add(actor=alice, case=case, kind="assessment", text="Det er min vurdering, at …")
    events = [e for e in selectors.case_timeline(case) if e.kind == EventKind.NOTE_ADDED]
    assert [(e.note, e.note.kind) for e in events] == [(fact, "fact"), (assessment, "assessment")]


@pytest.mark.parametrize(("kind", "text"), [("fact", "   "), ("opinion", "x"), ("fact", "x" * 20_001)])
def test_it_refuses_a_bad_note_and_writes_nothing(alice, case, kind, text):
    with pytest.raises(DomainError):
        note_add(actor=alice, case=case, kind=kind, text=text)
    assert not case.notes.exists()
    assert EventKind.NOTE_ADDED not in kinds(case)


def test_it_refuses_writes_from_outside_the_team(carol, case, make_user, team_a):
    auditor = make_user("dora", Role.AUDITOR, team_a)
    for user in (carol, auditor):
        with pytest.raises(AccessDenied):
            note_add(actor=user, case=case, kind="fact", text="x", source="Samtale")
        with pytest.raises(AccessDenied):
            case_change_status(actor=user, case=case, status=CaseStatus.CLOSED, expected_version=1)


def test_it_shows_my_open_cases_in_the_worklist_and_the_team_to_its_leader(alice, bob, case, make_user, team_a):
    leader = make_user("lene", Role.TEAM_LEADER, team_a)

    def shown(user, scope="mine"):
        return list(selectors.worklist(user=user, channel="web", scope=scope).page.object_list)

    assert shown(alice) == [case]
    assert shown(alice, "team") == [case]  # not a team leader: the own cases
    assert shown(bob) == []
    assert shown(leader) == []
    assert shown(leader, "team") == [case]
    case_change_status(actor=alice, case=case, status=CaseStatus.CLOSED, expected_version=1)
    assert shown(alice) == []


@pytest.mark.parametrize(
    "query", ["Mette", "testrup", "mette test", "010180-1234", "0101801234", "010180", "<case number prefix>"]
)
def test_it_finds_a_case_by_name_cpr_or_number(alice, case, query):
    if query == "<case number prefix>":
        query = case.number[:9]  # "YYYY-0000": case numbers carry the year the case was opened
    assert selectors.case_search(user=alice, query=query, channel="web").rows == [case]
    assert AccessLogEntry.objects.filter(user=alice, action=AccessAction.SEARCH).count() == 1


@pytest.mark.parametrize("query", ["Jensen", "010180-9999", "020180"])
def test_it_finds_nothing_for_a_non_matching_search(alice, case, query):
    assert selectors.case_search(user=alice, query=query, channel="web").rows == []


def test_it_finds_nothing_in_another_municipality(charlie, case):
    assert selectors.case_search(user=charlie, query="Mette", channel="web").rows == []


def test_it_tells_a_stale_writer_every_change_made_since_their_version(alice, bob, case):
    stale_copy = type(case).objects.get(pk=case.pk)
    case = case_assign_caseworker(actor=alice, case=case, caseworker=bob, expected_version=1)
    case = case_update(actor=bob, case=case, expected_version=2, pathway="fleksjob")
    case_update(actor=bob, case=case, expected_version=3, pathway="revalidering")
    with pytest.raises(StaleVersion) as err:
        case_change_status(actor=alice, case=stale_copy, status=CaseStatus.CLOSED, expected_version=1)
    assert err.value.changes == {
        "caseworker_id": (alice.pk, bob.pk),
        "pathway": ("ressourceforlob", "revalidering"),
    }


@pytest.mark.parametrize(("text", "source"), [("nul\x00tegn", ""), ("ok", "x" * 201), ("ok", "nul\x00")])
def test_it_refuses_text_the_database_cannot_store_or_would_cut(alice, case, text, source):
    with pytest.raises(DomainError):
        note_add(actor=alice, case=case, kind="fact", text=text, source=source)
    assert not case.notes.exists()


def test_it_refuses_an_overlong_reassignment_reason_instead_of_cutting_it(alice, bob, case):
    with pytest.raises(DomainError) as err:
        case_assign_caseworker(actor=alice, case=case, caseworker=bob, expected_version=1, reason="x" * 301)
    assert err.value.field == "reason"
    case.refresh_from_db()
    assert case.caseworker == alice


def test_it_refuses_a_fact_without_its_source_in_danish(alice, case, settings):
    from django.utils import translation

    with translation.override("da"), pytest.raises(DomainError) as refused:
        note_add(actor=alice, case=case, kind="fact", text="Borgeren har ondt i ryggen.")
    assert refused.value.field == "source" and "kilde" in refused.value.message.lower()
    assert not case.notes.exists()
