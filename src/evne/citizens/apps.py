from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizensConfig(AppConfig):
    name = "evne.citizens"
    verbose_name = _("Citizens")

    def ready(self) -> None:
        from evne.cases.timeline import register_describer

        from . import timeline

        register_describer(timeline.describe)  # cases.timeline describes this app's events through it
