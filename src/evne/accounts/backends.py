"""Authentication backends, in the order of settings.AUTHENTICATION_BACKENDS: django-axes' lockout check first,
then the username and password (Django's ModelBackend) with the user's team and municipality read in the same
query as the user: every page names them in its header and every access check reads the municipality."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


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


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        from .models import User

        user = User._default_manager.select_related("team", "municipality").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
