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
        from predialogue.selectors import linked_meeting_id, meeting_link_problem
        from predialogue.services import keep_link

        personal_data.register(HOLDER)

        if check_continuity not in hooks.continuity_checkers:
            hooks.continuity_checkers.append(check_continuity)
        if meeting_link_problem not in hooks.meeting_link_checkers:
            hooks.meeting_link_checkers.append(meeting_link_problem)
        if receivers.start_draft_from_minutes not in hooks.minutes_starters:
            hooks.minutes_starters.append(receivers.start_draft_from_minutes)
        if keep_link not in hooks.meeting_linkers:
            hooks.meeting_linkers.append(keep_link)
        if linked_meeting_id not in hooks.meeting_id_readers:
            hooks.meeting_id_readers.append(linked_meeting_id)
        if "linked_meeting" not in hooks.case_select_related:
            hooks.case_select_related.append("linked_meeting")
