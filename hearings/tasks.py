"""The hearings' Celery tasks: invitations, reminders and the daily sweep (``CELERY_BEAT_SCHEDULE``).
Each is idempotent: the sweep marks before it sends, and an e-mail task only sends."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from permitportal.core.notifications import send_templated_email
from permitportal.core.tasks import RETRY

from .models import Hearing, Party


def _mail(party: Party, template: str) -> None:
    from .services.answers import link_expires_on, token_for

    hearing = party.hearing
    send_templated_email(to=[party.email], template=template, language=party.language,
                         context={"party": party, "hearing": hearing, "case": hearing.case,
                                  "link": f"{settings.SITE_URL}/hearings/answer/{token_for(party)}/",
                                  "expires_on": link_expires_on(hearing)})


@shared_task(**RETRY)
def send_invitations(hearing_id: int) -> int:
    hearing = Hearing.objects.select_related("case__property").filter(pk=hearing_id).first()
    if hearing is None:
        return 0
    sent = 0
    for party in hearing.parties.filter(invited_at__isnull=True).select_related("hearing__case__property"):
        # Marked before it is sent: a retry never invites a party twice.
        if Party.objects.filter(pk=party.pk, invited_at__isnull=True).update(invited_at=timezone.now()):
            _mail(party, "hearings/email/invitation")
            sent += 1
    return sent


@shared_task(**RETRY)
def send_reminder(party_id: int) -> int:
    party = Party.objects.select_related("hearing__case__property").filter(pk=party_id,
                                                                          status=Party.Status.INVITED).first()
    if party is None:
        return 0
    _mail(party, "hearings/email/reminder")
    return 1


@shared_task(**RETRY)
def sweep_hearings() -> dict:
    from .services.sweep import sweep

    return sweep()


@shared_task(**RETRY)
def send_decision_to_objectors(case_id: int) -> int:
    """The decision letter (with its appeal guidance) to each party who objected, once."""
    from applications.models import Decision
    from applications.services.decisions import appeal, render_letter

    decision = Decision.objects.select_related("case__property").filter(case_id=case_id).first()
    if decision is None:
        return 0
    objectors = [p for p in Party.objects.filter(hearing__case_id=case_id, status=Party.Status.ANSWERED,
                                                 no_objection=False, decision_sent_at__isnull=True)]
    if not objectors:
        return 0
    pdf = render_letter(decision=decision)
    sent = 0
    for party in objectors:
        if Party.objects.filter(pk=party.pk, decision_sent_at__isnull=True).update(decision_sent_at=timezone.now()):
            send_templated_email(to=[party.email], template="hearings/email/decision", language=party.language,
                                 context={"party": party, "case": decision.case, "appeal": appeal(decision=decision)},
                                 attachments=[(f"{decision.case.reference}-decision.pdf", pdf, "application/pdf")])
            sent += 1
    return sent
