"""Parts of the page frame (menus, footer) rendered once per process for each set of their inputs.

Every page renders the same main menu, the same footer and, for the dialogue team, the same
section menu: a few dozen ``{% url %}`` and ``{% translate %}`` that cost about a millisecond per
page in Django's template engine (measured on the dialogue team's lookup page). ``{% fragment %}``
renders such a part with nothing but the inputs it is given, so its HTML is a function of those
inputs, the language and the URL prefix, and keeps the result:

    {% fragment "includes/nav_items.html" authenticated=user.is_authenticated user_roles=user_roles %}

A fragment cannot see the request, the user or anything else not passed: what it shows must come in
as an input. With ``DEBUG`` on (development) nothing is kept, so an edited template shows at once.
"""

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils import translation

register = template.Library()

MAX_KEPT = 1000
_kept: dict = {}


def _frozen(value):
    """A hashable form of an input: dicts, sets and lists by their contents."""
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, set | frozenset):
        return frozenset(_frozen(item) for item in value)
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    hash(value)  # anything else must be hashable as it is (a TypeError names what is not)
    return value


@register.simple_tag
def fragment(template_name: str, **inputs):
    key = (template_name, translation.get_language(), get_script_prefix(), _frozen(inputs))
    html = None if settings.DEBUG else _kept.get(key)
    if html is None:
        html = get_template(template_name).render(inputs)
        if not settings.DEBUG:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()
            _kept[key] = html
    return html  # SafeString from the template engine: not escaped again
