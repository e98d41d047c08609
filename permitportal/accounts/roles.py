"""Roles are Django groups. This module is the one place that names them."""

from django.utils.translation import gettext_lazy as _

APPLICANT = "applicant"
CASEWORKER = "caseworker"
DIALOGUE_TEAM = "dialogue_team"
MANAGER = "manager"
# Reads the dashboard's figures for every municipality side by side; never a case.
NATIONAL = "national"

ALL_ROLES = (APPLICANT, CASEWORKER, DIALOGUE_TEAM, MANAGER, NATIONAL)
STAFF_ROLES = (CASEWORKER, DIALOGUE_TEAM, MANAGER)
ROLE_LABELS = {
    APPLICANT: _("Applicant"),
    CASEWORKER: _("Caseworker"),
    DIALOGUE_TEAM: _("Dialogue team"),
    MANAGER: _("Manager"),
    NATIONAL: _("National overview"),
}


def load_user_with_roles(user_model, pk):
    """The user with this primary key and their role names, in one query (one row per group, joined),
    or None. Raw SQL: building the same query through the ORM cost more than running it."""
    through = user_model.groups.through
    user_table = user_model._meta.db_table
    sql = (f"SELECT u.*, g.name AS _role FROM {user_table} u "
           f"LEFT JOIN {through._meta.db_table} ug ON ug.{through._meta.get_field('user').column} = u.id "
           f"LEFT JOIN auth_group g ON g.id = ug.{through._meta.get_field('group').column} "
           f"WHERE u.{user_model._meta.pk.column} = %s")
    rows = list(user_model._default_manager.raw(sql, [user_model._meta.pk.to_python(pk)]))
    if not rows:
        return None
    user = rows[0]
    user._role_names = {row._role for row in rows if row._role}
    return user


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

# Where each role starts after logging in, the first that applies (a manager who also handles cases
# starts on the dashboard): URL names, so this module imports no app.
LANDING_PAGES = (
    (MANAGER, "satisfaction:dashboard"),
    (CASEWORKER, "applications:queue"),
    (DIALOGUE_TEAM, "dialogueteam:lookup"),
    (APPLICANT, "applications:my_applications"),
)


def landing_page(user) -> str:
    """The URL name of the page this user starts on: their work, not the public front page."""
    names = role_names(user)
    return next((url_name for role, url_name in LANDING_PAGES if role in names), "home")
