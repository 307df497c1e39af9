"""A statement's conclusions and the treatment history through the services: what is recorded, each refusal
naming its field with nothing written, the timeline events and how they read, revisions and stale pages, and
who may write."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, IntegrityError, connection, transaction

from evne.cases.models import EventKind, TimelineEvent
from evne.cases.services import case_open
from evne.cases.timeline import describe
from evne.errors import DomainError, StaleVersion
from evne.evidence import selectors
from evne.evidence.models import MEDICAL_DOCUMENTS, DocumentKind, StatementConclusions, Treatment, TreatmentStatus
from evne.evidence.services import document_register
from evne.evidence.statements import statement_record, treatment_record, treatment_update_status

from .conftest import days_ago, today


@pytest.fixture
def make_document(alice, case):
    def make(target=None, **overrides):
        values = {"kind": "specialist_statement", "title": "Speciallægeerklæring, psykiatri",
                  "document_date": days_ago(20), "author": "Speciallæge Hansen", "received_on": days_ago(10),
                  "summary": "Moderat depression; prognosen er uafklaret."}  # fmt: skip
        values.update(overrides)
        return document_register(actor=alice, case=target or case, **values)

    return make


@pytest.fixture
def statement(make_document):
    return make_document()


def conclusions(**overrides) -> dict:
    values = {
        "author_role": "specialist", "examined_on": days_ago(25), "stated_on": days_ago(20),
        "conditions": "Moderat depression", "icd10_code": "f32.1", "prognosis": "temporary",
        "prognosis_until": today() + timedelta(days=180), "hours_per_week": "12.5",
        "restrictions": "Kan ikke tåle tidspres.", "accommodation_needs": "Pauser efter behov.",
        "development_view": "yes", "development_quote": "Arbejdsevnen forventes at kunne øges gradvist.",
        "work_ability_view": "reduced", "agreement": "not_stated",
    }  # fmt: skip
    values.update(overrides)
    return values


class Ago(int):
    """Days before today, resolved when the test runs (the clock is frozen then, not when tests are collected)."""


def resolve(values: dict) -> dict:
    return {k: days_ago(v) if isinstance(v, Ago) else v for k, v in values.items()}


def nothing_written():
    return not StatementConclusions.objects.exists() and not Treatment.objects.exists()


# --- statements -----------------------------------------------------------------------------------------


def test_it_records_the_conclusions_with_the_treatments_and_their_events(alice, case, statement):
    row = statement_record(actor=alice, document=statement, **conclusions(), treatments=[
        {"description": "Samtaleterapi hos psykolog, 12 sessioner", "expected_effect": "work_ability"},
        {"description": "Antidepressiv medicin", "expected_effect": "quality_of_life", "status": "ongoing",
         "status_on": days_ago(5)},
    ])  # fmt: skip
    assert row.number == 1 and row.icd10_code == "F32.1" and row.hours_per_week == Decimal("12.50")
    assert selectors.latest_conclusions(statement) == row
    treatments = selectors.treatments_for(case)
    assert {t.description for t in treatments} == {"Samtaleterapi hos psykolog, 12 sessioner", "Antidepressiv medicin"}
    for t in treatments:
        assert t.document == statement and t.source == "statement" and t.recommended_on == days_ago(20)
    assert {t.current.status for t in treatments} == {"planned", "ongoing"}
    event = TimelineEvent.objects.get(kind=EventKind.STATEMENT_RECORDED)
    assert event.data["document_id"] == statement.pk and event.data["number"] == 1
    text = describe(event)
    assert "Conclusions of Speciallægeerklæring, psykiatri recorded." in text
    assert "temporary until" in text and "Work ability: reduced." in text
    assert TimelineEvent.objects.filter(kind=EventKind.TREATMENT_RECORDED).count() == 2


def test_it_numbers_revisions_and_lets_the_latest_count(alice, statement):
    statement_record(actor=alice, document=statement, **conclusions())
    second = statement_record(
        actor=alice, document=statement, **conclusions(prognosis="permanent", prognosis_until=None),
        expected_number=1, reason="Læst forkert: prognosen er varig.",
    )  # fmt: skip
    assert second.number == 2
    assert selectors.latest_conclusions(statement).prognosis == "permanent"
    assert [c.number for c in selectors.conclusions_history(statement)] == [2, 1]
    assert "revised (revision 2)" in describe(TimelineEvent.objects.filter(kind=EventKind.STATEMENT_RECORDED).last())


def test_it_refuses_a_revision_based_on_a_stale_page(alice, bob, statement):
    statement_record(actor=alice, document=statement, **conclusions())
    with pytest.raises(StaleVersion):
        statement_record(actor=bob, document=statement, **conclusions(), reason="Rettet.")
    assert StatementConclusions.objects.count() == 1


def test_it_refuses_a_revision_without_a_reason(alice, statement):
    statement_record(actor=alice, document=statement, **conclusions())
    with pytest.raises(DomainError) as exc:
        statement_record(actor=alice, document=statement, **conclusions(), expected_number=1)
    assert exc.value.field == "reason"
    assert StatementConclusions.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"author_role": "doctor"}, "author_role"),
        ({"stated_on": None}, "stated_on"),
        ({"stated_on": date(2099, 1, 1)}, "stated_on"),
        ({"stated_on": Ago(5)}, "stated_on"),  # after the document was received
        ({"examined_on": Ago(15)}, "stated_on"),  # the statement before the examination
        ({"examined_on": date(2099, 1, 1)}, "examined_on"),
        ({"icd10_code": "depression"}, "icd10_code"),
        ({"icd10_code": "DF321"}, "icd10_code"),
        ({"prognosis": "forever"}, "prognosis"),
        ({"prognosis_until": None}, "prognosis_until"),  # temporary without its end
        ({"prognosis_until": Ago(30)}, "prognosis_until"),  # ends before the statement
        ({"prognosis": "permanent"}, "prognosis_until"),  # an end date on a permanent prognosis
        ({"hours_per_week": "81"}, "hours_per_week"),
        ({"hours_per_week": "-1"}, "hours_per_week"),
        ({"hours_per_week": "mange"}, "hours_per_week"),
        ({"hours_per_week": "10.125"}, "hours_per_week"),
        ({"development_view": "maybe"}, "development_view"),
        ({"development_quote": ""}, "development_quote"),
        ({"work_ability_view": "gone"}, "work_ability_view"),
        ({"agreement": "perhaps"}, "agreement"),
        ({"agreement": "disagrees"}, "document_ids"),
        ({"conditions": "x" * 20_001}, "conditions"),
        ({"restrictions": "a\x00b"}, "restrictions"),
        ({"treatments": [{"description": "", "expected_effect": "work_ability"}]}, "treatments.0.description"),
        ({"treatments": [{"description": "Fysioterapi", "expected_effect": "x"}]}, "treatments.0.expected_effect"),
        (
            {"treatments": [{"description": "Fysioterapi", "expected_effect": "unclear", "status": "declined"}]},
            "treatments.0.status_reason",
        ),
        (
            {"treatments": [{"description": "Fysioterapi", "expected_effect": "unclear", "colour": "blue"}]},
            "treatments.0.colour",
        ),
    ],
)
def test_it_refuses_bad_input_naming_the_field_and_writes_nothing(alice, statement, overrides, field):
    with pytest.raises(DomainError) as exc:
        statement_record(actor=alice, document=statement, **conclusions(**resolve(overrides)))
    assert exc.value.field == field
    assert nothing_written()
    assert not TimelineEvent.objects.filter(kind=EventKind.STATEMENT_RECORDED).exists()


def test_it_names_other_statements_of_the_same_case_only(alice, citizen, case, statement, make_document):
    gp = make_document(kind="lae_265", title="LÆ 265", author="Lægehuset Nord")
    row = statement_record(actor=alice, document=statement, **conclusions(agreement="disagrees", document_ids=[gp.pk]))
    assert row.document_ids == [gp.pk]
    other_case = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                           help_requested_on=date(2026, 1, 5))  # fmt: skip
    foreign = make_document(other_case)
    for ids in ([foreign.pk], [statement.pk], ["x"], [999_999]):
        with pytest.raises(DomainError) as exc:
            statement_record(actor=alice, document=statement, **conclusions(agreement="agrees", document_ids=ids),
                             expected_number=1, reason="Rettet.")  # fmt: skip
        assert exc.value.field == "document_ids"
    assert StatementConclusions.objects.count() == 1


def test_it_refuses_conclusions_of_a_letter_from_the_municipality(alice, make_document):
    letter = make_document(kind="outgoing_letter", title="Partshøring", author="Evnekøbing Kommune")
    with pytest.raises(DomainError) as exc:
        statement_record(actor=alice, document=letter, **conclusions())
    assert exc.value.field == "document"
    assert nothing_written()


def test_it_lets_only_the_team_write(bob, carol, statement):
    statement_record(actor=bob, document=statement, **conclusions())
    with pytest.raises(PermissionDenied):
        statement_record(actor=carol, document=statement, **conclusions(), expected_number=1, reason="x")
    assert StatementConclusions.objects.count() == 1


def test_it_counts_the_new_document_kinds_as_medical():
    assert DocumentKind.CLINICAL_FUNCTION in MEDICAL_DOCUMENTS
    assert DocumentKind.PSYCHOLOGIST_STATEMENT in MEDICAL_DOCUMENTS


def test_it_finds_the_request_a_document_answers(alice, case, make_request):
    from evne.evidence.services import request_answer, request_send

    request = make_request(recipient_kind="specialist", recipient_name="Speciallæge Hansen")
    request_send(actor=alice, request=request, expected_version=1, sent_on=days_ago(30))
    request_answer(actor=alice, request=request, expected_version=2, answered_on=days_ago(10), document={
        "kind": "specialist_statement", "title": "Erklæring", "document_date": days_ago(12), "author": "Hansen",
        "summary": "Resumé."})  # fmt: skip
    document = case.documents.get()
    assert selectors.request_answered_by(document) == request


# --- treatments -----------------------------------------------------------------------------------------


def test_it_records_a_treatment_on_its_own_and_its_status_history(alice, case):
    treatment = treatment_record(
        actor=alice, case=case, description="Smerteklinik", source="plan", recommended_by="Sagsbehandler",
        recommended_on=days_ago(60), expected_effect="work_ability",
    )  # fmt: skip
    assert treatment.statuses.get().status == "planned"
    treatment_update_status(actor=alice, treatment=treatment, expected_number=1, status="ongoing",
                            status_on=days_ago(30))  # fmt: skip
    treatment_update_status(actor=alice, treatment=treatment, expected_number=2, status="declined",
                            status_on=days_ago(2), reason="Borgeren ønskede ikke at fortsætte.")  # fmt: skip
    row = selectors.treatment_for(case, treatment.pk)
    assert [s.status for s in row.history] == ["planned", "ongoing", "declined"]
    assert row.current.status == "declined"
    event = TimelineEvent.objects.filter(kind=EventKind.TREATMENT_UPDATED).last()
    assert describe(event) == (
        "Treatment Smerteklinik: Status: declined by the citizen, "
        f"{days_ago(2):%d-%m-%Y}. Reason: Borgeren ønskede ikke at fortsætte."
    )
    assert "Expected effect: on the work ability." in describe(
        TimelineEvent.objects.get(kind=EventKind.TREATMENT_RECORDED)
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"description": " "}, "description"),
        ({"source": "rumour"}, "source"),
        ({"source": "statement"}, "document_id"),  # a statement's treatment names the statement
        ({"recommended_by": ""}, "recommended_by"),
        ({"recommended_on": date(2099, 1, 1)}, "recommended_on"),
        ({"recommended_on": None}, "recommended_on"),
        ({"expected_effect": "miracle"}, "expected_effect"),
        ({"status": "forgotten"}, "status"),
        ({"status": "not_possible"}, "status_reason"),
        ({"status_on": Ago(90)}, "status_on"),  # before the recommendation
    ],
)
def test_it_refuses_a_bad_treatment_naming_the_field(alice, case, overrides, field):
    values = {"description": "Smerteklinik", "source": "other", "recommended_by": "Egen læge",
              "recommended_on": days_ago(60), "expected_effect": "work_ability"}  # fmt: skip
    with pytest.raises(DomainError) as exc:
        treatment_record(actor=alice, case=case, **{**values, **resolve(overrides)})
    assert exc.value.field == field
    assert nothing_written() and not TimelineEvent.objects.filter(kind=EventKind.TREATMENT_RECORDED).exists()


def test_it_refuses_a_statement_of_another_case_for_a_treatment(alice, citizen, case, make_document):
    other_case = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                           help_requested_on=date(2026, 1, 5))  # fmt: skip
    foreign = make_document(other_case)
    with pytest.raises(DomainError) as exc:
        treatment_record(actor=alice, case=case, description="Fysioterapi", source="statement",
                         document_id=foreign.pk, recommended_on=days_ago(5), expected_effect="unclear")  # fmt: skip
    assert exc.value.field == "document_id"
    assert nothing_written()


def test_it_refuses_a_status_update_that_is_stale_dated_back_or_without_reason(alice, carol, case):
    treatment = treatment_record(
        actor=alice, case=case, description="Smerteklinik", source="other", recommended_by="Egen læge",
        recommended_on=days_ago(60), expected_effect="unclear", status_on=days_ago(10),
    )  # fmt: skip
    with pytest.raises(StaleVersion):
        treatment_update_status(actor=alice, treatment=treatment, expected_number=0, status="ongoing",
                                status_on=days_ago(1))  # fmt: skip
    for status, status_on, field in (("ongoing", days_ago(20), "status_on"), ("not_possible", days_ago(1), "reason"),
                                     ("ongoing", today() + timedelta(days=1), "status_on")):  # fmt: skip
        with pytest.raises(DomainError) as exc:
            treatment_update_status(actor=alice, treatment=treatment, expected_number=1, status=status,
                                    status_on=status_on)  # fmt: skip
        assert exc.value.field == field
    with pytest.raises(PermissionDenied):
        treatment_update_status(actor=carol, treatment=treatment, expected_number=1, status="ongoing",
                                status_on=days_ago(1))  # fmt: skip
    assert TreatmentStatus.objects.count() == 1
    assert not TimelineEvent.objects.filter(kind=EventKind.TREATMENT_UPDATED).exists()


def test_it_keeps_conclusions_treatments_and_statuses_append_only(alice, case, statement):
    row = statement_record(actor=alice, document=statement, **conclusions(), treatments=[
        {"description": "Fysioterapi", "expected_effect": "work_ability"}])  # fmt: skip
    for table, pk in (
        (StatementConclusions._meta.db_table, row.pk),
        (Treatment._meta.db_table, Treatment.objects.get().pk),
        (TreatmentStatus._meta.db_table, TreatmentStatus.objects.get().pk),
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET recorded_at = recorded_at WHERE id = %s", [pk])  # noqa: S608
    with pytest.raises(PermissionError):
        StatementConclusions.objects.filter(pk=row.pk).update(reason="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementConclusions.objects.create(
            **{f.name: getattr(row, f.name) for f in StatementConclusions._meta.concrete_fields if f.name != "id"}
        )


def test_it_erases_the_conclusions_and_treatments_with_the_case(alice, case, statement):
    """Erasure at the end of the retention period deletes the whole case; the append-only rows go with it."""
    statement_record(actor=alice, document=statement, **conclusions(), treatments=[
        {"description": "Fysioterapi", "expected_effect": "work_ability"}])  # fmt: skip
    case.delete()
    assert nothing_written() and not TreatmentStatus.objects.exists()
