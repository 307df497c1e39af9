"""A bad file is refused with a CommandError naming the field, and nothing is imported."""

import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError

from evne.accounts.models import Role
from evne.cases.models import Case, JournalNote, TimelineEvent
from evne.citizens.models import Citizen
from evne.evidence.models import Document
from evne.profiles.models import ElementVersion

from .conftest import export_text, import_file


def stored_files() -> set[str]:
    try:
        directories, _ = default_storage.listdir("documents")
    except FileNotFoundError:
        return set()
    return {f"{d}/{name}" for d in directories for name in default_storage.listdir(f"documents/{d}")[1]}


def write(tmp_path, data, name="bad.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def refused(tmp_path, data, *fragments, **where):
    with pytest.raises(CommandError) as info:
        import_file(write(tmp_path, data), **where)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    assert "Traceback" not in message
    assert not Case.objects.exists()
    assert not Citizen.objects.exists()
    assert not JournalNote.objects.exists() and not TimelineEvent.objects.exists()
    assert not ElementVersion.objects.exists() and not Document.objects.exists()
    return message


@pytest.fixture
def data(exported):
    return json.loads(exported["text"])


def test_malformed_json(tmp_path, exported):
    refused(tmp_path, exported["text"][:-20], "malformed JSON", "line")


def test_not_an_object(tmp_path, exported):
    refused(tmp_path, "[1, 2]", "JSON object")


def test_wrong_format(tmp_path, data):
    data["format"] = "something-else"
    refused(tmp_path, data, "format")


def test_wrong_version(tmp_path, data):
    data["version"] = 3
    refused(tmp_path, data, "version", "3")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("case", "number"), "case.number: required field is missing"),
        (("citizen", "cpr"), "citizen.cpr: required field is missing"),
        (("decisions",), "decisions: required field is missing"),
        (("hearings",), "hearings: required field is missing"),
    ],
)
def test_missing_field(tmp_path, data, path, expected):
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    refused(tmp_path, data, expected)


def test_missing_field_deep(tmp_path, data):
    del data["activities"][0]["orders"][0]["purpose"]
    refused(tmp_path, data, "activities[0].orders[0].purpose")


def test_wrong_type(tmp_path, data):
    data["profile"]["versions"][1]["relevant"] = "yes"
    refused(tmp_path, data, "profile.versions[1].relevant", "boolean")


def test_unknown_field(tmp_path, data):
    data["case"]["secret"] = 1
    refused(tmp_path, data, "case.secret: unknown field")


def test_bad_choice(tmp_path, data):
    data["case"]["pathway"] = "moon"
    refused(tmp_path, data, "case.pathway")


def test_bad_date(tmp_path, data):
    data["case"]["help_requested_on"] = "2. marts 2026"
    refused(tmp_path, data, "case.help_requested_on", "ISO date")


def test_non_empty_later_arrays(tmp_path, data):
    data["hearings"] = [{}]
    refused(tmp_path, data, "hearings")


def test_unknown_user(tmp_path, data):
    data["timeline"][-1]["actor"] = "mallory"
    before = stored_files()
    refused(tmp_path, data, "timeline[", "actor", "mallory", "999")
    assert stored_files() == before  # the document file stored before the failure was removed again


def test_user_of_another_municipality(tmp_path, data, make_user, team_x):
    make_user("dora", Role.CASEWORKER, team_x)
    data["case"]["caseworker"] = "dora"
    refused(tmp_path, data, "case.caseworker", "dora")


def test_unknown_reference(tmp_path, data):
    data["requests"][0]["consent"] = "consent-9"
    refused(tmp_path, data, "requests[0].consent", "consent-9")


def test_unknown_activity_type(tmp_path, data):
    data["activities"][0]["type"] = "no-such-type"
    refused(tmp_path, data, "activities[0].type", "no-such-type")


def test_file_content_does_not_match(tmp_path, data):
    data["documents"][0]["content_base64"] = "aGVsbG8="
    refused(tmp_path, data, "documents[0].content_base64", "sha256")


def test_bad_base64(tmp_path, data):
    data["documents"][0]["content_base64"] = "not base64!"
    refused(tmp_path, data, "documents[0].content_base64", "base64")


def test_unknown_municipality_and_team(tmp_path, exported):
    path = tmp_path / "first.json"
    refused(tmp_path, path.read_text(encoding="utf-8"), "--municipality", municipality="123")
    refused(tmp_path, path.read_text(encoding="utf-8"), "--team", team="Team Nowhere")


def test_duplicate_case_number(tmp_path, exported):
    import_file(tmp_path / "first.json")
    assert Case.objects.count() == 1
    with pytest.raises(CommandError, match=r"case\.number: .*already exists"):
        import_file(tmp_path / "first.json")
    assert Case.objects.count() == 1


def test_unreadable_file(tmp_path, exported):
    with pytest.raises(CommandError, match="file: cannot read"):
        import_file(tmp_path / "missing.json")


def test_export_needs_access(tmp_path, exported, make_user, team_x):
    import_file(tmp_path / "first.json")
    make_user("dora", Role.CASEWORKER, team_x)
    with pytest.raises(CommandError, match="no case"):
        export_text(tmp_path, exported["number"], "dora")
    with pytest.raises(CommandError, match="--user"):
        export_text(tmp_path, exported["number"], "nobody")


def test_export_without_files_round_trips(tmp_path, exported):
    import_file(tmp_path / "first.json")
    text = export_text(tmp_path, exported["number"], "alice", "nofiles.json", "--no-files")
    document = json.loads(text)["documents"][0]
    assert document["content_base64"] is None and document["sha256"]


def test_export_with_a_missing_file_is_a_clear_error(tmp_path, exported):
    import_file(tmp_path / "first.json")
    default_storage.delete(Document.objects.exclude(kind="outgoing_letter").exclude(file="").get().file.name)
    with pytest.raises(CommandError, match=r"documents: .*--no-files"):
        export_text(tmp_path, exported["number"], "alice", "broken.json")
    assert json.loads(export_text(tmp_path, exported["number"], "alice", "ok.json", "--no-files"))["documents"]


def test_citizen_already_in_the_target_municipality(tmp_path, exported):
    from evne.accounts.models import Municipality

    Citizen.objects.create(municipality=Municipality.objects.get(code="999"), cpr="0101801234",
                           birth_date="1980-01-01", first_name="Mette", last_name="Testrup")  # fmt: skip
    with pytest.raises(CommandError, match=r"citizen\.cpr: .*already exists"):
        import_file(tmp_path / "first.json")
    assert not Case.objects.exists() and Citizen.objects.count() == 1
