from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PredialogueConfig(AppConfig):
    name = "predialogue"
    verbose_name = _("Pre-application meetings")
