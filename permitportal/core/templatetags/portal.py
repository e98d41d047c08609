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

