"""What a decision concerns (its subject) and what its reasons rely on and depart from (the evidence weighing):
set on the draft, edited with the version check, shown, frozen when issued; and the data migration's mapping."""

import importlib
import json
from datetime import timedelta

import pytest
from django.db import DatabaseError, transaction
from django.utils import timezone

from evne.decisions import selectors, services
from evne.decisions.content import decision_letter
from evne.decisions.models import Decision
from evne.errors import DomainError, StaleVersion
from tests.api.conftest import basic
from tests.conftest import PASSWORD

from .conftest import refusal_values


def draft_with(alice, prepared, **overrides):
    return services.decision_draft(actor=alice, case=prepared["case"], **refusal_values(prepared, **overrides))


# --- subject ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "subject"),
    [("fleksjob", "fleksjob"), ("senior_fortidspension", "fortidspension"), ("activities", "revalidering"),
     ("stop_reduction", "benefit"), ("refuse_pension_case", "fortidspension"), ("ordinary_work", "ordinary_work")],
)  # fmt: skip
def test_a_grant_concerns_the_measure_of_its_outcome_by_default(alice, prepared, outcome, subject):
    decision = draft_with(alice, prepared, outcome=outcome, subject="")
    assert decision.subject == subject and selectors.decision_subject(decision) == subject


def test_a_refusal_concerns_what_its_application_applied_for(alice, prepared):
    application = services.application_record(actor=alice, case=prepared["case"], kind="fleksjob",
                                               applied_on=timezone.localdate(), channel="written")  # fmt: skip
    decision = draft_with(alice, prepared, subject="", application_id=application.pk)
    assert decision.subject == "fleksjob"
    assert decision.decision_type == "refusal"  # the readiness type is unchanged


def test_a_refusal_without_application_or_subject_is_refused(alice, prepared):
    with pytest.raises(DomainError) as exc:
        draft_with(alice, prepared, subject="")
    assert exc.value.field == "subject"
    with pytest.raises(DomainError) as exc:
        draft_with(alice, prepared, outcome="partial_grant", subject="pension")
    assert exc.value.field == "subject"
    assert not Decision.objects.exists()


def test_the_subject_is_edited_while_a_draft_with_the_version_check(alice, prepared):
    decision = draft_with(alice, prepared)
    revised = services.decision_revise(actor=alice, decision=decision, expected_version=1, subject="fortidspension")
    assert revised.subject == "fortidspension" and revised.version == 2
    with pytest.raises(StaleVersion):
        services.decision_revise(actor=alice, decision=decision, expected_version=1, subject="fleksjob")
    assert Decision.objects.get().subject == "fortidspension"


def test_the_letter_heading_says_what_a_refusal_refuses(alice, prepared):
    decision = draft_with(alice, prepared)
    title, _sections = decision_letter(decision, guidance=None, on=timezone.localdate())
    assert title == "Afgørelse om afslag på fleksjob"


# --- evidence weighing ------------------------------------------------------------------------------------------


def rows(prepared, **row):
    return [{"document_id": prepared["specialist"].pk, "stance": "points_another_way", "dealt_with": True,
             "note": "Begrundelsen, 3. afsnit: erklæringen bygger på en ældre undersøgelse."} | row]  # fmt: skip


def test_the_draft_records_what_the_reasons_rely_on_and_depart_from(alice, prepared):
    decision = draft_with(alice, prepared, evidence_weighing=rows(prepared))
    assert decision.evidence_weighing == [
        {"document_id": prepared["specialist"].pk, "stance": "points_another_way", "dealt_with": True,
         "note": "Begrundelsen, 3. afsnit: erklæringen bygger på en ældre undersøgelse."}
    ]  # fmt: skip
    revised = services.decision_revise(
        actor=alice,
        decision=decision,
        expected_version=1,
        evidence_weighing=rows(prepared, stance="relied_on", dealt_with=True, note=""),
    )
    assert revised.evidence_weighing[0]["stance"] == "relied_on" and revised.evidence_weighing[0]["dealt_with"] is False
    event = prepared["case"].events.filter(kind="decision_revised").get()
    assert "evidence_weighing" in event.data["fields"]


BAD_WEIGHINGS = {
    "not a list": (lambda p: "not a list", "evidence_weighing"),
    "unknown document": (lambda p: [{"document_id": 999999, "stance": "relied_on"}], "evidence_weighing.0"),
    "not an id": (lambda p: [{"document_id": "x", "stance": "relied_on"}], "evidence_weighing.0"),
    "twice": (lambda p: rows(p) * 2, "evidence_weighing.1"),
    "unknown stance": (lambda p: rows(p, stance="ignored"), "evidence_weighing.0"),
    "dealt with, but not where": (lambda p: rows(p, note="  "), "evidence_weighing.0"),
    "dealt_with not a yes or no": (lambda p: rows(p, dealt_with="yes"), "evidence_weighing.0"),
}


@pytest.mark.parametrize("case_name", BAD_WEIGHINGS)
def test_a_bad_weighing_names_the_row_and_changes_nothing(alice, prepared, case_name):
    build, field = BAD_WEIGHINGS[case_name]
    decision = draft_with(alice, prepared)
    with pytest.raises(DomainError) as exc:
        services.decision_revise(actor=alice, decision=decision, expected_version=1, evidence_weighing=build(prepared))
    assert exc.value.field == field
    decision.refresh_from_db()
    assert decision.evidence_weighing == [] and decision.version == 1
    assert not prepared["case"].events.filter(kind="decision_revised").exists()


def test_only_documents_of_the_same_case_are_weighed(alice, prepared, citizen):
    from evne.cases.services import case_open
    from evne.evidence.models import Document

    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=timezone.localdate())  # fmt: skip
    foreign = Document.objects.create(case=other, kind="lae_265", title="LÆ 265", document_date=timezone.localdate(),
                                      author="Læge", received_on=timezone.localdate(), recorded_by=alice,
                                      recorded_at=timezone.now())  # fmt: skip
    with pytest.raises(DomainError) as exc:
        draft_with(alice, prepared, evidence_weighing=[{"document_id": foreign.pk, "stance": "relied_on"}])
    assert exc.value.field == "evidence_weighing.0"


def test_an_issued_decision_freezes_its_weighing(alice, prepared):
    decision = draft_with(alice, prepared, evidence_weighing=rows(prepared))
    Decision.objects.filter(pk=decision.pk).update(status="issued")
    with pytest.raises(DatabaseError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(evidence_weighing=[])
    with pytest.raises(DomainError):
        services.decision_revise(actor=alice, decision=decision, expected_version=1, evidence_weighing=[])


# --- pages and API ----------------------------------------------------------------------------------------------


def test_the_editor_saves_subject_and_weighing_and_the_page_shows_them(client, alice, prepared):
    decision = draft_with(alice, prepared)
    assert client.login(username="alice", password=PASSWORD)
    url = f"/cases/{decision.case_id}/decisions/1/edit/"
    page = client.get(url).content.decode()
    assert 'id="evidence-weighing"' in page and f"weigh-{prepared['specialist'].pk}-stance" in page
    pk = prepared["specialist"].pk
    body = {"version": 1, "subject": "fleksjob", "decision_text": "Afslag.", "reasons": "Fordi.",
            "legal_basis": "LAB § 116.", "facts-TOTAL_FORMS": "0", "facts-INITIAL_FORMS": "0",
            f"weigh-{pk}-stance": "points_another_way", f"weigh-{pk}-dealt_with": "1"}  # fmt: skip
    bad = client.post(url, body)
    assert bad.status_code == 422  # dealt with, but not where
    assert Decision.objects.get().version == 1
    response = client.post(url, body | {f"weigh-{pk}-note": "Afsnit 2."})
    assert response.status_code == 302
    detail = client.get(f"/cases/{decision.case_id}/decisions/1/").content.decode()
    assert 'id="decision-subject"' in detail and "Afsnit 2." in detail


def patch(client, url, data, user="alice"):
    return client.patch(url, json.dumps(data), content_type="application/json", **basic(user))


def test_the_api_gives_and_changes_subject_and_weighing(client, alice, carol, charlie, prepared):
    decision = draft_with(alice, prepared)
    url = f"/api/cases/{decision.case_id}/decisions/1"
    body = client.get(url, **basic("alice")).json()
    assert body["subject"] == "fleksjob" and body["evidence_weighing"] == [] and body["application_id"] is None
    changed = patch(client, url, {"version": 1, "subject": "fortidspension", "evidence_weighing": rows(prepared)})
    assert changed.status_code == 200, changed.content
    assert changed.json()["subject"] == "fortidspension" and changed.json()["evidence_weighing"][0]["dealt_with"]
    bad = patch(client, url, {"version": 2, "evidence_weighing": [{"document_id": 1, "stance": "maybe"}]})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"].startswith("evidence_weighing")
    unnoted = patch(client, url, {"version": 2, "evidence_weighing": rows(prepared, note="")})
    assert unnoted.status_code == 400 and unnoted.json()["field"] == "evidence_weighing.0"
    assert patch(client, url, {"version": 2, "subject": "fleksjob"}, user="carol").status_code == 403
    assert patch(client, url, {"version": 2, "subject": "fleksjob"}, user="charlie").status_code == 404
    assert Decision.objects.get().version == 2


# --- the data migration -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "application_kind", "subject"),
    [
        ("fleksjob", None, "fleksjob"),
        ("fortidspension_existing", None, "fortidspension"),
        ("activities", None, "revalidering"),
        ("stop_reduction", None, "benefit"),
        ("refuse_pension_case", None, "fortidspension"),
        ("refusal", None, "other"),
        ("partial_grant", None, "other"),
        ("refusal", "senior_fortidspension", "fortidspension"),
        ("refusal", "fleksjob", "fleksjob"),
        ("partial_grant", "revalidering", "revalidering"),
        ("refusal", "other", "other"),
    ],
)
def test_the_migration_fills_the_subject_from_the_outcome_or_the_application(outcome, application_kind, subject):
    migration = importlib.import_module("evne.decisions.migrations.0003_applications_subject_weighing")
    assert migration.subject_for(outcome, application_kind) == subject


def test_the_migration_takes_a_refusal_without_application_to_concern_the_pathway_s_measure():
    migration = importlib.import_module("evne.decisions.migrations.0003_applications_subject_weighing")
    assert migration.subject_for("refusal", None, "fleksjob") == "fleksjob"
    assert migration.subject_for("refusal", None, "sygedagpenge") == "other"
    assert migration.subject_for("refusal", "ressourceforlob", "fleksjob") == "ressourceforlob"


def test_a_pension_grant_may_carry_a_revision_condition_with_its_reason(alice, prepared):
    later = timezone.localdate() + timedelta(days=3 * 365)
    draft = draft_with(alice, prepared, outcome="fortidspension", fully_grants=True, applied_for="Førtidspension.",
                       revision_on=later, revision_reason="Ung borger; uforudsigeligt forløb.")  # fmt: skip
    assert (draft.revision_on, draft.revision_reason) == (later, "Ung borger; uforudsigeligt forløb.")
    from evne.checks.case import snapshot_for_case

    assert snapshot_for_case(prepared["case"]).decisions[-1].revision_on == later


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"outcome": "refusal", "subject": "fortidspension", "revision_on": "<later>"}, "revision_on"),
        ({"outcome": "fortidspension", "fully_grants": True, "revision_on": "<yesterday>"}, "revision_on"),
        ({"outcome": "fortidspension", "fully_grants": True, "revision_reason": "Ung."}, "revision_on"),
    ],
)
def test_a_revision_condition_only_on_a_pension_grant_and_in_the_future(alice, prepared, overrides, field):
    days = {"<later>": timedelta(days=400), "<yesterday>": timedelta(days=-1)}
    overrides = {k: timezone.localdate() + days[v] if v in days else v for k, v in overrides.items()}
    before = Decision.objects.count()
    with pytest.raises(DomainError) as err:
        draft_with(alice, prepared, applied_for="Førtidspension.", **overrides)
    assert err.value.field == field and Decision.objects.count() == before
