"""Reads: overdue requests and the worklist reminders (I1: do not stay passive), and the age of the newest
medical information."""

from datetime import date, timedelta

from evne.accounts.models import AccessAction, AccessLogEntry, Role
from evne.cases.services import case_change_status
from evne.evidence.selectors import latest_medical_information, overdue_requests, whole_months, worklist_reminders
from evne.evidence.services import document_register, request_answer, request_cancel, request_send

from .conftest import days_ago, today


def sent(alice, request, sent_on, due_on=None):
    return request_send(actor=alice, request=request, expected_version=1, sent_on=sent_on, answer_due_on=due_on)


def test_it_lists_a_request_as_overdue_the_day_after_its_answer_date(alice, make_request, kommune):
    request = sent(alice, make_request(), days_ago(20), days_ago(1))
    due = request.answer_due_on
    assert list(overdue_requests(municipality_id=kommune.pk, today=due)) == []
    assert list(overdue_requests(municipality_id=kommune.pk, today=due + timedelta(days=1))) == [request]
    assert list(overdue_requests(caseworker=alice, today=today())) == [request]


def test_it_leaves_out_requests_answered_cancelled_unsent_or_in_other_municipalities(
    alice, make_request, other_kommune, bob
):
    make_request()  # never sent
    answered = sent(alice, make_request(), days_ago(30), days_ago(10))
    request_answer(actor=alice, request=answered, expected_version=2, answered_on=days_ago(2), document={
        "kind": "status_statement", "title": "Statusattest", "document_date": days_ago(3), "author": "Lægen",
        "summary": "Kort resumé."})  # fmt: skip
    cancelled = sent(alice, make_request(), days_ago(30), days_ago(10))
    request_cancel(actor=alice, request=cancelled, expected_version=2, reason="Ikke længere nødvendig.")
    late = sent(alice, make_request(), days_ago(30), days_ago(10))
    assert list(overdue_requests(today=today())) == [late]
    assert list(overdue_requests(municipality_id=other_kommune.pk, today=today())) == []
    assert list(overdue_requests(caseworker=bob, today=today())) == []


def test_it_leaves_out_closed_cases(alice, make_request, case):
    sent(alice, make_request(), days_ago(30), days_ago(10))
    case_change_status(actor=alice, case=case, status="closed", expected_version=case.version)
    assert list(overdue_requests(today=today())) == []


def test_it_gives_the_caseworker_a_reminder_and_logs_the_listing(alice, bob, make_request, case):
    request = sent(alice, make_request(), days_ago(30), days_ago(4))
    reminders = worklist_reminders(alice, today())
    assert [r.request for r in reminders] == [request]
    assert reminders[0].days_overdue == 4
    assert case.number in reminders[0].text and "Lægehuset Nord" in reminders[0].text
    assert AccessLogEntry.objects.filter(user=alice, case=case, action=AccessAction.LIST).exists()
    assert worklist_reminders(bob, today()) == []


def test_it_shows_a_team_leader_the_teams_reminders_but_not_another_teams(
    alice, make_user, team_a, team_b, make_request
):
    sent(alice, make_request(), days_ago(30), days_ago(4))
    assert len(worklist_reminders(make_user("tina", Role.TEAM_LEADER, team_a), today())) == 1
    assert worklist_reminders(make_user("tom", Role.TEAM_LEADER, team_b), today()) == []


def test_it_gives_no_reminders_to_a_user_of_another_municipality(alice, charlie, make_request):
    sent(alice, make_request(), days_ago(30), days_ago(4))
    assert worklist_reminders(charlie, today()) == []


def test_it_counts_whole_months():
    assert whole_months(date(2026, 3, 7), date(2026, 10, 6)) == 6
    assert whole_months(date(2026, 3, 7), date(2026, 10, 7)) == 7
    assert whole_months(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert whole_months(date(2026, 3, 7), date(2026, 3, 1)) == 0


def test_it_gives_the_age_of_the_newest_medical_document(alice, case):
    assert latest_medical_information(case, today()) is None
    values = {"author": "Lægehuset Nord", "summary": "Resumé.", "received_on": days_ago(1)}
    document_register(actor=alice, case=case, kind="employer_statement", title="Fra arbejdsgiver",
                      document_date=days_ago(2), **values)  # fmt: skip
    old = document_register(actor=alice, case=case, kind="lae_265", title="LÆ 265",
                            document_date=date(2025, 1, 10), **values)  # fmt: skip
    age = latest_medical_information(case, date(2025, 8, 15))
    assert age.document == old
    assert age.months == 7
    assert age.days == (date(2025, 8, 15) - date(2025, 1, 10)).days
    newer = document_register(actor=alice, case=case, kind="status_statement", title="Statusattest",
                              document_date=date(2025, 6, 1), **values)  # fmt: skip
    assert latest_medical_information(case, date(2025, 8, 15)).document == newer
