"""The receipt: a PDF with the reference, documents with checksums and the expected date."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from applications.models import Case
from applications.selectors.receipts import receipt_context
from permitportal.core.notifications import send_templated_email
from permitportal.core.pdf import render_pdf


def render_receipt_pdf(*, case: Case, language: str) -> bytes:
    return render_pdf(template="applications/pdf/receipt.html", context=receipt_context(case=case),
                      language=language)


def send_receipt(*, case_id: int) -> bool:
    """E-mail the receipt once (idempotent: a second run sends nothing).

    The PDF is rendered before the case row is locked: rendering takes a second or more, and an
    applicant's upload to the same case waits for that lock. Under the lock the run checks again that
    no receipt went out in the meantime, sends, and marks the case.
    """
    case = Case.objects.select_related("applicant").get(pk=case_id)
    if case.receipt_sent_at or case.status == Case.Status.DRAFT:
        return False
    language = case.applicant.preferred_language
    pdf = render_receipt_pdf(case=case, language=language)
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("applicant").get(pk=case_id)
        if case.receipt_sent_at or case.status == Case.Status.DRAFT:
            return False
        link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
        send_templated_email(
            to=[case.applicant.email], template="applications/email/receipt",
            context={"case": case, "link": link, **receipt_context(case=case)}, language=language,
            attachments=[(f"{case.reference}-receipt.pdf", pdf, "application/pdf")],
        )
        case.receipt_sent_at = timezone.now()
        case.save(update_fields=["receipt_sent_at"])
        return True


def sweep_unsent_receipts(*, enqueue, older_than_minutes: int = 5) -> int:
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = list(Case.objects.filter(receipt_sent_at__isnull=True, submitted_at__lt=cutoff)
               .exclude(status=Case.Status.DRAFT).values_list("pk", flat=True)[:500])
    for case_id in ids:
        enqueue(case_id)
    return len(ids)
