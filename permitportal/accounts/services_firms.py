"""Writes for firm accounts (issue 20, item 3): a firm is created from a verified national login's CVR number,
its administrators add and remove members; a firm never loses its last administrator. Reads: selectors_firms."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from permitportal.core import audit, limits
from permitportal.core.errors import Invalid, NotAllowed
from permitportal.core.notifications import send_templated_email

from .models import Firm, FirmMembership, NationalIdentity, validate_cvr
from .services_invitations import account_for_email, invitation_link, is_invited


class FirmError(Invalid):
    """A problem a person can act on (400)."""


class FirmNotAllowed(NotAllowed):
    """Not possible now (409): no verified CVR, the last administrator, not an administrator."""


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > limits.NAME or not name.isprintable():
        raise FirmError(_("Give the firm's name (at most %(limit)d characters).") % {"limit": limits.NAME})
    return name


@transaction.atomic
def create_firm(*, user, name: str) -> Firm:
    """The firm for the CVR number the user's national login verified, with the user as its administrator.
    Without a verified CVR nothing is made: the portal does not look numbers up in the CVR register, so a
    firm exists only for a number a business login vouched for."""
    identity = NationalIdentity.objects.filter(user=user).first()
    cvr = identity.cvr if identity is not None else ""
    if not cvr:
        raise FirmNotAllowed(_("Only someone who has logged in with their business login (MitID Erhverv) can create "
                               "a firm: the firm's CVR number comes from that login. Log in that way first."),
                             code="no_verified_cvr")
    validate_cvr(cvr)
    name = _clean_name(name)
    exists = FirmNotAllowed(_("A firm with CVR %(cvr)s already exists in the portal. Ask its administrator to add "
                              "you.") % {"cvr": cvr}, code="firm_exists")
    if Firm.objects.filter(cvr=cvr).exists():
        raise exists
    try:
        with transaction.atomic():  # two people of one firm at once: the unique CVR lets one through
            firm = Firm.objects.create(cvr=cvr, name=name, created_by=user)
    except IntegrityError as exc:
        raise exists from exc
    FirmMembership.objects.create(firm=firm, user=user, is_admin=True, added_by=user)
    return firm


def _locked_members(firm: Firm):
    """The firm's current memberships, locked: two administrators changing the firm at once take turns."""
    Firm.objects.select_for_update().get(pk=firm.pk)
    return list(FirmMembership.objects.filter(firm=firm, left_at__isnull=True).select_related("user"))


def _ensure_admin(members, actor) -> None:
    if not any(m.user_id == actor.pk and m.is_admin for m in members):
        raise FirmNotAllowed(_("Only the firm's administrators can change its members."), code="not_admin")


@transaction.atomic
def add_member(*, firm: Firm, actor, email: str, full_name: str = "", is_admin: bool = False) -> FirmMembership:
    """Add a member by e-mail: an existing account at once; for an address without one, an account is made
    and the person is invited to choose a password. Either way they are told by e-mail."""
    members = _locked_members(firm)
    _ensure_admin(members, actor)
    user, created = account_for_email(email=email, full_name=full_name, language=actor.preferred_language)
    if any(m.user_id == user.pk for m in members):
        raise FirmError(_("%(email)s is already a member of the firm.") % {"email": user.email})
    membership = FirmMembership.objects.create(firm=firm, user=user, is_admin=bool(is_admin), added_by=actor)
    audit.record(actor=actor, action="firm_member_added", object_type="firm", object_id=firm.pk, detail=user.email)
    path = reverse("applications:my_applications")
    link = invitation_link(user=user, next_path=path) if is_invited(user) else settings.SITE_URL + path
    from permitportal.accounts import tasks
    from permitportal.core.tasks import enqueue

    enqueue(tasks.send_firm_member_email, membership.pk, link)
    return membership


def mail_new_member(*, membership_id: int, link: str) -> int:
    """Tell a new member by e-mail (the task ``send_firm_member_email``, after the commit); 0 when the membership
    is gone or has ended since."""
    membership = (FirmMembership.objects.select_related("user", "firm", "added_by")
                  .filter(pk=membership_id, left_at__isnull=True).first())
    if membership is None:
        return 0
    user = membership.user
    context = {"user": user, "firm": membership.firm, "by": membership.added_by, "link": link,
               "invited": is_invited(user)}
    return send_templated_email(to=[user.email], template="accounts/email/firm_member", context=context,
                                language=user.preferred_language)


@transaction.atomic
def remove_member(*, membership: FirmMembership, actor) -> FirmMembership:
    """End a membership (an administrator removes a member, or a member leaves): from now on the person sees
    none of the firm's cases. The firm's last administrator cannot go."""
    members = _locked_members(membership.firm)
    current = next((m for m in members if m.pk == membership.pk), None)
    if current is None:
        raise FirmNotAllowed(_("This person is no longer a member of the firm."), code="not_member")
    if current.user_id != actor.pk:
        _ensure_admin(members, actor)
    if current.is_admin and sum(1 for m in members if m.is_admin) == 1:
        raise FirmNotAllowed(_("The firm must keep at least one administrator. Make another member an "
                               "administrator first."), code="last_admin")
    current.left_at = timezone.now()
    current.save(update_fields=["left_at"])
    audit.record(actor=actor, action="firm_member_removed", object_type="firm", object_id=current.firm_id,
                 detail=current.user.email)
    return current


@transaction.atomic
def set_admin(*, membership: FirmMembership, actor, is_admin: bool) -> FirmMembership:
    """Make a member an administrator, or not (never the last one)."""
    members = _locked_members(membership.firm)
    _ensure_admin(members, actor)
    current = next((m for m in members if m.pk == membership.pk), None)
    if current is None:
        raise FirmNotAllowed(_("This person is no longer a member of the firm."), code="not_member")
    if current.is_admin and not is_admin and sum(1 for m in members if m.is_admin) == 1:
        raise FirmNotAllowed(_("The firm must keep at least one administrator. Make another member an "
                               "administrator first."), code="last_admin")
    current.is_admin = bool(is_admin)
    current.save(update_fields=["is_admin"])
    return current
