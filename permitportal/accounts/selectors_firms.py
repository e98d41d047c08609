"""Reads for firm accounts (issue 20, item 3). Whether a member sees a firm's cases is decided where every
case's access is: ``applications.selectors.cases._own`` asks ``current_member_firms`` here."""

from django.db.models import QuerySet
from django.http import Http404

from permitportal.core import limits

from .models import Firm, FirmMembership, NationalIdentity


def current_memberships(*, user) -> QuerySet[FirmMembership]:
    """The user's current memberships (not left), with their firms."""
    if not getattr(user, "is_authenticated", False):
        return FirmMembership.objects.none()
    return FirmMembership.objects.filter(user=user, left_at__isnull=True).select_related("firm")


def current_member_firms(*, user) -> QuerySet:
    """The ids of the firms the user is a member of now: a subquery for the case access rule."""
    return FirmMembership.objects.filter(user=user, left_at__isnull=True).values("firm_id")


def firms_of(*, user) -> list[Firm]:
    return [m.firm for m in current_memberships(user=user).order_by("firm__name")]


def firm_for_member(*, user, firm_id) -> tuple[Firm, FirmMembership]:
    """The firm and the user's current membership of it; Http404 for anyone else (a member who left too)."""
    if not isinstance(firm_id, int) or not 0 < firm_id <= limits.ID:  # beyond the column: no such firm
        raise Http404("No such firm")
    membership = current_memberships(user=user).filter(firm_id=firm_id).first()
    if membership is None:
        raise Http404("No such firm")
    return membership.firm, membership


def members_of(*, firm: Firm) -> list[FirmMembership]:
    return list(FirmMembership.objects.filter(firm=firm, left_at__isnull=True).select_related("user")
                .order_by("-is_admin", "user__email"))


def verified_cvr(*, user) -> str:
    """The CVR number the user's national login verified, or ""."""
    return NationalIdentity.objects.filter(user=user).values_list("cvr", flat=True).first() or ""
