"""Sessions and caching: an idle timeout beside the absolute limit, and no copy of a page in any cache.

- `SessionTimeoutMiddleware` ends a logged-in session after settings.EVNE_SESSION_IDLE_SECONDS without a
  request (default 30 minutes) and at the latest settings.SESSION_COOKIE_AGE after login (default 8 hours);
  the session cookie itself ends with the browser (SESSION_EXPIRE_AT_BROWSER_CLOSE). The time of the last
  request is written to the session at most once a minute, so most requests do not write the session.
- `NoStoreMiddleware` marks every answer but the static files `Cache-Control: no-store`: pages and JSON carry
  CPR numbers and health information, which must not stay in the browser's cache or a proxy's.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from evne.accounts.access import current_api_token

LOGIN_AT = "evne_login_at"
LAST_SEEN = "evne_last_seen"
_WRITE_EVERY = 60  # seconds: how stale the recorded last request may be


@receiver(user_logged_in)
def _record_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[LOGIN_AT] = now
        request.session[LAST_SEEN] = now


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and hasattr(request, "session"):
            now = time.time()
            session = request.session
            login_at = session.setdefault(LOGIN_AT, now)
            last_seen = session.get(LAST_SEEN, login_at)
            idle_limit = settings.EVNE_SESSION_IDLE_SECONDS
            if now - last_seen > idle_limit:
                minutes = round(idle_limit / 60)
                return self._ended(
                    request, _("You were logged out after %(minutes)d minutes without activity.") % {"minutes": minutes}
                )
            if now - login_at > settings.SESSION_COOKIE_AGE:
                return self._ended(request, _("You were logged out because your session had lasted too long."))
            if now - last_seen >= _WRITE_EVERY or LAST_SEEN not in session:
                session[LAST_SEEN] = now
        return self.get_response(request)

    def _ended(self, request: HttpRequest, message: str) -> HttpResponse:
        logout(request)
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": message}, status=401)
        messages.info(request, message + " " + _("Log in again to continue."))
        response = redirect_to_login(request.get_full_path() if request.method == "GET" else "/")
        if request.headers.get("HX-Request"):  # htmx would swap the login page into a fragment: reload instead
            return HttpResponseClientRedirect(response["Location"])
        return response


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reset = current_api_token.set(None)  # a worker thread answers many requests: start each one clean
        try:
            response = self.get_response(request)
        finally:
            current_api_token.reset(reset)
        static = request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/"))
        if not static and "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
        return response
