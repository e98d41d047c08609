from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Applications and cases")

    def ready(self):
        from applications import receivers  # noqa: F401 - connects the signal receivers
