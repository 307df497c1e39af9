from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "evne.web"
    verbose_name = _("Web interface")

    def ready(self) -> None:
        from . import security  # noqa: F401 - connects the session's login time to user_logged_in
