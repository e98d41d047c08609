from django import template
from django.utils import translation

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
def url_if_exists(name, *args, **kwargs):
    """The URL for ``name``, or an empty string when no such route is installed."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""
