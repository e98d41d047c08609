from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "hearings"
    verbose_name = _("Hearings")

    def ready(self):
        from applications import hooks
        from hearings import receivers  # noqa: F401 - connects the signal receivers
        from hearings.personal_data import HOLDER
        from hearings.selectors import (
            OpenHearingsColumn,
            case_detail_fields,
            hearing_status_note,
            is_heard_party,
            page_section,
            preload_open_hearings,
        )
        from permitportal.accounts import personal_data

        personal_data.register(HOLDER)
        if hearing_status_note not in hooks.status_notes:
            hooks.status_notes.append(hearing_status_note)
        if preload_open_hearings not in hooks.list_preloaders:
            hooks.list_preloaders.append(preload_open_hearings)
        if OpenHearingsColumn not in hooks.list_columns:
            hooks.list_columns.append(OpenHearingsColumn)
        if page_section not in hooks.page_sections:
            hooks.page_sections.append(page_section)
        if case_detail_fields not in hooks.detail_fields:
            hooks.detail_fields.append(case_detail_fields)
        if is_heard_party not in hooks.appeal_party_checkers:
            hooks.appeal_party_checkers.append(is_heard_party)
