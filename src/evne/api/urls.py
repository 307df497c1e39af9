from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, re_path
from django.utils.translation import gettext as _

from .api import api
from .errors import not_found


def _json_405(view):
    """django-ninja answers an unsupported method with a plain-text 405; the API answers in JSON."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").startswith("application/json"):
            return response
        answer = api.create_response(request, {"detail": _("Method not allowed.")}, status=405)
        answer["Allow"] = response["Allow"]
        return answer

    return wrapper


def _unknown_path(request: HttpRequest, rest: str = "") -> HttpResponse:
    return not_found(request, None, api)


def _api_urls():
    patterns, app, namespace = api.urls
    patterns = [
        URLPattern(p.pattern, _json_405(p.callback), p.default_args, p.name) if isinstance(p, URLPattern) else p
        for p in patterns
    ]
    return patterns, app, namespace


urlpatterns = [path("", _api_urls()), re_path(r"^(?P<rest>.*)$", _unknown_path)]
