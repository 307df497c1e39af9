"""Where a legal table lives in two places, a test keeps both sides equal (until the rules package owns it)."""

from evne.reform.models import REQUIRED_CONTENT, RecommendationKind
from evne.rules.catalogue.pathways import CONTENT_DA
from evne.rules.catalogue.pathways import REQUIRED_CONTENT as RULES_REQUIRED_CONTENT


def test_the_recommendation_content_the_form_requires_is_the_content_the_rules_check():
    assert {str(k): v for k, v in REQUIRED_CONTENT.items()} == RULES_REQUIRED_CONTENT
    assert set(RULES_REQUIRED_CONTENT) == set(RecommendationKind.values)


def test_every_content_part_the_rules_name_has_danish_words():
    assert {c for parts in RULES_REQUIRED_CONTENT.values() for c in parts} <= set(CONTENT_DA)
