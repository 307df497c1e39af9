import pytest

from evne.accounts.models import Municipality, Role
from evne.cases.models import Case, EventKind
from evne.citizens.models import Citizen
from evne.synth.generate import generate_population

pytestmark = pytest.mark.django_db


def test_it_staffs_an_empty_municipality_and_gives_each_citizen_a_case():
    municipality = Municipality.objects.create(code="997", name="Benchmark")

    summary = generate_population(municipality=municipality, n_citizens=12, seed=3)

    assert summary.citizens == 12
    assert Citizen.objects.filter(municipality=municipality).count() == 12
    assert Case.objects.filter(municipality=municipality).count() == 12
    assert set(municipality.users.values_list("role", flat=True)) == {Role.CASEWORKER}
    assert not Case.objects.filter(municipality=municipality).exclude(events__kind=EventKind.CASE_OPENED).exists()


def test_it_gives_the_same_population_for_the_same_seed():
    first = Municipality.objects.create(code="996", name="Første")
    second = Municipality.objects.create(code="995", name="Anden")

    generate_population(municipality=first, n_citizens=8, seed=42)
    generate_population(municipality=second, n_citizens=8, seed=42)

    def people(m):
        return list(Citizen.objects.filter(municipality=m).order_by("pk").values_list("cpr", "first_name", "last_name"))

    assert people(first) == people(second)


def test_it_gives_another_population_for_another_seed():
    first = Municipality.objects.create(code="996", name="Første")
    second = Municipality.objects.create(code="995", name="Anden")

    generate_population(municipality=first, n_citizens=5, seed=1)
    generate_population(municipality=second, n_citizens=5, seed=2)

    cprs = [set(Citizen.objects.filter(municipality=m).values_list("cpr", flat=True)) for m in (first, second)]
    assert cprs[0] != cprs[1]


def test_it_reports_progress_up_to_the_total():
    municipality = Municipality.objects.create(code="994", name="Benchmark")
    seen = []

    generate_population(
        municipality=municipality, n_citizens=3, seed=1, progress=lambda done, total: seen.append((done, total))
    )

    assert seen == [(1, 3), (2, 3), (3, 3)]
