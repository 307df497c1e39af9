from evne.rules.catalogue import RULES
from evne.rules.publish import catalogue_markdown


def test_the_published_catalogue_lists_every_rule_with_its_citation():
    text = catalogue_markdown()
    assert all(f"`{r.id}`" in text for r in RULES)
    assert "bek_543_2002 § 7, stk. 8 (seed 001, l. 2249-2269)" in text
    assert "policy (off by default)" in text
