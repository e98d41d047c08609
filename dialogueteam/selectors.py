"""Reads for the dialogue team: the case card, contacts, forwards and questions. The lookup's search
engine is the package ``dialogueteam.search``.

Status words come from ``applications.selectors.status`` and the date from
``applications.services.clock.clock_state``: the card says exactly what the applicant's page,
the e-mails and the API say.
"""

import re

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from applications import hooks
from applications.models import Case
from applications.selectors.cases import staff_cases
from applications.selectors.municipalities import scoped_to_member
from applications.selectors.status import event_text, status_text, waiting_for, waiting_for_text
from applications.services.clock import clock_state
from applications.services.transitions import AFTER_DECISION
from dialogueteam.models import Contact, Forward

S = Case.Status

RECENT_EVENTS = 8


def _card_queryset(*, user) -> QuerySet[Case]:
    """The submitted cases of the user's municipalities (``applications.selectors.cases.staff_cases``)."""
    return staff_cases(user=user).select_related("property", "applicant", "caseworker", "application_type",
                                                 *hooks.case_select_related)


def caseworker_data(case: Case) -> dict | None:
    worker = case.caseworker
    if worker is None:
        return None
    return {"name": worker.get_full_name(), "email": worker.email, "phone": worker.phone}


def result_data(case: Case, *, today=None) -> dict:
    """A lookup result: the fields of the API contract, plus what the card summary shows."""
    clock = clock_state(case, today=today or timezone.localdate())
    prop = case.property
    return {
        "reference": case.reference,
        "address": f"{prop.address}, {prop.postcode} {prop.city}",
        "applicant_name": case.applicant.get_full_name(),
        "status": case.status,
        "status_text": status_text(case),
        "expected_decision_date": clock["expected"],
        "on_track": clock["on_track"],
        "clock_state": clock["state"],
        "waiting_for": waiting_for(case),
        "waiting_for_text": waiting_for_text(case),
        "caseworker": caseworker_data(case),
    }


def get_card_case(*, user, reference: str) -> Case:
    """A submitted case of the user's municipalities with what its card shows; Http404 for a draft, an
    unknown reference or another municipality's case."""
    try:
        return _card_queryset(user=user).select_related("decision").get(reference=(reference or "").strip().upper())
    except Case.DoesNotExist as exc:
        raise Http404("No such case") from exc


def recent_events(*, case: Case, limit: int = RECENT_EVENTS) -> list[dict]:
    events = case.events.select_related("actor").order_by("-at", "-id")[:limit]
    return [{"at": e.at, "text": event_text(e), "is_public": e.is_public, "note": e.internal_note,
             "kind": e.kind} for e in events]


def minutes_link(case: Case) -> dict | None:
    """The linked pre-application meeting and the page of its minutes."""
    meeting_id = hooks.linked_meeting_id(case)
    if not meeting_id:
        return None
    return {"id": meeting_id, "url": reverse("predialogue:meeting_detail", args=[meeting_id])}


def _decision(case: Case):
    return getattr(case, "decision", None) if case.status in AFTER_DECISION else None


def is_refused(case: Case) -> bool:
    decision = _decision(case)
    return bool(decision and decision.outcome == "refused")


def case_card(*, case: Case, today=None) -> dict:
    """Everything the card shows. A constant number of queries, whatever the case holds."""
    from applications.selectors.cases import outstanding_items
    from applications.services.requests import open_request

    today = today or timezone.localdate()
    decision = _decision(case)
    contacts = list(Contact.objects.filter(case=case).select_related("created_by", "answered_by")
                    .prefetch_related("forwards__answered_by")[:20])
    request = open_request(case=case)
    return {
        "case": case,
        "result": result_data(case, today=today),
        "clock": clock_state(case, today=today),
        "outstanding": outstanding_items(case=case),
        "open_request": request,
        "events": recent_events(case=case),
        "decision": decision,
        "is_refused": is_refused(case),
        "minutes": minutes_link(case),
        "contacts": contacts,
    }


# --- Contacts, forwards and questions -------------------------------------------------------------------------------

def contacts_for(*, user) -> QuerySet[Contact]:
    """Contacts with the municipalities the user works for (the one filter for every contact read)."""
    return scoped_to_member(Contact.objects.all(), user=user, field="municipality")


def forwards_for(*, user) -> QuerySet[Forward]:
    return scoped_to_member(Forward.objects.all(), user=user, field="contact__municipality")


def recent_contacts(*, user, limit: int = 50) -> list[Contact]:
    return list(contacts_for(user=user).select_related("case", "created_by").prefetch_related("forwards")[:limit])


def get_forward(*, user, pk: int) -> Forward:
    try:
        return forwards_for(user=user).select_related("case", "case__property", "contact", "forwarded_by", "recipient",
                                              "answered_by").get(pk=pk)
    except Forward.DoesNotExist as exc:
        raise Http404("No such forwarded question") from exc


def forwards_waiting(*, user, limit: int = 50) -> list[Forward]:
    """Forwarded questions the caseworkers have not answered yet, the oldest (most overdue) first."""
    return list(forwards_for(user=user).filter(answered_at__isnull=True).select_related("case", "recipient")
                .order_by("due_at", "id")[:limit])


def new_answers(*, user, limit: int = 50) -> list[Forward]:
    """Answers from caseworkers the dialogue team has not opened yet."""
    return list(forwards_for(user=user).filter(answered_at__isnull=False, answer_seen_at__isnull=True)
                .select_related("case", "answered_by").order_by("answered_at", "id")[:limit])


def open_questions(*, user, limit: int = 50) -> list[Contact]:
    """Questions applicants asked in the portal that nobody has answered yet, oldest first."""
    return list(contacts_for(user=user).filter(channel=Contact.Channel.PORTAL, asked_by__isnull=False,
                                       answered_at__isnull=True)
                .select_related("case", "asked_by").prefetch_related("forwards").order_by("created_at", "id")[:limit])


def get_question(*, user, pk: int) -> Contact:
    try:
        return (contacts_for(user=user).select_related("case", "case__property", "asked_by", "answered_by")
                .prefetch_related("forwards__answered_by").get(pk=pk, channel=Contact.Channel.PORTAL,
                                                               asked_by__isnull=False))
    except Contact.DoesNotExist as exc:
        raise Http404("No such question") from exc


def questions_for_case(*, case: Case) -> list[dict]:
    """The questions asked on the case page, with the dialogue team's answers, oldest first. One query."""
    questions = (Contact.objects.filter(case=case, channel=Contact.Channel.PORTAL, asked_by__isnull=False)
                 .select_related("asked_by").order_by("created_at", "id"))
    return [{"id": q.pk, "question": q.summary, "asked_at": q.created_at,
             "asked_by": q.asked_by.get_full_name() if q.asked_by else "",
             "answer": q.answer or None, "answered_at": q.answered_at} for q in questions]


def help_code_state(case: Case, *, now=None) -> dict | None:
    """The case's help code while it is valid, else None."""
    now = now or timezone.now()
    if case.help_code and case.help_code_expires_at and case.help_code_expires_at > now:
        return {"code": case.help_code, "expires_at": case.help_code_expires_at}
    return None


def draft_for_help_code(*, user, code: str, now=None) -> Case:
    """The draft a valid help code opens for staff of its municipality; Http404 when the code is
    unknown or expired, or the draft is another municipality's."""
    code = normalise_help_code(code)
    if not code:
        raise Http404("No help code")
    now = now or timezone.now()
    case = (scoped_to_member(Case.objects.filter(help_code=code, help_code_expires_at__gt=now, status=S.DRAFT),
                             user=user)
            .select_related("property", "applicant", "application_type").first())
    if case is None:
        raise Http404("No valid help code")
    return case


def normalise_help_code(code: str | None) -> str:
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def predialogue_start_option(case: Case) -> dict:
    """Where staff start a pre-application request for the caller of a refused case: a form posting to
    ``dialogueteam:start_predialogue`` (which calls ``predialogue.services.create_request``)."""
    return {"kind": "button", "url": reverse("dialogueteam:start_predialogue", args=[case.reference])}
