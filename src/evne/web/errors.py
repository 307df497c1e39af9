"""Error pages that Django would otherwise answer in bare English: a request it cannot read (400), and one larger
than DATA_UPLOAD_MAX_MEMORY_SIZE (413). Standalone templates, rendered without the request's context processors: the
request that failed may not be readable again. The JSON API answers these itself (evne.api.errors)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    context = {"LANGUAGE_CODE": get_language()}
    if isinstance(exception, RequestDataTooBig):
        limit = (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) / (1024 * 1024)
        return HttpResponse(render_to_string("413.html", {**context, "limit": limit}), status=413)
    return HttpResponse(render_to_string("400.html", context), status=400)
