"""Drafts that are left: a reminder 7 days and 1 day before a draft expires, then the draft and its files go."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from applications.models import Case
from applications.services import events

S = Case.Status

def drafts_due_for_reminder(*, days_before: int, now=None):
    now = now or timezone.now()
    start = now + timedelta(days=days_before - 1)
    end = now + timedelta(days=days_before)
    return Case.objects.filter(status=S.DRAFT, draft_expires_at__gt=start, draft_expires_at__lte=end)


def send_draft_reminders(*, now=None) -> int:
    """E-mail applicants 7 days and 1 day before their draft expires (run daily)."""
    from permitportal.core.notifications import send_templated_email

    sent = 0
    for days in (7, 1):
        for case in drafts_due_for_reminder(days_before=days, now=now).select_related("applicant"):
            key = f"reminder_{days}"
            if case.events.filter(kind=key).exists():
                continue
            link = settings.SITE_URL + reverse("applications:draft_edit", kwargs={"reference": case.reference})
            send_templated_email(to=[case.applicant.email], template="applications/email/draft_reminder",
                                 context={"case": case, "days": days, "link": link},
                                 language=case.applicant.preferred_language)
            events.record(case=case, kind=key, is_public=False)
            sent += 1
    return sent


def expire_drafts(*, now=None) -> int:
    """Delete drafts past their expiry, files included."""
    now = now or timezone.now()
    count = 0
    for case in Case.objects.filter(status=S.DRAFT, draft_expires_at__lt=now):
        with transaction.atomic():
            names = [d.file.name for d in case.documents.all() if d.file]
            case.delete()
            # The files go only once the rows are gone for good.
            transaction.on_commit(lambda names=names: _delete_files(names))
        count += 1
    return count


def _delete_files(names: list[str]) -> None:
    from applications.models import Document

    storage = Document._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:  # a file already gone is not an error here
            pass
