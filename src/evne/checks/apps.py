from django.apps import AppConfig
from django.db.models.signals import post_save


class ChecksConfig(AppConfig):
    name = "evne.checks"
    label = "checks"
    verbose_name = "Legal checks"

    def ready(self) -> None:
        from evne.accounts.models import Municipality
        from evne.cases.models import TimelineEvent
        from evne.decisions import evaluator
        from evne.decisions.models import LocalDeadline

        from .case import evaluation_for

        evaluator.register(evaluation_for)
        # The worklist's next deadlines (checks.NextDeadline) go stale when a case's records or the municipality's
        # settings change: every write of a case adds a timeline event.
        post_save.connect(_event_saved, sender=TimelineEvent, dispatch_uid="checks_deadline_event")
        post_save.connect(_settings_saved, sender=Municipality, dispatch_uid="checks_deadline_municipality")
        post_save.connect(_local_deadline_saved, sender=LocalDeadline, dispatch_uid="checks_deadline_local")


def _event_saved(sender, instance, created, **kwargs):
    from .deadlines import mark_case_stale

    if created and instance.case_id:
        mark_case_stale(instance.case_id)


def _settings_saved(sender, instance, **kwargs):
    from .deadlines import mark_municipality_stale

    mark_municipality_stale(instance.pk)


def _local_deadline_saved(sender, instance, **kwargs):
    from .deadlines import mark_municipality_stale

    mark_municipality_stale(instance.municipality_id)
