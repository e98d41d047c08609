import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("email_verified", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="da"
    )
    email_verified = models.BooleanField(_("e-mail verified"), default=False)
    notify_by_email = models.BooleanField(_("notify me by e-mail"), default=True)
    notify_by_sms = models.BooleanField(_("notify me by text message"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("admin access"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        password_changed = self._password is not None and not self._state.adding
        super().save(*args, **kwargs)
        if password_changed:  # set_password() was called on an existing account
            from .services import password_changed as after_password_change

            after_password_change(user=self)

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name or self.email).split(" ")[0]


class LoginAttempt(models.Model):
    """A failed login, kept for throttling and for the audit trail."""

    email = models.CharField(max_length=254, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip_address", "at"])]

    def __str__(self):
        return f"{self.email} {self.at:%Y-%m-%d %H:%M}"


def token_hash(key: str) -> str:
    """What is stored of an API token: its SHA-256, in hex."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """An API token. Only its SHA-256 is stored: the token itself is shown once, to the person who asked
    for it, and never again (not in the admin either). It stops working at ``expires_at``, when its
    owner asks (DELETE auth/token/) and when the owner's password changes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.user_id} until {self.expires_at:%Y-%m-%d %H:%M}"


class NationalIdentity(models.Model):
    """The national login (OpenID Connect) an account is linked to.

    Only what the portal needs is kept: ``subject_hash`` recognises the person at the next login (the
    SHA-256 of the issuer and the person-identifier claim, so the identifier itself is never stored),
    the verified name, and the company number (CVR) for a business login. Shown to its owner only;
    in the data export; deleted with the account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="national_identity")
    subject_hash = models.CharField(max_length=64, unique=True)
    verified_name = models.CharField(_("verified name"), max_length=200, blank=True)
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True)
    linked_at = models.DateTimeField(default=timezone.now)
    last_login_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user_id}: {self.verified_name}"


CVR_LENGTH = 8  # A Danish company registration number (CVR) has eight digits (the register's number format).


def validate_cvr(value: str) -> None:
    """Eight digits. The register's modulus-11 check was retired for new numbers, so only the form is checked;
    the portal does not look the number up in the CVR register (a firm is created from a verified login's CVR)."""
    from django.core.exceptions import ValidationError

    if not (isinstance(value, str) and len(value) == CVR_LENGTH and value.isascii() and value.isdigit()):
        raise ValidationError(_("A CVR number has eight digits."), code="cvr")


class Firm(models.Model):
    """A firm account (issue 20, item 3): a company by its CVR number, whose current members see and work on
    all the firm's cases across municipalities. Created by a person whose national login carries the CVR."""

    cvr = models.CharField(_("CVR number"), max_length=CVR_LENGTH, unique=True, validators=[validate_cvr])
    name = models.CharField(_("firm name"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("firm")
        verbose_name_plural = _("firms")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} (CVR {self.cvr})"


class FirmMembership(models.Model):
    """A person's membership of a firm, from ``joined_at`` until ``left_at`` (kept for the history: a member
    who left loses access at once, and the row says when). At most one current membership per person and firm."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="firm_memberships")
    is_admin = models.BooleanField(_("administrator"), default=False)
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [models.UniqueConstraint(fields=["firm", "user"], condition=models.Q(left_at__isnull=True),
                                               name="accounts_one_current_membership")]
        indexes = [models.Index(fields=["user", "left_at"])]

    def __str__(self):
        return f"{self.user_id} in {self.firm_id}"
