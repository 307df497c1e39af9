"""Web pages for assessments."""

from django.http import HttpRequest


def case_section(request: HttpRequest, case) -> dict:
    """Context for this app's section on the case page (template web/assessments/_case_section.html)."""
    return {}
