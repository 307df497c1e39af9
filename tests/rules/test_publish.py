from pathlib import Path

from evne.rules.catalogue import RULES
from evne.rules.publish import catalogue_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules-catalogue.md"


def test_the_published_catalogue_lists_every_rule_with_its_citation():
    text = catalogue_markdown()
    assert all(f"`{r.id}`" in text for r in RULES)
    assert "bek_543_2002 § 7, stk. 8 (seed 001, l. 2249-2269)" in text
    assert "policy (off by default)" in text


def test_the_committed_catalogue_page_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == catalogue_markdown(), (
        "docs/rules-catalogue.md is stale: run '.venv/bin/evne rules_catalogue -o docs/rules-catalogue.md'"
    )
