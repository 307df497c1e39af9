from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReformConfig(AppConfig):
    name = "evne.reform"
    verbose_name = _("Reform pathways")
