"""Reads of work-ability assessments. Call only for a case obtained through access_case()."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evne.cases.models import Case
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
    return case.assessments.select_related("author").order_by("-number").first()


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
    from evne.profiles.models import ElementKey, ElementResponse
    from evne.profiles.selectors import current_elements, open_disagreements, presentations, profile_for

    profile = profile_for(case)
    current = current_elements(profile)
    if not current:
        return []
    notices = []
    if not presentations(profile):
        notices.append(
            _(
                "The resource profile has not been presented to the citizen yet: the overall description and "
                "assessment must be presented before the work-ability decision."
            )
        )
    else:
        presented = set(
            ElementResponse.objects.filter(presentation__profile=profile).values_list("version_id", flat=True)
        )
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
