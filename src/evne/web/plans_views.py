"""Web pages for plans."""

from django.http import HttpRequest


def case_section(request: HttpRequest, case) -> dict:
    """Context for this app's section on the case page (template web/plans/_case_section.html)."""
    return {}
