"""The login-lockout backend: django-axes' check, first in settings.AUTHENTICATION_BACKENDS."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check for every authentication that comes with a request.

    Every way in to Evne passes the request: the login form, the admin's login and HTTP Basic on the API
    (tests/accounts/test_login_protection.py locks out each). A call without one (`authenticate()` in a shell
    or a management command, Django's test client's `login()`) has no client address to count, so it is
    passed on to the next backend instead of being refused outright, as Axes' own backend does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
