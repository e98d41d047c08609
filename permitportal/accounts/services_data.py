"""Data protection for a person with an account: everything we hold about them as JSON, and deleting
the account where no record requires us to keep it.

Each app says what it holds, what blocks deletion and what goes with the account through the
registry ``permitportal.accounts.personal_data``; this module knows no feature app.
"""

from django.db import transaction
from django.utils import timezone

from permitportal.core import audit

from .models import FirmMembership
from .personal_data import holders, iso
from .selectors import national_identity_of


class AccountDeletionRefused(Exception):
    """The account cannot be deleted; ``reasons`` say why, in sentences a person can act on."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__(" ".join(reasons))


def export_personal_data(*, user) -> dict:
    """Everything the portal holds about ``user``: the account and its national login (deleted with the
    account: the row cascades), then each app's sections (cases, the
    cases they represent, meetings, open-house registrations, contacts)."""
    data = {
        "exported_at": iso(timezone.now()),
        "account": {"email": user.email, "full_name": user.full_name, "phone": user.phone,
                    "preferred_language": user.preferred_language, "email_verified": user.email_verified,
                    "notify_by_email": user.notify_by_email, "notify_by_sms": user.notify_by_sms,
                    "date_joined": iso(user.date_joined), "last_login": iso(user.last_login)},
    }
    identity = national_identity_of(user)
    data["national_login"] = None if identity is None else {
        "verified_name": identity.verified_name, "cvr": identity.cvr,
        "person_identifier_sha256": identity.subject_hash,
        "linked_at": iso(identity.linked_at), "last_login_at": iso(identity.last_login_at)}
    data["firm_memberships"] = [
        {"firm": m.firm.name, "cvr": m.firm.cvr, "administrator": m.is_admin, "joined_at": iso(m.joined_at),
         "left_at": iso(m.left_at)}
        for m in FirmMembership.objects.filter(user=user).select_related("firm").order_by("joined_at")]
    for holder in holders():
        if holder.export:
            data.update(holder.export(user))
    return data


def deletion_blockers(*, user) -> list[str]:
    """Why the account cannot be deleted now (empty when it can): the last administrator of a firm with other
    members hands over first; then each app's reasons."""
    from django.utils.translation import gettext as _

    reasons = []
    for membership in FirmMembership.objects.filter(user=user, left_at__isnull=True, is_admin=True).select_related(
            "firm"):
        others = FirmMembership.objects.filter(firm=membership.firm, left_at__isnull=True).exclude(user=user)
        if others.exists() and not others.filter(is_admin=True).exists():
            reasons.append(_("You are the only administrator of %(firm)s: make another member an administrator "
                             "first.") % {"firm": membership.firm.name})
    return reasons + [reason for holder in holders() if holder.blockers for reason in holder.blockers(user)]


@transaction.atomic
def delete_account(*, user) -> int:
    """Delete the account with what goes with it (the applicant's drafts and their files). Refuses
    (``AccountDeletionRefused``) while a record the authority keeps needs the account. Returns the
    number of records the apps deleted."""
    from .models import User

    locked = User.objects.select_for_update().get(pk=user.pk)
    reasons = deletion_blockers(user=locked)
    if reasons:
        raise AccountDeletionRefused(reasons)
    deleted = {holder.name: holder.delete(locked) for holder in holders() if holder.delete}
    user_id = locked.pk
    locked.delete()
    audit.record(actor=None, action="account_deleted", object_type="user", object_id=user_id,
                 detail=", ".join(f"{name}: {count} deleted" for name, count in deleted.items()))
    return sum(deleted.values())
