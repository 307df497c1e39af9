from datetime import date

import pytest
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone

from evne.accounts.access import can_read_case
from evne.accounts.models import Municipality, Role, User
from evne.cases.models import Case, CaseAssignment, CaseStatus, EventKind, JournalNote, Pathway, TimelineEvent
from evne.citizens.cpr import parse_cpr
from evne.citizens.models import Citizen, Supporter
from evne.synth.cpr import passes_modulus_11
from evne.synth.generate import DEMO_PASSWORD, load_demo

pytestmark = pytest.mark.django_db

EVNEKOBING = "999"
ANDEBY = "998"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module and rolled back after it; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Municipality, User, Citizen, Supporter, Case, CaseAssignment, JournalNote, TimelineEvent)
    }


def test_it_creates_about_sixty_citizens_with_a_case_each_in_evnekobing(demo):
    cases = Case.objects.filter(municipality__code=EVNEKOBING)
    assert demo.created
    assert 55 <= Citizen.objects.filter(municipality__code=EVNEKOBING).count() <= 65
    assert cases.count() == Citizen.objects.filter(municipality__code=EVNEKOBING).count()
    assert {c.municipality.name for c in Citizen.objects.select_related("municipality")} == {
        "Evnekøbing Kommune (demo)",
        "Andeby Kommune (demo)",
    }


def test_it_creates_every_role_with_the_shared_password(demo):
    users = User.objects.filter(municipality__code=EVNEKOBING)
    assert set(users.values_list("role", flat=True)) == set(Role.values)
    assert authenticate(username="sagsbehandler1", password=DEMO_PASSWORD).role == Role.CASEWORKER
    assert authenticate(username="jurist", password=DEMO_PASSWORD).role == Role.AUDITOR
    admin = authenticate(username="admin", password=DEMO_PASSWORD)
    assert admin.role == Role.ADMINISTRATOR and admin.is_staff and admin.is_superuser
    assert not User.objects.filter(is_superuser=True).exclude(username="admin").exists()


def test_it_covers_every_pathway_and_status_with_fitting_benefits(demo):
    cases = Case.objects.filter(municipality__code=EVNEKOBING)
    assert set(cases.values_list("pathway", flat=True)) == set(Pathway.values)
    assert set(cases.values_list("status", flat=True)) == set(CaseStatus.values)
    benefits: dict[str, set[str]] = {pathway: set() for pathway in Pathway.values}
    for pathway, benefit in cases.values_list("pathway", "benefit"):
        benefits[pathway].add(benefit)
    assert benefits[Pathway.RESSOURCEFORLOB] == {"ressourceforlobsydelse"}
    assert benefits[Pathway.JOBAFKLARING] == {"jobafklaringsydelse"}
    assert benefits[Pathway.SYGEDAGPENGE] <= {"sygedagpenge", "jobafklaringsydelse"}
    assert benefits[Pathway.FLEKSJOB] <= {"ledighedsydelse", "wages"}


def test_it_gives_every_case_a_timeline_that_starts_with_case_opened(demo):
    for case in Case.objects.prefetch_related("events"):
        kinds = [e.kind for e in case.events.all()]
        assert kinds[0] == EventKind.CASE_OPENED, case.number
    assert TimelineEvent.objects.filter(kind=EventKind.STATUS_CHANGED).exists()
    assert TimelineEvent.objects.filter(kind=EventKind.SUPPORTER_ADDED).exists()


def test_it_gives_every_case_one_to_four_notes_of_both_kinds(demo):
    per_case = [c.notes.count() for c in Case.objects.all()]
    assert min(per_case) >= 1 and max(per_case) <= 4
    assert set(JournalNote.objects.values_list("kind", flat=True)) == {"fact", "assessment"}
    assert JournalNote.objects.filter(text__startswith="Det er min vurdering, at").exists()


def test_it_reassigns_some_cases_with_a_reason(demo):
    reassignments = CaseAssignment.objects.exclude(reason="")
    assert reassignments.exists()
    for assignment in reassignments.select_related("case"):
        assert assignment.case.assignments.count() >= 2
    assert TimelineEvent.objects.filter(kind=EventKind.CASEWORKER_ASSIGNED).exclude(data__reason="").exists()


def test_it_adds_companions_and_representatives(demo):
    assert set(Supporter.objects.values_list("kind", flat=True)) == {"companion", "representative"}


def test_it_keeps_citizens_of_working_age_with_requests_from_the_last_three_years(demo):
    today = timezone.localdate()
    for citizen in Citizen.objects.all():
        age = (
            today.year
            - citizen.birth_date.year
            - ((today.month, today.day) < (citizen.birth_date.month, citizen.birth_date.day))
        )
        assert 18 <= age <= 66
        assert parse_cpr(citizen.cpr).birth_date == citizen.birth_date
        assert not passes_modulus_11(citizen.cpr)
    requested = list(Case.objects.values_list("help_requested_on", flat=True))
    assert min(requested) >= date(today.year - 3, 1, 1) and max(requested) <= today


def test_it_hides_evnekobing_cases_from_the_andeby_caseworker(demo):
    andeby = User.objects.get(username="andeby")
    assert Case.objects.filter(municipality__code=ANDEBY).exists()
    assert all(can_read_case(andeby, case) for case in Case.objects.filter(municipality__code=ANDEBY))
    assert not any(can_read_case(andeby, case) for case in Case.objects.filter(municipality__code=EVNEKOBING))


def test_it_changes_nothing_when_loaded_twice(demo):
    before = _counts()

    again = load_demo()

    assert not again.created
    assert "intet er ændret" in again.message
    assert _counts() == before


def test_it_starts_resource_profiles_with_sourced_facts_and_a_kept_disagreement(demo):
    from evne.profiles.models import DisagreementDecision, ElementVersion, InvolvementRecord, ResourceProfile

    profiles = ResourceProfile.objects.filter(case__municipality__code="999")
    assert profiles.count() >= 10
    assert all(InvolvementRecord.objects.filter(profile=p, kind="opening_conversation").exists() for p in profiles)
    versions = ElementVersion.objects.filter(profile__in=profiles)
    assert all(v.facts and all(f["source_kind"] for f in v.facts) for v in versions)
    assert all(set(v.assessment_fact_ids) <= {f["id"] for f in v.facts} for v in versions if v.assessment)
    kept = DisagreementDecision.objects.filter(outcome="keep")
    assert kept.exists() and all(d.explanation for d in kept)


def test_it_develops_some_cases_with_a_plan_activities_requests_and_assessments(demo):
    from evne.assessments.models import WorkAbilityAssessment
    from evne.evidence.models import InformationRequest
    from evne.plans.models import Activity, PlanRevision

    evnekobing = {"case__municipality__code": "999"}
    assert PlanRevision.objects.filter(**evnekobing).count() >= 5
    activities = Activity.objects.filter(**evnekobing)
    assert activities.exists() and all(a.orders.exists() and a.reports.exists() for a in activities)
    requests = InformationRequest.objects.filter(**evnekobing)
    assert requests.filter(answered_on__isnull=False).exists() and requests.filter(answered_on__isnull=True).exists()
    assert all(r.consent_id for r in requests)
    assessments = WorkAbilityAssessment.objects.filter(**evnekobing)
    assert assessments.exists() and all(len(a.job_functions) >= 1 and a.profile_version_ids for a in assessments)


def test_it_has_decisions_in_different_states(demo):
    from evne.decisions.models import Complaint, Decision, Hearing

    evnekobing = Decision.objects.filter(case__municipality__code="999")
    assert evnekobing.filter(status="draft").exists() and evnekobing.filter(status="issued").exists()
    assert Hearing.objects.filter(decision__in=evnekobing).exists()
    assert all(d.letter_id and d.explanation for d in evnekobing.filter(status="issued"))
    assert Complaint.objects.exists() or evnekobing.filter(outcome="refusal", status="issued").count() < 2
