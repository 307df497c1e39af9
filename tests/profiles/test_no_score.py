"""Guard: nothing computes, stores or shows an aggregate score, rank or traffic light of the resource profile.

"Der kan ikke på baggrund af ressourceprofilen udarbejdes en samlet score for arbejdsevnen" — the guidance to
bek. nr. 543 af 28. maj 2002 § 6 (seed 001, l. 1634–1644); rule R15 in shared/domain/seed-001-notes.md.
"""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.db import models

import evne

SRC = Path(evne.__file__).parent
FORBIDDEN = re.compile(r"(score|rank|rating|traffic_?light|trafiklys|points?_total|weight(ed|ing)?_sum)", re.I)
# Numbers that are not judgements of the citizen: ids, version numbers, foreign keys.
ALLOWED_NUMERIC = {("ElementVersion", "number")}


def test_it_stores_no_numeric_judgement_of_the_profile():
    numeric = (models.IntegerField, models.FloatField, models.DecimalField)
    offenders = [
        (model.__name__, field.name)
        for model in apps.get_app_config("profiles").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, numeric) and not field.primary_key and not field.is_relation
        and (model.__name__, field.name) not in ALLOWED_NUMERIC
    ]  # fmt: skip
    assert offenders == []


def test_it_has_no_code_identifier_that_scores_or_ranks():
    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = getattr(node, "name", None) or getattr(node, "id", None) or getattr(node, "attr", None)
            if isinstance(name, str) and FORBIDDEN.search(name):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno} {name}")
    assert offenders == []


def test_it_has_no_template_markup_for_a_score():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("templates/**/*.html")
        if re.search(r'(class|id|name)="[^"]*(score|rank|rating|traffic|trafiklys)', path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_guard_would_catch_a_score(tmp_path):
    """The guard itself must be able to fail."""
    assert FORBIDDEN.search("profile_score") and FORBIDDEN.search("trafiklys") and FORBIDDEN.search("rank")
    assert not FORBIDDEN.search("relevant") and not FORBIDDEN.search("barriers")
