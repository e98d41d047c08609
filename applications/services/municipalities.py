"""Writes about municipalities: who works for which (``manage.py create_staff``)."""

from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Municipality
from permitportal.accounts import roles
from permitportal.accounts.models import User
from permitportal.accounts.services import add_role
from permitportal.core.errors import Invalid


class UnknownMunicipality(Invalid):
    """A code that names no municipality of this deployment."""


def municipalities_by_code(*, codes) -> list[Municipality]:
    """The municipalities with these codes, or UnknownMunicipality naming the codes that are not here."""
    codes = sorted(set(codes))
    found = list(Municipality.objects.filter(code__in=codes))
    missing = sorted(set(codes) - {m.code for m in found})
    if missing:
        raise UnknownMunicipality(_("No municipality has the code %(codes)s.") % {"codes": ", ".join(missing)})
    return found


@transaction.atomic
def create_staff(*, email: str, role: str, codes, full_name: str = "") -> tuple[User, bool]:
    """The staff member with this e-mail, created when missing (no password: they set one through
    "forgotten password"), with the role and membership of the municipalities named by ``codes``.
    Idempotent: running it again changes nothing; memberships not named are kept."""
    if role not in (*roles.STAFF_ROLES, roles.NATIONAL):
        raise Invalid(_("The role must be one of %(roles)s.") % {"roles": ", ".join((*roles.STAFF_ROLES,
                                                                                     roles.NATIONAL))})
    municipalities = municipalities_by_code(codes=codes) if role != roles.NATIONAL or codes else []
    if role in roles.STAFF_ROLES and not municipalities:
        raise Invalid(_("A staff member works for at least one municipality: give its code."))
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(email=email, password=None, full_name=full_name, email_verified=True)
    add_role(user=user, role=role)
    for municipality in municipalities:
        municipality.staff.add(user)
    return user, created
