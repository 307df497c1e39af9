from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataopsConfig(AppConfig):
    """Operating the data: database roles, staged files and their sweep, backup and restore, retention and the
    citizen's own copy of their data (GDPR art. 15).
    See docs/decisions/0019-database-roles-files-backup-retention.md."""

    name = "evne.dataops"
    label = "dataops"
    verbose_name = _("Data operations")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import dbroles

        post_migrate.connect(dbroles.after_migrate, sender=self)
