"""E-mails about meetings: request received, invitation, new time, cancellation, minutes, open house.

Run by the tasks in ``predialogue.tasks``. Each is idempotent: a notice already sent (recorded as a
``MeetingEvent`` of kind ``notice:...``) is not sent again, and a notice overtaken by a newer change
(a higher calendar sequence) is skipped.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from permitportal.core.notifications import send_templated_email
from permitportal.core.pdf import render_pdf

from .ics import MIMETYPE, build_ics
from .models import Meeting, MeetingEvent, Minutes, OpenHouseRegistration

NOTICE_TEMPLATES = {
    "invitation": "predialogue/email/invitation",
    "rescheduled": "predialogue/email/rescheduled",
    "cancelled": "predialogue/email/cancelled",
}


def _meeting_link(meeting: Meeting) -> str:
    return settings.SITE_URL + reverse("predialogue:meeting_detail", kwargs={"pk": meeting.pk})


def _already(meeting: Meeting, key: str) -> bool:
    return MeetingEvent.objects.filter(meeting=meeting, kind=f"notice:{key}").exists()


def _mark(meeting: Meeting, key: str, recipients: list[str]) -> None:
    MeetingEvent.objects.create(meeting=meeting, kind=f"notice:{key}", params={"to": recipients})


def _load(meeting_id: int) -> Meeting:
    return (Meeting.objects.select_for_update(of=("self",))
            .select_related("property", "applicant", "caseworker").get(pk=meeting_id))


def send_request_received(*, meeting_id: int) -> bool:
    with transaction.atomic():
        meeting = _load(meeting_id)
        if not meeting.contact_email or _already(meeting, "received"):
            return False
        send_templated_email(to=[meeting.contact_email], template="predialogue/email/request_received",
                             context={"meeting": meeting, "link": _meeting_link(meeting)},
                             language=meeting.language)
        _mark(meeting, "received", [meeting.contact_email])
        return True


def send_meeting_notice(*, meeting_id: int, kind: str, sequence: int) -> bool:
    """The invitation, the new time or the cancellation, with the calendar file, to the applicant (in
    their language) and to the caseworker and the other attendees (in the caseworker's language)."""
    if kind not in NOTICE_TEMPLATES:
        raise ValueError(f"Unknown notice {kind}")
    with transaction.atomic():
        meeting = _load(meeting_id)
        key = f"{kind}:{sequence}"
        if meeting.sequence != sequence or _already(meeting, key):
            return False  # overtaken by a newer change, or sent already
        if kind == "cancelled" and meeting.status != Meeting.Status.CANCELLED:
            return False
        has_time = meeting.starts_at is not None and (kind != "cancelled" or meeting.scheduled_at is not None)
        from .ics import attendees_of

        recipients = attendees_of(meeting) if has_time else [(meeting.contact_name, meeting.contact_email)]
        applicant_email = (meeting.contact_email or "").lower()
        staff_language = meeting.caseworker.preferred_language if meeting.caseworker_id else meeting.language
        sent = []
        for language, emails in (
            (meeting.language, [e for _n, e in recipients if e and e.lower() == applicant_email]),
            (staff_language, [e for _n, e in recipients if e and e.lower() != applicant_email]),
        ):
            if not emails:
                continue
            attachments = []
            if has_time:
                method = "CANCEL" if kind == "cancelled" else "REQUEST"
                attachments.append(("meeting.ics", build_ics(meeting=meeting, method=method, language=language),
                                    MIMETYPE))
            send_templated_email(to=emails, template=NOTICE_TEMPLATES[kind], language=language,
                                 context={"meeting": meeting, "link": _meeting_link(meeting),
                                          "when": timezone.localtime(meeting.starts_at) if meeting.starts_at
                                          else None},
                                 attachments=attachments)
            sent += emails
        _mark(meeting, key, sent)
        return bool(sent)


def render_minutes_pdf(*, minutes: Minutes, language: str) -> bytes:
    from .selectors import minutes_sections

    return render_pdf(template="predialogue/pdf/minutes.html",
                      context={"minutes": minutes, "meeting": minutes.meeting,
                               "sections": minutes_sections(minutes=minutes)},
                      language=language)


def minutes_filename(minutes: Minutes) -> str:
    return f"pre-application-minutes-{minutes.meeting_id}-v{minutes.version}.pdf"


def send_minutes(*, minutes_id: int) -> bool:
    """E-mail the published minutes as a PDF in the applicant's language (once)."""
    with transaction.atomic():
        minutes = (Minutes.objects.select_for_update(of=("self",))
                   .select_related("meeting", "meeting__property", "meeting__applicant", "meeting__caseworker",
                                   "application_type").get(pk=minutes_id))
        meeting = minutes.meeting
        if minutes.state != Minutes.State.PUBLISHED or minutes.emailed_at or not meeting.contact_email:
            return False
        pdf = render_minutes_pdf(minutes=minutes, language=meeting.language)
        send_templated_email(to=[meeting.contact_email], template="predialogue/email/minutes_published",
                             context={"meeting": meeting, "minutes": minutes, "link": _meeting_link(meeting)},
                             language=meeting.language,
                             attachments=[(minutes_filename(minutes), pdf, "application/pdf")])
        minutes.emailed_at = timezone.now()
        minutes.save(update_fields=["emailed_at"])
        return True


def send_registration_link(*, registration_id: int) -> bool:
    """The link that confirms an open-house registration's address. It says nothing the registering
    person wrote (not even the name): anyone can type any address into the form."""
    registration = OpenHouseRegistration.objects.select_related("session").filter(pk=registration_id).first()
    if registration is None or registration.confirmed_at or not registration.token:
        return False
    link = settings.SITE_URL + reverse("predialogue:open_house_confirm", kwargs={"token": registration.token})
    send_templated_email(to=[registration.email], template="predialogue/email/open_house_confirm",
                         context={"session": registration.session, "link": link,
                                  "starts": timezone.localtime(registration.session.starts_at),
                                  "ends": timezone.localtime(registration.session.ends_at)},
                         language=registration.language)
    return True


def send_registration_confirmation(*, registration_id: int) -> bool:
    registration = OpenHouseRegistration.objects.select_related("session", "user").get(pk=registration_id)
    if registration.confirmed_at is None:
        return False
    language = registration.language
    send_templated_email(to=[registration.email], template="predialogue/email/open_house_registered",
                         context={"registration": registration, "session": registration.session,
                                  "starts": timezone.localtime(registration.session.starts_at),
                                  "ends": timezone.localtime(registration.session.ends_at)},
                         language=language)
    return True
