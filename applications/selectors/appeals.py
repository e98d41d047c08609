"""Reads of appeals: who may see a case to appeal it, and an appeal as every channel describes it."""

from django.http import Http404

from applications import hooks
from applications.models import Appeal, Case
from applications.selectors.cases import get_case_for_user
from applications.texts import APPEAL_STATUS_TEXT


def get_case_for_appeal(*, user, reference: str) -> Case:
    """The case for its applicant, representatives and staff (``get_case_for_user``), or for a party a
    registered ``hooks.appeal_party_checkers`` accepts; 404 otherwise."""
    try:
        return get_case_for_user(user=user, reference=reference)
    except Http404:
        case = (Case.objects.select_related("property", "application_type", "applicant")
                .filter(reference=reference).exclude(status=Case.Status.DRAFT).first())
        if case is not None and hooks.is_appeal_party(case=case, user=user):
            return case
        raise


def appeals_of(*, case: Case, user=None, include_staff: bool = False) -> list[Appeal]:
    """The case's appeals: staff and the case's owners see all, a party only their own."""
    qs = Appeal.objects.filter(case=case).prefetch_related("attachments").order_by("lodged_at", "id")
    if not include_staff and user is not None and case.applicant_id != user.pk and \
            not case.representatives.filter(user=user, accepted_at__isnull=False).exists():
        qs = qs.filter(appellant=user)
    return list(qs)


def appeal_data(*, appeal: Appeal, include_staff: bool = False) -> dict:
    data = {"id": appeal.pk, "status": appeal.status, "status_text": str(APPEAL_STATUS_TEXT[appeal.status]),
            "open": appeal.is_open, "role": appeal.role, "channel": appeal.channel,
            "received_on": appeal.received_on, "sent_on": appeal.sent_on, "ended_at": appeal.ended_at,
            "grounds": appeal.grounds}
    if include_staff:
        data.update({"appellant_name": appeal.appellant_name, "appellant_email": appeal.appellant_email,
                     "outcome_note": appeal.outcome_note})
    return data


def staff_open_appeals(*, case: Case) -> list[Appeal]:
    return [a for a in appeals_of(case=case, include_staff=True) if a.is_open]
