"""The staff clock in words: how many days are left and the on-track badge, for the queue, the workspace,
the dialogue team's case card and lookup results.

A tag rather than an included template: the queue shows it on every row, and two includes per row
were a third of the page's rendering time.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_noop, ngettext

register = template.Library()

BADGES = {
    "on_track": ("text-bg-success", gettext_noop("On track")),
    "at_risk": ("text-bg-warning", gettext_noop("At risk")),
    "overdue": ("text-bg-danger", gettext_noop("Overdue")),
    "paused": ("text-bg-secondary", gettext_noop("Paused")),
    "met": ("text-bg-success", gettext_noop("Decided in time")),
    "missed": ("text-bg-danger", gettext_noop("Decided late")),
}
# The dialogue team explains a paused clock to the person on the phone.
PAUSED_FOR_CALLERS = gettext_noop("Paused: waiting for information")


def badge_parts(state: str | None, *, for_callers: bool = False) -> tuple[str, str]:
    """The badge's CSS class and its label in the current language ("", "" for no badge)."""
    css, label = BADGES.get(state or "", ("", ""))
    if for_callers and state == "paused":
        label = PAUSED_FOR_CALLERS
    return css, gettext(label) if label else ""


@register.simple_tag
def days_left(clock: dict) -> str:
    """"3 days left", "2 days overdue", "Clock paused", "Decided" or "No date"."""
    if clock.get("days_left") is None:
        return gettext("No date")
    if clock.get("state") == "paused":
        return gettext("Clock paused")
    if clock.get("state") in ("met", "missed"):
        return gettext("Decided")
    if clock.get("days_overdue"):
        days = clock["days_overdue"]
        return ngettext("%(days)s day overdue", "%(days)s days overdue", days) % {"days": days}
    days = clock["days_left"]
    return ngettext("%(days)s day left", "%(days)s days left", days) % {"days": days}


@register.simple_tag
def clock_badge(clock: dict, for_callers: bool = False) -> str:
    """The badge of the clock's state, or nothing."""
    css, label = badge_parts(clock.get("state"), for_callers=for_callers)
    return format_html('<span class="badge {}">{}</span>', css, label) if css else ""
