"""Web pages for evidence."""

from django.http import HttpRequest


def case_section(request: HttpRequest, case) -> dict:
    """Context for this app's section on the case page (template web/evidence/_case_section.html)."""
    return {}
