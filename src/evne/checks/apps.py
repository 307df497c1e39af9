from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "evne.checks"
    label = "checks"
    verbose_name = "Legal checks"

    def ready(self) -> None:
        from evne.decisions import evaluator

        from .case import evaluation_for

        evaluator.register(evaluation_for)
