"""A party's personal link and answer. The link is signed (``django.core.signing``, a key of its own per
party) and valid until the deadline plus the grace period (``conf.grace_days``); after that, or once the
hearing is closed, it shows the material and the answer read-only. An answer can be changed until the
deadline; an answer after the deadline is kept and marked late."""

from datetime import date, timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.services.transitions import FINISHED
from applications.services.uploads import validate_upload

from .. import conf
from ..models import Attachment, Hearing, HearingEvent, Party
from .errors import HearingInvalid, HearingNotAllowed
from .transitions import transition_party

SALT = "hearings.party-link"

OPEN = "open"            # answer or change the answer
LATE = "late"            # after the deadline: one who has not answered may still answer, marked late
READ_ONLY = "read_only"  # after the grace period, or the hearing is closed, or a late answer is given


def token_for(party: Party) -> str:
    return signing.dumps(str(party.key), salt=SALT)


def party_for_token(token: str) -> Party | None:
    """The party the token was made for, or None for a token we did not sign."""
    try:
        key = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return (Party.objects.select_related("hearing__case__property", "hearing__case__application_type")
            .filter(key=key).first())


def link_expires_on(hearing: Hearing) -> date:
    """The last day the link takes an answer."""
    return hearing.deadline + timedelta(days=conf.grace_days())


def link_state(party: Party, *, today: date | None = None) -> str:
    today = today or timezone.localdate()
    hearing = party.hearing
    if (hearing.status != Hearing.Status.OPEN or today > link_expires_on(hearing)
            or hearing.case.status in FINISHED):
        return READ_ONLY
    if today <= hearing.deadline:
        return OPEN
    return LATE if party.status == Party.Status.INVITED else READ_ONLY


def record_opened(*, party: Party) -> None:
    """Opening the link is logged (each time); the first opening is kept on the party."""
    HearingEvent.objects.create(hearing_id=party.hearing_id, party=party, kind="opened")
    if party.first_opened_at is None:
        Party.objects.filter(pk=party.pk, first_opened_at__isnull=True).update(first_opened_at=timezone.now())


@transaction.atomic
def answer(*, party: Party, comment: str = "", no_objection: bool = False, files=(),
           today: date | None = None) -> Party:
    """Take (or change) the party's answer: a comment, "no objection" or both, and attachments through the
    same checks as applicants' files."""
    today = today or timezone.localdate()
    locked = Party.objects.select_for_update(of=("self",)).select_related("hearing__case").get(pk=party.pk)
    state = link_state(locked, today=today)
    if state == READ_ONLY:
        raise HearingNotAllowed(_("The hearing has ended, so the answer can no longer be changed."))
    comment = (comment or "").strip()
    files = list(files or [])
    if len(comment) > conf.MAX_COMMENT:
        raise HearingInvalid(_("The comment can be at most %(n)s characters.") % {"n": conf.MAX_COMMENT})
    if not comment and not no_objection and not files:
        raise HearingInvalid(_("Write a comment, attach a file, or say that you have no objection."))
    if len(files) + locked.attachments.count() > conf.MAX_ATTACHMENTS:
        raise HearingInvalid(_("You can attach at most %(n)s files.") % {"n": conf.MAX_ATTACHMENTS})
    checked = [(f, validate_upload(uploaded_file=f)) for f in files]
    for uploaded, found in checked:
        Attachment.objects.create(party=locked, file=uploaded, original_name=found.safe_name,
                                  content_type=found.content_type, kind=found.kind, size=found.size,
                                  sha256=found.sha256)
    late = state == LATE
    return transition_party(party=locked, to=Party.Status.ANSWERED,
                            kind="answered_late" if late else ("answer_changed" if locked.answered_at else "answered"),
                            params={"no_objection": bool(no_objection), "attachments": len(checked)},
                            fields={"comment": comment, "no_objection": bool(no_objection), "late": late})
