"""Every write of the satisfaction app: inviting, sending, answering, declining and opting out.

The invitation link carries a signed token (``django.core.signing``, salted, timestamped): it needs no
login, expires after ``SATISFACTION_INVITATION_DAYS`` days (default 30) and works once. The token holds
the invitation's id and a random nonce stored on the invitation, so a token for another invitation
cannot be made without the secret key.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case
from permitportal.core.notifications import send_templated_email
from permitportal.core.tasks import enqueue

from .daily_counts import (
    count_up,
    recount_satisfaction_days,  # noqa: F401  (the rebuild command and the benchmark call it here)
)
from .models import (
    MAX_QUESTIONS,
    SCALE,
    Channel,
    Invitation,
    OptOut,
    Response,
    Survey,
    Touchpoint,
)

logger = logging.getLogger(__name__)

TOKEN_SALT = "satisfaction.invitation"
# The same person is asked about a dialogue-team contact at most once in this many days.
QUIET_DAYS = {Touchpoint.DIALOGUE_CONTACT: 30}


def invitation_days() -> int:
    return int(getattr(settings, "SATISFACTION_INVITATION_DAYS", 30))


# --- Errors --------------------------------------------------------------------------------------------------------

class SurveyLinkError(Exception):
    """The link cannot be used. ``status`` is the HTTP status the page answers with."""

    status = 400
    kind = "invalid"


class LinkInvalid(SurveyLinkError):
    status, kind = 400, "invalid"


class LinkExpired(SurveyLinkError):
    status, kind = 410, "expired"


class AlreadyAnswered(SurveyLinkError):
    status, kind = 410, "answered"


class AlreadyDeclined(SurveyLinkError):
    status, kind = 410, "declined"


class InvitationNotFound(SurveyLinkError):
    status, kind = 404, "not_found"


class ResponseInvalid(Exception):
    """The answers cannot be stored; ``errors`` maps a field name to a message for a person."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))


# --- Inviting ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Recipient:
    email: str
    language: str


def _normalise(email: str) -> str:
    return (email or "").strip().lower()


def is_opted_out(email: str) -> bool:
    return OptOut.objects.filter(email=_normalise(email)).exists()


@transaction.atomic
def invite(*, touchpoint: str, source_key: str, recipient: Recipient | None, channel: str, customer_group: str,
           case: Case | None = None, at=None, municipality_id: int | None = None) -> Invitation | None:
    """Create the invitation for one touchpoint (``at``: when it happened; default now) and send it once
    the transaction commits.

    Returns None (and creates nothing) when there is nobody to ask, the survey is switched off, the
    address opted out, the same person was asked about this touchpoint lately, or this touchpoint of
    this case (or source) was asked about already.
    """
    email = _normalise(recipient.email if recipient else "")
    if not email or "@" not in email:
        return None
    survey = Survey.objects.filter(touchpoint=touchpoint, is_active=True).first()
    if survey is None or is_opted_out(email):
        return None
    if case is not None and Invitation.objects.filter(touchpoint=touchpoint, case=case).exists():
        return None
    if Invitation.objects.filter(touchpoint=touchpoint, source_key=source_key).exists():
        return None
    quiet = QUIET_DAYS.get(touchpoint)
    now = timezone.now()
    if quiet and Invitation.objects.filter(email=email, touchpoint=touchpoint,
                                           created_at__gte=now - timedelta(days=quiet)).exists():
        return None
    day = timezone.localdate(at or now)
    if case is not None:
        municipality_id = case.property.municipality_id
    if municipality_id is None:
        from applications.models.municipality import default_municipality_id

        municipality_id = default_municipality_id()
    from applications.models import Municipality

    if not Municipality.objects.filter(pk=municipality_id, surveys_enabled=True).exists():
        return None  # the municipality's survey setting: switched off
    language = recipient.language if recipient.language in dict(settings.LANGUAGES) else "da"
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                survey=survey, touchpoint=touchpoint, channel=channel, customer_group=customer_group, case=case,
                source_key=source_key, email=email, language=language, nonce=secrets.token_hex(8),
                municipality_id=municipality_id,
                touchpoint_on=day, month=day.replace(day=1), created_at=now)
    except IntegrityError:  # a concurrent receiver invited first: one invitation is enough
        return None
    from satisfaction import tasks

    enqueue(tasks.send_invitation, invitation.pk)
    return invitation


def _user_recipient(user) -> Recipient | None:
    if user is None or not user.email:
        return None
    return Recipient(user.email, user.preferred_language or "da")


def invite_after_submission(*, case: Case) -> Invitation | None:
    """How easy was it to apply, was it clear which documents were needed."""
    return invite(touchpoint=Touchpoint.SUBMISSION, source_key=f"case:{case.pk}", case=case,
                  recipient=_user_recipient(case.applicant), channel=Channel.PORTAL,
                  customer_group=case.customer_group, at=case.submitted_at)


def invite_after_decision(*, case: Case) -> Invitation | None:
    """Treatment, processing time, overall."""
    return invite(touchpoint=Touchpoint.DECISION, source_key=f"case:{case.pk}", case=case,
                  recipient=_user_recipient(case.applicant), channel=Channel.PORTAL,
                  customer_group=case.customer_group, at=case.decided_at)


def contact_recipient(contact) -> Recipient | None:
    """Whom to ask about a dialogue-team contact: the caller's e-mail, the person who asked in the portal,
    or the linked case's applicant. None when there is no e-mail to reach."""
    candidates = []
    if contact.caller_email:
        candidates.append((contact.caller_email, None))
    if contact.asked_by_id:
        candidates.append((contact.asked_by.email, contact.asked_by))
    if contact.case_id:
        candidates.append((contact.case.applicant.email, contact.case.applicant))
    for email, user in candidates:
        if email:
            language = user.preferred_language if user else _language_of_address(email)
            return Recipient(email, language)
    return None


def _language_of_address(email: str) -> str:
    """A caller's e-mail: use the language of the account with that address when there is one."""
    from permitportal.accounts.models import User

    language = User.objects.filter(email__iexact=email).values_list("preferred_language", flat=True).first()
    return language or "da"


def invite_after_contact(*, contact) -> Invitation | None:
    # A question asked in the portal is a touchpoint once it has been answered.
    if contact.channel == Channel.PORTAL and contact.asked_by_id and contact.answered_at is None:
        return None
    channel = contact.channel if contact.channel in Channel.values else Channel.PHONE
    return invite(touchpoint=Touchpoint.DIALOGUE_CONTACT, source_key=f"contact:{contact.pk}",
                  case=contact.case if contact.case_id else None, recipient=contact_recipient(contact),
                  channel=channel, customer_group=contact.customer_group, at=contact.created_at,
                  municipality_id=contact.municipality_id)


def invite_after_meeting(*, meeting) -> Invitation | None:
    email = meeting.contact_email
    case = meeting.case if meeting.case_id else None
    # Before any application the customer group is not known: counted as a private customer.
    group = case.customer_group if case else Case.CustomerGroup.PRIVATE
    recipient = Recipient(email, meeting.language) if email else None
    return invite(touchpoint=Touchpoint.PREDIALOGUE_MEETING, source_key=f"meeting:{meeting.pk}", case=case,
                  recipient=recipient, channel=Channel.MEETING, customer_group=group, at=meeting.held_at,
                  municipality_id=meeting.property.municipality_id)


def invite_after_hearing_answer(*, party) -> Invitation | None:
    """A party's first answer to a hearing, where the case's municipality asks parties (``hearing_survey``):
    how clear the material was and how easy it was to answer. Each party once (not one per case: a hearing has
    several parties). Parties are not applicants: counted as private customers."""
    case = party.hearing.case
    if not case.property.municipality.hearing_survey:
        return None
    return invite(touchpoint=Touchpoint.HEARING_ANSWER, source_key=f"party:{party.pk}", case=None,
                  recipient=Recipient(party.email, party.language), channel=Channel.PORTAL,
                  customer_group=Case.CustomerGroup.PRIVATE, at=party.answered_at,
                  municipality_id=case.property.municipality_id)


# --- Sending -------------------------------------------------------------------------------------------------------

def make_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=TOKEN_SALT, compress=False)


@transaction.atomic
def send_invitation(*, invitation_id: int) -> bool:
    """Send the e-mail once. Returns False when there is nothing to send (already sent, answered,
    cancelled, or the address opted out meanwhile)."""
    invitation = (Invitation.objects.select_for_update(of=("self",)).select_related("survey", "case")
                  .filter(pk=invitation_id).first())
    if invitation is None or invitation.state != Invitation.State.PENDING:
        return False
    if is_opted_out(invitation.email):
        invitation.state = Invitation.State.CANCELLED
        invitation.save(update_fields=["state"])
        return False
    token = make_token(invitation)
    base = settings.SITE_URL.rstrip("/")
    now = timezone.now()
    send_templated_email(
        to=[invitation.email], template="satisfaction/email/invitation", language=invitation.language,
        context={"invitation": invitation, "survey": invitation.survey, "case": invitation.case,
                 "question_count": invitation.survey.questions.count(),
                 "link": base + reverse("satisfaction:survey", args=[token]),
                 "decline_link": base + reverse("satisfaction:decline", args=[token]),
                 "expires_on": timezone.localdate(now) + timedelta(days=invitation_days())})
    invitation.state = Invitation.State.SENT
    invitation.sent_at = now
    invitation.save(update_fields=["state", "sent_at"])
    count_up(invitation, invitations=1)
    return True


def pending_invitation_ids(*, older_than_minutes: int = 10, max_age_days: int = 7) -> list[int]:
    """Invitations never sent (the broker was down): the periodic sweep sends them."""
    now = timezone.now()
    return list(Invitation.objects.filter(
        state=Invitation.State.PENDING, created_at__lte=now - timedelta(minutes=older_than_minutes),
        created_at__gte=now - timedelta(days=max_age_days)).order_by("id").values_list("id", flat=True)[:1000])


# --- The link ------------------------------------------------------------------------------------------------------

def _load(token: str) -> tuple[dict, bool]:
    """The token's payload and whether it has expired; LinkInvalid when it was changed or cut off."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=timedelta(days=invitation_days()))
        expired = False
    except signing.SignatureExpired:
        payload = signing.loads(token, salt=TOKEN_SALT)
        expired = True
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("i"), int):
        raise LinkInvalid
    return payload, expired


def resolve_token(token: str, *, for_update: bool = False, usable: bool = True) -> Invitation:
    """The invitation a link is for, or a SurveyLinkError saying why the link cannot be used.

    With ``usable=False`` a link that was used or has expired still names its invitation (for opting
    out, which is always possible); a changed link never does.
    """
    payload, expired = _load(token)
    queryset = Invitation.objects.select_related("survey", "case")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    invitation = queryset.filter(pk=payload["i"], nonce=payload.get("n")).first()
    if invitation is None:
        raise InvitationNotFound
    if not usable:
        return invitation
    if invitation.state == Invitation.State.ANSWERED:
        raise AlreadyAnswered
    if invitation.state == Invitation.State.DECLINED:
        raise AlreadyDeclined
    if expired:
        raise LinkExpired
    return invitation


def validate_answers(*, survey: Survey, scores: dict, comment: str) -> tuple[dict[int, int], str]:
    """Check the answers: scores 1 to 5 for the survey's questions, at least one answer, a comment of
    at most 2000 characters. Returns the scores by position and the cleaned comment."""
    positions = set(survey.questions.values_list("position", flat=True))
    errors, clean = {}, {}
    for position in range(1, MAX_QUESTIONS + 1):
        value = scores.get(position)
        if value in (None, ""):
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if position not in positions or number not in SCALE:
            errors[f"score_{position}"] = _("Choose a number from 1 to 5.")
        else:
            clean[position] = number
    comment = (comment or "").strip()
    if len(comment) > 2000:
        errors["comment"] = _("Your comment is too long. Keep it under 2000 characters.")
    if not errors and not clean and not comment:
        first = min(positions) if positions else 1
        errors[f"score_{first}"] = _("Answer at least one question, or choose “No thanks” at the bottom of the "
                                     "page.")
    if errors:
        raise ResponseInvalid(errors)
    return clean, comment


@transaction.atomic
def submit_response(*, token: str, scores: dict, comment: str = "") -> Response:
    """Store the answers to an invitation. The link then stops working: nothing is recorded twice."""
    invitation = resolve_token(token, for_update=True)
    clean, comment = validate_answers(survey=invitation.survey, scores=scores, comment=comment)
    now = timezone.now()
    try:
        with transaction.atomic():
            response = Response.objects.create(
                municipality_id=invitation.municipality_id,
                invitation=invitation, survey=invitation.survey, touchpoint=invitation.touchpoint,
                channel=invitation.channel, customer_group=invitation.customer_group, case=invitation.case,
                touchpoint_on=invitation.touchpoint_on, month=invitation.month, comment=comment, created_at=now,
                **{f"score_{position}": value for position, value in clean.items()})
    except IntegrityError as exc:  # answered in another tab a moment ago
        raise AlreadyAnswered from exc
    invitation.state = Invitation.State.ANSWERED
    invitation.answered_at = now
    invitation.save(update_fields=["state", "answered_at"])
    counts = {"responses": 1}
    for position, value in clean.items():
        counts[f"score_sum_{position}"] = value
        counts[f"score_count_{position}"] = 1
    count_up(invitation, **counts)
    return response


@transaction.atomic
def decline(*, token: str) -> Invitation:
    """"No thanks": this survey is not answered, and the link stops working."""
    invitation = resolve_token(token, for_update=True)
    _decline(invitation)
    return invitation


def _decline(invitation: Invitation) -> None:
    invitation.state = Invitation.State.DECLINED
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["state", "declined_at"])
    count_up(invitation, declined=1)


@transaction.atomic
def opt_out(*, token: str) -> OptOut:
    """"Never ask me again": no survey is sent to the address again, invitations not yet sent to it are
    cancelled, and this one, if still open, is declined. Works from a used or expired link too."""
    invitation = resolve_token(token, for_update=True, usable=False)
    if invitation.state in (Invitation.State.PENDING, Invitation.State.SENT):
        _decline(invitation)
    record, _created = OptOut.objects.get_or_create(email=_normalise(invitation.email))
    Invitation.objects.filter(email=record.email, state=Invitation.State.PENDING).update(
        state=Invitation.State.CANCELLED)
    return record
