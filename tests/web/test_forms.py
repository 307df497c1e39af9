"""Web forms: bad input gets a Danish message and nothing is saved; a stale save shows what changed."""

from datetime import date

from django.urls import reverse

from evne.cases.models import Case, CaseStatus
from evne.cases.services import case_change_status

from ..conftest import PASSWORD


def test_it_shows_a_stale_editor_what_someone_else_changed(client, alice, bob, case):
    client.login(username="alice", password=PASSWORD)
    form = client.get(reverse("web:case_edit", args=[case.pk]))
    assert 'name="version" value="1"' in form.content.decode()
    case_change_status(actor=bob, case=case, status=CaseStatus.IN_COURSE, expected_version=1)

    response = client.post(
        reverse("web:case_edit", args=[case.pk]),
        {"pathway": "fleksjob", "benefit": "kontanthjaelp", "help_requested_on": "2026-03-02", "version": 1},
        HTTP_ACCEPT_LANGUAGE="da",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "En anden har ændret sagen" in body
    assert "Oprettet" in body and "I forløb eller tilbud" in body  # status: what Alice had → what is there now
    assert Case.objects.get(pk=case.pk).pathway == "ressourceforlob"


def test_it_refuses_a_future_help_date_in_danish_and_opens_no_case(client, alice, citizen):
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("web:case_create", args=[citizen.pk]),
        {"pathway": "fleksjob", "benefit": "ledighedsydelse", "help_requested_on": date(2099, 1, 1).isoformat()},
        HTTP_ACCEPT_LANGUAGE="da",
    )
    assert response.status_code == 200
    assert "kan ikke ligge i fremtiden" in response.content.decode()
    assert not Case.objects.exists()


def test_it_adds_a_note_through_htmx_and_returns_the_new_timeline(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("web:note_create", args=[case.pk]),
        {"kind": "assessment", "text": "Det er min vurdering, at borgeren kan arbejde 10 timer."},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body  # a fragment for htmx, not a page
    assert "kan arbejde 10 timer" in body and 'id="timeline"' in body


def test_it_keeps_an_empty_note_out_and_says_why(client, alice, case):
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("web:note_create", args=[case.pk]),
        {"kind": "fact", "text": "", "source": "Samtale"},
        HTTP_ACCEPT_LANGUAGE="da",
    )
    assert response.status_code == 422
    assert "Feltet skal udfyldes" in response.content.decode() or "påkrævet" in response.content.decode()
    assert not case.notes.exists()


def test_it_switches_language_to_english(client, alice):
    client.login(username="alice", password=PASSWORD)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "My cases" in client.get(reverse("web:worklist")).content.decode()


def test_it_reminds_the_caseworker_of_an_overdue_answer_on_the_worklist(client, alice, case):
    from datetime import timedelta

    from django.utils import timezone

    from evne.evidence.services import consent_record, request_create, request_send

    today = timezone.localdate()
    consent = consent_record(actor=alice, case=case, purpose="collect", status="given", scope="Egen læge",
                             given_on=today - timedelta(days=40), guidance_given=True)  # fmt: skip
    info = request_create(actor=alice, case=case, recipient_kind="gp", recipient_name="Lægehuset Syd",
                          purpose="Afklare ryg.", necessity="Mangler lægelig vurdering.", questions="Skånehensyn?",
                          document_type="status_statement", consent_id=consent.pk)  # fmt: skip
    request_send(actor=alice, request=info, expected_version=info.version,
                 sent_on=today - timedelta(days=30), answer_due_on=today - timedelta(days=2))  # fmt: skip
    client.login(username="alice", password=PASSWORD)
    body = client.get(reverse("web:worklist")).content.decode()
    assert "Lægehuset Syd" in body and case.number in body


def test_it_sums_up_a_refused_form_at_the_top_linking_each_field(client, alice, citizen):
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("web:case_create", args=[citizen.pk]),
        {"pathway": "", "benefit": "ledighedsydelse", "help_requested_on": "31-02-2026"},
        HTTP_ACCEPT_LANGUAGE="da",
    )
    body = response.content.decode()
    summary = body[body.index('id="error-summary"') : body.index("</div>", body.index('id="error-summary"'))]
    assert "Formularen har 2 fejl" in summary and "autofocus" in body[: body.index('id="error-summary"') + 80]
    assert 'href="#id_pathway"' in summary and 'href="#id_help_requested_on"' in summary
    assert body.index('id="error-summary"') < body.index("<form method")  # above the form
    assert 'id="id_pathway"' in body and 'id="id_help_requested_on"' in body  # the anchors exist


def test_it_shows_no_summary_on_a_form_not_yet_sent(client, alice, citizen):
    client.login(username="alice", password=PASSWORD)
    body = client.get(reverse("web:case_create", args=[citizen.pk]), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "error-summary" not in body
