"""Reads for the municipality side: the triage queue and the case workspace.

Every function here runs a fixed number of queries, however many cases, documents or events there are.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from applications.models import (
    ApplicationType,
    Case,
    CaseEvent,
    Decision,
    GuideOption,
    GuideQuestion,
    InformationRequest,
    InformationRequestItem,
    InternalNote,
    ScreeningResult,
    ScreeningRun,
)
from applications.selectors.cases import checklist_for_display, other_documents, screening_summary
from applications.selectors.status import event_text, status_text, waiting_for_text
from applications.services.clock import clock_state
from applications.services.transitions import MACHINE
from permitportal.accounts import roles
from permitportal.accounts.models import User

S = Case.Status
QUEUE_PAGE_SIZE = 25
OPEN_STATUSES = (S.SUBMITTED, S.AWAITING_INFORMATION, S.COMPLETE, S.IN_REVIEW)
# Statuses in which the clock runs and a case can be at risk of missing its date.
RUNNING_STATUSES = (S.SUBMITTED, S.COMPLETE, S.IN_REVIEW)


def _latest_run() -> QuerySet[ScreeningRun]:
    return ScreeningRun.objects.filter(case=OuterRef("pk")).order_by("-checked_at", "-id")


def triage_queue(*, status: str = "", type_code: str = "", mine: bool = False, unassigned: bool = False,
                 at_risk: bool = False, user, today: date | None = None) -> QuerySet[Case]:
    """Cases for the queue, most urgent first (expected decision date ascending, cases without a date last).

    ``status``: "" for every open case, "all" for every submitted case, or one status code. Each case
    carries its latest screening as ``screen_ok``, ``screen_total`` and ``screened_at`` (subqueries,
    not one query per row). Only the cases of the user's municipalities (``staff_cases``).
    """
    from applications.selectors.cases import staff_cases

    today = today or timezone.localdate()
    qs = staff_cases(user=user)
    if status == "all":
        pass
    elif status in S.values:
        qs = qs.filter(status=status)
    else:
        qs = qs.filter(status__in=OPEN_STATUSES)
    if type_code:
        qs = qs.filter(application_type__code=type_code)
    if mine:
        qs = qs.filter(caseworker=user)
    if unassigned:
        qs = qs.filter(caseworker__isnull=True)
    if at_risk:
        horizon = today + timedelta(days=settings.TARGET_AT_RISK_DAYS)
        qs = qs.filter(status__in=RUNNING_STATUSES, expected_decision_date__lte=horizon)
    latest = _latest_run()
    return (qs.select_related("property", "application_type", "caseworker")
            .annotate(screen_ok=Subquery(latest.values("ok_count")[:1]),
                      screen_total=Subquery(latest.values("total_count")[:1]),
                      screened_at=Subquery(latest.values("checked_at")[:1]))
            .order_by(F("expected_decision_date").asc(nulls_last=True), "submitted_at", "id"))


def staff_clock(case: Case, *, today: date) -> dict:
    """services.clock.clock_state plus the days overdue as a positive number."""
    state = clock_state(case, today=today)
    days_left = state["days_left"]
    state["days_overdue"] = -days_left if days_left is not None and days_left < 0 else 0
    return state


def queue_rows(*, cases, today: date | None = None) -> list[dict]:
    """What each row of the queue shows; no queries beyond the page's own."""
    today = today or timezone.localdate()
    return [{"case": case, "clock": staff_clock(case, today=today),
             "screening": screening_summary(ok=case.screen_ok, total=case.screen_total),
             "screened": case.screen_total is not None} for case in cases]


def assignable_staff() -> QuerySet[User]:
    """For checking a posted choice only (never listed): ``services.handling.assign`` refuses anyone
    who does not work for the case's municipality."""
    return User.objects.filter(is_active=True, groups__name__in=(roles.CASEWORKER, roles.MANAGER)).distinct()


def caseworkers(*, user=None, case: Case | None = None) -> QuerySet[User]:
    """Everyone a case can be assigned to: active caseworkers and managers of the case's municipality,
    or (for a list of cases) of the municipalities ``user`` works for."""
    from applications.selectors.municipalities import member_municipality_ids

    where = ({"municipalities": case.property.municipality_id} if case is not None
             else {"municipalities__in": member_municipality_ids(user=user)})
    return (User.objects.filter(is_active=True, groups__name__in=(roles.CASEWORKER, roles.MANAGER), **where)
            .distinct().order_by("full_name", "email"))


def application_types() -> QuerySet[ApplicationType]:
    return ApplicationType.objects.filter(is_active=True).order_by("order", "code")


def latest_screening_with_results(*, case: Case) -> ScreeningRun | None:
    run = ScreeningRun.objects.filter(case=case).order_by("-checked_at", "-id").first()
    if run is not None:
        run.result_list = list(ScreeningResult.objects.filter(run=run).select_related("requirement").order_by("id"))
    return run


def answers_for_display(*, case: Case) -> list[dict]:
    """The guide answers as question and chosen option, in the reader's language (codes when unknown)."""
    answers = case.answers or {}
    if not answers:
        return []
    questions = {q.code: q for q in GuideQuestion.objects.filter(code__in=list(answers))}
    options = {(o.question.code, o.code): o for o in
               GuideOption.objects.filter(question__code__in=list(answers)).select_related("question")}
    rows = []
    for code, value in answers.items():
        question = questions.get(code)
        values = value if isinstance(value, list) else [value]
        labels = [options[(code, v)].tr("label") if (code, v) in options else str(v) for v in values]
        rows.append({"question": question.tr("text") if question else code, "answer": ", ".join(labels)})
    return rows


def project_facts_for_display(*, case: Case) -> list[dict]:
    """The project's size as the applicant gave it on the first step, labelled and with units, in the reader's
    language."""
    facts = case.project_facts or {}
    labels = {"built_area_m2": (_("Built area"), "m²"), "height_m": (_("Height"), "m"),
              "storeys": (_("Storeys"), ""), "heated_area_m2": (_("Heated floor area"), "m²")}
    return [{"label": label, "value": f"{number_format(facts[code])} {unit}".strip()}
            for code, (label, unit) in labels.items() if code in facts]


def staff_timeline(*, case: Case) -> list[dict]:
    """Every event, public and internal, with the internal notes, oldest first."""
    entries = []
    for event in CaseEvent.objects.filter(case=case).select_related("actor").order_by("at", "id"):
        entries.append({"at": event.at, "kind": event.kind, "text": event_text(event) or event.kind,
                        "is_public": event.is_public, "note": event.internal_note,
                        "actor": event.actor.get_full_name() if event.actor_id else None, "is_note": False})
    for note in InternalNote.objects.filter(case=case).select_related("author"):
        entries.append({"at": note.created_at, "kind": "internal_note", "text": note.text, "is_public": False,
                        "note": "", "actor": note.author.get_full_name() if note.author_id else None,
                        "is_note": True})
    entries.sort(key=lambda e: e["at"])
    return entries


def _requests(case: Case, state: str) -> InformationRequest | None:
    items = Prefetch("items", queryset=InformationRequestItem.objects.select_related("requirement"))
    return (InformationRequest.objects.filter(case=case, state=state).prefetch_related(items)
            .order_by("-created_at").first())


def drafted_request(*, case: Case) -> InformationRequest | None:
    """The information request screening drafted, to prefill the caseworker's form."""
    return _requests(case, InformationRequest.State.DRAFT)


def actions_for(*, case: Case) -> dict:
    """Which actions the workspace offers, from the one transition table (its internal edges, which only
    the system takes, are never offered)."""
    targets = MACHINE.requestable_targets(case)
    is_open = case.status in OPEN_STATUSES
    return {
        "assign": is_open,  # after the decision only the table's edges happen (transitions.ensure_open)
        "request_information": S.AWAITING_INFORMATION in targets,
        "mark_complete": S.COMPLETE in targets,
        "start_review": S.IN_REVIEW in targets,
        "decide": S.DECIDED in targets,
        "withdraw": S.WITHDRAWN in targets,
        "extend_deadline": is_open,
        "change_type": is_open,
        "answer_claims": is_open,
    }


def workspace(*, case: Case) -> dict:
    """Everything the caseworker's page for one case shows, in a fixed number of queries."""
    today = timezone.localdate()
    run = latest_screening_with_results(case=case)
    by_requirement = {r.requirement_id: r for r in (run.result_list if run else []) if r.requirement_id}
    items = checklist_for_display(case=case)
    for item in items:
        item.screening = by_requirement.get(item.requirement_id)
    decision = Decision.objects.filter(case=case).select_related("decided_by").first()
    return {
        "case": case,
        "status_text": status_text(case),
        "waiting_for_text": waiting_for_text(case),
        "clock": staff_clock(case, today=today),
        "items": items,
        "other_documents": other_documents(case=case),
        "screening": run,
        "screening_summary": screening_summary(ok=run.ok_count, total=run.total_count) if run else None,
        "failed_results": [r for r in (run.result_list if run else []) if not r.is_ok],
        "pending_claims": [i for i in items if i.not_relevant_claim == "pending" and i.not_relevant_reason],
        "representatives": list(case.representatives.select_related("user").order_by("invited_at")),
        "answers": answers_for_display(case=case),
        "project_facts": project_facts_for_display(case=case),
        "timeline": staff_timeline(case=case),
        "open_request": _requests(case, InformationRequest.State.OPEN),
        "drafted_request": drafted_request(case=case),
        "decision": decision,
        "actions": actions_for(case=case),
        "caseworkers": list(caseworkers(case=case)),
        "application_types": [t for t in application_types() if t.pk != case.application_type_id],
    }
