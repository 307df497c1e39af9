"""Reasons warnings (X7) and the plain-language check, and how they reach the rules snapshot."""

from evne.checks.case import snapshot_for_case
from evne.decisions import reasons, services
from evne.decisions.language import plain_language_notes

from .conftest import refusal_values


def test_because_the_doctor_says_so_is_flagged():
    assert reasons.reasons_only_doctor("Du kan arbejde fuld tid, fordi lægen siger det.")
    assert reasons.reasons_only_doctor("Ifølge speciallægen kan du arbejde.")
    assert not reasons.reasons_only_doctor(
        "Praktikken viste 30 timer om ugen. Speciallægen vurderer det samme. Du har selv fortalt, at det gik godt."
    )


def test_a_specialist_conclusion_entered_as_a_fact_is_flagged():
    facts = [{"text": "Overlægen vurderer, at du ikke kan arbejde.", "source": ""},
             {"text": "Du mødte stabilt i 12 uger.", "source": "note:1"}]  # fmt: skip
    assert reasons.conclusion_facts(facts, {}) == [0]


def test_the_warnings_reach_the_snapshot_as_flags(alice, prepared):
    decision = services.decision_draft(
        actor=alice, case=prepared["case"],
        **refusal_values(prepared, reasons="Ifølge lægen kan du arbejde.",
                         facts=[{"text": "Speciallægen konkluderer, at du kan arbejde fuld tid.",
                                 "source": f"document:{prepared['specialist'].pk}"},
                                {"text": "Uden kilde.", "source": ""}]),
    )  # fmt: skip
    snap = snapshot_for_case(prepared["case"]).decisions[-1]
    assert snap.reasons_only_doctor and snap.specialist_conclusion_as_fact and not snap.facts_in_case
    assert len(reasons.warnings(decision)) == 3


def test_plain_language_flags_long_sentences_and_long_words():
    long_sentence = " ".join(["ord"] * 30) + "."
    notes = plain_language_notes(long_sentence + " Arbejdsevnevurderingsprocessen er lang.")
    assert len(notes) == 2
    assert plain_language_notes("Du får afslag. Vi har set på din sag.") == []


def test_the_snapshot_knows_whether_the_hearing_package_was_complete(alice, prepared, heard):
    from evne.decisions.models import Hearing

    snap = snapshot_for_case(prepared["case"]).hearings[-1]
    assert snap.includes_profile and snap.includes_new_specialist_statements and snap.answer == "answered"
    hearing = Hearing.objects.get()
    Hearing.objects.filter(pk=hearing.pk).update(package=[p for p in hearing.package if p["kind"] == "version"])
    assert not snapshot_for_case(prepared["case"]).hearings[-1].includes_new_specialist_statements
