"""The decision page in words (issue 13): fact sources name their records, the stored rules explanation reads in
Danish with each rule's title and outcome, findings link to the form that fixes them, and a question of the checks
is answered on the draft itself."""

import re

from django.utils.formats import date_format
from django.utils.translation import override

from evne.cases.models import PromptAnswer
from evne.decisions import services
from evne.web.fixes import fix_url
from evne.web.templatetags.wording import explanation_rows, fact_source, readable_message
from tests.conftest import PASSWORD

ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_a_fact_source_reads_as_the_record_it_names(prepared):
    case, specialist = prepared["case"], prepared["specialist"]
    version = case.profile.versions.get()
    with override("da"):
        document = fact_source(f"document:{specialist.pk}", case)
        assert (
            document == f"Speciallægeerklæring, reumatologi af {date_format(specialist.document_date, 'DATE_FORMAT')}"
        )
        assert fact_source(f"version:{version.pk}", case) == "Ressourceprofil: Arbejdsmarkedserfaring, version 1"
        assert fact_source(f"note:{prepared['note'].pk}", case).startswith("Journalnotat af ")
        assert fact_source("document:999999", case) == "et dokument i sagen"  # not this case's: named, not shown


def test_the_stored_explanation_reads_in_danish_with_titles_and_outcomes(alice, ready):
    issued = services.decision_issue(actor=alice, decision=ready, expected_version=ready.version,
                                     override_reason="Test.")  # fmt: skip
    with override("da"):
        rows = explanation_rows(issued.explanation)
    hearing = next(r for r in rows if r["rule"] == "decision.hearing")
    assert hearing["title"] == "Partshøring før afgørelsen" and hearing["outcome_label"] == "opfyldt"
    assert hearing["citations"] and hearing["citations"][0].startswith("Forvaltningsloven § 19")
    for row in rows:  # no code or ISO day in what the page shows (the codes stay in the technical detail)
        shown = " ".join([row["title"], row["message"], *(f"{k} {v}" for k, v in row["facts"])])
        assert not ISO_DAY.search(shown) and "_" not in shown, shown


def test_a_stored_message_with_element_keys_reads_with_their_names():
    with override("da"):
        text = readable_message("Beskrevne elementer uden vurdering (work_wishes, health) den 2026-11-02.")
    assert text == "Beskrevne elementer uden vurdering (Arbejdsrelevante ønsker, Helbred) den 2. november 2026."


def test_a_finding_links_to_the_form_that_fixes_it(case):
    assert fix_url("profile.presented", case.pk) == f"/cases/{case.pk}/profile/present/"
    assert fix_url("profile.own_perspective_view", case.pk, {"elements": ["work_wishes"]}) == (
        f"/cases/{case.pk}/profile/work_wishes/"
    )
    assert fix_url("decision.reasons", case.pk, {"decision": 2}) == f"/cases/{case.pk}/decisions/2/edit/"
    assert fix_url("evidence.interpreter", case.pk) == f"/cases/{case.pk}/documents/"  # its area's page
    assert fix_url("no.such_rule", case.pk) == f"/cases/{case.pk}/"


def test_the_draft_shows_blocking_findings_in_words_with_a_link_to_fix_them(client, alice, draft):
    login(client, alice)
    body = client.get(f"/cases/{draft.case_id}/decisions/1/").content.decode()
    assert "Blokerer afgørelse" in body and "Ret det her" in body


def test_a_question_is_answered_on_the_draft_and_the_caseworker_stays_there(client, alice, draft):
    login(client, alice)
    page = f"/cases/{draft.case_id}/decisions/1/"
    response = client.post(f"/cases/{draft.case_id}/checks/answer/", {
        "rule_id": "decision.relevant_considerations_only", "answer": "Kun saglige hensyn.", "decision_number": "1",
        "next": page,
    })  # fmt: skip
    assert response.status_code == 302 and response["Location"] == page
    assert PromptAnswer.objects.filter(case=draft.case, rule_id="decision.relevant_considerations_only").exists()
    elsewhere = client.post(f"/cases/{draft.case_id}/checks/answer/", {
        "rule_id": "decision.equal_treatment", "answer": "Ja.", "next": "https://example.org/",
    })  # fmt: skip
    assert elsewhere["Location"] == f"/cases/{draft.case_id}/"  # never away from the case


def test_issuing_asks_once_more_before_the_decision_is_issued(client, alice, ready):
    login(client, alice)
    url = f"/cases/{ready.case_id}/decisions/1/issue/"
    asked = client.post(url, {"version": ready.version, "override_reason": "Gennemgået med borgeren."})
    assert asked.status_code == 200 and "Udsted afgørelse 1?" in asked.content.decode()
    ready.refresh_from_db()
    assert ready.status == "draft"  # nothing happened yet
    done = client.post(
        url, {"version": ready.version, "override_reason": "Gennemgået med borgeren.", "confirmed": "yes"}
    )
    assert done.status_code == 302
    ready.refresh_from_db()
    assert ready.status == "issued" and ready.case.status == "decided"  # the status follows the decision
