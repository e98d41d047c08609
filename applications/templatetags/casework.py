"""The staff clock in words: how many days are left and the on-track badge, for the queue and the workspace.

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
def clock_badge(clock: dict) -> str:
    """The badge of the clock's state, or nothing."""
    css, label = BADGES.get(clock.get("state"), (None, None))
    if css is None:
        return ""
    return format_html('<span class="badge {}">{}</span>', css, gettext(label))
