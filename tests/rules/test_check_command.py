"""`evne check FILE.json`: findings and readiness on a case file; clear errors on bad files."""

import json

import pytest
from django.core.management import CommandError, call_command

CASE = {
    "format": "evne-snapshot/1",
    "snapshot": {
        "case": {"number": "999-2026-00042", "pathway": "fortidspension", "benefit": "kontanthjaelp",
                 "status": "open", "help_requested_on": "2026-01-05"},
        "requests": [{"id": 1, "document_type": "status_statement", "created_on": "2026-02-01",
                      "sent_on": "2026-02-02", "answer_due_on": "2026-02-16", "consent_in_force": True}],
        "pension_transfer": {"transferred_on": "2026-01-05", "citizen_told_on": "2026-01-05"},
    },
}  # fmt: skip


def run(tmp_path, data, *args):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    from io import StringIO

    out = StringIO()
    call_command("legal_check", str(path), *args, stdout=out)
    return out.getvalue()


def test_it_prints_findings_deadlines_and_what_blocks_a_decision(tmp_path):
    out = run(tmp_path, CASE, "--date", "2026-05-01", "--for", "fortidspension")
    assert "[for sent] Pensionssag afgøres inden fristen" in out and "05-04-2026" in out
    assert "[for sent] Svar på anmodninger om oplysninger" in out
    assert "Klar til førtidspension? Blokeret af:" in out and "Arbejdsevnevurdering foreligger" in out
    assert "Samtykke eller hjemmel til indhentning" not in out  # the request rests on a consent
    assert "deadline.pension_decision" not in out  # no internal codes in the report a person reads (ids in --json)


def test_it_gives_machine_readable_output_with_the_explanation(tmp_path):
    out = json.loads(run(tmp_path, CASE, "--date", "2026-05-01", "--for", "fleksjob", "--json"))
    assert out["on"] == "2026-05-01" and out["case"] == "999-2026-00042"
    assert {r["rule"] for r in out["results"]} >= {"profile.presented", "deadline.pension_decision"}
    assert all(r["citations"] for r in out["results"] if r["outcome"] != "not_applicable")
    assert "assessment.exists" in out["readiness"]["fleksjob"]


@pytest.mark.parametrize(("data", "message"), [
    ("{not json", "not valid JSON"),
    ({"format": "evne-snapshot/9", "snapshot": {}}, "format"),
    ({"format": "evne-snapshot/1", "snapshot": {"case": {"number": 1}}}, "snapshot.case.number"),
    ({"format": "evne-snapshot/1",
      "snapshot": {"case": {**CASE["snapshot"]["case"], "help_requested_on": "2026-13-01"}}},
     "snapshot.case.help_requested_on"),
    ({"format": "evne-snapshot/1", "snapshot": {**CASE["snapshot"], "surprise": 1}}, "surprise"),
])  # fmt: skip
def test_it_names_the_field_of_a_bad_file(tmp_path, data, message):
    with pytest.raises(CommandError) as err:
        run(tmp_path, data)
    assert message in str(err.value)


def test_it_refuses_a_bad_date(tmp_path):
    with pytest.raises(CommandError, match="--date"):
        run(tmp_path, CASE, "--date", "1. maj")


def test_it_is_still_the_system_check_without_a_file():
    call_command("check")  # raises SystemCheckError if the project is misconfigured


def test_a_bad_date_inside_the_answers_is_named(tmp_path):
    answers = [{"rule_id": "method.impartiality", "text": "Ingen inhabilitet", "given_on": "x"}]
    data = {"format": "evne-snapshot/1", "snapshot": {**CASE["snapshot"], "answers": answers}}
    with pytest.raises(CommandError, match=r"answers\[0\]\.given_on: 'x' is not a date"):
        run(tmp_path, data)


def test_evne_check_with_a_json_file_is_the_legal_check_and_without_one_django_s():
    from evne.cli import route

    assert route(["/usr/bin/evne", "check", "case.json", "--json"]) == ["evne", "legal_check", "case.json", "--json"]
    assert route(["evne", "check", "--deploy"]) == ["evne", "check", "--deploy"]
    assert route(["evne", "export", "X", "-o", "x.json"]) == ["evne", "export", "X", "-o", "x.json"]
