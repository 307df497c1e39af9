from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "evne.evidence"
    verbose_name = _("Evidence: consent, information requests and documents")
