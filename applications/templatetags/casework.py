"""The staff clock in words: how many days are left and the on-track badge, for the queue, the workspace,
the dialogue team's case card and lookup results.

A tag rather than an included template: the queue shows it on every row, and two includes per row
were a third of the page's rendering time.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from applications.selectors.status import badge_parts

register = template.Library()


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
