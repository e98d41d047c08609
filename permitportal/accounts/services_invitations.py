"""Accounts made for a person by someone else (issue 20): a firm administrator adds a colleague who has no
account yet, or the dialogue team starts an application for a citizen who has none. The account is made
inactive, without a password, and the person gets a signed link that lets them choose a password (which
activates the account and confirms the address: the link reached it) and goes on to where they were sent."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from permitportal.core import limits
from permitportal.core.errors import Invalid

from . import roles
from .models import User
from .services import add_role

INVITATION_SALT = "accounts.invitation"


class InvitationError(Invalid):
    """The link is not valid or has expired; the message says what to do."""


def invitation_max_age():
    return settings.ACCOUNT_INVITATION_MAX_AGE


@transaction.atomic
def account_for_email(*, email: str, full_name: str = "", language: str = "da") -> tuple[User, bool]:
    """The account with this e-mail address, or a new inactive applicant account without a password (True
    when made now). Nothing about an existing account is changed."""
    email = (email or "").strip().lower()
    if not email or len(email) > limits.EMAIL:
        raise Invalid(_("Enter the person's e-mail address."))
    full_name = " ".join((full_name or "").split())
    if len(full_name) > limits.NAME or not full_name.isprintable():
        raise Invalid(_("Give the person's name (at most %(limit)d characters).") % {"limit": limits.NAME})
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        return existing, False
    user = User.objects.create_user(
        email=email, password=None, full_name=full_name, is_active=False,
        preferred_language=language if language in dict(settings.LANGUAGES) else "da")
    add_role(user=user, role=roles.APPLICANT)
    return user, True


def is_invited(user: User) -> bool:
    """An account someone else made that its owner has not yet taken up (no password, never logged in)."""
    return not user.is_active and not user.has_usable_password() and user.last_login is None


def invitation_path(*, user: User, next_path: str) -> str:
    """The signed path for ``user`` to choose a password and go on to ``next_path`` (a path of this site)."""
    token = signing.dumps({"u": user.pk, "e": user.email, "n": next_path}, salt=INVITATION_SALT)
    return reverse("accounts:welcome", kwargs={"token": token})


def invitation_link(*, user: User, next_path: str) -> str:
    """The same as a link for an e-mail."""
    return settings.SITE_URL + invitation_path(user=user, next_path=next_path)


def read_invitation(*, token: str) -> tuple[User, str]:
    """The invited account and where the link goes next; InvitationError for a bad or expired link."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=invitation_max_age().total_seconds())
    except signing.SignatureExpired as exc:
        raise InvitationError(_("This link has expired. Ask the person who invited you to send a new one.")) from exc
    except signing.BadSignature as exc:
        raise InvitationError(_("This link is not valid. Check that you copied the whole link.")) from exc
    user = User.objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None:
        raise InvitationError(_("This link is not valid. Check that you copied the whole link."))
    next_path = str(data.get("n") or "")
    if not url_has_allowed_host_and_scheme(next_path, allowed_hosts=None) or not next_path.startswith("/"):
        next_path = "/"
    return user, next_path


@transaction.atomic
def accept_invitation(*, token: str, password: str) -> tuple[User, str]:
    """Take up an invited account: set its password, activate it, mark the address confirmed. A link of an
    account already taken up is refused (log in instead)."""
    user, next_path = read_invitation(token=token)
    user = User.objects.select_for_update().get(pk=user.pk)
    if not is_invited(user):
        raise InvitationError(_("This account is already in use. Log in with your e-mail address and password."))
    user.set_password(password)
    user.is_active = True
    user.email_verified = True
    user.last_login = timezone.now()
    user.save(update_fields=["password", "is_active", "email_verified", "last_login"])
    return user, next_path
