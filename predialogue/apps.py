from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PredialogueConfig(AppConfig):
    name = "predialogue"
    verbose_name = _("Pre-application meetings")

    def ready(self):
        from applications import hooks
        from permitportal.accounts import personal_data
        from predialogue import receivers  # connects the signal receivers
        from predialogue.continuity import check_continuity
        from predialogue.personal_data import HOLDER
        from predialogue.selectors import meeting_link_problem

        personal_data.register(HOLDER)

        if check_continuity not in hooks.continuity_checkers:
            hooks.continuity_checkers.append(check_continuity)
        if meeting_link_problem not in hooks.meeting_link_checkers:
            hooks.meeting_link_checkers.append(meeting_link_problem)
        if receivers.start_draft_from_minutes not in hooks.minutes_starters:
            hooks.minutes_starters.append(receivers.start_draft_from_minutes)
