"""Data protection for a person with an account: everything we hold about them as JSON, and deleting
the account where no case requires us to keep it.

Submitted cases are public-authority records and are kept; drafts are the applicant's own and go with
the account. Pre-application meetings they asked for are records too.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from permitportal.core import audit


class AccountDeletionRefused(Exception):
    """The account cannot be deleted; ``reasons`` say why, in sentences a person can act on."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__(" ".join(reasons))


def _iso(value):
    return value.isoformat() if value else None


def _documents(case) -> list[dict]:
    return [{"name": d.original_name, "requirement": d.requirement.code if d.requirement_id else None,
             "kind": d.kind, "size": d.size, "sha256": d.sha256, "uploaded_at": _iso(d.uploaded_at),
             "superseded_at": _iso(d.superseded_at)} for d in case.documents.all()]


def _events(case) -> list[dict]:
    return [{"at": _iso(e.at), "kind": e.kind, "params": e.params} for e in case.events.all() if e.is_public]


def _case(case) -> dict:
    return {
        "reference": case.reference, "status": case.status,
        "address": f"{case.property.address}, {case.property.postcode} {case.property.city}",
        "application_type": case.application_type.code if case.application_type_id else None,
        "description": case.description, "answers": case.answers, "applying_for": case.applying_for,
        "owner_name": case.owner_name, "owner_email": case.owner_email, "customer_group": case.customer_group,
        "created_at": _iso(case.created_at), "submitted_at": _iso(case.submitted_at),
        "decided_at": _iso(case.decided_at), "expected_decision_date": _iso(case.expected_decision_date),
        "draft_expires_at": _iso(case.draft_expires_at),
        "documents": _documents(case), "events": _events(case),
    }


def export_personal_data(*, user) -> dict:
    """Everything the portal holds about ``user``: the account, their cases (answers, documents, the events
    they can see), the cases they represent, and contacts and meetings where they are the person."""
    from django.db.models import Prefetch

    from applications.models import Case, CaseEvent, CaseRepresentative, Document
    from dialogueteam.models import Contact
    from predialogue.models import Meeting, OpenHouseRegistration

    email = user.email.lower()
    cases = (Case.objects.filter(applicant=user).select_related("property", "application_type")
             .prefetch_related(Prefetch("documents", Document.objects.select_related("requirement")),
                               Prefetch("events", CaseEvent.objects.order_by("at")))
             .order_by("created_at"))
    contacts = Contact.objects.filter(Q(asked_by=user) | Q(caller_email__iexact=email)).order_by("created_at")
    meetings = (Meeting.objects.filter(Q(applicant=user) | Q(requested_by=user) | Q(on_behalf_of_email__iexact=email))
                .select_related("property").order_by("created_at"))
    registrations = (OpenHouseRegistration.objects.filter(Q(user=user) | Q(email__iexact=email))
                     .select_related("session").order_by("created_at"))
    representing = CaseRepresentative.objects.filter(user=user).select_related("case")
    return {
        "exported_at": _iso(timezone.now()),
        "account": {"email": user.email, "full_name": user.full_name, "phone": user.phone,
                    "preferred_language": user.preferred_language, "email_verified": user.email_verified,
                    "notify_by_email": user.notify_by_email, "notify_by_sms": user.notify_by_sms,
                    "date_joined": _iso(user.date_joined), "last_login": _iso(user.last_login)},
        "cases": [_case(c) for c in cases],
        "representing": [{"reference": r.case.reference, "invited_at": _iso(r.invited_at),
                          "accepted_at": _iso(r.accepted_at)} for r in representing],
        "contacts": [{"at": _iso(c.created_at), "channel": c.channel, "topic": c.topic,
                      "case": c.case.reference if c.case_id else None, "text": c.summary, "answer": c.answer,
                      "answered_at": _iso(c.answered_at)} for c in contacts.select_related("case")],
        "meetings": [{"status": m.status, "address": m.property.address, "description": m.description,
                      "questions": m.questions, "preferred_times": m.preferred_times,
                      "starts_at": _iso(m.starts_at), "place": m.place, "created_at": _iso(m.created_at)}
                     for m in meetings],
        "open_house_registrations": [{"session": r.session.title, "starts_at": _iso(r.session.starts_at),
                                      "name": r.name, "email": r.email, "phone": r.phone,
                                      "description": r.description, "created_at": _iso(r.created_at)}
                                     for r in registrations],
    }


def deletion_blockers(*, user) -> list[str]:
    """Why the account cannot be deleted now (empty when it can)."""
    from applications.models import Case
    from predialogue.models import Meeting

    reasons = []
    kept = list(Case.objects.filter(applicant=user).exclude(status=Case.Status.DRAFT)
                .order_by("reference").values_list("reference", flat=True)[:20])
    if kept:
        reasons.append(_("You have sent applications (%(references)s). We must keep them and your contact "
                         "details as part of the case records, so the account cannot be deleted. You can still "
                         "download your data.") % {"references": ", ".join(kept)})
    if Meeting.objects.filter(requested_by=user).exists():
        reasons.append(_("You have asked for a pre-application meeting. We keep the meeting record, so the "
                         "account cannot be deleted here. Call the dialogue team if you want it removed."))
    return reasons


@transaction.atomic
def delete_account(*, user) -> int:
    """Delete the account with its drafts and their files. Refuses (``AccountDeletionRefused``) while a
    sent application or a meeting record needs the account. Returns the number of drafts deleted."""
    from applications.models import Case

    from .models import User

    locked = User.objects.select_for_update().get(pk=user.pk)
    reasons = deletion_blockers(user=locked)
    if reasons:
        raise AccountDeletionRefused(reasons)
    drafts = list(Case.objects.filter(applicant=locked, status=Case.Status.DRAFT).prefetch_related("documents"))
    stored = [d.file.name for case in drafts for d in case.documents.all() if d.file]
    for case in drafts:
        case.delete()
    user_id = locked.pk
    locked.delete()
    audit.record(actor=None, action="account_deleted", object_type="user", object_id=user_id,
                 detail=f"{len(drafts)} draft(s) deleted")

    def remove_files():
        from applications.models import Document

        storage = Document._meta.get_field("file").storage
        for name in stored:
            try:
                storage.delete(name)
            except OSError:  # the rows are gone; an unremovable file is logged by the storage
                pass

    transaction.on_commit(remove_files)  # only once the rows are really gone
    return len(drafts)
