"""Who may see which case: the one place for object-level access in the core."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from applications import hooks
from applications.models import Case, CaseRepresentative
from applications.selectors.municipalities import member_municipality_ids, scoped_to_member
from permitportal.accounts import roles
from permitportal.accounts.models import FirmMembership


def _own(user, *, assisting: bool = True) -> Q:
    """The cases the user acts on as the applicant's side: their own, those they represent (an accepted
    invitation), their firms' cases while they are a current member (issue 20: a member who left loses access
    at once), and, with ``assisting``, the assisted drafts a dialogue-team member started and the citizen has
    not yet confirmed (services.assisted). Subqueries, not joins: no duplicate rows, so no DISTINCT over every
    selected column (that cost 9 ms per case page)."""
    represents = CaseRepresentative.objects.filter(case=OuterRef("pk"), user=user, accepted_at__isnull=False)
    member = FirmMembership.objects.filter(firm=OuterRef("firm"), user=user, left_at__isnull=True)
    own = Q(applicant=user) | Q(Exists(represents)) | Q(Exists(member))
    if assisting and roles.has_role(user, roles.DIALOGUE_TEAM):  # only in a municipality they work for (issue 19)
        own |= (Q(assisted_by=user, status=Case.Status.DRAFT, assisted_confirmed_at__isnull=True)
                & _in_members_municipalities(user))
    return own


def _in_members_municipalities(user) -> Q:
    return Q(property__municipality__in=member_municipality_ids(user=user))


def cases_visible_to(*, user) -> QuerySet[Case]:
    """Applicants see their own cases and those they represent (in any municipality); staff also see
    every submitted case of the municipalities they work for, and nothing of the others (issue 19:
    this is the one place staff access to cases is decided). Drafts are visible only to their
    applicant and representatives."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    if roles.is_staff_member(user):
        return Case.objects.filter(_own(user) | (~Q(status=Case.Status.DRAFT) & _in_members_municipalities(user)))
    return Case.objects.filter(_own(user))


def staff_cases(*, user) -> QuerySet[Case]:
    """The submitted cases of the municipalities the staff member works for (queues, lookups, counts,
    exports): none for anyone else."""
    if not roles.is_staff_member(user):
        return Case.objects.none()
    return scoped_to_member(Case.objects.exclude(status=Case.Status.DRAFT), user=user)


def cases_owned_by(*, user) -> QuerySet[Case]:
    """Cases the user may act on as applicant or accepted representative."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return Case.objects.filter(_own(user))


def get_case_for_user(*, user, reference: str, owner_only: bool = False, with_decision: bool = False) -> Case:
    """The case, or Http404 when it does not exist or the user may not see it; ``with_decision`` reads its
    decision in the same query (the case's page)."""
    qs = cases_owned_by(user=user) if owner_only else cases_visible_to(user=user)
    related = ("decision",) if with_decision else ()
    try:
        return qs.select_related("property__municipality", "application_type", "applicant", "caseworker", "firm",
                                 "assisted_by",
                                 *hooks.case_select_related, *related).get(reference=reference)
    except Case.DoesNotExist as exc:
        raise Http404("No such case") from exc


def checklist_for_display(*, case: Case) -> list:
    """The active checklist with each item's current documents and history, in two queries."""

    from applications.models import ChecklistItem, Document

    items = list(ChecklistItem.objects.filter(case=case, is_active=True).select_related("requirement")
                 .order_by("-required", "requirement__order"))
    docs = list(Document.objects.filter(case=case).order_by("uploaded_at"))
    by_req: dict = {}
    for doc in docs:
        by_req.setdefault(doc.requirement_id, []).append(doc)
    for item in items:
        all_docs = by_req.get(item.requirement_id, [])
        item.current_documents = [d for d in all_docs if d.superseded_at is None]
        item.old_documents = [d for d in all_docs if d.superseded_at is not None]
    return items


def other_documents(*, case: Case) -> list:
    return list(case.documents.filter(requirement__isnull=True, superseded_at__isnull=True))


def my_cases(*, user):
    """The applicant's own and represented cases, newest first, with what the list shows."""
    from applications.selectors.status import with_act_by

    return with_act_by(cases_owned_by(user=user).select_related("property__municipality", "application_type", "firm",
                                                                "applicant")
                       .order_by("-created_at"))


def firm_cases(*, user, firm_id: int):
    """A firm's cases, newest first, for a current member (Http404 for anyone else): the list across
    municipalities (issue 20). Through the one access rule, so it shows what each case's page lets them open."""
    from applications.selectors.status import with_act_by
    from permitportal.accounts.selectors_firms import firm_for_member

    firm, _membership = firm_for_member(user=user, firm_id=firm_id)
    return firm, with_act_by(cases_owned_by(user=user).filter(firm=firm)
                             .select_related("property__municipality", "application_type", "applicant")
                             .order_by("-created_at"))


def public_timeline(*, case: Case) -> list:
    from applications.selectors.status import event_text

    return [{"at": e.at, "text": event_text(e), "kind": e.kind}
            for e in case.events.filter(is_public=True).order_by("at", "id")]


def invitation(*, token: str):
    from applications.models import CaseRepresentative

    return CaseRepresentative.objects.select_related("case", "case__property", "case__applicant").filter(
        token=token).first()


def outstanding_items(*, case: Case) -> list[dict]:
    """What the applicant still has to do, each with its action."""
    from applications.models import ChecklistItem
    from applications.services.transitions import FINISHED

    if case.status in FINISHED:
        return []
    items = (ChecklistItem.objects.filter(case=case, is_active=True, required=True,
                                          state=ChecklistItem.State.MISSING)
             .select_related("requirement").order_by("requirement__order"))
    return [{"requirement": i.requirement.code, "title": i.requirement.title, "action": "upload"} for i in items]


def case_detail_data(*, case: Case, include_staff: bool = False) -> dict:
    """The case as every channel describes it (API detail; the HTML pages use the same parts)."""
    from django.utils import timezone

    from applications.selectors.status import case_status, date_changes

    status = case_status(case, today=timezone.localdate())
    clock = status["clock"]
    checklist = [
        {"requirement": item.requirement.code, "title": item.requirement.title, "required": item.required,
         "state": item.state, "agreed_at_meeting": item.agreed_at_meeting,
         "not_relevant_reason": item.not_relevant_reason or None,
         "documents": [{"id": d.pk, "name": d.original_name, "size": d.size, "sha256": d.sha256,
                        "uploaded_at": d.uploaded_at} for d in item.current_documents]}
        for item in checklist_for_display(case=case)
    ]
    worker = case.caseworker
    data = {
        "reference": case.reference,
        **status_fields(status=status),
        "application_type": case.application_type.code if case.application_type_id else None,
        "property": {"id": case.property_id, "address": str(case.property),
                     "cadastral_number": case.property.cadastral_number},
        "municipality": municipality_data(case.property.municipality),
        "description": case.description,
        "project_facts": dict(case.project_facts or {}),
        "submitted_at": case.submitted_at,
        "first_expected_decision_date": clock["first_expected"],
        "clock": {k: clock[k] for k in ("state", "days_left", "elapsed_days", "paused_days", "extension_days")},
        "date_changes": date_changes(case=case),
        "checklist": checklist,
        "outstanding": outstanding_items(case=case),
        "timeline": [{"at": e["at"], "text": e["text"]} for e in public_timeline(case=case)],
        "caseworker": ({"name": worker.get_full_name(), "email": worker.email, "phone": worker.phone}
                       if worker else None),
        "decision": decision_data(case=case),
        "firm": ({"id": case.firm_id, "name": case.firm.name, "cvr": case.firm.cvr} if case.firm_id else None),
        "assisted": ({"by": case.assisted_by.get_full_name() if case.assisted_by else None,
                      "link_sent_at": case.assisted_link_sent_at, "confirmed_at": case.assisted_confirmed_at}
                     if case.assisted_by_id or case.assisted_confirmed_at else None),
        **_after_decision(case=case, include_staff=include_staff),
        **hooks.detail_fields_for(case, include_staff=include_staff),
    }
    if include_staff:
        data["screening"] = screening_data(case=case)
    return data


def _after_decision(*, case: Case, include_staff: bool) -> dict:
    """What follows the decision (issue 18): the appeals (staff see the appellants), the appeal window and,
    for a permit, the day it lapses unless the work has started."""
    from django.utils import timezone

    from applications.models import Decision
    from applications.selectors.appeals import appeal_data, appeals_of
    from applications.services.after_decision import permit_lapses_on
    from applications.services.decisions import appeal_deadline

    decision = Decision.objects.filter(case=case).first()
    window = None
    if decision is not None:
        deadline = appeal_deadline(decision=decision)
        window = {"deadline": deadline, "open": timezone.localdate() <= deadline}
    return {"appeals": [appeal_data(appeal=a, include_staff=include_staff)
                        for a in appeals_of(case=case, include_staff=True)],
            "appeal_window": window,
            "permit_lapses_on": permit_lapses_on(decision=decision) if decision else None}


def municipality_data(municipality) -> dict:
    """The case's municipality as the API shows it: its code, name and contact points."""
    from applications.selectors.municipalities import contact_points

    points = contact_points(municipality)
    return {key: points[key] for key in ("code", "name", "email", "phone", "address", "website", "opening_hours")}


def status_fields(*, status: dict) -> dict:
    """The API's status fields, from ``selectors.status.case_status`` (lists and details alike)."""
    clock = status["clock"]
    return {"status": status["status"], "status_text": status["text"], "waiting_for": status["waiting_for"],
            "expected_decision_date": clock["expected"], "on_track": clock["on_track"], "clock_state": clock["state"],
            "badge": status["badge_label"], "act_by": status["act_by"]}


def decision_data(*, case: Case) -> dict | None:
    """The decision as the API shows it, or None while the case is undecided."""
    from django.urls import reverse

    from applications.models import Decision

    if case.decided_at is None:
        return None
    decision = Decision.objects.filter(case=case).first()
    if decision is None:
        return None
    from applications.services.decisions import appeal_bodies, appeal_deadline

    return {"outcome": decision.outcome, "conditions": decision.conditions, "reasons": decision.reasons,
            "guidance": decision.guidance, "decided_at": decision.decided_at,
            "planning_act": decision.planning_act, "appeal_deadline": appeal_deadline(decision=decision),
            "appeal_bodies": appeal_bodies(decision=decision),
            "letter_url": (reverse("api-case-decision-pdf", kwargs={"reference": case.reference})
                           if decision.letter else None)}


def screening_data(*, case: Case) -> dict | None:
    """The latest screening (staff only): when, a summary and the result per requirement or field."""
    from applications.models import ScreeningRun

    run = ScreeningRun.objects.filter(case=case).order_by("-checked_at", "-id").first()
    if run is None:
        return None
    return {"checked_at": run.checked_at, "summary": screening_summary(ok=run.ok_count, total=run.total_count),
            "ok": run.ok_count, "total": run.total_count,
            "items": [{"requirement": r.requirement.code if r.requirement_id else None, "field": r.field or None,
                       "result": r.result, "message": r.message}
                      for r in run.results.select_related("requirement").order_by("id")]}


def screening_summary(*, ok: int | None, total: int | None) -> str:
    """"7 of 9 checks fine", or a plain "Not screened yet"."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if total is None:
        return _("Not screened yet")
    return ngettext("%(ok)d of %(total)d check fine", "%(ok)d of %(total)d checks fine", total) % {
        "ok": ok or 0, "total": total}


def is_staff_reader(*, user, case: Case) -> bool:
    """True when a staff member (not the applicant or a representative) reads the case: audited."""
    if not roles.is_staff_member(user):
        return False
    return not Case.objects.filter(_own(user, assisting=False), pk=case.pk).exists()


def assisted_drafts_of(*, user, limit: int = 20) -> list[Case]:
    """The assisted drafts this dialogue-team member started that wait for the citizen, newest first."""
    return list(Case.objects.filter(assisted_by=user, status=Case.Status.DRAFT, assisted_confirmed_at__isnull=True)
                .select_related("applicant", "property").order_by("-created_at")[:limit])
