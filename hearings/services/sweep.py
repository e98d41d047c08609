"""The daily sweep: reminders to parties who have not answered, the caseworker's advisory when all have
answered or the deadline has passed, and closing hearings whose grace period is over. Each step marks
what it did in the same transaction, so running the sweep twice sends nothing twice."""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from applications.models import Advisory
from applications.services.advisories import raise_advisory
from permitportal.core.tasks import enqueue

from .. import conf
from ..models import Hearing, HearingEvent, Party
from .answers import link_expires_on
from .transitions import transition_hearing

H = Hearing.Status


def send_reminders(*, today: date | None = None) -> int:
    """Mark and e-mail each party not yet answered whose deadline is within ``conf.reminder_days``."""
    from ..tasks import send_reminder

    today = today or timezone.localdate()
    due = Party.objects.filter(status=Party.Status.INVITED, reminded_at__isnull=True, hearing__status=H.OPEN,
                               hearing__deadline__gte=today,
                               hearing__deadline__lte=today + timedelta(days=conf.reminder_days()))
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            marked = Party.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=timezone.now())
            if marked:
                party = Party.objects.get(pk=pk)
                HearingEvent.objects.create(hearing_id=party.hearing_id, party=party, kind="reminded")
                enqueue(send_reminder, pk)
                sent += 1
    return sent


def advise_ready(*, today: date | None = None) -> int:
    """One advisory per hearing to the case's caseworker: all have answered, or the deadline has passed."""
    today = today or timezone.localdate()
    waiting = Party.objects.filter(hearing=OuterRef("pk"), status=Party.Status.INVITED)
    ready = (Hearing.objects.filter(status=H.OPEN, ready_advised_at__isnull=True)
             .filter(Q(deadline__lt=today) | ~Exists(waiting)).select_related("case__caseworker"))
    advised = 0
    for hearing in ready:
        with transaction.atomic():
            if not Hearing.objects.filter(pk=hearing.pk, ready_advised_at__isnull=True).update(
                    ready_advised_at=timezone.now()):
                continue
            all_answered = not hearing.parties.filter(status=Party.Status.INVITED).exists()
            raise_advisory(kind=Advisory.Kind.HEARING_READY, case=hearing.case,
                           params={"text": "hearing_answered" if all_answered else "hearing_deadline_passed",
                                   "kind": hearing.kind, "date": hearing.deadline.isoformat()},
                           dedupe_key=f"hearing-ready:{hearing.pk}")
            advised += 1
    return advised


def close_expired(*, today: date | None = None) -> int:
    """Close open hearings whose link period (deadline plus grace) is over."""
    today = today or timezone.localdate()
    closed = 0
    for hearing in Hearing.objects.filter(status=H.OPEN, deadline__lt=today - timedelta(days=conf.grace_days())):
        if link_expires_on(hearing) < today:
            transition_hearing(hearing=hearing, to=H.CLOSED, kind="closed_after_deadline")
            closed += 1
    return closed


def sweep(*, today: date | None = None) -> dict:
    return {"reminded": send_reminders(today=today), "advised": advise_ready(today=today),
            "closed": close_expired(today=today)}
