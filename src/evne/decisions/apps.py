from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "evne.decisions"
    verbose_name = _("Decisions and appeals")

    def ready(self) -> None:
        from evne.cases.timeline import register_describer

        from . import references, timeline

        register_describer(timeline.describe)  # cases.timeline describes this app's events through it
        references.register_all()  # the records a fact may point at (cases.references)
