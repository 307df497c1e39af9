"""The rules package owns the legal tables; the models' closed sets and the vocabulary's keys are the same."""

from evne.decisions.models import OutcomeKind
from evne.reform.models import Recommendation, RecommendationKind
from evne.rules import vocabulary
from evne.rules.catalogue.pathways import CONTENT_DA


def test_the_recommendation_kinds_are_the_kinds_the_vocabulary_requires_content_for():
    assert set(vocabulary.REQUIRED_CONTENT) == set(RecommendationKind.values)


def test_every_required_content_part_is_a_content_field_of_the_recommendation():
    parts = {c for parts in vocabulary.REQUIRED_CONTENT.values() for c in parts}
    assert parts <= set(vocabulary.CONTENT_FIELDS)
    assert set(vocabulary.CONTENT_FIELDS) <= {f.name for f in Recommendation._meta.get_fields()}


def test_every_futile_condition_is_a_flag_on_the_pension_transfer():
    from evne.reform.models import PensionTransfer

    fields = {f.name for f in PensionTransfer._meta.get_fields()}
    assert {f"futile_{c}" for c in vocabulary.FUTILE_CONDITIONS} <= fields


def test_every_outcome_maps_to_a_readiness_decision_type():
    assert set(vocabulary.DECISION_TYPE) == set(OutcomeKind.values)
    assert set(vocabulary.DECISION_TYPE.values()) <= set(vocabulary.DECISION_TYPES)


def test_the_team_decisions_are_readiness_decision_types():
    assert set(vocabulary.TEAM_PATHWAYS) <= set(vocabulary.DECISION_TYPES)


def test_every_content_part_the_rules_name_has_danish_words():
    assert {c for parts in vocabulary.REQUIRED_CONTENT.values() for c in parts} <= set(CONTENT_DA)
