from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReformConfig(AppConfig):
    name = "evne.reform"
    verbose_name = _("Reform pathways")

    def ready(self) -> None:
        # Lower apps learn of this one through registries (the imports run one way).
        from evne.accounts.access import register_agenda_check
        from evne.cases.timeline import register_describer

        from . import timeline
        from .access import on_members_agenda

        register_agenda_check(on_members_agenda)
        register_describer(timeline.describe)
