from django.apps import AppConfig


class CasefileConfig(AppConfig):
    name = "evne.casefile"
    verbose_name = "Case files (export and import)"
