"""Loading the demo from scratch is deterministic (this test loads it twice, so it stays out of test_demo)."""

import pytest
from django.db import transaction

from evne.citizens.models import Citizen
from evne.synth.generate import load_demo

pytestmark = pytest.mark.django_db


def _cprs() -> list[str]:
    return list(Citizen.objects.order_by("pk").values_list("cpr", flat=True))


def test_it_gives_the_same_cprs_for_the_same_seed():
    with transaction.atomic():
        load_demo(seed=11)
        first = _cprs()
        transaction.set_rollback(True)
    assert not Citizen.objects.exists()

    load_demo(seed=11)

    assert _cprs() == first
