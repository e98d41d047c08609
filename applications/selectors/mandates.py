"""Reads of digital mandates."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case, CaseRepresentative, Mandate

POWER_OF_ATTORNEY = "power-of-attorney"  # the catalogue's requirement a granted mandate satisfies


def has_granted_mandate(*, case: Case) -> bool:
    """Whether a granted mandate, not past its last day, covers ``case``: one given on the case, or one on
    its property given to its applicant or to one of its accepted representatives."""
    agents = [case.applicant_id, *CaseRepresentative.objects.filter(
        case=case, accepted_at__isnull=False, user__isnull=False).values_list("user_id", flat=True)]
    return Mandate.objects.filter(
        Q(case=case) | Q(scope=Mandate.Scope.PROPERTY, property_id=case.property_id, agent_id__in=agents),
        status=Mandate.Status.GRANTED, valid_until__gte=timezone.localdate()).exists()


def mandates_on_case(*, case: Case):
    return list(case.mandates.select_related("agent", "owner").order_by("-requested_at"))


def mandate_for_owner(*, token: str, user) -> Mandate:
    """The mandate behind the owner's link, for the owner only (``MandateNotAllowed`` for anyone else,
    the same as for a link that does not exist)."""
    from applications.services.mandate_transitions import MandateNotAllowed

    mandate = Mandate.objects.select_related("case__property", "agent").filter(token=token).first()
    if mandate is None or not user.is_authenticated or user.email.lower() != mandate.owner_email.lower():
        raise MandateNotAllowed(_("This link is not for you. Log in with the e-mail address it was sent to."))
    return mandate
