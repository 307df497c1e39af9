"""Reads of work-ability assessments. Call only for a case obtained through access_case()."""

from evne.cases.models import Case

from .models import Conclusion, WorkAbilityAssessment


def latest_assessment(case: Case) -> WorkAbilityAssessment | None:
    return case.assessments.select_related("author").order_by("-number").first()


def assessments_for(case: Case) -> list[WorkAbilityAssessment]:
    return list(case.assessments.select_related("author").order_by("-number"))


def information_gathering_stopped(case: Case) -> WorkAbilityAssessment | None:
    """Stop rule (bek. 543/2002 § 7, stk. 7; seed 001, l. 2206–2248; R37): once the latest assessment finds the
    work ability sufficient for ordinary work, no further information is obtained and a decision is due.
    Returns that assessment, or None."""
    latest = latest_assessment(case)
    return latest if latest is not None and latest.conclusion == Conclusion.SUFFICIENT else None
