"""One way from the facts to the rules: the snapshot of a case read from the database is the snapshot of its case
file, the facts of issue 11 reach it, and `evne check FILE` needs no database."""

import dataclasses
import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from evne.accounts.models import Municipality
from evne.casefile.export import dumps, export_case
from evne.casefile.importer import read
from evne.cases.models import Case
from evne.checks.build import snapshot_from_case_file
from evne.checks.case import municipal_settings, snapshot_for_case
from evne.synth.generate import generate_population, load_demo

from ..casefile.conftest import build_rich_case, make_people

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_memory_files(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def rich(make_user):
    _, _, alice, bob = make_people(make_user)
    return build_rich_case(alice, bob)


def from_file(case: Case):
    """The snapshot of the case's exported file, read back from its JSON text as `evne check` reads it."""
    text = dumps(export_case(case, include_files=False))
    return snapshot_from_case_file(read(json.loads(text)), **municipal_settings(case))


def test_it_builds_the_same_snapshot_from_the_database_and_from_the_exported_file(rich):
    assert snapshot_for_case(rich) == from_file(rich)


def test_it_builds_the_same_snapshot_both_ways_for_every_demo_case():
    load_demo()
    cases = list(Case.objects.select_related("municipality", "citizen", "team"))
    assert len(cases) > 50
    for case in cases:
        assert snapshot_for_case(case) == from_file(case), case.number


def test_it_builds_the_same_snapshot_both_ways_for_generated_cases():
    municipality = Municipality.objects.create(code="997", name="Benchmark")
    generate_population(municipality=municipality, n_citizens=15, seed=7)
    for case in Case.objects.filter(municipality=municipality).select_related("municipality", "citizen", "team"):
        assert snapshot_for_case(case) == from_file(case), case.number


def test_the_facts_the_law_turns_on_reach_the_snapshot(rich):
    today = timezone.localdate()
    snap = snapshot_for_case(rich)
    [specialist] = [st for st in snap.statements_on(today) if st.kind == "specialist_statement"]
    assert (specialist.author_role, specialist.prognosis, specialist.hours_per_week) == (
        "specialist",
        "permanent",
        12.0,
    )
    assert (specialist.development_view, specialist.work_ability_view) == ("no", "permanently_substantially_reduced")
    assert specialist.agreement == "disagrees" and len(specialist.other_documents) == 1
    assert snap.statements_on(today - timedelta(days=7)) == []  # received six days ago
    clinic, physio = snap.treatments
    assert (clinic.document_id, clinic.expected_effect, clinic.status_on(today)) == (
        specialist.document_id, "quality_of_life", "planned",
    )  # fmt: skip
    assert physio.status_on(today) == "completed" and physio.status_on(today - timedelta(days=3)) == "planned"
    [trial] = snap.trials_on(today)  # the correction replaces the first record
    assert (trial.trade, trial.planned_hours, trial.actual_hours, trial.accommodation_respected) == (
        "Lager", 15.0, 10.0, "partly",
    )  # fmt: skip
    assert trial.replaces is not None and trial.absence == 2.0 and trial.weeks >= 1
    [job] = snap.employments
    assert (job.kind, job.hours_per_week, job.end_on) == ("ordinary", 37.0, date(2024, 6, 30))
    withdrawn, existing = snap.applications
    assert withdrawn.withdrawn_on and withdrawn.withdrawal_guidance and existing.kind == "fortidspension_existing"
    decision = snap.decisions[0]
    assert decision.subject == "fleksjob" and [w.stance for w in decision.evidence] == ["relied_on"]
    [rec] = snap.recommendations
    assert (rec.presented_for, rec.has_reasons) == ("fortidspension", True)
    assert snap.resource_courses[0].kind == "new"


def test_changing_the_substance_changes_what_the_rules_read(rich):
    """The issue's measure: the hours, trade and outcome of a trial and a statement's conclusion reach the rules'
    input (the snapshot), so a rule that reads them sees the change."""
    data = read(json.loads(dumps(export_case(rich, include_files=False))))
    before = snapshot_from_case_file(data)
    trial = data["activities"][0]["trial_periods"][-1]
    trial.update(actual_hours_per_week="2.0", trade="Kontor", outcome="ended_health")
    statement = next(d for d in data["documents"] if d["conclusions"])["conclusions"][0]
    statement.update(prognosis="temporary", prognosis_until="2027-01-01", work_ability_view="not_reduced")
    after = snapshot_from_case_file(data)
    assert before.trial_periods != after.trial_periods and before.statements != after.statements
    [changed] = after.trials_on(timezone.localdate())
    assert (changed.actual_hours, changed.trade, changed.outcome) == (2.0, "Kontor", "ended_health")


def test_evne_check_reads_a_case_file_without_the_database(rich, tmp_path, django_assert_num_queries):
    path = tmp_path / "case.json"
    path.write_text(dumps(export_case(rich)), encoding="utf-8")
    out = StringIO()
    with django_assert_num_queries(0):
        call_command("legal_check", str(path), "--json", stdout=out)
    assert json.loads(out.getvalue())["case"] == rich.number


def test_a_version_1_file_is_checked_too(rich, tmp_path):
    from ..casefile.test_roundtrip import as_version_1

    path = tmp_path / "old.json"
    path.write_text(json.dumps(as_version_1(export_case(rich))), encoding="utf-8")
    out = StringIO()
    call_command("legal_check", str(path), "--json", stdout=out)
    assert json.loads(out.getvalue())["case"] == rich.number


def test_it_equals_the_snapshot_with_the_municipality_s_settings(rich):
    """Policies and the local decision deadline are the municipality's, not the case file's: both ways take them
    from the same place."""
    from evne.decisions.models import LocalDeadline

    LocalDeadline.objects.create(municipality=rich.municipality, pathway=rich.pathway, weeks=8)
    snap = snapshot_for_case(rich)
    assert snap.local_decision_due_on == rich.help_requested_on + timedelta(weeks=8)
    assert snap == from_file(rich)
    plain = snapshot_from_case_file(read(json.loads(dumps(export_case(rich, include_files=False)))))
    assert dataclasses.replace(plain, local_decision_due_on=snap.local_decision_due_on) == snap


def test_a_job_clarification_course_reaches_the_snapshot():
    """The move from sick pay to a jobafklaringsforløb (sickpay.duration_limit reads it) comes from the case file."""
    from ..acceptance.expand import case_file

    case = {
        "judged_on": date(2016, 7, 15),
        "file": {
            "case": {"pathway": "sygedagpenge", "benefit": "sygedagpenge", "help_requested_on": "2016-01-04"},
            "job_clarification_courses": [{"start_on": "2016-06-06", "ended_on": "2016-12-01", "outcome": "fleksjob"}],
        },
    }
    [course] = snapshot_from_case_file(case_file(case)).job_clarification_courses
    assert (course.start_on, course.ended_on, course.outcome) == (date(2016, 6, 6), date(2016, 12, 1), "fleksjob")
