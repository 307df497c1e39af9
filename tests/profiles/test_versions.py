"""Versions, history, the profile at a past moment, and no lost updates."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from evne.errors import StaleVersion
from evne.profiles.models import ElementVersion
from evne.profiles.selectors import compare_versions, current_elements, element_history, profile_for

from .conftest import fact


def test_it_keeps_every_version_and_shows_the_history_newest_first(save, case):
    save(facts=[fact("A")])
    save(base_version=1, reason="Rettet", facts=[fact("B")])
    history = element_history(profile_for(case), "education")
    assert [(v.number, v.reason) for v in history] == [(2, "Rettet"), (1, "Første beskrivelse")]
    assert [v.facts[0]["text"] for v in history] == ["B", "A"]


def test_it_compares_two_versions_side_by_side(save, case):
    v1 = save(facts=[fact("Uddannet tømrer.")], resources="Håndværksmæssige færdigheder.")
    v2 = save(base_version=1, reason="Ny viden", facts=[fact("Uddannet tømrer.")], resources="Håndværk og ledelse.")
    rows = {r["field"]: r for r in compare_versions(v1, v2)}
    assert rows["resources"]["changed"] and rows["resources"]["old"] == "Håndværksmæssige færdigheder."
    assert rows["resources"]["new"] == "Håndværk og ledelse."
    assert not rows["facts"]["changed"]


def test_it_shows_the_profile_as_it_stood_at_a_past_moment(save, case):
    v1 = save(facts=[fact("Før")])
    between = timezone.now()
    ElementVersion.objects.filter(pk=v1.pk)  # (versions are immutable; we only read)
    save(base_version=1, reason="Senere", facts=[fact("Efter")])
    save(element="health", relevant=False, not_relevant_obvious=True)
    then = current_elements(profile_for(case), at=between)
    now = current_elements(profile_for(case))
    assert then["education"].facts[0]["text"] == "Før" and "health" not in then
    assert now["education"].facts[0]["text"] == "Efter" and now["health"].number == 1
    assert current_elements(profile_for(case), at=between - timedelta(days=1)) == {}


def test_it_refuses_a_save_based_on_a_stale_version_and_overwrites_nothing(save, bob, case):
    save(facts=[fact("Alices første udgave")])
    save(base_version=1, actor=bob, reason="Bob tilføjer", facts=[fact("Bobs ændring")])
    with pytest.raises(StaleVersion) as err:
        save(base_version=1, reason="Alice gemmer oven i", facts=[fact("Alices ændring")])
    assert "Bob" in err.value.message
    old, new = err.value.changes["facts"]
    assert old[0]["text"] == "Alices første udgave" and new[0]["text"] == "Bobs ændring"
    assert [v.facts[0]["text"] for v in element_history(profile_for(case), "education")] == [
        "Bobs ændring",
        "Alices første udgave",
    ]


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_concurrent_writers_win(alice, bob, case, started):
    """Two caseworkers save the same element from the same version at the same moment, on two real
    database connections: one new version, one clear refusal, nothing overwritten."""
    from evne.profiles.services import element_save

    element_save(actor=alice, case=case, element="education", base_version=0, reason="Start", relevant=True)
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def writer(user, text):
        try:
            barrier.wait(timeout=5)
            element_save(actor=user, case=case, element="education", base_version=1, reason=f"{user} gemmer",
                         relevant=True, facts=[fact(text)])  # fmt: skip
            results[user.username] = "saved"
        except StaleVersion:
            results[user.username] = "stale"
        except Exception as exc:  # a lock timeout on SQLite must fail the test visibly
            results[user.username] = f"error: {exc!r}"
        finally:
            connections.close_all()

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("in-memory SQLite (shared cache) cannot hold two writers; this test runs on PostgreSQL in CI")
    threads = [threading.Thread(target=writer, args=(u, t)) for u, t in ((alice, "Alice"), (bob, "Bob"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert sorted(results.values()) == ["saved", "stale"], results
    history = element_history(profile_for(case), "education")
    assert [v.number for v in history] == [2, 1]
