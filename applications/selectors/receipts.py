from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from applications.models import Case, ChecklistItem
from applications.selectors.status import case_status


def receipt_context(*, case: Case) -> dict:
    documents = list(case.documents.filter(superseded_at__isnull=True).select_related("requirement")
                     .order_by("requirement__order", "uploaded_at"))
    not_relevant = list(ChecklistItem.objects.filter(case=case, is_active=True,
                                                     state=ChecklistItem.State.NOT_RELEVANT)
                        .select_related("requirement"))
    status = case_status(case)
    clock = status["clock"]
    return {
        "case": case,
        "documents": documents,
        "not_relevant": not_relevant,
        "clock": clock,
        # The receipt records what we promised at submission: the first date, and the target that adds up to it
        # (the type may have changed since). The current date is on the case page.
        "submitted_target": submitted_target(case=case, allowance=clock["screening_allowance_days"]),
        "case_link": settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference}),
        "status": status,
        "contact": settings.PORTAL_CONTACT_POINTS,
    }


def submitted_target(*, case: Case, allowance: int) -> int | None:
    """The service target the first expected date was worked out with (first date - submission day - allowance)."""
    if not (case.first_expected_decision_date and case.submitted_at):
        return None
    return (case.first_expected_decision_date - timezone.localdate(case.submitted_at)).days - allowance
