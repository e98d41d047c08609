"""Tell applicants (and their representatives) what happened, in their language, by their channels.

Called from Celery tasks enqueued by the core's signals; each message is sent once (NotificationSent).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from applications.models import Case, InformationRequest, NotificationSent
from applications.selectors.status import case_status, date_change
from permitportal.core.notifications import send_sms, send_templated_email


def recipients(case: Case) -> list:
    people = [case.applicant]
    people += [rep.user for rep in case.representatives.filter(accepted_at__isnull=False).select_related("user")]
    return [p for p in people if p is not None and p.is_active]


def _once(key: str, case: Case, channel: str) -> bool:
    try:
        with transaction.atomic():
            NotificationSent.objects.create(key=key[:120], case=case, channel=channel)
        return True
    except IntegrityError:
        return False


def notify_status_change(*, case_id: int, to_status: str, event_id: int) -> int:
    case = Case.objects.select_related("applicant", "application_type").get(pk=case_id)
    link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
    sent = 0
    for person in recipients(case):
        with translation.override(person.preferred_language):
            status = case_status(case)
            text = status["text"]
            if person.notify_by_email and _once(f"status:{event_id}:{person.pk}:email", case, "email"):
                send_templated_email(to=[person.email], template="applications/email/status_changed",
                                     context={"case": case, "status_text": text, "status": status, "link": link,
                                              "person": person},
                                     language=person.preferred_language)
                sent += 1
            if person.notify_by_sms and person.phone and _once(f"status:{event_id}:{person.pk}:sms", case, "sms"):
                send_sms(to=person.phone, text=f"{case.reference}: {text} {link}")
                sent += 1
    return sent


def notify_information_request(*, request_id: int) -> int:
    request = InformationRequest.objects.select_related("case", "case__applicant").get(pk=request_id)
    case = request.case
    link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
    items = list(request.items.select_related("requirement"))
    sent = 0
    for person in recipients(case):
        if person.notify_by_email and _once(f"request:{request.pk}:{person.pk}:email", case, "email"):
            send_templated_email(to=[person.email], template="applications/email/information_request",
                                 context={"case": case, "request": request, "items": items, "link": link},
                                 language=person.preferred_language)
            sent += 1
        if person.notify_by_sms and person.phone and _once(f"request:{request.pk}:{person.pk}:sms", case, "sms"):
            with translation.override(person.preferred_language):
                from django.utils.translation import gettext as _

                send_sms(to=person.phone, text=_("%(reference)s: we need more information. See %(link)s")
                         % {"reference": case.reference, "link": link})
            sent += 1
    return sent


def notify_date_changes(*, case_id: int) -> int:
    """E-mail each person following the case the moves of its expected decision date not yet sent to them:
    one e-mail with every such move, its old and new date and its reason, in the person's language."""
    case = Case.objects.select_related("applicant").get(pk=case_id)
    link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
    changes = list(case.events.filter(kind="date_changed", is_public=True).order_by("at", "id"))
    sent = 0
    for person in recipients(case):
        if not person.notify_by_email:
            continue
        news = [event for event in changes if _once(f"date:{event.pk}:{person.pk}:email", case, "email")]
        if not news:
            continue
        with translation.override(person.preferred_language):
            moves = [date_change(event) for event in news]
        send_templated_email(to=[person.email], template="applications/email/date_changed",
                             context={"case": case, "changes": moves, "expected": case.expected_decision_date,
                                      "link": link, "person": person},
                             language=person.preferred_language)
        sent += 1
    return sent


def notify_appeal(*, appeal_id: int, what: str) -> int:
    """Tell the appellant and the case's applicant (and representatives) what happened to an appeal:
    lodged, sent to the appeals body, or its outcome. Each person once per step."""
    from applications.models import Appeal
    from applications.texts import EVENT_TEXT

    appeal = Appeal.objects.select_related("case", "case__applicant", "appellant").get(pk=appeal_id)
    case = appeal.case
    link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
    # Keyed by e-mail address so no one gets it twice; the once-key names the person, not the address.
    people = {p.email.lower(): (f"u{p.pk}", p.email, p.preferred_language, p.notify_by_email)
              for p in recipients(case)}
    if appeal.appellant_id and appeal.appellant.is_active:
        a = appeal.appellant
        people.setdefault(a.email.lower(), (f"u{a.pk}", a.email, a.preferred_language, True))
    elif appeal.appellant_email:
        people.setdefault(appeal.appellant_email.lower(),
                          ("appellant", appeal.appellant_email, settings.LANGUAGE_CODE, True))
    day = appeal.sent_on if what == Appeal.Status.FORWARDED else appeal.received_on
    sent = 0
    for who, email, language, wanted in people.values():
        if not wanted or not _once(f"appeal:{appeal.pk}:{what}:{who}", case, "email"):
            continue
        with translation.override(language):
            text = str(EVENT_TEXT[f"appeal:{what}"]) % {"date": date_format(day, "j F Y")}
            send_templated_email(to=[email], template="applications/email/appeal",
                                 context={"case": case, "appeal": appeal, "text": text, "link": link,
                                          "status_text": case_status(case)["text"]}, language=language)
        sent += 1
    return sent


def send_once(*, key: str, case: Case, person, template: str, context: dict) -> int:
    """E-mail ``person`` once for ``key`` (in their language), if they take e-mails; 1 when sent."""
    if not person.notify_by_email or not _once(key, case, "email"):
        return 0
    send_templated_email(to=[person.email], template=template, context={**context, "person": person},
                         language=person.preferred_language)
    return 1
