from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueteamConfig(AppConfig):
    name = "dialogueteam"
    verbose_name = _("Dialogue team")

    def ready(self):
        from dialogueteam import search
        from dialogueteam.personal_data import HOLDER
        from permitportal.accounts import personal_data

        search.connect()
        personal_data.register(HOLDER)
