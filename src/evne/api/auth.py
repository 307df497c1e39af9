"""Who is calling: a logged-in browser session (with CSRF) or HTTP Basic with the Django username/password.

Basic is tried first, so a script that sends credentials is never asked for a CSRF token. The session is
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
from ninja.security import HttpBasicAuth
from ninja.security import SessionAuth as NinjaSessionAuth


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


basic_auth = BasicAuth()
session_auth = SessionAuth()
AUTH = [basic_auth, session_auth]


def authentication_required_message() -> str:
    return _("Log in, or send your username and password with HTTP Basic authentication.")


def docs_login_required(view):
    """The OpenAPI document and its viewer need a login too: JSON 401 for the document, the login page
    for a person opening the viewer."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated or basic_auth(request):
            return view(request, *args, **kwargs)
        if request.path.endswith(".json"):
            return JsonResponse({"detail": authentication_required_message()}, status=401)
        return redirect_to_login(request.get_full_path())

    return wrapper
