from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Applications and cases")

    def ready(self):
        from applications import personal_data, receivers  # noqa: F401 - receivers: connects the signal receivers
        from permitportal.accounts import personal_data as registry

        registry.register(personal_data.HOLDER)
