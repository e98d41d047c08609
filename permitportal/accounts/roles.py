"""Roles are Django groups. This module is the one place that names them."""

from django.utils.translation import gettext_lazy as _

APPLICANT = "applicant"
CASEWORKER = "caseworker"
DIALOGUE_TEAM = "dialogue_team"
MANAGER = "manager"

ALL_ROLES = (APPLICANT, CASEWORKER, DIALOGUE_TEAM, MANAGER)
STAFF_ROLES = (CASEWORKER, DIALOGUE_TEAM, MANAGER)
ROLE_LABELS = {
    APPLICANT: _("Applicant"),
    CASEWORKER: _("Caseworker"),
    DIALOGUE_TEAM: _("Dialogue team"),
    MANAGER: _("Manager"),
}


def role_names(user) -> set[str]:
    """The user's role names, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return bool(role_names(user) & set(roles))


def is_staff_member(user) -> bool:
    """Municipal staff: caseworkers, dialogue team and managers."""
    return has_role(user, *STAFF_ROLES)
