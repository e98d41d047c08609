"""Reads of digital mandates."""

from django.db.models import Q
from django.utils import timezone

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
