"""The catalogue as a Markdown page (docs/rules-catalogue.md), generated from the rules themselves."""

from .catalogue import RULES
from .parameters import all_parameters


def catalogue_markdown() -> str:
    lines = [
        "# Evne — rule catalogue",
        "",
        "Generated from `src/evne/rules` by `evne rules_catalogue`; do not edit by hand. Each rule cites its source",
        "(act in `sources.yaml`, section, seed file and lines) and the dates its versions are in force.",
        "",
        "| id | titel (da) | title (en) | severity | decision types | in force | citations | what it checks |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        periods = "; ".join(
            f"{v.valid_from:%Y-%m-%d}–{v.valid_to:%Y-%m-%d}" if v.valid_to else f"from {v.valid_from:%Y-%m-%d}"
            for v in rule.versions
        )
        citations = "; ".join(
            f"{c.act} {c.section} (seed {c.seed}, l. {c.lines})" for v in rule.versions for c in v.citations
        )
        decisions = ", ".join(rule.decision_types) or "all"
        cells = [f"`{rule.id}`", rule.title_da, rule.title_en, str(rule.severity), decisions, periods, citations,
                 rule.checks_da]  # fmt: skip
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += [
        "",
        "## Parameters",
        "",
        "| parameter | since | value | unit | policy | reference |",
        "|---|---|---|---|---|---|",
    ]
    for key, values in all_parameters().items():
        for v in values:
            policy = "policy (off by default)" if v.policy else "law"
            lines.append(f"| `{key}` | {v.since:%Y-%m-%d} | {v.value} | {v.unit} | {policy} | {v.reference} |")
    return "\n".join(lines) + "\n"
