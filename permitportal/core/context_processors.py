from django.conf import settings
from django.utils import translation
from django.utils.module_loading import import_string

from permitportal.accounts import roles


def _localised(value):
    if isinstance(value, dict):
        lang = (translation.get_language() or "en")[:2]
        return value.get(lang) or value.get("en") or next(iter(value.values()), "")
    return value


def contact_points() -> dict:
    """The footer's contact points in the current language, from settings alone (the error page for
    a failure uses them while the database may be down)."""
    return {
        key: {k: _localised(v) for k, v in value.items()} if isinstance(value, dict) else value
        for key, value in settings.PORTAL_CONTACT_POINTS.items()
    }


def portal(request):
    points = contact_points()
    user = getattr(request, "user", None)
    role_names = roles.role_names(user) if user is not None else set()
    advisory_count = None
    counter = getattr(settings, "PORTAL_ADVISORY_COUNT_FUNCTION", None)
    if counter and role_names & {roles.CASEWORKER, roles.MANAGER}:
        advisory_count = import_string(counter)(user=user)
    return {
        "contact_points": points,
        "user_roles": role_names,
        "is_staff_member": bool(role_names & set(roles.STAFF_ROLES)),
        "advisory_unread_count": advisory_count,
    }
