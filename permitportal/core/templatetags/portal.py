from django import template
from django.urls import reverse
from django.utils import translation

from permitportal.accounts import roles
from permitportal.core import context_processors

register = template.Library()


@register.filter
def localized(value):
    """Pick the current language from a {"en": ..., "da": ...} dict; other values pass through."""
    if isinstance(value, dict):
        lang = (translation.get_language() or "en")[:2]
        return value.get(lang) or value.get("en") or ""
    return value


@register.filter
def tr(obj, field):
    """A bilingual model field in the current language: {{ type|tr:"name" }}."""
    return obj.tr(field) if hasattr(obj, "tr") else getattr(obj, field, "")


@register.simple_tag
def start_url(user):
    """The page this user starts on after logging in (their applications, the queue, ...), or "" for
    someone not logged in: the error pages' way back."""
    return reverse(roles.landing_page(user)) if getattr(user, "is_authenticated", False) else ""


@register.simple_tag
def contact_points():
    """The contact points from settings alone: for the page shown when the database may be down."""
    return context_processors.contact_points()
