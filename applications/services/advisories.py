"""Advisories: messages to a caseworker or to the triage queue, raised once per cause."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from applications.models import Advisory, Case, InformationRequest

S = Case.Status
OPEN_STATUSES = (S.SUBMITTED, S.AWAITING_INFORMATION, S.COMPLETE, S.IN_REVIEW)


def raise_advisory(*, kind: str, case: Case | None = None, recipient=None, params: dict | None = None,
                   dedupe_key: str | None = None, municipality_id: int | None = None) -> Advisory | None:
    """Create an advisory; with a ``dedupe_key`` a second call for the same cause creates nothing. It
    belongs to the case's municipality, or without a case to ``municipality_id`` (whose triage queue
    gets it)."""
    if case is not None:
        municipality_id = case.property.municipality_id
    if recipient is None and case is not None and case.caseworker_id:
        recipient = case.caseworker
    if dedupe_key and Advisory.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    try:
        with transaction.atomic():
            return Advisory.objects.create(kind=kind, case=case, recipient=recipient, params=params or {},
                                           dedupe_key=dedupe_key, municipality_id=municipality_id)
    except IntegrityError:
        return None


def mark_read(*, advisory: Advisory, user) -> Advisory:
    if advisory.read_at is None:
        advisory.read_at = timezone.now()
        advisory.read_by = user
        advisory.save(update_fields=["read_at", "read_by"])
    return advisory


def mark_all_read(*, user) -> int:
    from applications.selectors.advisories import inbox_queryset

    return inbox_queryset(user=user).filter(read_at__isnull=True).update(read_at=timezone.now(), read_by=user)


def sweep_targets_at_risk(*, today=None) -> int:
    """Advise when an open case's expected date is within TARGET_AT_RISK_DAYS (once per date)."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.TARGET_AT_RISK_DAYS)
    count = 0
    for case in (Case.objects.filter(status__in=(S.SUBMITTED, S.COMPLETE, S.IN_REVIEW),
                                     expected_decision_date__lte=horizon)
                 .select_related("caseworker").only("id", "reference", "expected_decision_date", "caseworker")):
        key = f"at_risk:{case.pk}:{case.expected_decision_date.isoformat()}"
        if raise_advisory(kind=Advisory.Kind.TARGET_AT_RISK, case=case, dedupe_key=key,
                          params={"reference": case.reference, "date": case.expected_decision_date.isoformat()}):
            count += 1
    return count


def sweep_screening_due(*, today=None) -> int:
    """Advise the team leads (managers) when a submitted case has not been found complete (or asked for more
    information) and its screening deadline is tomorrow or has passed: once per case and deadline."""
    from applications.services.clock import screening_allowance_days, screening_deadline
    from permitportal.accounts import roles
    from permitportal.accounts.models import User

    today = today or timezone.localdate()
    tomorrow = today + timedelta(days=1)
    # Paused days only put the deadline later: a case submitted after this cannot be due by tomorrow.
    latest = timezone.make_aware(datetime.combine(tomorrow - timedelta(days=screening_allowance_days() - 1),
                                                  time.min))
    due = [case for case in Case.objects.filter(status=S.SUBMITTED, submitted_at__lt=latest)
           if (deadline := screening_deadline(case, today=today)) and deadline <= tomorrow]
    if not due:
        return 0
    leads = list(User.objects.filter(groups__name=roles.MANAGER, is_active=True).distinct())
    count = 0
    for case in due:
        deadline = screening_deadline(case, today=today).isoformat()
        for lead in leads:
            if raise_advisory(kind=Advisory.Kind.SCREENING_DUE, case=case, recipient=lead,
                              dedupe_key=f"screening_due:{case.pk}:{deadline}:{lead.pk}",
                              params={"reference": case.reference, "date": deadline}):
                count += 1
    return count


def sweep_overdue_requests(*, today=None) -> int:
    today = today or timezone.localdate()
    count = 0
    for request in (InformationRequest.objects.filter(state=InformationRequest.State.OPEN, due_date__lt=today,
                                                      overdue_advised_at__isnull=True)
                    .select_related("case", "case__caseworker")):
        raise_advisory(kind=Advisory.Kind.REQUEST_OVERDUE, case=request.case,
                       dedupe_key=f"overdue:{request.pk}",
                       params={"reference": request.case.reference, "due": request.due_date.isoformat()})
        request.overdue_advised_at = timezone.now()
        request.save(update_fields=["overdue_advised_at"])
        count += 1
    return count


def send_daily_digests(*, now=None) -> int:
    """E-mail each caseworker who wants it a digest of their unread advisories."""
    from applications.selectors.advisories import inbox_for_display
    from permitportal.accounts.models import User
    from permitportal.core.notifications import send_templated_email

    sent = 0
    for user in User.objects.filter(groups__name="caseworker", is_active=True, notify_by_email=True).distinct():
        with translation.override(user.preferred_language):  # the texts are rendered in the reader's language
            items = inbox_for_display(user=user, limit=50, unread_only=True)
        if not items:
            continue
        send_templated_email(to=[user.email], template="applications/email/advisory_digest",
                             context={"user": user, "items": items}, language=user.preferred_language)
        sent += 1
    return sent
