"""Starting, extending and closing a hearing, and the caseworker's weighing of each objection."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case, Document, Property
from applications.services.transitions import ensure_open
from permitportal.core.tasks import enqueue

from .. import conf
from ..models import Hearing, HearingEvent, Party
from ..selectors import authorities_for
from .errors import HearingInvalid, HearingNotAllowed
from .transitions import transition_hearing

H = Hearing.Status


def default_deadline(*, kind: str, today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=conf.deadline_days(kind))


def _clean_parties(parties, *, kind: str, case: Case) -> list[dict]:
    if not parties:
        raise HearingInvalid(_("Add at least one party to hear."))
    if len(parties) > conf.MAX_PARTIES:
        raise HearingInvalid(_("A hearing can have at most %(n)s parties.") % {"n": conf.MAX_PARTIES})
    cleaned, seen = [], set()
    for party in parties:
        if not isinstance(party, dict):
            raise HearingInvalid(_("Each party needs a name and an e-mail address."))
        name = str(party.get("name") or "").strip()[:200]
        email = str(party.get("email") or "").strip().lower()
        authority = party.get("authority")
        if authority is not None:
            found = authorities_for(case=case).filter(pk=authority).first()
            if found is None:
                raise HearingInvalid(_("Choose an authority from the list."))
            name, email = name or found.name, email or found.email
        try:
            validate_email(email)
        except ValidationError as exc:
            raise HearingInvalid(_("“%(email)s” is not an e-mail address.") % {"email": email[:100]}) from exc
        if not name:
            raise HearingInvalid(_("Each party needs a name and an e-mail address."))
        if email in seen:
            raise HearingInvalid(_("%(email)s is on the list twice.") % {"email": email})
        seen.add(email)
        prop = None
        if party.get("property") is not None:
            prop = Property.objects.filter(pk=party["property"]).first()
            if prop is None:
                raise HearingInvalid(_("Choose the neighbour's address from the property register."))
        language = party.get("language") if party.get("language") in ("da", "en") else "da"
        cleaned.append({"name": name, "email": email, "property": prop, "authority_id": authority,
                        "on_paper": bool(party.get("on_paper")), "language": language})
    return cleaned


def _documents(case: Case, document_ids) -> list[Document]:
    ids = list(dict.fromkeys(document_ids or []))
    if not all(isinstance(i, int) for i in ids):
        raise HearingInvalid(_("Choose the documents from the case's current documents."))
    docs = list(Document.objects.filter(case=case, pk__in=ids, superseded_at__isnull=True))
    if len(docs) != len(ids):
        raise HearingInvalid(_("Choose the documents from the case's current documents."))
    return docs


@transaction.atomic
def start_hearing(*, case: Case, actor, kind: str, parties: list, message: str, document_ids=(),
                  deadline: date | None = None, today: date | None = None) -> Hearing:
    """Start a hearing on a case in review: the parties are invited by e-mail after the commit."""
    today = today or timezone.localdate()
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != Case.Status.IN_REVIEW:
        raise HearingNotAllowed(_("A hearing can be started only while the case is in review."))
    if kind not in Hearing.Kind.values:
        raise HearingInvalid(_("Choose whom the hearing is of: neighbours, parties or an authority."))
    message = (message or "").strip()
    if not message or len(message) > conf.MAX_MESSAGE:
        raise HearingInvalid(_("Write the message the parties read (at most %(n)s characters).")
                             % {"n": conf.MAX_MESSAGE})
    deadline = deadline or default_deadline(kind=kind, today=today)
    if deadline <= today:
        raise HearingInvalid(_("The deadline must be after today."))
    cleaned = _clean_parties(parties, kind=kind, case=case)
    docs = _documents(case, document_ids)
    hearing = Hearing.objects.create(case=case, kind=kind, deadline=deadline, message=message, started_by=actor)
    hearing.documents.set(docs)
    Party.objects.bulk_create([Party(hearing=hearing, **p) for p in cleaned])
    HearingEvent.objects.create(hearing=hearing, kind="started", actor=actor,
                                params={"deadline": deadline.isoformat(), "parties": len(cleaned)})
    from ..tasks import send_invitations

    enqueue(send_invitations, hearing.pk)
    return hearing


def extend(*, hearing: Hearing, actor, deadline: date, reason: str) -> Hearing:
    """A later deadline with a reason the applicant sees."""
    ensure_open(hearing.case)
    reason = (reason or "").strip()
    if not reason or len(reason) > conf.MAX_REASON:
        raise HearingInvalid(_("Give the reason for the extension (the applicant sees it)."))
    if not isinstance(deadline, date) or deadline <= hearing.deadline:
        raise HearingInvalid(_("The new deadline must be after the current one."))
    return transition_hearing(hearing=hearing, to=H.OPEN, actor=actor, kind="extended",
                              params={"from_deadline": hearing.deadline.isoformat(), "deadline": deadline.isoformat(),
                                      "reason": reason},
                              fields={"deadline": deadline, "extension_reason": reason})


def close_early(*, hearing: Hearing, actor) -> Hearing:
    """Close before the deadline; only when every party has answered."""
    ensure_open(hearing.case)
    if hearing.status == H.OPEN and hearing.parties.filter(status=Party.Status.INVITED).exists():
        raise HearingNotAllowed(_("The hearing can be closed early only when every party has answered."))
    return transition_hearing(hearing=hearing, to=H.CLOSED, actor=actor, kind="closed_early",
                              fields={"closed_early": True})


@transaction.atomic
def weigh(*, party: Party, actor, text: str) -> Party:
    """The caseworker's note of how an objection was weighed; the decision letter carries it."""
    party = Party.objects.select_for_update().select_related("hearing__case").get(pk=party.pk)
    ensure_open(party.hearing.case)
    if not party.objected:
        raise HearingNotAllowed(_("Only an objection is weighed."))
    text = (text or "").strip()
    if not text or len(text) > conf.MAX_COMMENT:
        raise HearingInvalid(_("Write how the objection was weighed."))
    party.weighing = text
    party.save(update_fields=["weighing", "updated_at"])
    HearingEvent.objects.create(hearing_id=party.hearing_id, party=party, kind="weighed", actor=actor)
    return party
