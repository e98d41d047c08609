"""The national login (OpenID Connect): which account an identity logs in to.

The claims come from the provider's userinfo answer, after mozilla-django-oidc has checked the ID
token's signature, issuer, audience and nonce. Which claims carry the verified name, the person
identifier and the company number (CVR) is configured (``OIDC_CLAIM_*``)."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles
from .models import NationalIdentity, User, token_hash
from .services import add_role


class IdentityRefused(Exception):
    """The national login cannot log this identity in; the message says why, for the login page."""


@dataclass(frozen=True)
class Identity:
    subject_hash: str
    name: str
    email: str
    email_verified: bool
    cvr: str


def read_claims(claims: dict) -> Identity:
    """The parts of the claims the portal keeps or uses; a login without a person identifier is refused."""
    subject = str(claims.get(settings.OIDC_CLAIM_PERSON_ID) or "").strip()
    if not subject:
        raise IdentityRefused(_("The national login did not tell us who you are. Please try again."))
    cvr = str(claims.get(settings.OIDC_CLAIM_CVR) or "").strip()
    verified = claims.get("email_verified")
    return Identity(
        subject_hash=token_hash(f"{settings.OIDC_OP_ISSUER} {subject}"),
        name=str(claims.get(settings.OIDC_CLAIM_NAME) or "").strip()[:200],
        email=str(claims.get("email") or "").strip().lower()[:254],
        email_verified=verified is True or str(verified).lower() == "true",
        cvr=cvr if re.fullmatch(r"\d{8}", cvr) else "",
    )


@transaction.atomic
def log_in_national_identity(*, claims: dict, language: str = "da") -> User:
    """The account this national identity logs in to: the one already linked to it; else, at its first
    login, the account with its e-mail address, but only when the provider has verified that address;
    else a new applicant account. A first login without a verified e-mail address is refused
    (``IdentityRefused``), and so is an account an administrator has closed.

    Linking an account whose address was never confirmed in the portal confirms it and removes its
    password: whoever registered it without confirming cannot log in to the identity's account."""
    identity = read_claims(claims)
    now = timezone.now()
    linked = NationalIdentity.objects.select_related("user").filter(subject_hash=identity.subject_hash).first()
    if linked is not None:
        user = linked.user
        if not user.is_active:
            raise IdentityRefused(_("This account is closed. Please contact the municipality."))
        NationalIdentity.objects.filter(pk=linked.pk).update(
            verified_name=identity.name or linked.verified_name, cvr=identity.cvr, last_login_at=now)
        return user
    if not (identity.email and identity.email_verified):
        raise IdentityRefused(_("The national login has no confirmed e-mail address for you, so we cannot "
                                "make or find your account. Please log in with your e-mail address instead."))
    user = User.objects.select_for_update().filter(email__iexact=identity.email).first()
    if user is None:
        user = User.objects.create_user(
            email=identity.email, password=None, full_name=identity.name, email_verified=True,
            preferred_language=language if language in dict(settings.LANGUAGES) else "da")
        add_role(user=user, role=roles.APPLICANT)
    elif not user.email_verified:
        user.email_verified = True
        user.is_active = True
        user.set_unusable_password()
        user.save()
    elif not user.is_active:
        raise IdentityRefused(_("This account is closed. Please contact the municipality."))
    elif hasattr(user, "national_identity"):
        raise IdentityRefused(_("This account is already linked to another national login."))
    NationalIdentity.objects.create(user=user, subject_hash=identity.subject_hash, verified_name=identity.name,
                                    cvr=identity.cvr, linked_at=now, last_login_at=now)
    return user
