"""The case file's JSON Schema, generated from the models (so its enums are the models' choices).

`evne casefile_schema` writes `schema/case-file-2.json`; a test keeps the committed file equal to what this module
generates, so a model change that the file format does not follow fails the suite. Each record's properties are
the model's exported fields (export.fields_of) in declaration order, plus the nested records and extras below.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.db import models

from evne.accounts.models import User
from evne.cases.models import FollowUpParty
from evne.plans.models import ActivityType

from . import export as E

VERSION = 2
PATH = Path(__file__).parent / "schema" / f"case-file-{VERSION}.json"


def _array(name: str) -> dict:
    return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}


def _nullable(name: str) -> dict:
    return {"anyOf": [{"$ref": f"#/$defs/{name}"}, {"type": "null"}], "type": ["object", "null"]}


# (definition name, model, extra properties written beside the model's fields)
DEFS: list[tuple[str, type[models.Model], dict]] = [
    (
        "case",
        E.Case,
        {
            "municipality": {"type": "string"},
            "team": {"type": "string"},
            "assignments": _array("assignment"),
            "notes": _array("note"),
            "prompt_answers": _array("prompt_answer"),
            "follow_ups": _array("follow_up"),
        },
    ),
    ("assignment", E.CaseAssignment, {}),
    ("note", E.JournalNote, {}),
    ("prompt_answer", E.PromptAnswer, {}),
    ("follow_up", E.FollowUp, {}),
    ("citizen", E.Citizen, {"supporters": _array("supporter"), "employments": _array("employment")}),
    ("supporter", E.Supporter, {}),
    ("employment", E.Employment, {}),
    (
        "profile",
        E.ResourceProfile,
        {
            "hypotheses": _array("hypothesis"),
            "involvement": _array("involvement"),
            "versions": _array("element_version"),
            "presentations": _array("presentation"),
        },
    ),
    ("hypothesis", E.Hypothesis, {}),
    ("involvement", E.InvolvementRecord, {}),
    ("element_version", E.ElementVersion, {}),
    (
        "presentation",
        E.ProfilePresentation,
        {
            "responses": _array("element_response"),
            "hypothesis_responses": _array("hypothesis_response"),
        },
    ),
    ("element_response", E.ElementResponse, {"decision": _nullable("disagreement_decision")}),
    ("disagreement_decision", E.DisagreementDecision, {}),
    ("hypothesis_response", E.HypothesisResponse, {}),
    ("plan_revision", E.PlanRevision, {}),
    (
        "activity",
        E.Activity,
        {
            "type_company_based": {
                "type": "boolean",
                "description": "the activity type takes place at a company "
                "(from the activity catalogue; for information, not imported)",
            },
            "orders": _array("activity_order"),
            "reports": _array("provider_report"),
            "trial_periods": _array("trial_period"),
        },
    ),
    ("trial_period", E.TrialPeriod, {}),
    ("activity_order", E.ActivityOrder, {}),
    ("provider_report", E.ProviderReport, {}),
    ("consent", E.Consent, {}),
    ("request", E.InformationRequest, {}),
    (
        "document",
        E.Document,
        {
            "content_base64": {
                "type": ["string", "null"],
                "description": "the file's bytes, base64; null when the document has no file or files were left out "
                "(--no-files)",
            },
            "conclusions": _array("statement_conclusions"),
        },
    ),
    ("statement_conclusions", E.StatementConclusions, {}),
    ("treatment", E.Treatment, {"statuses": _array("treatment_status")}),
    ("treatment_status", E.TreatmentStatus, {}),
    ("application", E.Application, {"withdrawal": _nullable("application_withdrawal")}),
    ("application_withdrawal", E.ApplicationWithdrawal, {}),
    ("assessment", E.WorkAbilityAssessment, {}),
    ("timeline_event", E.TimelineEvent, {}),
    ("complaint", E.Complaint, {}),
    ("decision", E.Decision, {"complaints": _array("complaint")}),
    ("hearing", E.Hearing, {"decision": {"type": "string", "description": "ref of a decision"}}),
    ("file_access_request", E.FileAccessRequest, {}),
    ("reasons_request", E.ReasonsRequest, {}),
    ("delay_notice", E.DelayNotice, {}),
    ("rehab_plan", E.RehabPlanRevision, {}),
    ("departure", E.Departure, {}),
    ("recommendation", E.Recommendation, {"departure": _nullable("departure")}),
    (
        "rehab_meeting",
        E.AgendaItem,
        {
            "team": {"type": "string", "maxLength": 100, "description": "the rehabilitation team's name"},
            "team_roles": {
                "type": "array",
                "items": {
                    "type": "string",
                    "enum": [c for c, _label in E.RehabTeamMember._meta.get_field("role").choices],
                },
                "description": "the roles of the team's active members (for information; not imported)",
            },
            "held_on": {"type": "string", "format": "date"},
            "recommendation": _nullable("recommendation"),
        },
    ),
    ("pension_transfer", E.PensionTransfer, {}),
    ("course_follow_up", E.CourseFollowUp, {}),
    ("resource_course", E.ResourceCourse, {"follow_ups": _array("course_follow_up")}),
    ("job_clarification_course", E.JobClarificationCourse, {}),
    ("fleksjob_visitation", E.FlexJobVisitation, {}),
    ("flex_job", E.FlexJob, {"end": _nullable("flex_job_end")}),
    ("flex_job_end", E.FlexJobEnd, {}),
    ("ledighedsydelse_period", E.UnemploymentPeriod, {"end": _nullable("ledighedsydelse_period_end")}),
    ("ledighedsydelse_period_end", E.UnemploymentPeriodEnd, {}),
]

# The file's top level: key → (schema, description)
TOP: list[tuple[str, dict]] = [
    ("case", {"$ref": "#/$defs/case"}),
    ("citizen", {"$ref": "#/$defs/citizen"}),
    ("profile", _nullable("profile")),
    ("plan", _array("plan_revision")),
    ("activities", _array("activity")),
    ("consents", _array("consent")),
    ("requests", _array("request")),
    ("documents", _array("document")),
    ("treatments", _array("treatment")),
    ("applications", _array("application")),
    ("assessments", _array("assessment")),
    ("rehab_plans", _array("rehab_plan")),
    ("rehab_meetings", _array("rehab_meeting")),
    ("pension_transfers", _array("pension_transfer")),
    ("resource_courses", _array("resource_course")),
    ("job_clarification_courses", _array("job_clarification_course")),
    ("fleksjob_visitations", _array("fleksjob_visitation")),
    ("flex_jobs", _array("flex_job")),
    ("ledighedsydelse_periods", _array("ledighedsydelse_period")),
    ("hearings", _array("hearing")),
    ("decisions", _array("decision")),
    ("file_access_requests", _array("file_access_request")),
    ("reasons_requests", _array("reasons_request")),
    ("delay_notices", _array("delay_notice")),
    ("timeline", {**_array("timeline_event"), "description": "left out of a file made for the legal checks only"}),
]
OPTIONAL_TOP = {"timeline"}


# JSON fields whose items are a closed set: the set is the model's choices.
JSON_ITEMS: dict[tuple[type[models.Model], str], type[models.TextChoices]] = {
    (E.FollowUp, "parties"): FollowUpParty,
}


def field_schema(model: type[models.Model], field: models.Field) -> dict:
    null = field.null
    out: dict
    if (model, field.name) in JSON_ITEMS:
        out = {"type": "array", "items": {"type": "string", "enum": list(JSON_ITEMS[model, field.name].values)}}
    elif isinstance(field, models.ForeignKey):
        target = field.related_model
        if target is User:
            out = {"type": "string", "description": "username"}
        elif target is ActivityType:
            out = {"type": "string", "description": "activity type code"}
        else:
            out = {"type": "string", "description": f"ref of a {E.REF_KIND[target]}"}
    elif isinstance(field, models.JSONField):
        out = {"type": ["array", "object"]}
        null = False
    elif isinstance(field, models.BooleanField):
        out = {"type": "boolean"}
    elif isinstance(field, models.DateTimeField):
        out = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        out = {"type": "string", "format": "date"}
    elif isinstance(field, models.DecimalField):
        out = {"type": "string", "description": "decimal"}
    elif isinstance(
        field, models.PositiveIntegerField | models.PositiveBigIntegerField | models.PositiveSmallIntegerField
    ):
        out = {"type": "integer", "minimum": 0}
    elif isinstance(field, models.IntegerField):
        out = {"type": "integer"}
    elif isinstance(field, models.CharField):
        out = {"type": "string", "maxLength": field.max_length}
        if field.choices:
            values = [c for c, _label in field.flatchoices]
            out["enum"] = values + ([""] if field.blank and "" not in values else [])
    else:
        out = {"type": "string"}
    if null:
        out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else [*out["type"], "null"]
    return out


def definition(model: type[models.Model], extras: dict) -> dict:
    props: dict = {}
    if model in E.REF_KIND:
        props["ref"] = {"type": "string", "pattern": f"^{E.REF_KIND[model]}-[0-9]+$"}
    for field in E.fields_of(model):
        props[field.name] = field_schema(model, field)
    props.update(extras)
    return {"type": "object", "required": list(props), "properties": props, "additionalProperties": False}


def generate() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://evne.example/schema/case-file-{VERSION}.json",
        "title": f"Evne case file, version {VERSION}",
        "description": "One whole case. Ids are file-local refs; users are usernames; see docs/case-file.md. "
        "Generated from the models by `evne casefile_schema`.",
        "type": "object",
        "required": ["format", "version", "exported_at", *[k for k, _s in TOP if k not in OPTIONAL_TOP]],
        "additionalProperties": False,
        "properties": {
            "format": {"const": E.FORMAT},
            "version": {"const": VERSION},
            "exported_at": {"type": "string", "format": "date-time"},
            **dict(TOP),
        },
        "$defs": {name: definition(model, extras) for name, model, extras in DEFS},
    }


def text() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=1) + "\n"
