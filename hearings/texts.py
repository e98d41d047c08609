"""The message template per kind, in both languages: the caseworker starts from it and edits it."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "neighbours": _("The municipality has received an application for a building project near your property. "
                    "Before we decide, we would like to hear whether you have any comments on the project. "
                    "You can see the project and the drawings through the link."),
    "parties": _("The municipality is considering a decision in this case that may affect you. Before we "
                 "decide, you have the right to see the material and to comment on it."),
    "authority": _("We ask for your authority's statement on the building project described below, before "
                   "the municipality decides."),
}


def default_message(kind: str, *, language: str = "da") -> str:
    with translation.override(language):
        return str(MESSAGES[kind])

# The hearing's log in words (``HearingEvent.kind``).
EVENTS = {
    "started": _("Hearing started"),
    "opened": _("Link opened"),
    "answered": _("Answered"),
    "answer_changed": _("Answer changed"),
    "answered_late": _("Answered after the deadline"),
    "reminded": _("Reminder sent"),
    "extended": _("Deadline extended"),
    "closed_early": _("Closed early"),
    "closed_after_deadline": _("Closed after the deadline"),
    "weighed": _("Objection weighed"),
}
