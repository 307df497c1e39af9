"""The catalogue as a Markdown page (docs/rules-catalogue.md), generated from the rules themselves."""

from .catalogue import RULES
from .coverage import counts, disposition, ledger, sources_by_rule
from .parameters import all_parameters


def catalogue_markdown() -> str:
    lines = [
        "# Evne — rule catalogue",
        "",
        "Generated from `src/evne/rules` by `evne rules_catalogue`; do not edit by hand. Each rule cites its source",
        "(act in `sources.yaml`, section, seed file and lines) and the dates its versions are in force.",
        "",
        "| id | titel (da) | title (en) | severity | decision types | in force | citations | sources "
        "| what it checks |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        periods = "; ".join(
            f"{v.valid_from:%Y-%m-%d}–{v.valid_to:%Y-%m-%d}" if v.valid_to else f"from {v.valid_from:%Y-%m-%d}"
            for v in rule.versions
        )
        citations = "; ".join(
            dict.fromkeys(
                f"{c.act} {c.section} (seed {c.seed}, l. {c.lines})" for v in rule.versions for c in v.citations
            )
        )
        decisions = ", ".join(rule.decision_types) or "all"
        severity = f"{rule.severity} (policy `{rule.policy}`, off by default)" if rule.policy else str(rule.severity)
        sources = ", ".join(sources_by_rule().get(rule.id, ())) or "—"
        cells = [
            f"`{rule.id}`",
            rule.title_da,
            rule.title_en,
            severity,
            decisions,
            periods,
            citations,
            sources,
            rule.checks_da,
        ]
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
    lines += _coverage()
    return "\n".join(lines) + "\n"


def _coverage() -> list[str]:
    total = counts()
    lines = [
        "",
        "## Coverage of the sources",
        "",
        "Every rule id in the rule tables of the domain notes (seed 000 §6, seed 001 §6, seed 002, seed 003 §5), from",
        "`src/evne/rules/coverage.yaml`: "
        + ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in total.items())
        + ". The rules column above lists the source ids each rule answers to; the ids without a rule are these:",
        "",
        "| source id | rule | disposition | why |",
        "|---|---|---|---|",
    ]
    for key, entry in ledger().items():
        kind = disposition(entry)
        if kind == "rules":
            continue
        why = str(entry[kind]) + (f" — {entry['note']}" if entry.get("note") else "")
        lines.append(
            f"| {key} | {entry['summary'].replace('|', '/')} | {kind.replace('_', ' ')} | {why.replace('|', '/')} |"
        )
    return lines
