"""Writes for accounts: registration, verification, login throttling, preferences."""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from permitportal.core.notifications import send_templated_email

from . import roles
from .models import ApiToken, LoginAttempt, User, token_hash

VERIFY_SALT = "accounts.verify-email"


class AccountError(Exception):
    """A problem a person can act on; the message says what to do."""


def add_role(*, user: User, role: str) -> None:
    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    user.__dict__.pop("_role_names", None)


def make_verification_token(*, user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT)


@transaction.atomic
def register_applicant(*, email: str, password: str, full_name: str, phone: str = "", language: str = "da"
                       ) -> User | None:
    """Create an inactive applicant account and send the verification e-mail.

    For an address that already has an account nothing is created and the page answers as for a new one
    (no one learns from it which addresses have accounts): the e-mail tells the owner instead, with the
    way to log in or reset the password (and a new confirmation link if they never confirmed). None then."""
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        context = {"user": existing, "login": settings.SITE_URL + reverse("accounts:login"),
                   "reset": settings.SITE_URL + reverse("accounts:password_reset"),
                   "link": None if existing.email_verified else
                   settings.SITE_URL + reverse("accounts:verify", kwargs={"token": make_verification_token(
                       user=existing)})}
        transaction.on_commit(lambda: send_templated_email(
            to=[existing.email], template="accounts/email/already_registered", context=context,
            language=existing.preferred_language))
        return None
    user = User.objects.create_user(
        email=email,
        password=password,
        full_name=full_name.strip(),
        phone=phone.strip(),
        preferred_language=language if language in dict(settings.LANGUAGES) else "da",
        is_active=False,
    )
    add_role(user=user, role=roles.APPLICANT)
    token = make_verification_token(user=user)
    link = settings.SITE_URL + reverse("accounts:verify", kwargs={"token": token})
    transaction.on_commit(
        lambda: send_templated_email(
            to=[user.email],
            template="accounts/email/verify",
            context={"user": user, "link": link},
            language=user.preferred_language,
        )
    )
    return user


@transaction.atomic
def verify_email(*, token: str) -> User:
    max_age = settings.ACCOUNT_VERIFICATION_MAX_AGE.total_seconds()
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise AccountError(_("This link has expired. Register again to get a new one.")) from exc
    except signing.BadSignature as exc:
        raise AccountError(_("This link is not valid. Check that you copied the whole link.")) from exc
    user = User.objects.select_for_update().filter(pk=data["u"], email=data["e"]).first()
    if user is None:
        raise AccountError(_("This link is not valid. Check that you copied the whole link."))
    if not user.email_verified:
        user.email_verified = True
        user.is_active = True
        user.save(update_fields=["email_verified", "is_active"])
    return user


def record_failed_login(*, email: str, ip_address: str | None) -> None:
    LoginAttempt.objects.create(email=(email or "").strip().lower()[:254], ip_address=ip_address or None)


def clear_failed_logins(*, email: str, ip_address: str | None = None, everywhere: bool = False) -> None:
    """Forget an account's failed logins: from one client address after a right password there, or from
    every address (``everywhere``) once its owner has set a new password."""
    attempts = LoginAttempt.objects.filter(email=(email or "").strip().lower())
    if not everywhere:
        attempts = attempts.filter(ip_address=ip_address or None)
    attempts.delete()


def password_changed(*, user: User) -> None:
    """After a new password is saved (a completed reset, the admin, ``changepassword``): the account's
    failed logins are forgotten and every API token issued under the old password stops working."""
    clear_failed_logins(email=user.email, everywhere=True)
    revoke_api_tokens(user=user)


def issue_api_token(*, user: User) -> tuple[str, ApiToken]:
    """A new API token for ``user``, valid for ``API_TOKEN_DAYS``: the token (shown once) and its row."""
    key = secrets.token_urlsafe(32)
    row = ApiToken.objects.create(user=user, key_hash=token_hash(key),
                                  expires_at=timezone.now() + settings.API_TOKEN_LIFETIME)
    return key, row


def revoke_api_tokens(*, user: User) -> int:
    count, _detail = ApiToken.objects.filter(user=user).delete()
    return count


def limit_staff_session(*, sender=None, request=None, user=None, **kwargs) -> None:
    """On every login (the login page, the admin's, a confirmation link): a staff member's session ends
    after ``STAFF_SESSION_AGE`` (8 hours: a working day), an applicant's after SESSION_COOKIE_AGE."""
    if request is not None and hasattr(request, "session") and (user.is_staff or roles.is_staff_member(user)):
        request.session.set_expiry(int(settings.STAFF_SESSION_AGE.total_seconds()))


def set_preferred_language(*, user: User, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def update_notification_preferences(*, user: User, by_email: bool, by_sms: bool, phone: str | None = None) -> None:
    user.notify_by_email = by_email
    user.notify_by_sms = by_sms
    fields = ["notify_by_email", "notify_by_sms"]
    if phone is not None:
        user.phone = phone.strip()
        fields.append("phone")
    user.save(update_fields=fields)


def purge_unverified_accounts(*, now=None) -> int:
    """Delete registrations never verified within the verification period."""
    now = now or timezone.now()
    cutoff = now - settings.ACCOUNT_VERIFICATION_MAX_AGE
    qs = User.objects.filter(email_verified=False, is_active=False, last_login__isnull=True, date_joined__lt=cutoff)
    qs = qs.exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)  # invited by someone (services_invitations)
    count, _detail = qs.delete()
    return count


def purge_login_attempts(*, now=None) -> int:
    """Old failed logins and expired API tokens (the nightly sweep)."""
    now = now or timezone.now()
    count, _detail = LoginAttempt.objects.filter(at__lt=now - settings.LOGIN_FAILURE_WINDOW * 4).delete()
    ApiToken.objects.filter(expires_at__lt=now).delete()
    return count
