from django.conf import settings
from django.utils import timezone

from applications.models import Case, ChecklistItem
from applications.selectors.status import case_status
from applications.services.clock import clock_state


def receipt_context(*, case: Case) -> dict:
    documents = list(case.documents.filter(superseded_at__isnull=True).select_related("requirement")
                     .order_by("requirement__order", "uploaded_at"))
    not_relevant = list(ChecklistItem.objects.filter(case=case, is_active=True,
                                                     state=ChecklistItem.State.NOT_RELEVANT)
                        .select_related("requirement"))
    return {
        "case": case,
        "documents": documents,
        "not_relevant": not_relevant,
        "clock": clock_state(case, today=timezone.localdate()),
        "status": case_status(case),
        "contact": settings.PORTAL_CONTACT_POINTS,
    }
