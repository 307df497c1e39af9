"""Writes of the work-ability assessment (arbejdsevnevurdering). One service, one transaction, one timeline
event. Rule ids (A…, R…) refer to the rule tables in shared/domain/seed-000-notes.md §6.4 and
seed-001-notes.md §6; "seed 000" is the method book (Arbejdsevnemetoden, 2001), "seed 001" the guidance to
bek. nr. 543 af 28. maj 2002.
"""

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from evne.accounts.access import require_case_write
from evne.accounts.models import User
from evne.cases.models import Case, CaseStatus, EventKind
from evne.cases.services import case_change_status
from evne.cases.timeline import record_event
from evne.errors import DomainError, StaleVersion
from evne.validation import clean_text, model_text, past_or_today

from .models import CanMeet, Conclusion, WorkAbilityAssessment

TEXT_MAX = 20_000
JOB_TEXT_MAX = 300
JOB_NOTE_MAX = 5_000
JOB_FUNCTIONS_MAX = 50
# The § 7, stk. 2 parts (A1; seed 000, L1080–1101) and the other texts every assessment carries.
PART_FIELDS = ("actual_resources", "development_possibilities", "barrier_reduction")


# Conclusions that say the work ability cannot be improved: fleksjob and førtidspension (A5–A6).
NOT_IMPROVABLE = frozenset({Conclusion.FLEX_JOB_LEVEL, Conclusion.BELOW_FLEX_JOB})


def _text(value, field: str, *, required: bool) -> str:
    return model_text(WorkAbilityAssessment, field, value, required=required, default_max_length=TEXT_MAX)


def _clean_job_functions(raw_rows) -> list[dict]:
    """A2 / R10: the profile is translated into concrete job functions (bek. 543/2002 § 8, stk. 1; seed 001,
    l. 2323–2331; seed 000, L1303–1306), each with whether the citizen can meet its requirements."""
    rows = []
    for index, raw in enumerate(raw_rows or []):
        field = f"job_functions.{index}"
        if not isinstance(raw, Mapping):
            raise DomainError(_("Each job function needs a text and whether the citizen can meet it."), field=field)
        text = clean_text(raw.get("text"), field=field, label=_("Job function"), max_length=JOB_TEXT_MAX)
        note = clean_text(raw.get("note"), field=field, label=_("Note"), max_length=JOB_NOTE_MAX)
        can_meet = raw.get("can_meet") or ""
        if not text:
            if note or can_meet:
                raise DomainError(_("Name the job function."), field=field)
            continue  # an empty row in the form
        if can_meet not in CanMeet.values:
            raise DomainError(
                _("%(job)s: state whether the citizen can meet the job function.") % {"job": text}, field=field
            )
        rows.append({"text": text, "can_meet": can_meet, "note": note})
    if not rows:
        raise DomainError(
            _(
                "Name at least one concrete job function: the resource profile must be translated into concrete "
                "job functions that exist to a reasonable extent on the labour market (bek. 543/2002 § 8, stk. 1)."
            ),
            field="job_functions",
        )
    if len(rows) > JOB_FUNCTIONS_MAX:
        raise DomainError(_("At most %(max)d job functions.") % {"max": JOB_FUNCTIONS_MAX}, field="job_functions")
    return rows


def _check_ladder(conclusion: str, job_functions: list[dict], document_ids: list[int], development_exhausted: bool):
    """A6: the decision ladder and its guards (seed 000, L3241–3257, L3900–3929; seed 001, l. 2463–2489)."""
    if conclusion not in Conclusion.values:
        raise DomainError(_("Choose the conclusion of the assessment."), field="conclusion")
    # R10 / R46: "sufficient" must point at concrete work tasks the citizen can perform (seed 001, l. 619–625).
    if conclusion == Conclusion.SUFFICIENT and not any(j["can_meet"] != CanMeet.NO for j in job_functions):
        raise DomainError(
            _(
                "A conclusion that the work ability is sufficient must point at at least one concrete job function "
                "the citizen can meet (with or without accommodation)."
            ),
            field="job_functions",
        )
    # A6 guard, R44–R45: no fleksjob or førtidspension while the work ability can be improved; fleksjob only
    # when all relevant activation and revalidering has been tried (seed 001, l. 845–856, 904–910).
    if conclusion in NOT_IMPROVABLE and not development_exhausted:
        raise DomainError(
            _(
                "A flex-job or disability-pension conclusion requires that the work ability cannot be improved: "
                "confirm that the relevant activities and revalidering have been tried and that the possibilities "
                "for development are exhausted, and explain why in the reasons."
            ),
            field="development_exhausted",
        )
    # R45: førtidspension only when it is *documented* that the work ability is permanently insufficient even
    # for a fleksjob (seed 001, l. 904–910).
    if conclusion == Conclusion.BELOW_FLEX_JOB and not document_ids:
        raise DomainError(
            _(
                "A conclusion that the work ability is not enough for a flex job must be documented: choose the "
                "documents it rests on."
            ),
            field="document_ids",
        )


def _clean_document_ids(case: Case, document_ids: Iterable) -> list[int]:
    """The documents the assessment rests on (R47: reasons linked to the documentation; seed 001, l. 2490–2502).
    Only documents of this case."""
    from evne.evidence.models import Document

    try:
        ids = sorted({int(i) for i in document_ids or []})
    except (TypeError, ValueError):
        raise DomainError(_("Unknown document."), field="document_ids") from None
    found = set(Document.objects.filter(case=case, pk__in=ids).values_list("pk", flat=True))
    if found != set(ids):
        raise DomainError(_("The assessment can only rest on documents in this case."), field="document_ids")
    return ids


def _profile_basis(case: Case) -> list[int]:
    """R20 / R21: the final assessment rests on a described and assessed resource profile (bek. 543/2002 § 8,
    stk. 1; seed 001, l. 1590–1596, 2323–2327). Returns the ids of all current element versions: the exact
    versions the assessment rests on."""
    from evne.profiles.selectors import current_elements, profile_for

    current = current_elements(profile_for(case))
    if not any(v.relevant and v.assessment for v in current.values()):
        raise DomainError(
            _(
                "The work ability can only be assessed once the resource profile is described and assessed: at "
                "least one relevant element needs the caseworker's assessment."
            ),
            field="profile",
        )
    return [v.pk for v in current.values()]


def assessment_make(
    *, actor: User, case: Case, assessed_on: date, actual_resources: str, development_possibilities: str,
    barrier_reduction: str, job_functions: list[dict], restitution: str, conclusion: str, reasons: str,
    citizen_view: str = "", document_ids: Iterable[int] = (), development_exhausted: bool = False,
) -> WorkAbilityAssessment:  # fmt: skip
    """Record a work-ability assessment of the case.

    Only the municipality assesses work ability (A9, R38; seed 001, l. 2175–2186; seed 000, L315–321): the
    author is always `actor`, who must be a caseworker or team leader of the case's team. There is deliberately
    no field for an external author; a doctor's, a provider's or a consultant's statement is a document the
    assessment may rest on (`document_ids`), never the assessment itself.

    The assessment covers the four parts (A1), names concrete job functions (A2, R10), considers restitution
    (A4) and gives professional reasons (A7, R47). It snapshots the current resource-profile versions it rests
    on. A `sufficient` conclusion triggers the stop rule (R37): the case moves to "awaiting decision" and no
    further information is obtained.
    """
    require_case_write(actor, case)
    past_or_today(assessed_on, field="assessed_on")
    # A1: the four component assessments (seed 000, L1080–1101; bek. 543/2002 § 7, stk. 2).
    parts = {
        "actual_resources": _text(actual_resources, "actual_resources", required=True),
        "development_possibilities": _text(development_possibilities, "development_possibilities", required=True),
        "barrier_reduction": _text(barrier_reduction, "barrier_reduction", required=True),
    }
    jobs = _clean_job_functions(job_functions)
    # A4: restitution must be considered (seed 000, L1070–1078).
    restitution = _text(restitution, "restitution", required=True)
    # A7 / R47: every outcome carries professional premises (seed 000, L3931–3933; seed 001, l. 2490–2502).
    reasons = _text(reasons, "reasons", required=True)
    # The citizen's own assessment and what it rests on belongs in the case (seed 000, L1386–1392).
    citizen_view = _text(citizen_view, "citizen_view", required=False)
    documents = _clean_document_ids(case, document_ids)
    _check_ladder(conclusion, jobs, documents, bool(development_exhausted))
    try:
        with transaction.atomic():
            current_case = Case.objects.select_for_update().get(pk=case.pk)
            versions = _profile_basis(current_case)
            number = (current_case.assessments.aggregate(n=Max("number"))["n"] or 0) + 1
            now = timezone.now()
            assessment = WorkAbilityAssessment.objects.create(
                case=current_case, number=number, assessed_on=assessed_on, **parts, job_functions=jobs,
                restitution=restitution, conclusion=conclusion, reasons=reasons, citizen_view=citizen_view,
                profile_version_ids=versions, document_ids=documents, author=actor, created_at=now,
            )  # fmt: skip
            record_event(
                case=current_case, kind=EventKind.ASSESSMENT_MADE, actor=actor, at=now,
                data={"assessment_id": assessment.pk, "number": number, "assessed_on": assessed_on.isoformat(),
                      "conclusion": conclusion, "development_exhausted": bool(development_exhausted)},
            )  # fmt: skip
            # R37, stop rule (bek. 543/2002 § 7, stk. 7; seed 001, l. 2206–2216, 2237–2248): sufficient for a
            # job on normal terms → no further information is obtained, the investigation ends, a decision is due.
            if conclusion == Conclusion.SUFFICIENT:
                case_change_status(
                    actor=actor, case=current_case, status=CaseStatus.AWAITING_DECISION,
                    expected_version=current_case.version,
                )  # fmt: skip
            return assessment
    except IntegrityError:
        # Two assessments raced past the lock (SQLite has no row locks): the unique (case, number) decided.
        raise StaleVersion(
            _("Someone else recorded an assessment of this case at the same time. Reload and try again.")
        ) from None
