"""The bulk population loader (evne.synth.population) against the services' invariants, and its resuming."""

import datetime as dt
from collections import Counter

import pytest
from django.db import DatabaseError, connection, transaction

from evne.accounts.models import Role, User
from evne.casefile.export import export_case
from evne.casefile.importer import read
from evne.cases.models import Case, CaseAssignment, EventKind, JournalNote, TimelineEvent
from evne.checks.case import case_checks
from evne.citizens.cpr import parse_cpr
from evne.citizens.models import Citizen
from evne.evidence.models import Document
from evne.profiles.models import ElementVersion
from evne.synth.models import PopulationBatch
from evne.synth.population import JSON_ID_KEYS, Plan, PopulationError, build_templates, load_population

pytestmark = pytest.mark.django_db

PLAN = Plan(cases=200, municipalities=2, seed=7, batch_size=50, templates=42)


@pytest.fixture(scope="module")
def templates(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return build_templates(count=PLAN.templates, seed=PLAN.seed)


@pytest.fixture
def loaded(templates):
    result = load_population(PLAN, templates=templates)
    assert result.cases_loaded == PLAN.cases
    return result


def test_it_loads_one_citizen_per_case_spread_over_the_municipalities(loaded):
    assert Case.objects.count() == Citizen.objects.count() == 200
    per_municipality = Counter(Case.objects.values_list("municipality__code", flat=True))
    assert per_municipality == {"900": 100, "901": 100}
    assert PopulationBatch.objects.filter(run=PLAN.run).count() == 4
    for citizen in Citizen.objects.all():
        assert parse_cpr(citizen.cpr) is not None  # passes Evne's own validation
        assert (citizen.birth_date.month, citizen.birth_date.day) != (1, 1)
    assert len(set(Case.objects.values_list("number", flat=True))) == 200


def test_every_case_has_its_history_and_every_event_its_record(loaded):
    assert not Case.objects.exclude(events__kind=EventKind.CASE_OPENED).exists()
    # every note has its event, and every note event its note
    assert JournalNote.objects.count() == TimelineEvent.objects.filter(kind=EventKind.NOTE_ADDED).count()
    for event in TimelineEvent.objects.filter(kind=EventKind.NOTE_ADDED):
        assert event.note.case_id == event.case_id
    # the keys inside the events' data point at rows of the same case
    from django.apps import apps

    checked = 0
    for event in TimelineEvent.objects.exclude(data={}).select_related("case"):
        for key, value in event.data.items():
            if key in JSON_ID_KEYS and isinstance(value, int) and not key.endswith("caseworker_id"):
                label = JSON_ID_KEYS[key]
                if key == "course_id" and event.kind.startswith("clarification"):
                    label = "reform.jobclarificationcourse"
                model = apps.get_model(label)
                row = model.objects.filter(pk=value).first()
                assert row is not None, (event.kind, key, value)
                case_id = getattr(row, "case_id", None)
                if case_id is not None:
                    assert case_id == event.case_id, (event.kind, key)
                checked += 1
            if key == "caseworker_id" and value is not None:
                user = User.objects.get(pk=value)
                assert user.municipality_id == event.case.municipality_id
                if "caseworker_name" in event.data:
                    assert event.data["caseworker_name"] == f"{user.first_name} {user.last_name}"
    assert checked > 200


def test_versions_and_assignments_are_consistent(loaded):
    for case in Case.objects.all():
        versions = [v for v in case.events.values_list("case_version", flat=True) if v is not None]
        assert max(versions) == case.version
        latest = CaseAssignment.objects.filter(case=case).order_by("assigned_at", "id").last()
        assert latest.caseworker_id == case.caseworker_id
        assert case.caseworker.team_id == case.team_id
        assert case.caseworker.role == Role.CASEWORKER
        times = list(case.events.order_by("id").values_list("at", flat=True))
        assert times == sorted(times)
        assert times[0].date() >= case.help_requested_on - dt.timedelta(days=1)
    per_element = Counter(ElementVersion.objects.values_list("profile_id", "element"))
    for (profile, element), count in per_element.items():
        numbers = sorted(
            ElementVersion.objects.filter(profile_id=profile, element=element).values_list("number", flat=True)
        )
        assert numbers == list(range(1, count + 1))
    assert ElementVersion.objects.exists()
    assert Document.objects.exists() and not Document.objects.exclude(file="").exists()


def test_the_loaded_rows_stay_append_only(loaded):
    event = TimelineEvent.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE cases_timelineevent SET kind = 'note_added' WHERE id = %s", [event.pk])


def test_a_loaded_case_exports_to_a_valid_case_file_and_the_checks_run(loaded):
    today = dt.date(2026, 6, 15)
    kinds = set()
    for case in Case.objects.order_by("?")[:25]:
        data = read(export_case(case))  # validated against the schema
        assert data["case"]["number"] == case.number
        checks = case_checks(case, on=today)
        assert checks.readiness
        kinds.add(case.pathway)
    assert len(kinds) >= 4


def test_a_rerun_with_the_same_seed_continues_and_ends_where_an_uninterrupted_run_does(templates):
    def fingerprint():
        def scrub(data):
            return {k: v for k, v in data.items() if not k.endswith("_id") and not k.endswith("_ids")}

        return sorted(
            (c.number, c.citizen.cpr, c.citizen.first_name, c.status, c.caseworker.username,
             tuple((e.kind, e.at, str(sorted(scrub(e.data).items()))) for e in c.events.order_by("at", "id")))
            for c in Case.objects.select_related("citizen", "caseworker").prefetch_related("events")
        )  # fmt: skip

    with transaction.atomic():
        load_population(PLAN, templates=templates)
        whole = fingerprint()
        transaction.set_rollback(True)

    first = load_population(PLAN, templates=templates, stop_after=2)
    assert first.batches_done == 2 and Case.objects.count() == 100
    second = load_population(PLAN, templates=templates)
    assert (second.batches_skipped, second.batches_done) == (2, 2)
    assert fingerprint() == whole
    third = load_population(PLAN, templates=templates)
    assert third.cases_loaded == 0 and Case.objects.count() == 200


def test_it_refuses_another_population_in_the_same_database(loaded, templates):
    other = Plan(cases=10, municipalities=1, seed=8, batch_size=5, templates=42)
    with pytest.raises(PopulationError, match="anden befolkning"):
        load_population(other, templates=templates)
