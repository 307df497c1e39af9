"""`evne check` on a whole case file: the same facts as the case page, and nothing kept."""

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from evne.accounts.models import Municipality, User
from evne.cases.models import Case
from evne.checks.case import snapshot_for_case

from .conftest import import_file


def check(tmp_path, text, *args):
    path = tmp_path / "case-file.json"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("legal_check", str(path), *args, stdout=out)
    return out.getvalue()


def _stored(settings) -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def test_it_judges_a_case_file_on_the_facts_the_case_page_uses_and_keeps_nothing(tmp_path, exported, settings):
    from evne.rules.catalogue import RULES
    from evne.rules.engine import evaluate

    before = (Case.objects.count(), Municipality.objects.count(), User.objects.count(), _stored(settings))
    out = json.loads(check(tmp_path, exported["text"], "--date", "2026-11-01", "--json"))
    assert out["case"] == exported["number"]
    assert (Case.objects.count(), Municipality.objects.count(), User.objects.count(), _stored(settings)) == before
    # the same outcomes as evaluating the imported case itself
    import_file(tmp_path / "first.json")
    imported = Case.objects.get(number=exported["number"])
    expected = evaluate(RULES, snapshot_for_case(imported), on=date(2026, 11, 1)).explain()["results"]
    assert [(r["rule"], r["outcome"]) for r in out["results"]] == [(r["rule"], r["outcome"]) for r in expected]


def test_a_policy_can_be_switched_on_for_the_check(tmp_path, exported):
    data = json.loads(exported["text"])
    data["case"]["status"] = "clarification"  # still open, so the guarantee runs
    text = json.dumps(data, ensure_ascii=False)
    plain = json.loads(check(tmp_path, text, "--date", "2030-01-01", "--json"))
    switched = json.loads(check(tmp_path, text, "--date", "2030-01-01", "--json",
                                "--policy", "policy.clarification_guarantee_months"))  # fmt: skip
    outcome = {r["rule"]: r["outcome"] for r in plain["results"]}
    assert outcome["policy.clarification_guarantee"] == "not_applicable"
    assert {r["rule"]: r["outcome"] for r in switched["results"]}["policy.clarification_guarantee"] != "not_applicable"
    with pytest.raises(CommandError, match=r"--policy: deadlines\.pension_decision_months is not a policy"):
        check(tmp_path, exported["text"], "--policy", "deadlines.pension_decision_months")


def test_a_bad_case_file_is_named_by_field(tmp_path, exported):
    data = json.loads(exported["text"])
    data["case"]["pathway"] = "lottery"
    with pytest.raises(CommandError, match=r"case\.pathway"):
        check(tmp_path, json.dumps(data))
    assert not Case.objects.exists()
