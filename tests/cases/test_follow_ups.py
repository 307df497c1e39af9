"""Follow-up conversations: recorded append-only, validated at the edge, and read by the follow-up deadlines."""

from datetime import date, timedelta

import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone

from evne.cases.models import EventKind, FollowUp
from evne.cases.services import case_open, follow_up_record
from evne.checks.case import case_checks
from evne.errors import AccessDenied, DomainError

from ..api.conftest import basic
from ..conftest import PASSWORD


@pytest.fixture
def sick_case(alice, citizen):
    return case_open(actor=alice, citizen=citizen, pathway="sygedagpenge", benefit="sygedagpenge",
                     help_requested_on=timezone.localdate() - timedelta(weeks=10))  # fmt: skip


def failing(case):
    return {r.rule.id for r in case_checks(case, on=timezone.localdate()).findings}


def test_a_sick_pay_case_without_follow_up_is_late_and_a_recorded_one_clears_it(alice, sick_case):
    assert "deadline.sick_pay_follow_up" in failing(sick_case)
    follow_up_record(actor=alice, case=sick_case, held_on=timezone.localdate() - timedelta(days=3), form="meeting",
                     summary="Status på sygemeldingen; arbejdsgiver inddrages.", parties_decided=True,
                     parties=["employer"])  # fmt: skip
    assert "deadline.sick_pay_follow_up" not in failing(sick_case)
    assert sick_case.events.filter(kind=EventKind.FOLLOW_UP_RECORDED).exists()


def test_the_first_follow_up_without_a_position_on_parties_is_flagged(alice, sick_case):
    follow_up_record(actor=alice, case=sick_case, held_on=timezone.localdate(), form="phone", summary="Kort status.")
    assert "deadline.sick_pay_follow_up" in failing(sick_case)


def test_a_meeting_with_partners_needs_consent_to_disclose(alice, sick_case):
    from evne.evidence.services import consent_record

    follow_up_record(actor=alice, case=sick_case, held_on=timezone.localdate(), form="meeting",
                     summary="Rundbordssamtale.", parties_decided=True, parties=["employer", "doctor"])  # fmt: skip
    assert "evidence.round_table_consent" in failing(sick_case)
    consent_record(actor=alice, case=sick_case, purpose="disclose", status="given", scope="Arbejdsgiver og læge",
                   recipient="Arbejdsgiver og egen læge",
                   given_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
    assert "evidence.round_table_consent" not in failing(sick_case)


def test_an_interpreter_is_checked_when_the_citizen_needs_one(alice, sick_case):
    citizen = sick_case.citizen
    citizen.interpreter_language = "arabisk"
    citizen.save()
    follow_up_record(actor=alice, case=sick_case, held_on=timezone.localdate(), form="meeting", summary="Samtale.",
                     parties_decided=True)  # fmt: skip
    assert "evidence.interpreter" in failing(sick_case)
    follow_up_record(actor=alice, case=sick_case, held_on=timezone.localdate(), form="meeting", summary="Med tolk.",
                     parties_decided=True, interpreter_used=True)  # fmt: skip
    assert "evidence.interpreter" in failing(sick_case)  # the first one still had none: the record stays honest


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"held_on": date(2099, 1, 1)}, "held_on"),
        ({"held_on": date(2000, 1, 1)}, "held_on"),
        ({"form": "telepathy"}, "form"),
        ({"parties": ["neighbour"]}, "parties"),
        ({"summary": "  "}, "summary"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(alice, sick_case, changes, field):
    data = {"held_on": timezone.localdate(), "form": "meeting", "summary": "Samtale."} | changes
    with pytest.raises(DomainError) as error:
        follow_up_record(actor=alice, case=sick_case, **data)
    assert error.value.field == field
    assert not FollowUp.objects.exists()


def test_another_team_cannot_record_and_a_follow_up_cannot_be_rewritten(alice, carol, sick_case):
    with pytest.raises(AccessDenied):
        follow_up_record(actor=carol, case=sick_case, held_on=timezone.localdate(), form="meeting", summary="x")
    f = follow_up_record(actor=alice, case=sick_case, held_on=timezone.localdate(), form="meeting", summary="x")
    f.summary = "forged"
    with pytest.raises(DatabaseError), transaction.atomic():
        f.save()


def test_the_web_form_records_a_follow_up_and_shows_errors_in_danish(client, alice, sick_case):
    client.login(username="alice", password=PASSWORD)
    url = reverse("web:follow_ups_create", args=[sick_case.pk])
    bad = client.post(url, {"held_on": "2099-01-01", "form": "meeting", "summary": "x"}, HTTP_ACCEPT_LANGUAGE="da")
    assert bad.status_code == 422 and "fremtiden" in bad.content.decode()
    ok = client.post(url, {"held_on": timezone.localdate().isoformat(), "form": "phone", "summary": "Status.",
                           "parties": ["employer"], "parties_decided": "on"})  # fmt: skip
    assert ok.status_code == 302 and FollowUp.objects.get().parties == ["employer"]
    page = client.get(reverse("web:case_detail", args=[sick_case.pk]), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Opfølgningssamtaler" in page


def test_the_api_records_and_lists_follow_ups_and_refuses_bad_input(client, alice, carol, charlie, sick_case):
    url = f"/api/cases/{sick_case.pk}/follow-ups"
    created = client.post(url, {"held_on": timezone.localdate().isoformat(), "form": "video", "summary": "Status.",
                                "parties": ["doctor"]}, content_type="application/json", **basic("alice"))  # fmt: skip
    assert created.status_code == 201 and created.json()["parties"] == ["doctor"]
    bad = client.post(url, {"held_on": timezone.localdate().isoformat(), "form": "fax", "summary": "x"},
                      content_type="application/json", **basic("alice"))  # fmt: skip
    assert bad.status_code == 422
    listed = client.get(url, **basic("alice")).json()
    assert [f["form"] for f in listed] == ["video"]
    # another team of the municipality reads (logged) but does not write; another municipality does not see it
    denied = client.post(url, {"held_on": timezone.localdate().isoformat(), "form": "video", "summary": "x"},
                         content_type="application/json", **basic("carol"))  # fmt: skip
    assert denied.status_code == 403
    assert client.get(url, **basic("charlie")).status_code == 404
