"""Every error the API gives is JSON with a `detail` message in the reader's language.

- DomainError → 400 `{"detail", "field"}`; StaleVersion → 409 with `changes`;
- AccessDenied → 403; NotFound → 404; not logged in → 401;
- request validation (types, missing fields, bad dates, malformed JSON) → 422 with one entry per problem.
"""

import json
import logging

from django.core import signals
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from evne.errors import AccessDenied, DomainError, NotFound, StaleVersion

from .auth import authentication_required_message

logger = logging.getLogger("evne.api")


class MalformedBody(ValueError):
    """The request body is not JSON. django-ninja turns parser errors into HttpError(400) `from` this."""


class JsonParser(Parser):
    def parse_body(self, request: HttpRequest):
        try:
            return json.loads(request.body)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, absurd nesting
            raise MalformedBody(str(exc)) from exc


def _where(loc) -> str:
    """The field a validation error concerns: `body.payload.version` → `version`, `query.q` → `q`."""
    parts = [str(p) for p in loc]
    if parts[:1] == ["body"]:
        parts = parts[2:]  # "body" and the name of the view's payload parameter
    elif parts[:1] in (["query"], ["path"], ["header"], ["cookie"]):
        parts = parts[1:]
    return ".".join(parts)


def _message(error: dict) -> str:
    """A readable, translatable message for the pydantic error types a client can trigger."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("Unknown field.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Enter a whole number.")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return _("The number is out of range.")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind in ("string_type", "string_sub_type"):
        return _("Enter a text.")
    if kind == "string_too_short":
        return _("This field may not be empty.")
    if kind == "string_too_long":
        return _("At most %(max)s characters.") % {"max": ctx.get("max_length", "")}
    if kind == "enum":
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("Send a JSON object.")
    if kind in ("float_parsing", "float_type", "decimal_parsing", "decimal_type", "finite_number"):
        return _("Enter a number.")
    if kind in ("decimal_max_digits", "decimal_max_places", "decimal_whole_digits", "multiple_of"):
        return _("The number has too many digits.")
    if kind in ("bool_parsing", "bool_type"):
        return _("Enter true or false.")
    if kind in ("list_type", "tuple_type", "set_type", "iterable_type"):
        return _("Send a list.")
    if kind in ("too_long", "too_short"):
        return _("The list has too many or too few entries.")
    if kind in ("literal_error", "union_tag_invalid", "union_tag_not_found"):
        return _("Choose one of the allowed values.")
    if kind in ("string_pattern_mismatch", "uuid_parsing", "uuid_type", "url_parsing", "url_type"):
        return _("The value has the wrong form.")
    if kind in ("json_invalid", "json_type"):
        return _("The request body is not valid JSON.")
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    # Never pydantic's own English text: a reader of Danish gets Danish (the type stays in `type`).
    return _("Invalid value.")


def _validation_error(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    errors = [
        {"field": _where(e.get("loc", ())), "message": _message(e), "type": e.get("type", "")} for e in exc.errors
    ]
    problems = [f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors]
    detail = " ".join([_("The request is not valid."), *problems])
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


def _http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    if isinstance(exc.__cause__, MalformedBody):
        detail = _("The request body is not valid JSON.")
        errors = [{"field": "", "message": detail, "type": "json_invalid"}]
        return api.create_response(request, {"detail": detail, "errors": errors}, status=422)
    if exc.status_code == 403:  # the session's CSRF check is the only HttpError(403) django-ninja raises
        detail = _("CSRF check failed: send the value of the csrftoken cookie in the X-CSRFToken header.")
        return api.create_response(request, {"detail": detail}, status=403)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


def _not_authenticated(request: HttpRequest, exc: AuthenticationError, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, {"detail": authentication_required_message()}, status=401)


def _domain_error(request: HttpRequest, exc: DomainError, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=exc.status_code)


def _stale_version(request: HttpRequest, exc: StaleVersion, api: NinjaAPI) -> HttpResponse:
    changes = {field: {"yours": yours, "current": current} for field, (yours, current) in exc.changes.items()}
    return api.create_response(
        request, {"detail": exc.message, "field": exc.field, "changes": changes}, status=exc.status_code
    )


def _access_denied(request: HttpRequest, exc: AccessDenied, api: NinjaAPI) -> HttpResponse:
    detail = str(exc.args[0]) if exc.args else _("You do not have permission to do this.")  # e.g. a token's scope
    return api.create_response(request, {"detail": detail}, status=403)


def not_found(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    # Also for records of another municipality: their existence is not disclosed.
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


def _too_big(request: HttpRequest, exc: RequestDataTooBig, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, {"detail": _("The request is too large.")}, status=413)


def _suspicious(request: HttpRequest, exc: SuspiciousOperation, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, {"detail": _("The request was refused.")}, status=400)


def _unexpected(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    """A bug, not bad input: report it as Django would (signal, log) but answer in JSON."""
    signals.got_request_exception.send(sender=None, request=request)
    logger.error("Unhandled error in %s %s", request.method, request.path, exc_info=exc)
    return api.create_response(
        request, {"detail": _("Something went wrong on our side. The error has been logged.")}, status=500
    )


def install(api: NinjaAPI) -> None:
    handlers = {
        ValidationError: _validation_error,
        HttpError: _http_error,
        AuthenticationError: _not_authenticated,
        DomainError: _domain_error,
        StaleVersion: _stale_version,
        AccessDenied: _access_denied,
        NotFound: not_found,
        Http404: not_found,
        RequestDataTooBig: _too_big,
        SuspiciousOperation: _suspicious,
        Exception: _unexpected,
    }
    for exc_class, handler in handlers.items():
        api.add_exception_handler(exc_class, lambda request, exc, handler=handler: handler(request, exc, api))
