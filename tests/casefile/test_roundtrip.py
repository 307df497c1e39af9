"""Export → import into another municipality → export gives the identical file."""

import json
import re

from evne.casefile.importer import load_schema
from evne.cases.models import Case

from .conftest import export_text, import_file


def test_round_trip_is_byte_identical(exported, tmp_path):
    import_file(tmp_path / "first.json")
    case = Case.objects.get(number=exported["number"])
    assert case.municipality.code == "999"
    again = export_text(tmp_path, case.number, "alice", "second.json")
    first = json.loads(exported["text"])
    # the municipality and team are given at import; everything else is the same, byte for byte
    assert json.loads(again)["case"]["municipality"] == "999"
    normalised = (
        exported["text"]
        .replace('"municipality": "990"', '"municipality": "999"')
        .replace('"team": "Team A"', '"team": "Team Ø"')
    )
    # the rehabilitation team's member roles are information from the exporting installation, not imported
    again = re.sub(r'"team_roles": \[[^\]]*\]', '"team_roles": []', again)
    normalised = re.sub(r'"team_roles": \[[^\]]*\]', '"team_roles": []', normalised)
    assert again == normalised
    assert first["documents"][0]["content_base64"]


def test_the_file_is_rich(exported):
    data = json.loads(exported["text"])
    assert list(data)[:4] == ["format", "version", "exported_at", "case"]
    decision = data["decisions"][0]
    assert decision["status"] == "issued" and decision["letter"].startswith("document-")
    assert [f["source"] for f in decision["facts"]] == ["document:document-1", "note:note-1"]
    assert decision["complaints"][0]["appeal_body"] == "Ankestyrelsen"
    assert data["hearings"][0]["decision"] == "decision-1" and data["hearings"][0]["answer"] == "answered"
    assert data["file_access_requests"][0]["bundle"].startswith("document-")
    assert data["reasons_requests"] and data["delay_notices"]
    meeting = data["rehab_meetings"][0]
    assert (meeting["team"], meeting["citizen_present"]) == ("Rehabiliteringsteam Nord", True)
    assert meeting["recommendation"]["kind"] == "ressourceforlob"
    assert meeting["recommendation"]["departure"]["reason"] == "Fleksjob er nærmere."
    assert "minutes" not in meeting  # the meeting's minutes concern other citizens too
    assert data["rehab_plans"][0]["profile_version_ids"] and data["rehab_plans"][0]["ref"] == "rehab-plan-1"
    assert data["resource_courses"][0]["coordinating_caseworker"] == "bob"
    assert data["resource_courses"][0]["follow_ups"][0]["author"] == "bob"
    assert [len(data[k]) for k in ("pension_transfers", "fleksjob_visitations", "flex_jobs",
                                   "ledighedsydelse_periods")] == [1, 1, 1, 2]  # fmt: skip
    job = data["flex_jobs"][0]
    assert job["ref"] == "flex_job-1" and job["end"]["reason"] == "dismissed" and job["end"]["author"] == "alice"
    periods = data["ledighedsydelse_periods"]
    assert [p["ref"] for p in periods] == ["period-1", "period-2"]
    assert periods[0]["end"] is None and periods[1]["end_on"] is None and periods[1]["end"]["author"] == "bob"
    ended = [e["data"] for e in data["timeline"] if e["kind"] in ("flex_job_ended", "ledighedsydelse_ended")]
    assert ended[0]["flex_job_id"] == "flex_job-1" and ended[1]["period_id"] == "period-2"
    # the team-meeting events name the presentation (the agenda item), which the file carries; the meeting is not
    assert meeting["ref"] == "agenda_item-1"
    team_events = [e["data"] for e in data["timeline"]
                   if e["kind"] in ("rehab_referred", "rehab_attendance", "rehab_recommendation")]  # fmt: skip
    assert len(team_events) == 3
    assert {d["agenda_item_id"] for d in team_events} == {"agenda_item-1"}
    profile = data["profile"]
    assert [v["element"] for v in profile["versions"]] == ["education", "education", "health", "adaptability"]
    decision = profile["presentations"][0]["responses"][0]["decision"]
    assert decision["outcome"] == "keep"
    assert profile["presentations"][0]["hypothesis_responses"][0]["hypothesis"] == "hypothesis-1"
    facts = profile["versions"][1]["facts"]
    assert facts[1]["document_id"] == "document-1" and facts[2]["note_id"] == "note-1"
    assert data["assessments"][0]["document_ids"] == ["document-1"]
    assert all(isinstance(r, str) for r in data["assessments"][0]["profile_version_ids"])
    assert data["activities"][0]["orders"] and data["activities"][0]["reports"]
    assert data["requests"][0]["consent"] == "consent-1"
    assert data["case"]["notes"][1]["corrects"] == "note-1"
    answer = data["case"]["prompt_answers"][0]
    assert answer["ref"] == "answer-1" and answer["rule_version"] == "2018-06-01" and answer["answered_by"] == "alice"
    follow_up = data["case"]["follow_ups"][0]
    assert follow_up["ref"] == "follow_up-1" and follow_up["parties"] == ["employer"] and follow_up["interpreter_used"]
    recorded = [e for e in data["timeline"] if e["kind"] == "follow_up_recorded"]
    assert [e["data"]["follow_up_id"] for e in recorded] == ["follow_up-1"]
    answered = [e for e in data["timeline"] if e["kind"] == "prompt_answered"]
    assert [e["data"]["answer_id"] for e in answered] == ["answer-1"]
    assert profile["versions"][3]["hypothesis_ids"] == ["hypothesis-1"]
    assert data["case"]["caseworker"] == "bob" and data["case"]["assignments"][-1]["caseworker"] == "bob"
    assigned = [e for e in data["timeline"] if e["kind"] == "caseworker_assigned"]
    assert {e["data"].get("caseworker_id") for e in assigned} >= {"alice", "bob"}
    # the facts the law turns on (version 2)
    specialist = next(d for d in data["documents"] if d["kind"] == "specialist_statement")
    [conclusions] = specialist["conclusions"]
    assert (conclusions["prognosis"], conclusions["hours_per_week"], conclusions["document_ids"]) == (
        "permanent", "12.00", ["document-1"],
    )  # fmt: skip
    assert [t["description"] for t in data["treatments"]] == ["Smerteklinik", "Fysioterapi"]
    assert data["treatments"][0]["document"] == specialist["ref"]
    assert [x["status"] for x in data["treatments"][1]["statuses"]] == ["planned", "completed"]
    trials = data["activities"][0]["trial_periods"]
    assert [t["ref"] for t in trials] == ["trial_period-1", "trial_period-2"] and trials[1][
        "replaces"
    ] == "trial_period-1"
    assert trials[0]["report"] == "report-1" and trials[0]["pace_percent"] == 70
    assert (
        data["citizen"]["employments"][0]["hours_per_week"] == "37.0"
        and "case" not in data["citizen"]["employments"][0]
    )
    withdrawn, existing = data["applications"]
    assert withdrawn["withdrawal"]["guidance"].startswith("Vejledt") and existing["withdrawal"] is None
    assert data["decisions"][0]["subject"] == "fleksjob"
    assert data["decisions"][0]["evidence_weighing"][0]["document_id"] == "document-1"
    trial_events = [e["data"] for e in data["timeline"] if e["kind"] == "work_trial_recorded"]
    assert [d["trial_period_id"] for d in trial_events] == ["trial_period-1", "trial_period-2"]
    assert trial_events[1]["replaces_trial_period_id"] == "trial_period-1"
    # no database key anywhere: every id is a file ref, a username, or a file-local string id
    assert not re.search(r'"[a-z_]*ids?": \[?\s*[0-9]', exported["text"])


def test_export_is_access_logged(exported):
    assert exported["logged"] == 1


def test_schema_is_draft_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["version"] == {"const": 2}


def test_an_exported_file_is_valid_against_the_schema_by_the_standard_validator(exported):
    """The schema is standard JSON Schema and the export satisfies it."""
    import jsonschema

    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(exported["text"])))
    assert errors == []
    broken = json.loads(exported["text"]) | {"version": 3}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken))


def test_the_committed_schema_is_generated_from_the_models():
    """Its enums are the models' choices: a model change the file format does not follow fails here."""
    from evne.casefile import schema

    assert load_schema() == json.loads(schema.text())


def test_every_choice_field_of_an_exported_model_is_an_enum_in_the_schema():
    from evne.casefile import schema as generated
    from evne.casefile.export import fields_of

    defs = load_schema()["$defs"]
    for name, model, _extras in generated.DEFS:
        for field in fields_of(model):
            if getattr(field, "choices", None):
                values = {str(c) for c, _label in field.flatchoices}
                assert values <= set(defs[name]["properties"][field.name]["enum"]), (name, field.name)


def as_version_1(data: dict) -> dict:
    """The file as version 1 wrote it: every field and record version 2 added left out."""

    def strip(value, schema, root):
        if "$ref" in schema:
            return strip(value, root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root)
        if "anyOf" in schema and value is not None:
            return strip(value, schema["anyOf"][0], root)
        if isinstance(value, list) and "items" in schema:
            return [strip(v, schema["items"], root) for v in value]
        if isinstance(value, dict) and "properties" in schema:
            return {k: strip(v, schema["properties"][k], root) for k, v in value.items() if k in schema["properties"]}
        return value

    old = load_schema(1)
    kinds = old["$defs"]["timeline_event"]["properties"]["kind"]["enum"]
    data = {**data, "version": 1, "timeline": [e for e in data["timeline"] if e["kind"] in kinds]}
    data = strip(data, old, old)
    for request in data.get("file_access_requests", []):  # version 1 bundles named documents only
        request["handed_out"] = [
            r
            for r in request["handed_out"]
            if set(r) <= {"document_id", "internal", "unique_facts", "included", "file"}
        ]
    return data


def test_a_version_1_file_written_before_the_agenda_item_and_flex_job_refs_still_imports(exported, tmp_path):
    """Version-1 files from before the refs (and the ends) were added: no `ref` on presentations, flex jobs and
    periods, no `end`, no agenda item id in the team-meeting events. They import, and the events still read."""
    from evne.cases.timeline import describe

    data = as_version_1(json.loads(exported["text"]))
    for key in ("rehab_meetings", "flex_jobs", "ledighedsydelse_periods"):
        for row in data[key]:
            row.pop("ref")
            row.pop("end", None)
    dropped = {"flex_job_ended", "ledighedsydelse_ended"}
    data["timeline"] = [e for e in data["timeline"] if e["kind"] not in dropped]
    for event in data["timeline"]:
        for key in ("agenda_item_id", "flex_job_id", "period_id"):
            event["data"].pop(key, None) if isinstance(event["data"], dict) else None
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    import_file(path)
    case = Case.objects.get(number=exported["number"])
    assert case.flex_jobs.get().employer == "Lagerhuset A/S"
    referred = case.events.get(kind="rehab_referred")
    assert "agenda_item_id" not in referred.data
    assert "Rehabiliteringsteam Nord" in describe(referred)
