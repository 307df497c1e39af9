"""Who is calling: a personal API token (Bearer), HTTP Basic with the Django username/password, or a logged-in
browser session (with CSRF).

A token (evne.accounts.tokens) acts as its user within its scope: a read-only token is refused (403) on a write,
and a token limited to areas is refused outside them (evne.api.scopes); the access log names the token.
HTTP Basic goes through django-axes (the first authentication backend): after too many failures the username is
locked out, and a locked-out call is refused before the password is hashed (429, evne.accounts.lockout).

Basic is tried before the session, so a script that sends credentials is never asked for a CSRF token. The session is
tried second and checks CSRF on unsafe methods, as django-ninja's `django_auth` does; but it answers
"not authenticated" (401) before checking CSRF when there is no logged-in user, so an anonymous POST gets
401 rather than a CSRF 403.

The 401 answer deliberately carries no `WWW-Authenticate: Basic` header: a browser would prompt for a
password and then send the cached credentials with every request to the site, cross-site forms included,
which would turn Basic auth into a CSRF hole. Scripts send the credentials up front (`curl -u`).
"""

from functools import wraps

from django.contrib.auth import authenticate
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja.security import HttpBasicAuth, HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from evne.accounts.access import current_api_token
from evne.accounts.models import ApiTokenScope
from evne.accounts.tokens import token_authenticate
from evne.errors import AccessDenied

from .scopes import SAFE_METHODS, areas_of


class BearerAuth(HttpBearer):
    """`Authorization: Bearer evne_…`: a personal API token, within its scope and areas."""

    def authenticate(self, request: HttpRequest, token: str):
        api_token = token_authenticate(token)
        if api_token is None:
            return None
        if api_token.scope != ApiTokenScope.WRITE and request.method not in SAFE_METHODS:
            raise AccessDenied(_("This API token may only read; it cannot change anything."))
        if api_token.areas and not set(areas_of(request)) & set(api_token.areas):
            raise AccessDenied(_("This API token is not valid for this part of the API."))
        current_api_token.set(api_token.pk)
        request.api_token = api_token  # type: ignore[attr-defined]
        return api_token.user


class BasicAuth(HttpBasicAuth):
    """HTTP Basic with the user's Django username and password (for scripts); inactive users are refused."""

    def authenticate(self, request: HttpRequest, username: str, password: str):
        if "\x00" in username:  # PostgreSQL refuses NUL in a query (Django's login form refuses it too)
            return None
        return authenticate(request, username=username, password=password)


class SessionAuth(NinjaSessionAuth):
    """django-ninja's session auth (CSRF checked on unsafe methods), but only once a user is logged in."""

    def __call__(self, request: HttpRequest):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


bearer_auth = BearerAuth()
basic_auth = BasicAuth()
session_auth = SessionAuth()
AUTH = [bearer_auth, basic_auth, session_auth]


def authentication_required_message() -> str:
    return _("Log in, or send a personal API token (Authorization: Bearer) or your username and password (HTTP Basic).")


def docs_login_required(view):
    """The OpenAPI document and its viewer need a login too: JSON 401 for the document, the login page
    for a person opening the viewer."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated or bearer_auth(request) or basic_auth(request):
            return view(request, *args, **kwargs)
        if request.path.endswith(".json"):
            return JsonResponse({"detail": authentication_required_message()}, status=401)
        return redirect_to_login(request.get_full_path())

    return wrapper
