"""A national-scale synthetic population, loaded with set-based bulk inserts in resumable batches.

How: the services build a few hundred *template* cases (`generate_population` plus the demo's rehabilitation team
presentations, flex jobs and jobafklaringsforløb) inside a transaction that is rolled back afterwards. Every row those
services wrote for a template case — citizen, case, assignments, notes, timeline events, profile element versions,
plans, activities, documents, assessments, decisions, team presentations … — is captured and compiled once. Each
synthetic case is then a *clone* of one template: new primary keys, the foreign keys (and the ids inside JSON, such as
a timeline event's `document_id`) pointing at the clone's own rows, a new citizen (name, address, synthetic CPR), the
municipality, team and caseworkers it is spread to, and every date shifted back by the same number of days, so the
history stays consistent. The rows go in with COPY on PostgreSQL (psycopg 3 `cursor.copy`) and executemany on
SQLite, table by table in foreign-key order, with every constraint and append-only trigger enabled.

So the loader produces exactly the kinds of records the services produce, checked by the same database constraints,
at the cost of Python building tuples. What it does not redo per clone: the services' own validation (the templates
passed it), and the PDF of an issued letter (the clone's document row keeps the letter's metadata without a file).

Batches: clone i lives in batch i // batch_size; each batch is one transaction that also records itself in
`PopulationBatch`. Everything in batch k is drawn from `random.Random(f"{seed}:{k}")`, so a rerun with the same
parameters skips the finished batches and writes the rest exactly as an uninterrupted run would.

Distributions (the seed notes give few numbers; where they do, they are used):
- pathway and status mix, durations since help was requested, benefits, caseworker changes (one in five cases), the
  resource profile in the reform pathways: those of `generate_population` (see generate.py), each template drawn
  with equal weight. Seed 004 says caseworker changes are common and harmful (L523, L580–582; notes R5) but gives no
  rate; seed 002 gives waits (81 days from preparatory part to team, 92 to the first measure: L699–708) that the
  templates' rehabilitation plans follow roughly (accepted 35 days before a meeting 14–28 days ago).
- caseload: seed 004 names "høj sagsstamme" (L520–521) with Viborg's ~30 citizens per worker as a low reference
  (L2684); we size teams for about 100 open cases per caseworker and give each caseworker a weight of 0.6–1.4, so
  loads spread over roughly 50–150 (the issue's figure).
- municipalities: clones are dealt round-robin over M municipalities with codes 900, 901, … (real kommunekoder run
  from 101 to 860), each with three teams as in the demo (ressourceforløb/revalidering/kontanthjælp, sygedagpenge/
  jobafklaring, fleksjob/førtidspension).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.test.utils import override_settings
from django.utils import timezone

from evne.accounts.models import Municipality, Role, Team, User
from evne.cases.models import Case, CaseStatus, Pathway
from evne.citizens.models import Citizen

from . import names
from .cpr import synthetic_cpr
from .generate import (
    DEMO_PASSWORD,
    EVNEKOBING_TEAMS,
    PATHWAY_TEAM,
    _add_flex_jobs,
    _add_rehab_team,
    generate_population,
)

FIRST_CODE = 900  # real kommunekoder run from 101 to 860
MAX_MUNICIPALITIES = 97  # codes 900–996; 997–999 are the benchmark's and the demo's
MAX_CASES_PER_MUNICIPALITY = 99_999  # case numbers carry five digits per municipality and year
OPEN_CASES_PER_CASEWORKER = 100
MAX_SHIFT_DAYS = 45
TEMPLATE_CODE = "000"

# JSON keys holding a primary key, and the model it points at (timeline event data, assessments, decisions …).
JSON_ID_KEYS = {
    "activity_id": "plans.activity", "agenda_item_id": "reform.agendaitem", "item_id": "reform.agendaitem",
    "answer_id": "cases.promptanswer", "application_id": "decisions.application",
    "assessment_id": "assessments.workabilityassessment", "complaint_id": "decisions.complaint",
    "conclusions_id": "evidence.statementconclusions", "consent_id": "evidence.consent",
    "decision_id": "decisions.decision", "document_id": "evidence.document", "document_ids": "evidence.document",
    "flex_job_id": "reform.flexjob", "follow_up_id": "cases.followup", "hearing_id": "decisions.hearing",
    "period_id": "reform.unemploymentperiod", "presentation_id": "profiles.profilepresentation",
    "recommendation_id": "reform.recommendation", "report_id": "plans.providerreport",
    "request_id": "evidence.informationrequest", "response_id": "profiles.elementresponse",
    "treatment_id": "evidence.treatment", "trial_period_id": "plans.trialperiod",
    "replaces_trial_period_id": "plans.trialperiod", "visitation_id": "reform.flexjobvisitation",
    "hypothesis_id": "profiles.hypothesis", "employment_id": "citizens.employment",
    "file_access_id": "decisions.fileaccessrequest", "delay_notice_id": "decisions.delaynotice",
    "reasons_request_id": "decisions.reasonsrequest", "rehab_plan_id": "reform.rehabplanrevision",
    "extends_id": "reform.resourcecourse", "course_id": "reform.resourcecourse",
    "profile_version_ids": "profiles.elementversion", "hypothesis_ids": "profiles.hypothesis",
    "version_id": "profiles.elementversion",
    "caseworker_id": "accounts.user", "old_caseworker_id": "accounts.user",
    "citizen_id": "citizens.citizen", "case_id": "cases.case",
}  # fmt: skip
# JSON whose values are primary keys keyed by something else: none at present (a plan's `profile_versions` maps
# element → version *number*, not a key).
JSON_ID_MAPS: dict[tuple[str, str], str] = {}
# The jobafklaringsforløb's events call their course `course_id` too.
CLARIFICATION_EVENTS = {"clarification_started", "clarification_ended"}
# Frozen rule explanations keep the facts the rules read (counts and numbers), not keys: copied as they are.
JSON_FROZEN = {("decisions.decision", "explanation")}
REFERENCE = re.compile(r"^(note|document|version):(\d+)$")
REFERENCE_MODELS = {"note": "cases.journalnote", "document": "evidence.document", "version": "profiles.elementversion"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FILE_COLUMNS = {"file", "storage_token", "original_filename", "content_type", "sha256"}

# Cell codes of a compiled row.
CONST, ID, USER, TEAM, MUNI, DATE, DT, JSON, CITIZEN, SHARED, NUMBER, PERSON = range(12)


class PopulationError(Exception):
    """Parameters the loader cannot honour; the message is Danish, for the command line."""


@dataclass
class _Table:
    label: str
    table: str
    columns: list[str]
    adapters: list[Callable[[Any], Any] | None]
    own_id: bool  # the primary key is the table's own sequence (not a one-to-one parent's)


@dataclass
class _Template:
    pathway: str
    status: str
    team: int
    female: bool
    birth_date: date
    closed: bool
    opened_at: datetime
    final_user: int
    caseworkers: list[int]  # the other caseworkers of the template's team in the rows
    counts: dict[str, int]
    # per table: rows as (constant values, [(column index, cell code, argument) for what each clone computes])
    rows: dict[str, list[tuple[list[Any], list[tuple[int, int, Any]]]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    """What a run loads: the parameters fix every batch's content."""

    cases: int
    municipalities: int
    seed: int
    batch_size: int
    templates: int

    @property
    def run(self) -> str:
        return (
            f"seed={self.seed} cases={self.cases} municipalities={self.municipalities} "
            f"batch={self.batch_size} templates={self.templates}"
        )

    @property
    def batches(self) -> int:
        return -(-self.cases // self.batch_size)

    def codes(self) -> list[str]:
        return [str(FIRST_CODE + m) for m in range(self.municipalities)]


def check_plan(plan: Plan) -> None:
    if plan.cases < 1:
        raise PopulationError("--cases skal være mindst 1.")
    if not 1 <= plan.municipalities <= MAX_MUNICIPALITIES:
        raise PopulationError(f"--municipalities skal være mellem 1 og {MAX_MUNICIPALITIES}.")
    if -(-plan.cases // plan.municipalities) > MAX_CASES_PER_MUNICIPALITY:
        raise PopulationError(
            f"Højst {MAX_CASES_PER_MUNICIPALITY} sager pr. kommune: vælg flere kommuner (--municipalities)."
        )
    if plan.batch_size < 1 or plan.templates < 42:
        raise PopulationError("--batch-size skal være mindst 1 og --templates mindst 42.")


# --- the models ----------------------------------------------------------------------------------------------


def _relations(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.is_relation and (f.many_to_one or f.one_to_one)]


def _case_models() -> list[type[models.Model]]:
    """The models whose rows belong to one citizen's case, parents before children."""
    candidates = [m for m in apps.get_models() if m.__module__.startswith("evne.") and m._meta.app_label != "accounts"]
    members: set[type[models.Model]] = {Citizen}
    changed = True
    while changed:
        changed = False
        for m in candidates:
            if m not in members and any(f.related_model in members for f in _relations(m)):
                members.add(m)
                changed = True
    ordered: list[type[models.Model]] = []
    pending = sorted(members, key=lambda m: m._meta.label_lower)
    while pending:
        for m in pending:
            parents = {f.related_model for f in _relations(m)} & members - {m}
            if parents <= set(ordered):
                ordered.append(m)
                pending.remove(m)
                break
        else:
            raise RuntimeError(f"Foreign keys form a cycle among {[m._meta.label for m in pending]}")
    return ordered


def _reaches_municipality(model: type[models.Model]) -> bool:
    return any(
        f.related_model is Municipality
        or (f.related_model not in (User, Team, model) and _reaches_municipality(f.related_model))
        for f in _relations(model)
    )


def _municipal_models(case_models: Iterable[type[models.Model]]) -> list[type[models.Model]]:
    """Rows of the municipality itself that cases point at or that go with them (the rehabilitation team, its members
    and meetings), parents first."""
    skip = set(case_models)
    found = [
        m for m in apps.get_models()
        if m.__module__.startswith("evne.") and m._meta.app_label != "accounts" and m not in skip
        and _reaches_municipality(m)
    ]  # fmt: skip
    ordered: list[type[models.Model]] = []
    while found:
        m = next(m for m in found if {f.related_model for f in _relations(m)} & set(found) <= {m})
        ordered.append(m)
        found.remove(m)
    return ordered


def _table(model: type[models.Model]) -> _Table:
    fields = model._meta.concrete_fields
    ops = connection.ops
    adapters: list[Callable[[Any], Any] | None] = []
    for f in fields:
        adapter: Callable[[Any], Any] | None = None
        if connection.vendor == "sqlite":
            kind = f.get_internal_type()
            if kind == "DateTimeField":
                adapter = ops.adapt_datetimefield_value
            elif kind == "DateField":
                adapter = ops.adapt_datefield_value
            elif kind == "DecimalField":
                adapter = ops.adapt_decimalfield_value
        adapters.append(adapter)
    own_id = not model._meta.pk.is_relation
    return _Table(model._meta.label_lower, model._meta.db_table, [f.column for f in fields], adapters, own_id)


# --- the templates -------------------------------------------------------------------------------------------


@dataclass
class Templates:
    items: list[_Template]
    tables: list[_Table]
    municipal: dict[str, list[dict[str, Any]]]  # label -> rows of the template municipality, pk order
    team_shares: list[tuple[float, float]]  # per team: share of cases, share of them open
    roles: dict[int, str]  # template user -> role


def build_templates(*, count: int, seed: int) -> Templates:
    """Create `count` cases through the services in a transaction that is rolled back, and compile their rows."""
    media = tempfile.mkdtemp(prefix="evne-templates-")
    try:
        with override_settings(MEDIA_ROOT=media), transaction.atomic():
            result = _build_and_capture(count=count, seed=seed)
            transaction.set_rollback(True)
    finally:
        shutil.rmtree(media, ignore_errors=True)
    return result


def _build_and_capture(*, count: int, seed: int) -> Templates:
    from evne.reform import services as reform

    municipality = Municipality.objects.create(code=TEMPLATE_CODE, name="Skabeloner (rulles tilbage)")
    password = make_password(None)
    teams = [Team.objects.create(municipality=municipality, name=name) for name in EVNEKOBING_TEAMS]
    for t, team in enumerate(teams):
        User.objects.create(username=f"tmpl-{t}-leder", role=Role.TEAM_LEADER, municipality=municipality, team=team,
                            first_name="Teamleder", last_name=str(t), password=password)  # fmt: skip
        for k in range(4):
            User.objects.create(username=f"tmpl-{t}-{k}", role=Role.CASEWORKER, municipality=municipality, team=team,
                                first_name="Sagsbehandler", last_name=f"{t}{k}", password=password)  # fmt: skip
    chair = User.objects.create(username="tmpl-rehab", role=Role.REHAB_MEMBER, municipality=municipality,
                                first_name="Rehab", last_name="Formand", password=password)  # fmt: skip
    generate_population(
        municipality=municipality,
        n_citizens=count,
        seed=seed,
        teams={p: teams[i] for p, i in PATHWAY_TEAM.items()},
    )
    _add_rehab_team(municipality, chair=chair, limit=max(2, count // 12), name="Rehabiliteringsteamet")
    _add_flex_jobs(municipality, limit=max(2, count // 40))
    # Benefit spells of their own: a jobafklaringsforløb for the job-clarification cases under way.
    for case in Case.objects.filter(
        municipality=municipality, pathway=Pathway.JOBAFKLARING,
        status__in=[CaseStatus.IN_COURSE, CaseStatus.AWAITING_DECISION, CaseStatus.DECIDED],
    ).select_related("caseworker"):  # fmt: skip
        reform.clarification_start(
            actor=case.caseworker,
            case=case,
            start_on=case.help_requested_on,
            coordinating_caseworker=case.caseworker,
            plan="Afklaring af helbred og arbejdsevne; plan lagt sammen med borgeren.",
        )
    return _capture(municipality, teams)


def _capture(municipality: Municipality, teams: list[Team]) -> Templates:
    case_models = _case_models()
    municipal_models = _municipal_models(case_models)
    now = timezone.now()
    cases = list(Case.objects.filter(municipality=municipality).order_by("pk"))
    citizens = {c.pk: c for c in Citizen.objects.filter(municipality=municipality)}
    team_index = {t.pk: i for i, t in enumerate(teams)}
    owner: dict[tuple[str, int], int] = {}
    for i, case in enumerate(cases):
        owner[("citizens.citizen", case.citizen_id)] = i
    raw: list[dict[str, list[tuple]]] = [{} for _ in cases]
    pks: dict[str, list[int]] = {}
    for model in case_models:
        label = model._meta.label_lower
        fields = model._meta.concrete_fields
        rels = [(k, f) for k, f in enumerate(fields) if f.is_relation and f.related_model in case_models]
        query = models.Q()
        for _, f in rels:
            parent_ids = pks.get(f.related_model._meta.label_lower)
            if parent_ids:
                query |= models.Q(**{f"{f.attname}__in": parent_ids})
        if label == "citizens.citizen":
            query = models.Q(municipality=municipality)
        elif not query:
            pks[label] = []
            continue
        rows = list(model.objects.filter(query).order_by("pk").values_list(*[f.attname for f in fields]))
        pk_index = [f.primary_key for f in fields].index(True)
        pks[label] = [row[pk_index] for row in rows]
        for row in rows:
            who = owner.get((label, row[pk_index]))
            if who is None:
                for k, f in rels:
                    if row[k] is not None and (f.related_model._meta.label_lower, row[k]) in owner:
                        who = owner[(f.related_model._meta.label_lower, row[k])]
                        break
            if who is None:
                raise RuntimeError(f"{label} {row[pk_index]} belongs to no template case")
            owner[(label, row[pk_index])] = who
            raw[who].setdefault(label, []).append(row)

    municipal: dict[str, list[dict[str, Any]]] = {}
    for model in municipal_models:
        municipal[model._meta.label_lower] = list(
            model.objects.filter(pk__in=_municipal_pks(model, municipality)).order_by("pk").values()
        )

    tables = [_table(m) for m in case_models]
    field_lists = {m._meta.label_lower: m._meta.concrete_fields for m in case_models}
    items = []
    for i, case in enumerate(cases):
        citizen = citizens[case.citizen_id]
        local = {label: {row[[f.primary_key for f in field_lists[label]].index(True)]: n for n, row in enumerate(rows)}
                 for label, rows in raw[i].items()}  # fmt: skip
        datetimes = sorted(
            {v for label, rows in raw[i].items() for row in rows for v in row if isinstance(v, datetime)}
        )
        start = timezone.make_aware(datetime.combine(case.help_requested_on, time(8, 30)))
        end = max(now - timedelta(minutes=5), start + timedelta(hours=1))
        span = end - start
        spread = {v: start + span * (n + 1) / (len(datetimes) + 1) for n, v in enumerate(datetimes)}
        users = sorted(
            {v for label, rows in raw[i].items() for row in rows
             for (f, v) in zip(field_lists[label], row, strict=True)
             if v is not None and f.is_relation and f.related_model is User}
        )  # fmt: skip
        team_users = set(User.objects.filter(team_id=case.team_id, role=Role.CASEWORKER).values_list("pk", flat=True))
        template = _Template(
            pathway=case.pathway,
            status=case.status,
            team=team_index[case.team_id],
            female=int(citizen.cpr[-1]) % 2 == 0,
            birth_date=citizen.birth_date,
            closed=case.status == CaseStatus.CLOSED,
            opened_at=spread.get(case.opened_at, case.opened_at),
            final_user=case.caseworker_id,
            caseworkers=[u for u in users if u in team_users and u != case.caseworker_id],
            counts={label: len(rows) for label, rows in raw[i].items()},
        )
        compiler = _Compiler(local=local, spread=spread, municipal=municipal, case_labels=set(field_lists))
        for label, rows in raw[i].items():
            template.rows[label] = [_split(compiler.row(label, field_lists[label], row)) for row in rows]
        items.append(template)

    shares = []
    for t in range(len(teams)):
        mine = [x for x in items if x.team == t]
        shares.append((len(mine) / len(items), sum(not x.closed for x in mine) / max(1, len(mine))))
    roles = dict(User.objects.filter(municipality=municipality).values_list("pk", "role"))
    return Templates(items=items, tables=tables, municipal=municipal, team_shares=shares, roles=roles)


def _municipal_pks(model: type[models.Model], municipality: Municipality) -> list[int]:
    """The model's rows that hang (directly or through a parent) off the municipality."""
    for f in _relations(model):
        if f.related_model is Municipality:
            return list(model.objects.filter(**{f.attname: municipality.pk}).values_list("pk", flat=True))
    for f in _relations(model):
        parents = _municipal_pks(f.related_model, municipality) if f.related_model not in (User, Team) else []
        if parents:
            return list(model.objects.filter(**{f"{f.attname}__in": parents}).values_list("pk", flat=True))
    return []


class _Compiler:
    """Turns a template row into cells: constants, or what to compute per clone."""

    def __init__(self, *, local, spread, municipal, case_labels):
        self.case_labels: set[str] = case_labels
        self.local: dict[str, dict[int, int]] = local
        self.spread: dict[datetime, datetime] = spread
        self.municipal_pks = {label: {row["id"] for row in rows} for label, rows in municipal.items()}

    def ref(self, label: str, pk: int) -> tuple[int, Any]:
        primary = apps.get_model(label)._meta.pk
        if primary.is_relation:  # a one-to-one row shares its parent's key
            return self.ref(primary.related_model._meta.label_lower, pk)
        if label == "accounts.user":
            return (USER, pk)
        if label in self.municipal_pks:
            return (SHARED, (label, pk))
        if label in ("accounts.team",):
            return (TEAM, None)
        if label in ("accounts.municipality",):
            return (MUNI, None)
        if label not in self.case_labels:
            return (CONST, pk)  # a catalogue shared by all municipalities (activity types)
        try:
            return (ID, (label, self.local[label][pk]))
        except KeyError:
            raise RuntimeError(f"A template row points at {label} {pk}, which is not in its case") from None

    def row(self, label: str, fields, values) -> list[tuple[int, Any]]:
        cells: list[tuple[int, Any]] = []
        kind = None
        for f, v in zip(fields, values, strict=True):
            if f.attname == "kind":
                kind = v
            cells.append(self.cell(label, f, v, kind))
        return cells

    def cell(self, label: str, f: models.Field, v: Any, kind: Any) -> tuple[int, Any]:
        if v is None:
            return (CONST, None)
        if f.primary_key and not f.is_relation:
            return (ID, (label, self.local[label][v]))
        if f.is_relation:
            return self.ref(f.related_model._meta.label_lower, v)
        if label == "citizens.citizen" and f.attname in CITIZEN_FIELDS:
            return (CITIZEN, f.attname)
        if label == "citizens.supporter" and f.attname == "name":
            return (PERSON, None)
        if label == "cases.case" and f.attname == "number":
            return (NUMBER, None)
        if label == "evidence.document" and f.attname in FILE_COLUMNS:
            return (CONST, "")
        if label == "evidence.document" and f.attname == "size":
            return (CONST, None)
        internal = f.get_internal_type()
        if internal == "DateTimeField":
            return (DT, self.spread.get(v, v))
        if internal == "DateField":
            return (DATE, v)
        if internal == "JSONField":
            if (label, f.attname) in JSON_FROZEN:
                return (CONST, json.dumps(v))
            return (JSON, self.json(label, f.attname, v, kind))
        return (CONST, v)

    def json(self, label: str, name: str, value: Any, kind: Any) -> list[Any]:
        """JSON text split into literal pieces and cells for the ids, dates and names inside it."""
        cells: list[tuple[int, Any]] = []

        def mark(cell: tuple[int, Any]) -> str:
            cells.append(cell)
            return f"@@{len(cells) - 1}@@"

        def ref_cell(target: str, pk: int) -> tuple[int, Any]:
            if target == "reform.resourcecourse" and kind in CLARIFICATION_EVENTS:
                target = "reform.jobclarificationcourse"
            return self.ref(target, pk)

        def walk(v: Any, key: str | None, parent: dict | None) -> Any:
            if isinstance(v, dict):
                if (label, name) in JSON_ID_MAPS and parent is None:
                    target = JSON_ID_MAPS[(label, name)]
                    return {k: mark(ref_cell(target, x)) if isinstance(x, int) else x for k, x in v.items()}
                return {k: walk(x, k, v) for k, x in v.items()}
            if isinstance(v, list):
                return [walk(x, key, parent) for x in v]
            if isinstance(v, bool) or v is None:
                return v
            if isinstance(v, int) and key in JSON_ID_KEYS:
                return mark(ref_cell(JSON_ID_KEYS[key], v))
            if isinstance(v, int) and key and (key.endswith("_id") or key.endswith("_ids")):
                raise RuntimeError(f"{label}.{name}: unknown id key {key!r}")
            if isinstance(v, str):
                if key == "caseworker_name" and parent and isinstance(parent.get("caseworker_id"), int):
                    return mark((PERSON, ("user", parent["caseworker_id"])))
                if ISO_DATE.match(v):
                    return mark((DATE, date.fromisoformat(v)))
                found = REFERENCE.match(v)
                if found:
                    target = REFERENCE_MODELS[found.group(1)]
                    return mark((PERSON, ("ref", found.group(1), ref_cell(target, int(found.group(2))))))
            return v

        text = json.dumps(walk(value, None, None), ensure_ascii=False)
        pieces: list[Any] = []
        for n, part in enumerate(re.split(r'"@@(\d+)@@"', text)):
            pieces.append(part if n % 2 == 0 else cells[int(part)])
        return pieces


def _split(cells: list[tuple[int, Any]]) -> tuple[list[Any], list[tuple[int, int, Any]]]:
    constants = [arg if code == CONST else None for code, arg in cells]
    return constants, [(n, code, arg) for n, (code, arg) in enumerate(cells) if code != CONST]


CITIZEN_FIELDS = {"cpr", "birth_date", "first_name", "last_name", "address", "postal_code", "city"}


# --- the municipalities, teams and caseworkers -------------------------------------------------------------


@dataclass
class _Place:
    municipality: int
    code: str
    town: tuple[str, str]
    teams: list[int]
    leaders: list[int]
    caseworkers: list[list[int]]
    cum_weights: list[list[float]]
    names: dict[int, str]
    chair: int
    shared: dict[tuple[str, int], int]


def _prepare_places(plan: Plan, templates: Templates) -> list[_Place]:
    """Create (once) each municipality with its teams, caseworkers, team leaders and rehabilitation team."""
    rng = random.Random(f"{plan.seed}:places")
    password = make_password(DEMO_PASSWORD)
    places = []
    per_municipality = -(-plan.cases // plan.municipalities)
    for code in plan.codes():
        municipality, created = Municipality.objects.get_or_create(
            code=code, defaults={"name": f"Syntetisk kommune {code} (befolkning, seed {plan.seed})"}
        )
        if created or not municipality.teams.exists():
            _create_place(municipality, plan, templates, per_municipality, password)
        town = (names.EVNEKOBING[0], f"Syntetisk By {code}")
        teams = list(municipality.teams.order_by("pk"))
        users = list(User.objects.filter(municipality=municipality, is_active=True).order_by("username"))
        caseworkers = [[u.pk for u in users if u.team_id == t.pk and u.role == Role.CASEWORKER] for t in teams]
        leaders = [next(u.pk for u in users if u.team_id == t.pk and u.role == Role.TEAM_LEADER) for t in teams]
        weights = [[rng.uniform(0.6, 1.4) for _ in team] for team in caseworkers]
        cum = []
        for w in weights:
            total, acc = 0.0, []
            for x in w:
                total += x
                acc.append(total)
            cum.append(acc)
        chair = next(u.pk for u in users if u.role == Role.REHAB_MEMBER)
        shared: dict[tuple[str, int], int] = {}
        for label, rows in templates.municipal.items():
            model = apps.get_model(label)
            mine = sorted(_municipal_pks(model, municipality))
            for row, pk in zip(rows, mine, strict=False):
                shared[(label, row["id"])] = pk
        places.append(
            _Place(
                municipality=municipality.pk, code=code, town=town, teams=[t.pk for t in teams], leaders=leaders,
                caseworkers=caseworkers, cum_weights=cum, names={u.pk: f"{u.first_name} {u.last_name}" for u in users},
                chair=chair, shared=shared,
            )
        )  # fmt: skip
    return places


def _create_place(municipality: Municipality, plan: Plan, templates: Templates, cases: int, password: str) -> None:
    rng = random.Random(f"{plan.seed}:{municipality.code}:staff")
    teams = [Team.objects.create(municipality=municipality, name=name) for name in EVNEKOBING_TEAMS]
    users = []
    for t, (team, (share, open_share)) in enumerate(zip(teams, templates.team_shares, strict=True)):
        count = max(2, round(cases * share * open_share / OPEN_CASES_PER_CASEWORKER))
        for k in range(count + 1):
            person = names.person(rng)
            users.append(
                User(
                    username=f"k{municipality.code}-t{t + 1}-{'leder' if k == 0 else f'sb{k:03d}'}",
                    role=Role.TEAM_LEADER if k == 0 else Role.CASEWORKER,
                    municipality=municipality,
                    team=team,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    password=password,
                )
            )
    person = names.person(rng)
    chair = User(username=f"k{municipality.code}-rehab", role=Role.REHAB_MEMBER, municipality=municipality,
                 first_name=person.first_name, last_name=person.last_name, password=password)  # fmt: skip
    users.append(chair)
    User.objects.bulk_create(users)
    chair = User.objects.get(username=chair.username)
    # The rehabilitation team, its members and meetings: copies of the template municipality's.
    mapped: dict[tuple[str, int], int] = {}
    for label, rows in templates.municipal.items():
        model = apps.get_model(label)
        for row in rows:
            values = dict(row)
            old = values.pop("id")
            for f in _relations(model):
                value = values.get(f.attname)
                if value is None:
                    continue
                target = f.related_model
                if target is Municipality:
                    values[f.attname] = municipality.pk
                elif target is User:
                    values[f.attname] = chair.pk
                elif target is Team:
                    values[f.attname] = teams[0].pk
                else:
                    values[f.attname] = mapped[(target._meta.label_lower, value)]
            if "name" in values and label.endswith("rehabteam"):
                values["name"] = f"Rehabiliteringsteamet {municipality.code}"
            mapped[(label, old)] = model.objects.create(**values).pk


# --- cloning ------------------------------------------------------------------------------------------------


class _Clone:
    """Per-clone values the cells need."""

    __slots__ = ("base", "citizen", "municipality", "names", "number", "person", "shared", "shift", "team", "users")
    base: dict[str, int]
    citizen: dict[str, Any]
    municipality: int
    names: dict[int, str]
    number: str
    person: str
    shared: dict[tuple[str, int], int]
    shift: timedelta
    team: int
    users: _UserMap


def _person_name(rng: random.Random, female: bool) -> tuple[str, str]:
    first = rng.choice(names.FEMALE_FIRST_NAMES if female else names.MALE_FIRST_NAMES)
    return first, rng.choice(names.SURNAMES)


def _value(cell: tuple[int, Any], c: _Clone) -> Any:
    code, arg = cell
    if code == CONST:
        return arg
    if code == ID:
        return c.base[arg[0]] + arg[1]
    if code == DATE:
        return arg - c.shift
    if code == DT:
        return arg - c.shift
    if code == USER:
        return c.users[arg]
    if code == JSON:
        return "".join(p if isinstance(p, str) else _json_token(p, c) for p in arg)
    if code == CITIZEN:
        return c.citizen[arg]
    if code == TEAM:
        return c.team
    if code == MUNI:
        return c.municipality
    if code == SHARED:
        return c.shared[arg]
    if code == NUMBER:
        return c.number
    if code == PERSON:
        return c.person
    raise AssertionError(code)


def _json_token(cell: tuple[int, Any], c: _Clone) -> str:
    code, arg = cell
    if code == DATE:
        return f'"{(arg - c.shift).isoformat()}"'
    if code == PERSON:
        if arg[0] == "user":
            return json.dumps(c.names[c.users[arg[1]]], ensure_ascii=False)
        return f'"{arg[1]}:{_value(arg[2], c)}"'
    return str(_value(cell, c))


def _batch_rows(
    plan: Plan, number: int, templates: Templates, places: list[_Place], next_ids: dict[str, int],
    used_cprs: dict[str, set[str]],
) -> tuple[dict[str, list[tuple]], int]:  # fmt: skip
    """The rows of batch `number`, table by table, with ids from `next_ids` (advanced)."""
    rng = random.Random(f"{plan.seed}:{number}")
    first = number * plan.batch_size
    last = min(plan.cases, first + plan.batch_size)
    out: dict[str, list[tuple]] = {t.label: [] for t in templates.tables}
    items = templates.items
    for i in range(first, last):
        template = items[rng.randrange(len(items))]
        place = places[i % len(places)]
        local_index = i // len(places)
        c = _Clone()
        shift = rng.randint(0, MAX_SHIFT_DAYS)
        c.shift = timedelta(days=shift)
        c.base = {}
        for label, n in template.counts.items():
            if label in next_ids:
                c.base[label] = next_ids[label]
                next_ids[label] += n
        c.municipality = place.municipality
        c.team = place.teams[template.team]
        c.shared = place.shared
        c.names = place.names
        pool = place.caseworkers[template.team]
        final = rng.choices(pool, cum_weights=place.cum_weights[template.team])[0]
        others = [u for u in pool if u != final]
        users = {template.final_user: final}
        for u in template.caseworkers:
            users[u] = rng.choice(others) if others else final
        c.users = _UserMap(users, place.leaders[template.team], place.chair, templates.roles)
        opened = template.opened_at - c.shift
        c.number = f"{place.code}-{opened.year}-{local_index + 1:05d}"
        c.person = " ".join(_person_name(rng, rng.random() < 0.5))
        first_name, last_name = _person_name(rng, template.female)
        born = template.birth_date - c.shift
        if (born.month, born.day) == (1, 1):
            born += timedelta(days=1)
        used = used_cprs.setdefault(place.code, set())
        cpr = synthetic_cpr(rng, born, female=template.female)
        while cpr in used:
            cpr = synthetic_cpr(rng, born, female=template.female)
        used.add(cpr)
        c.citizen = {
            "cpr": cpr, "birth_date": born, "first_name": first_name, "last_name": last_name,
            "address": names.street_address(rng), "postal_code": place.town[0], "city": place.town[1],
        }  # fmt: skip
        base, shift_td, user_map = c.base, c.shift, c.users
        for label, rows in template.rows.items():
            append = out[label].append
            for constants, cells in rows:
                row = constants.copy()
                for n, code, arg in cells:
                    if code == ID:
                        row[n] = base[arg[0]] + arg[1]
                    elif code in (DT, DATE):
                        row[n] = arg - shift_td
                    elif code == USER:
                        row[n] = user_map[arg]
                    else:
                        row[n] = _value((code, arg), c)
                append(tuple(row))
    return out, last - first


class _UserMap(dict):
    """Template user → the clone's user: mapped caseworkers; a team leader or the rehabilitation chair otherwise."""

    def __init__(self, users: dict[int, int], leader: int, chair: int, roles: dict[int, str]):
        super().__init__(users)
        self.leader = leader
        self.chair = chair
        self.roles = roles

    def __missing__(self, key: int) -> int:
        return self.chair if self.roles.get(key) == Role.REHAB_MEMBER else self.leader


def _write(tables: list[_Table], rows: dict[str, list[tuple]]) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            data = rows[table.label]
            if not data:
                continue
            columns = ", ".join(connection.ops.quote_name(c) for c in table.columns)
            if connection.vendor == "postgresql":
                raw = cursor.cursor  # psycopg's own cursor, for COPY
                with raw.copy(f"COPY {connection.ops.quote_name(table.table)} ({columns}) FROM STDIN") as copy:
                    for row in data:
                        copy.write_row(row)
            else:
                adapters = table.adapters
                if any(adapters):
                    data = [
                        tuple(a(v) if a and v is not None else v for a, v in zip(adapters, row, strict=True))
                        for row in data
                    ]
                marks = ", ".join(["%s"] * len(table.columns))
                # table and column names come from the models, never from input
                insert = f"INSERT INTO {connection.ops.quote_name(table.table)} ({columns}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(insert, data)


def _next_ids(tables: list[_Table]) -> dict[str, int]:
    ids = {}
    with connection.cursor() as cursor:
        for table in (t for t in tables if t.own_id):
            cursor.execute(f"SELECT MAX(id) FROM {connection.ops.quote_name(table.table)}")  # noqa: S608
            ids[table.label] = (cursor.fetchone()[0] or 0) + 1
    return ids


def _advance_sequences(tables: list[_Table], next_ids: dict[str, int]) -> None:
    if connection.vendor != "postgresql":
        return  # SQLite's AUTOINCREMENT follows the largest id inserted
    with connection.cursor() as cursor:
        for table in (t for t in tables if t.own_id):
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)", [table.table, next_ids[table.label]]
            )


@dataclass
class LoadResult:
    batches_done: int
    batches_skipped: int
    cases_loaded: int
    templates_seconds: float
    load_seconds: float
    loader_cpu_seconds: float  # this process, while loading the batches
    database_cpu_seconds: float | None  # the PostgreSQL backend serving it, when it runs on this machine


def _backend_cpu() -> float | None:
    """CPU seconds of this connection's PostgreSQL backend process (from /proc, when the server is local)."""
    import os

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_population(
    plan: Plan,
    *,
    stop_after: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    templates: Templates | None = None,
) -> LoadResult:
    """Load the plan's batches that are not in the database yet. `stop_after` ends after that many new batches (for
    tests of resuming); `progress(cases_done, cases_total)` is called after each batch."""
    import time as clock

    from .models import PopulationBatch

    check_plan(plan)
    other = PopulationBatch.objects.exclude(run=plan.run).values_list("run", flat=True).first()
    if other:
        raise PopulationError(f"Databasen har allerede en anden befolkning ({other}); brug en tom database.")
    done = set(PopulationBatch.objects.filter(run=plan.run).values_list("number", flat=True))
    skipped = len(done)
    if skipped == plan.batches:  # nothing to do: do not build the templates
        if progress:
            progress(plan.cases, plan.cases)
        return LoadResult(0, skipped, 0, 0.0, 0.0, 0.0, None)
    started = clock.monotonic()
    if templates is None:
        templates = build_templates(count=plan.templates, seed=plan.seed)
    templates_seconds = clock.monotonic() - started
    with transaction.atomic():
        places = _prepare_places(plan, templates)
    used: dict[str, set[str]] = {}
    if done:
        for code, cpr in Citizen.objects.filter(municipality__code__in=plan.codes()).values_list(
            "municipality__code", "cpr"
        ):
            used.setdefault(code, set()).add(cpr)
    loaded = new = 0
    started = clock.monotonic()
    cpu_started, backend_started = clock.process_time(), _backend_cpu()
    if progress:
        progress(min(plan.cases, len(done) * plan.batch_size), plan.cases)
    for number in range(plan.batches):
        if number in done:
            continue
        if stop_after is not None and new >= stop_after:
            break
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # A crash loses at most the batches not yet flushed; their PopulationBatch rows go with them, so a
                # rerun loads them again. Constraints and triggers stay as they are.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit = off")
            next_ids = _next_ids(templates.tables)
            rows, count = _batch_rows(plan, number, templates, places, next_ids, used)
            _write(templates.tables, rows)
            _advance_sequences(templates.tables, next_ids)
            PopulationBatch.objects.create(run=plan.run, number=number, cases=count)
        loaded += count
        new += 1
        if progress:
            done.add(number)
            progress(sum(min(plan.batch_size, plan.cases - b * plan.batch_size) for b in done), plan.cases)
    if new and connection.vendor == "postgresql":
        # Fresh statistics for the planner: millions of new rows would otherwise wait for autovacuum, and until then
        # the planner guesses (the case page was 5× slower at 10⁶ cases before this).
        with connection.cursor() as cursor:
            for table in (*templates.tables, *(_table(m) for m in (User, Team, Municipality))):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.table)}")
    return LoadResult(
        batches_done=new, batches_skipped=skipped, cases_loaded=loaded,
        templates_seconds=templates_seconds, load_seconds=clock.monotonic() - started,
        loader_cpu_seconds=clock.process_time() - cpu_started,
        database_cpu_seconds=None if backend_started is None else (_backend_cpu() or 0) - backend_started,
    )  # fmt: skip
