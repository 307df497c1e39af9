"""Reads of work-ability assessments. Call only for a case obtained through access_case()."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.cases.models import Case
from evne.evidence import selectors as evidence_selectors
from evne.evidence.selectors import information_gathering_stopped  # noqa: F401 - R37 lives with the evidence

from .models import Conclusion, WorkAbilityAssessment

# What each conclusion leads to (seed 000, L3900–3929; seed 001, l. 2341–2371, 2463–2489, 904–910). Shown with
# the assessment as a reminder of the next step; the decision itself is made elsewhere.
CONSEQUENCES = {
    Conclusion.SUFFICIENT: gettext_lazy(
        "Refer the citizen to ordinary work and register the citizen with the employment service; no further "
        "information is obtained and a decision must be made."
    ),
    Conclusion.CAN_BE_IMPROVED: gettext_lazy(
        "The municipality must offer activities that can improve the work ability (bek. 543/2002 § 9)."
    ),
    Conclusion.FLEX_JOB_LEVEL: gettext_lazy("The municipality must decide on a flex job (bek. 543/2002 § 10)."),
    Conclusion.BELOW_FLEX_JOB: gettext_lazy(
        "The municipality must decide on disability pension, on the documented basis."
    ),
    Conclusion.NOT_FINAL: gettext_lazy(
        "Development and clarification continue; the citizen may not be left without a benefit or an offer."
    ),
}


def latest_assessment(case: Case) -> WorkAbilityAssessment | None:
    return evidence_selectors.latest_assessment(case)


PREFILLED = ("actual_resources", "development_possibilities", "barrier_reduction", "restitution", "conclusion",
             "reasons", "citizen_view", "document_ids")  # fmt: skip


def assessment_prefill(case: Case, *, today) -> tuple[dict, list[dict], WorkAbilityAssessment | None]:
    """A new assessment starts from the last one (issue 13: no retyping): its four parts, job functions,
    conclusion, reasons, the citizen's view and documents, dated today. Returns (initial, job rows, the last)."""
    last = latest_assessment(case)
    if last is None:
        return {"assessed_on": today}, [], None
    initial = {f: getattr(last, f) for f in PREFILLED} | {"assessed_on": today}
    jobs = [{"text": j.get("text", ""), "can_meet": j.get("can_meet", ""), "note": j.get("note", "")}
            for j in last.job_functions]  # fmt: skip
    return initial, jobs, last


def assessments_for(case: Case) -> list[WorkAbilityAssessment]:
    return list(case.assessments.select_related("author").order_by("-number"))


def assessment_by_number(case: Case, number: int) -> WorkAbilityAssessment | None:
    return case.assessments.select_related("author").filter(number=number).first()


def assessment_basis(assessment: WorkAbilityAssessment) -> dict[str, list]:
    """The exact resource-profile versions and documents the assessment rests on (R21, R47): `versions` in the
    order of the law's elements, `documents` newest first. Later versions of an element do not change this."""
    from evne.evidence.models import Document
    from evne.profiles.models import ElementKey, ElementVersion

    order = {key: index for index, key in enumerate(ElementKey.values)}
    versions = ElementVersion.objects.filter(
        pk__in=assessment.profile_version_ids, profile__case_id=assessment.case_id
    ).select_related("author")
    documents = Document.objects.filter(pk__in=assessment.document_ids, case_id=assessment.case_id)
    return {
        "versions": sorted(versions, key=lambda v: (order.get(v.element, len(order)), v.number)),
        "documents": list(documents.order_by("-document_date", "-id")),
    }


def newer_versions(assessment: WorkAbilityAssessment) -> dict[str, int]:
    """Element → current version number, for the elements saved again since the assessment was made."""
    from evne.profiles.selectors import current_elements, profile_for

    rested_on = set(assessment.profile_version_ids)
    return {
        key: version.number
        for key, version in current_elements(profile_for(assessment.case)).items()
        if version.pk not in rested_on
    }


def case_documents(case: Case):
    """The case's documents, which an assessment may rest on (newest first)."""
    from evne.evidence.models import Document

    return list(Document.objects.filter(case=case).order_by("-document_date", "-id"))


def assessment_notices(case: Case) -> list[str]:
    """Soft notices before a work-ability decision, never a refusal (R39–R40): the overall description and
    assessment must be presented to the citizen before the decision (bek. 543/2002 § 7, stk. 8; seed 001,
    l. 2255–2259), and a disagreement waits for the keep-or-amend decision (seed 001, l. 2260–2303)."""
    from evne.profiles.models import ElementKey
    from evne.profiles.selectors import current_elements, open_disagreements, presentations, profile_for

    profile = profile_for(case)
    current = current_elements(profile)
    if not current:
        return []
    notices = []
    shown = presentations(profile)
    if not shown:
        notices.append(
            _(
                "The resource profile has not been presented to the citizen yet: the overall description and "
                "assessment must be presented before the work-ability decision."
            )
        )
    else:
        presented = {r.version_id for p in shown for r in p.responses.all()}  # prefetched
        changed = [str(ElementKey(key).label) for key, v in current.items() if v.pk not in presented]
        if changed:
            notices.append(
                _("Not yet presented to the citizen in their current version: %(elements)s.")
                % {"elements": ", ".join(changed)}
            )
    disagreements = open_disagreements(profile)
    if disagreements:
        notices.append(
            _("The citizen disagrees and your decision (keep or amend) is still missing: %(elements)s.")
            % {"elements": ", ".join(str(ElementKey(r.version.element).label) for r in disagreements)}
        )
    return notices
