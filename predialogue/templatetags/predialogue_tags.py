"""Template tags other apps' templates can use without importing predialogue in Python.

    {% load predialogue_tags %}
    {% case_minutes_panel case %}          the linked meeting's published minutes (caseworker workspace)
    {% case_minutes case as minutes %}     the same minutes as a variable (or None)
    {% linkable_minutes case as offers %}  meetings whose minutes can be linked to this draft
"""

from django import template

from predialogue import selectors

register = template.Library()


@register.simple_tag
def case_minutes(case):
    return selectors.minutes_for_case(case=case)


@register.inclusion_tag("predialogue/includes/case_minutes_panel.html", takes_context=True)
def case_minutes_panel(context, case):
    minutes = selectors.minutes_for_case(case=case)
    return {
        "case": case,
        "meeting_id": selectors.linked_meeting_id(case),
        "minutes": minutes,
        "sections": selectors.minutes_sections(minutes=minutes) if minutes else [],
        "request": context.get("request"),
        "heading_level": context.get("minutes_heading_level", 2),
    }


@register.simple_tag
def linkable_minutes(case):
    return selectors.linkable_meetings(case=case)
