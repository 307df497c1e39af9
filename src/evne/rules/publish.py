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
            dict.fromkeys(f"{c.act} {c.section} (seed {c.seed}, l. {c.lines})" for v in rule.versions
                          for c in v.citations)
        )  # fmt: skip
        decisions = ", ".join(rule.decision_types) or "all"
        severity = f"{rule.severity} (policy `{rule.policy}`, off by default)" if rule.policy else str(rule.severity)
        cells = [f"`{rule.id}`", rule.title_da, rule.title_en, severity, decisions, periods, citations,
                 rule.checks_da]  # fmt: skip
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += [
        "",
        "## Parameters",
        "",
        "| parameter | since | value | unit | kind | reference |",
        "|---|---|---|---|---|---|",
    ]
    for key, values in all_parameters().items():
        for v in values:
            kind = "policy (off by default)" if v.policy else v.kind
            lines.append(f"| `{key}` | {v.since:%Y-%m-%d} | {v.value} | {v.unit} | {kind} | {v.reference} |")
    return "\n".join(lines) + "\n"
