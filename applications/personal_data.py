"""What the applications app holds about a person: their cases and the cases they represent.
Registered with ``permitportal.accounts.personal_data`` in ``ApplicationsConfig.ready``.

Submitted cases are public-authority records and are kept (they block deleting the account);
drafts are the applicant's own and go with the account, their files after commit.
"""

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from permitportal.accounts.personal_data import Holder, iso

from .models import Case, CaseEvent, CaseRepresentative, Document


def _documents(case) -> list[dict]:
    return [{"name": d.original_name, "requirement": d.requirement.code if d.requirement_id else None,
             "kind": d.kind, "size": d.size, "sha256": d.sha256, "uploaded_at": iso(d.uploaded_at),
             "superseded_at": iso(d.superseded_at)} for d in case.documents.all()]


def _events(case) -> list[dict]:
    return [{"at": iso(e.at), "kind": e.kind, "params": e.params} for e in case.events.all() if e.is_public]


def _case(case) -> dict:
    return {
        "reference": case.reference, "status": case.status,
        "address": f"{case.property.address}, {case.property.postcode} {case.property.city}",
        "application_type": case.application_type.code if case.application_type_id else None,
        "description": case.description, "answers": case.answers, "applying_for": case.applying_for,
        "owner_name": case.owner_name, "owner_email": case.owner_email, "customer_group": case.customer_group,
        "created_at": iso(case.created_at), "submitted_at": iso(case.submitted_at),
        "decided_at": iso(case.decided_at), "expected_decision_date": iso(case.expected_decision_date),
        "draft_expires_at": iso(case.draft_expires_at),
        "documents": _documents(case), "events": _events(case),
    }


def export(user) -> dict:
    """The person's cases (answers, documents, the events they can see) and the cases they represent."""
    cases = (Case.objects.filter(applicant=user).select_related("property", "application_type")
             .prefetch_related(Prefetch("documents", Document.objects.select_related("requirement")),
                               Prefetch("events", CaseEvent.objects.order_by("at")))
             .order_by("created_at"))
    representing = CaseRepresentative.objects.filter(user=user).select_related("case")
    return {
        "cases": [_case(c) for c in cases],
        "representing": [{"reference": r.case.reference, "invited_at": iso(r.invited_at),
                          "accepted_at": iso(r.accepted_at)} for r in representing],
    }


def blockers(user) -> list[str]:
    kept = list(Case.objects.filter(applicant=user).exclude(status=Case.Status.DRAFT)
                .order_by("reference").values_list("reference", flat=True)[:20])
    if not kept:
        return []
    return [_("You have sent applications (%(references)s). We must keep them and your contact "
              "details as part of the case records, so the account cannot be deleted. You can still "
              "download your data.") % {"references": ", ".join(kept)}]


def delete(user) -> int:
    """Delete the person's drafts; their stored files once the rows are really gone."""
    drafts = list(Case.objects.filter(applicant=user, status=Case.Status.DRAFT).prefetch_related("documents"))
    stored = [d.file.name for case in drafts for d in case.documents.all() if d.file]
    for case in drafts:
        case.delete()

    def remove_files():
        storage = Document._meta.get_field("file").storage
        for name in stored:
            try:
                storage.delete(name)
            except OSError:  # the rows are gone; an unremovable file is logged by the storage
                pass

    transaction.on_commit(remove_files)
    return len(drafts)


HOLDER = Holder(name="applications", export=export, blockers=blockers, delete=delete)
