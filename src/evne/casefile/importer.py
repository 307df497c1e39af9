"""Import a version-1 case file into a target municipality and team, in one transaction.

Every problem is a `CaseFileError` whose message starts with the path of the field (`activities[0].type: …`);
the management command turns it into a CommandError. Nothing is written unless the whole file is imported.
"""

import base64
import binascii
import datetime as dt
import functools
import hashlib
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

import jsonschema
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, models, transaction
from django.utils.dateparse import parse_datetime

from evne.accounts.models import Municipality, Team, User
from evne.assessments.models import WorkAbilityAssessment
from evne.cases.models import Case, CaseAssignment, FollowUp, JournalNote, PromptAnswer, TimelineEvent
from evne.citizens.models import Citizen, Employment, Supporter
from evne.decisions.models import (
    SUBJECT_OF_OUTCOME,
    Application,
    ApplicationWithdrawal,
    Complaint,
    Decision,
    DelayNotice,
    FileAccessRequest,
    Hearing,
    ReasonsRequest,
)
from evne.evidence import files
from evne.evidence.models import Consent, Document, InformationRequest, StatementConclusions, Treatment, TreatmentStatus
from evne.plans.models import Activity, ActivityOrder, ActivityType, PlanRevision, ProviderReport, TrialPeriod
from evne.profiles.models import (
    DisagreementDecision,
    ElementResponse,
    ElementVersion,
    Hypothesis,
    HypothesisResponse,
    InvolvementRecord,
    ProfilePresentation,
    ResourceProfile,
)
from evne.reform.models import (
    AgendaItem,
    CourseFollowUp,
    Departure,
    FlexJob,
    FlexJobEnd,
    FlexJobVisitation,
    JobClarificationCourse,
    Measure,
    PensionTransfer,
    Recommendation,
    RehabMeeting,
    RehabPlanRevision,
    RehabTeam,
    ResourceCourse,
    UnemploymentPeriod,
    UnemploymentPeriodEnd,
)

from .export import FORMAT, JSON_ID_KEYS, OPTIONAL_REF_KINDS, REF_KIND, SOURCE_KINDS, VERSION, fields_of

SCHEMA_DIR = Path(__file__).parent / "schema"
READS = (1, VERSION)  # the versions this Evne reads; a version-1 file is upgraded on reading


class CaseFileError(ValueError):
    """A problem with a case file; the message names the field."""


# --- reading and validating -------------------------------------------------------------------------------------


@functools.cache
def load_schema(version: int = VERSION) -> dict:
    return json.loads((SCHEMA_DIR / f"case-file-{version}.json").read_text(encoding="utf-8"))


@functools.cache
def _validator(version: int) -> jsonschema.protocols.Validator:
    schema = load_schema(version)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def parse(text: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"(file): malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    return read(data)


def read(data) -> dict:
    """A parsed case file, validated against the schema of its version and upgraded to the current version."""
    if not isinstance(data, dict):
        raise CaseFileError("(file): a case file is a JSON object")
    if data.get("format") != FORMAT:
        raise CaseFileError(f"format: expected {FORMAT!r}, got {data.get('format')!r}")
    version = data.get("version")
    if version not in READS:
        raise CaseFileError(
            f"version: this Evne reads versions {', '.join(map(str, READS))}, the file is version {version!r}"
        )
    validate(data, version)
    if version == 1:
        data = upgrade_from_1(data)
        validate(data, VERSION)
    return data


def validate(data: dict, version: int = VERSION) -> None:
    """Check the file against the JSON Schema of its version (the `jsonschema` library, draft 2020-12). The first
    error becomes one line that starts with the field's path: `activities[0].orders[0].purpose: …`."""
    error = jsonschema.exceptions.best_match(_validator(version).iter_errors(data), key=_deepest)
    if error is not None:
        raise CaseFileError(_message(error))


def _deepest(error):
    return (-len(error.absolute_path), *jsonschema.exceptions.relevance(error))


def _path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(error) -> str:
    while error.context:  # anyOf: the option that got furthest
        error = max(error.context, key=lambda e: len(e.absolute_path))
    where = _path(error.absolute_path)
    prefix = f"{where}." if where else ""
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return f"{prefix}{missing[0]}: required field is missing"
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        return f"{prefix}{extra[0]}: unknown field"
    name = where or "(file)"
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{name}: expected {' or '.join(kinds)}, got {type(error.instance).__name__}"
    if error.validator == "enum":
        return f"{name}: must be one of {error.validator_value!r}"
    if error.validator == "const":
        return f"{name}: must be {error.validator_value!r}"
    if error.validator == "format" and error.validator_value == "date":
        return f"{name}: expected an ISO date (YYYY-MM-DD), got {error.instance!r}"
    if error.validator == "format" and error.validator_value == "date-time":
        return f"{name}: expected an ISO date-time with time zone, got {error.instance!r}"
    return f"{name}: {error.message}"


def upgrade_from_1(data: dict) -> dict:
    """A version-1 file as version 2: every field version 2 added is filled in with the value it has for a record
    made before it existed (the model field's default, an empty list, null; refs numbered in file order). A
    decision gets its subject as the data migration gave existing decisions theirs."""
    from . import schema as generated

    schema = load_schema(VERSION)
    models_by_def = {name: model for name, model, _extras in generated.DEFS}
    out = _fill(data, schema, schema, counters={}, models=models_by_def, model=None)
    pathway = out["case"].get("pathway", "")
    for decision in out["decisions"]:
        if not decision.get("subject"):
            subject = SUBJECT_OF_OUTCOME.get(decision.get("outcome"))
            decision["subject"] = subject or (pathway if pathway in Measure.values else Measure.OTHER)
    out["version"] = VERSION
    return out


def _fill(value, schema: dict, root: dict, counters: dict, models: dict, model):
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if value is None:
            return None
        return _fill(value, root["$defs"][name], root, counters, models, models.get(name))
    if "anyOf" in schema:
        return None if value is None else _fill(value, schema["anyOf"][0], root, counters, models, model)
    if isinstance(value, list) and "items" in schema:
        return [_fill(v, schema["items"], root, counters, models, model) for v in value]
    if not isinstance(value, dict) or "properties" not in schema:
        return value
    out = {}
    for key, sub in schema["properties"].items():
        if key in value:
            out[key] = _fill(value[key], sub, root, counters, models, None)
        elif key == "ref" and "pattern" in sub:
            kind = sub["pattern"][1:].split("-[")[0]
            counters[kind] = counters.get(kind, 0) + 1
            out[key] = f"{kind}-{counters[kind]}"
        elif key in schema.get("required", ()):
            out[key] = _default(model, key, sub)
    return out


def _default(model, key: str, sub: dict):
    """The value of a field a version-1 file does not have: the model field's default where it has one."""
    if model is not None:
        try:
            field = model._meta.get_field(key)
        except Exception:
            field = None
        if field is not None and getattr(field, "concrete", False) and field.has_default():
            default = field.get_default()
            if isinstance(default, str | bool | int | list | dict) and not isinstance(default, Decimal):
                return default
    return _empty(sub)


def _empty(sub: dict):
    kinds = sub.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "null" in kinds or "anyOf" in sub:
        return None
    if "array" in kinds:
        return []
    if "boolean" in kinds:
        return False
    if "string" in kinds:
        return ""
    return None


# --- importing --------------------------------------------------------------------------------------------------


class Importer:
    def __init__(self, data: dict, municipality: Municipality, team: Team):
        self.data = data
        self.municipality = municipality
        self.team = team
        self.ids: dict[str, dict[str, int]] = {}
        self.users: dict[str, User] = {}
        self.stored: list[str] = []

    def discard(self) -> None:
        """Remove files stored by an import that was rolled back."""
        for name in self.stored:
            default_storage.delete(name)

    def user(self, username, path: str) -> User:
        if not isinstance(username, str):
            raise CaseFileError(f"{path}: a user is named by username (a string)")
        if username not in self.users:
            user = User.objects.filter(username=username, municipality=self.municipality).first()
            if user is None:
                raise CaseFileError(
                    f"{path}: unknown user {username!r}: no user of that name in municipality {self.municipality.code}"
                )
            self.users[username] = user
        return self.users[username]

    def lookup(self, kind: str, ref, path: str) -> int:
        pk = self.ids.get(kind, {}).get(ref) if isinstance(ref, str) else None
        if pk is None:
            raise CaseFileError(
                f"{path}: unknown reference {ref!r} (expected a {kind} ref defined earlier in the file)"
            )
        return pk

    def unmap(self, value, kind, path: str):
        """The reverse of Exporter.remap: file refs in JSON data back to the new database ids."""
        if isinstance(value, dict):
            return {
                k: self.source(v, f"{path}.{k}") if k == "source" else self.unmap(v, JSON_ID_KEYS.get(k), f"{path}.{k}")
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [self.unmap(v, kind, f"{path}[{i}]") for i, v in enumerate(value)]
        if kind and isinstance(value, str):
            if kind == "user":
                return self.user(value, path).pk
            if value.startswith(f"{kind}-"):
                return self.lookup(kind, value, path)
        return value

    def source(self, value, path: str):
        """A decision fact's "<kind>:<ref>" back to "<kind>:<new id>" (see export.SOURCE_KINDS)."""
        kind, sep, ref = value.partition(":") if isinstance(value, str) else ("", "", "")
        if sep and kind in SOURCE_KINDS and ref.startswith(f"{kind}-"):
            return f"{kind}:{self.lookup(kind, ref, path)}"
        return value

    def convert(self, field: models.Field, value, path: str):
        if value is None:
            if not field.null:
                raise CaseFileError(f"{path}: may not be null")
            return None
        if isinstance(field, models.ForeignKey):
            target = field.related_model
            if target is User:
                return self.user(value, path).pk
            if target is ActivityType:
                found = ActivityType.objects.filter(code=value).values_list("pk", flat=True).first()
                if found is None:
                    raise CaseFileError(f"{path}: unknown activity type code {value!r}")
                return found
            return self.lookup(REF_KIND[target], value, path)
        if isinstance(field, models.JSONField):
            return self.unmap(value, JSON_ID_KEYS.get(field.name), path)
        if isinstance(field, models.DateTimeField):
            parsed = parse_datetime(value) if isinstance(value, str) else None
            if parsed is None or parsed.tzinfo is None:
                raise CaseFileError(f"{path}: expected an ISO date-time with time zone, got {value!r}")
            return parsed
        if isinstance(field, models.DateField):
            try:
                return dt.date.fromisoformat(value)
            except (TypeError, ValueError):
                raise CaseFileError(f"{path}: expected an ISO date (YYYY-MM-DD), got {value!r}") from None
        if isinstance(field, models.DecimalField):
            try:
                return Decimal(str(value))
            except InvalidOperation:
                raise CaseFileError(f"{path}: expected a decimal number, got {value!r}") from None
        if isinstance(field, models.BooleanField):
            if not isinstance(value, bool):
                raise CaseFileError(f"{path}: expected true or false, got {value!r}")
            return value
        if isinstance(field, models.IntegerField):
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise CaseFileError(f"{path}: expected a whole number, got {value!r}")
            return value
        if isinstance(field, models.CharField | models.TextField):
            if not isinstance(value, str):
                raise CaseFileError(f"{path}: expected a string, got {value!r}")
            if field.max_length and len(value) > field.max_length:
                raise CaseFileError(f"{path}: longer than {field.max_length} characters")
            if (
                field.choices
                and value not in {str(c[0]) for c in field.flatchoices}
                and not (field.blank and not value)
            ):
                raise CaseFileError(f"{path}: {value!r} is not one of {[c[0] for c in field.flatchoices]}")
            return value
        return value

    def build(self, model, data, path: str, **given):
        if not isinstance(data, dict):
            raise CaseFileError(f"{path}: expected an object")
        kwargs = dict(given)
        for field in fields_of(model):
            if field.name not in data:
                raise CaseFileError(f"{path}.{field.name}: required field is missing")
            kwargs[field.attname] = self.convert(field, data[field.name], f"{path}.{field.name}")
        return model(**kwargs)

    def remember(self, obj, data: dict, path: str) -> None:
        kind = REF_KIND.get(type(obj))
        if kind is None:
            return
        ref = data.get("ref")
        if ref is None and kind in OPTIONAL_REF_KINDS:
            return  # a file written before these records carried refs
        table = self.ids.setdefault(kind, {})
        if not isinstance(ref, str) or not ref.startswith(f"{kind}-"):
            raise CaseFileError(f"{path}.ref: expected a {kind} ref such as '{kind}-1', got {ref!r}")
        if ref in table:
            raise CaseFileError(f"{path}.ref: {ref!r} is used twice")
        table[ref] = obj.pk

    def create(self, model, data, path: str, **given):
        obj = self.build(model, data, path, **given)
        obj.save(force_insert=True)
        self.remember(obj, data, path)
        return obj

    def create_keeping(self, model, data, path: str, stamp: str, **given):
        """For a model with auto_now_add (not append-only): insert, then set the stamp to the file's value."""
        obj = self.create(model, data, path, **given)
        value = getattr(self.build(model, data, path, **given), stamp)
        model.objects.filter(pk=obj.pk).update(**{stamp: value})
        setattr(obj, stamp, value)
        return obj

    def document(self, data: dict, path: str, case: Case) -> Document:
        doc = self.build(Document, data, path, case=case)
        content = data.get("content_base64")
        if content is not None:
            try:
                raw = base64.b64decode(content, validate=True)
            except (binascii.Error, ValueError, TypeError):
                raise CaseFileError(f"{path}.content_base64: not valid base64") from None
            digest = hashlib.sha256(raw).hexdigest()
            if doc.sha256 and digest != doc.sha256:
                raise CaseFileError(f"{path}.content_base64: the content does not match {path}.sha256")
            doc.storage_token = files.new_storage_token()
            doc.file.save(doc.storage_token, ContentFile(raw), save=False)
            self.stored.append(doc.file.name)
        doc.save(force_insert=True)
        self.remember(doc, data, path)
        return doc

    def run(self) -> Case:
        data = self.data
        number = data["case"].get("number")
        if Case.objects.filter(number=number).exists():
            raise CaseFileError(f"case.number: case number {number!r} already exists")
        cpr = data["citizen"].get("cpr")
        if Citizen.objects.filter(municipality=self.municipality, cpr=cpr).exists():
            raise CaseFileError(
                f"citizen.cpr: a citizen with this CPR already exists in municipality {self.municipality.code}"
            )
        citizen = self.create_keeping(Citizen, data["citizen"], "citizen", "created_at", municipality=self.municipality)
        for i, row in enumerate(data["citizen"]["supporters"]):
            self.create(Supporter, row, f"citizen.supporters[{i}]", citizen=citizen)
        case = self.create_keeping(
            Case, data["case"], "case", "opened_at", municipality=self.municipality, team=self.team, citizen=citizen
        )
        for i, row in enumerate(data["citizen"].get("employments", [])):
            self.create(Employment, row, f"citizen.employments[{i}]", citizen=citizen, case=case)
        for i, row in enumerate(data["case"]["assignments"]):
            self.create(CaseAssignment, row, f"case.assignments[{i}]", case=case)
        for i, row in enumerate(data["case"]["notes"]):
            self.create(JournalNote, row, f"case.notes[{i}]", case=case)
        for i, row in enumerate(data["case"]["prompt_answers"]):
            self.create(PromptAnswer, row, f"case.prompt_answers[{i}]", case=case)
        for i, row in enumerate(data["case"]["follow_ups"]):
            self.create(FollowUp, row, f"case.follow_ups[{i}]", case=case)
        for i, row in enumerate(data["consents"]):
            self.create(Consent, row, f"consents[{i}]", case=case)
        for i, row in enumerate(data["requests"]):
            self.create(InformationRequest, row, f"requests[{i}]", case=case)
        documents = [self.document(row, f"documents[{i}]", case) for i, row in enumerate(data["documents"])]
        for i, (row, doc) in enumerate(zip(data["documents"], documents, strict=True)):  # after every document
            for j, sub in enumerate(row.get("conclusions", [])):
                self.create(StatementConclusions, sub, f"documents[{i}].conclusions[{j}]", document=doc)
        for i, row in enumerate(data.get("treatments", [])):
            treatment = self.create(Treatment, row, f"treatments[{i}]", case=case)
            for j, sub in enumerate(row["statuses"]):
                self.create(TreatmentStatus, sub, f"treatments[{i}].statuses[{j}]", treatment=treatment)
        for i, row in enumerate(data["activities"]):
            activity = self.create(Activity, row, f"activities[{i}]", case=case)
            for j, sub in enumerate(row["orders"]):
                self.create(ActivityOrder, sub, f"activities[{i}].orders[{j}]", activity=activity)
            for j, sub in enumerate(row["reports"]):
                self.create(ProviderReport, sub, f"activities[{i}].reports[{j}]", activity=activity)
            for j, sub in enumerate(row.get("trial_periods", [])):
                self.create(TrialPeriod, sub, f"activities[{i}].trial_periods[{j}]", activity=activity)
        if data["profile"] is not None:
            self.profile(data["profile"], case)
        for i, row in enumerate(data["plan"]):
            self.create(PlanRevision, row, f"plan[{i}]", case=case)
        for i, row in enumerate(data["assessments"]):
            self.create(WorkAbilityAssessment, row, f"assessments[{i}]", case=case)
        for i, row in enumerate(data.get("applications", [])):
            application = self.create(Application, row, f"applications[{i}]", case=case)
            if row.get("withdrawal") is not None:
                self.create(ApplicationWithdrawal, row["withdrawal"], f"applications[{i}].withdrawal",
                            application=application)  # fmt: skip
        for i, row in enumerate(data["decisions"]):
            decision = self.create(Decision, row, f"decisions[{i}]", case=case)
            for j, sub in enumerate(row.get("complaints", [])):
                self.create(Complaint, sub, f"decisions[{i}].complaints[{j}]", decision=decision)
        for i, row in enumerate(data["hearings"]):
            path = f"hearings[{i}]"
            self.create(
                Hearing, row, path, decision_id=self.lookup("decision", row.get("decision"), f"{path}.decision")
            )
        # Absent in files written before issue 6: optional.
        for i, row in enumerate(data.get("reasons_requests", [])):
            self.create(ReasonsRequest, row, f"reasons_requests[{i}]", case=case)
        for i, row in enumerate(data.get("delay_notices", [])):
            self.create(DelayNotice, row, f"delay_notices[{i}]", case=case)
        self.reform(data, case)
        # After every record a file-access bundle can name (its rows point at the records handed out or exempted).
        for i, row in enumerate(data.get("file_access_requests", [])):
            self.create(FileAccessRequest, row, f"file_access_requests[{i}]", case=case)
        for i, row in enumerate(data.get("timeline", [])):
            self.create(TimelineEvent, row, f"timeline[{i}]", case=case)
        return case

    def reform(self, data: dict, case: Case) -> None:
        """The reform pathways. A presentation's team is found by name in the target municipality (created if it is
        not there: its members are set up by the administrator) and its meeting by date."""
        for i, row in enumerate(data["rehab_plans"]):
            self.create(RehabPlanRevision, row, f"rehab_plans[{i}]", case=case)
        for i, row in enumerate(data["rehab_meetings"]):
            path = f"rehab_meetings[{i}]"
            item = self.build(AgendaItem, row, path, case=case)
            try:
                held_on = dt.date.fromisoformat(row["held_on"])
            except (KeyError, TypeError, ValueError):
                raise CaseFileError(f"{path}.held_on: expected an ISO date (YYYY-MM-DD)") from None
            team, _ = RehabTeam.objects.get_or_create(municipality=self.municipality, name=row["team"])
            meeting = RehabMeeting.objects.filter(team=team, held_on=held_on).order_by("id").first()
            if meeting is None:
                meeting = RehabMeeting.objects.create(team=team, held_on=held_on, created_by_id=item.added_by_id,
                                                      created_at=item.added_at)  # fmt: skip
            item.meeting = meeting
            item.save(force_insert=True)
            self.remember(item, row, path)
            rec_data = row.get("recommendation")
            if rec_data is not None:
                rec = self.create(Recommendation, rec_data, f"{path}.recommendation", item=item, case=case)
                if rec_data.get("departure") is not None:
                    self.create(Departure, rec_data["departure"], f"{path}.recommendation.departure",
                                recommendation=rec)  # fmt: skip
        for key, model in (("pension_transfers", PensionTransfer), ("resource_courses", ResourceCourse),
                           ("job_clarification_courses", JobClarificationCourse),
                           ("fleksjob_visitations", FlexJobVisitation), ("flex_jobs", FlexJob),
                           ("ledighedsydelse_periods", UnemploymentPeriod)):  # fmt: skip
            for i, row in enumerate(data[key]):
                obj = self.create(model, row, f"{key}[{i}]", case=case)
                for j, sub in enumerate(row.get("follow_ups", []) if model is ResourceCourse else []):
                    self.create(CourseFollowUp, sub, f"{key}[{i}].follow_ups[{j}]", course=obj)
                # The end of a flex job or a ledighedsydelse period (absent in older files: optional).
                if model is FlexJob and row.get("end") is not None:
                    self.create(FlexJobEnd, row["end"], f"{key}[{i}].end", job=obj)
                if model is UnemploymentPeriod and row.get("end") is not None:
                    self.create(UnemploymentPeriodEnd, row["end"], f"{key}[{i}].end", period=obj)

    def profile(self, data: dict, case: Case) -> None:
        profile = self.create_keeping(ResourceProfile, data, "profile", "created_at", case=case)
        for i, row in enumerate(data["hypotheses"]):
            self.create(Hypothesis, row, f"profile.hypotheses[{i}]", profile=profile)
        for i, row in enumerate(data["involvement"]):
            self.create(InvolvementRecord, row, f"profile.involvement[{i}]", profile=profile)
        for i, row in enumerate(data["versions"]):
            self.create(ElementVersion, row, f"profile.versions[{i}]", profile=profile)
        for i, row in enumerate(data["presentations"]):
            path = f"profile.presentations[{i}]"
            presentation = self.create(ProfilePresentation, row, path, profile=profile)
            for j, sub in enumerate(row["responses"]):
                response = self.create(ElementResponse, sub, f"{path}.responses[{j}]", presentation=presentation)
                if sub.get("decision") is not None:
                    self.create(DisagreementDecision, sub["decision"], f"{path}.responses[{j}].decision",
                                response=response)  # fmt: skip
            for j, sub in enumerate(row["hypothesis_responses"]):
                self.create(HypothesisResponse, sub, f"{path}.hypothesis_responses[{j}]", presentation=presentation)


def import_case(data: dict, *, municipality_code: str, team_name: str) -> Case:
    """Import a parsed, validated case file. Raises CaseFileError; writes nothing unless all of it succeeds."""
    municipality = Municipality.objects.filter(code=municipality_code).first()
    if municipality is None:
        raise CaseFileError(f"--municipality: no municipality with code {municipality_code!r}")
    team = Team.objects.filter(municipality=municipality, name=team_name).first()
    if team is None:
        raise CaseFileError(f"--team: no team {team_name!r} in municipality {municipality_code}")
    importer = Importer(data, municipality, team)
    try:
        with transaction.atomic():
            return importer.run()
    except DatabaseError as exc:
        importer.discard()
        raise CaseFileError(f"(database): the file was refused and nothing was imported: {exc}") from None
    except BaseException:
        importer.discard()
        raise
