"""Authentication by username and password (Django's ModelBackend), with the user's team and municipality read in
the same query as the user: every page names them in its header and every access check reads the municipality."""

from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        from .models import User

        user = User._default_manager.select_related("team", "municipality").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
