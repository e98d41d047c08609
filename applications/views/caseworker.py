"""The municipality side: triage queue, case workspace and its actions, and the advisory inbox.

Thin: every one-action POST is a row of ``ACTIONS`` (its URL, form, service and message), served by
``case_action``; it calls one service and redirects back to the workspace with a message.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from applications import hooks
from applications.forms_caseworker import (
    AssignForm,
    BulkAssignForm,
    ChangeTypeForm,
    ClaimDecisionForm,
    DecisionForm,
    ExtendDeadlineForm,
    InformationRequestForm,
    InternalNoteForm,
    QueueFilterForm,
    WithdrawForm,
)
from applications.models import Case, ChecklistItem
from applications.selectors import advisories as advisory_selectors
from applications.selectors import caseworker as selectors
from applications.selectors.cases import get_case_for_user
from applications.selectors.documents import get_document_for_user
from applications.services import advisories as advisory_services
from applications.services import cases as case_services
from applications.services import decisions, handling, requests
from applications.services.uploads import CONTENT_TYPES, safe_filename
from permitportal.accounts import roles
from permitportal.core import audit
from permitportal.core.errors import DomainError, Invalid, NotAllowed


def caseworker_required(view):
    """Caseworkers and managers only: anonymous people log in, everyone else gets 403. A case the user
    may not see at all answers 404 first (another applicant's case is never confirmed to exist)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if "reference" in kwargs:
            request.case = get_case_for_user(user=request.user, reference=kwargs["reference"])
        if not roles.has_role(request.user, roles.CASEWORKER, roles.MANAGER):
            raise PermissionDenied(_("Only caseworkers have access to this page."))
        try:
            return view(request, *args, **kwargs)
        except PermissionError as exc:  # a service refused the actor
            raise PermissionDenied(str(exc)) from exc

    return wrapper


def _case(request, reference) -> Case:
    case = getattr(request, "case", None)
    return case if case is not None and case.reference == reference else get_case_for_user(
        user=request.user, reference=reference)


def _to_workspace(case):
    return redirect("applications:workspace", reference=case.reference)


def _form_error(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


# --- The triage queue ------------------------------------------------------------------------

@caseworker_required
@require_GET
def queue(request):
    types = list(selectors.application_types())
    form = QueueFilterForm(request.GET or None, application_types=types)
    filters = form.filters() if request.GET else {}
    cases = selectors.triage_queue(user=request.user, **filters)
    page = Paginator(cases, selectors.QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    is_manager = roles.has_role(request.user, roles.MANAGER)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "applications/caseworker/queue.html", {
        "form": form,
        "filter_error": request.GET and not form.is_valid(),
        "page": page,
        "rows": selectors.queue_rows(cases=page.object_list),
        "query": query.urlencode(),
        "is_manager": is_manager,
        "caseworkers": list(selectors.caseworkers(user=request.user)) if is_manager else [],
    })


@caseworker_required
@require_POST
def queue_assign(request):
    if not roles.has_role(request.user, roles.MANAGER):
        raise PermissionDenied(_("Only managers can assign several cases at once."))
    references = request.POST.getlist("references")
    form = BulkAssignForm(request.POST, caseworkers=selectors.caseworkers(user=request.user), references=references)
    if not form.is_valid():
        messages.error(request, _form_error(form))
    else:
        try:
            count = handling.bulk_assign(references=form.cleaned_data["references"],
                                         caseworker=form.cleaned_data["caseworker"], actor=request.user)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, ngettext("%(count)d case assigned to %(name)s.",
                                               "%(count)d cases assigned to %(name)s.", count)
                             % {"count": count, "name": form.cleaned_data["caseworker"].get_full_name()})
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("applications:queue")


# --- The case workspace ----------------------------------------------------------------------

@caseworker_required
@require_GET
def workspace(request, reference):
    case = _case(request, reference)
    audit.record(actor=request.user, action="read_case", object_type="case", object_id=case.reference,
                 detail="caseworker workspace")
    context = selectors.workspace(case=case)
    context.update({
        "extend_form": ExtendDeadlineForm(),
        "withdraw_form": WithdrawForm(),
        "note_form": InternalNoteForm(),
        "change_type_form": ChangeTypeForm(application_types=context["application_types"]),
        "sections": hooks.sections_for("workspace", case=case, user=request.user),
    })
    from applications.views.appeals import workspace_context

    context.update(workspace_context(case=case))
    return render(request, "applications/caseworker/workspace.html", context)


@caseworker_required
@require_GET
def document_preview(request, reference, pk):
    """The file shown in the browser (PDF or image), with headers that keep it from running anything."""
    case, document = get_document_for_user(user=request.user, reference=reference, pk=pk)
    content_type = CONTENT_TYPES.get(document.kind)
    if content_type is None:
        raise Http404("This kind of file cannot be previewed")
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The stored file is missing") from exc
    audit.record(actor=request.user, action="document_preview", object_type="document", object_id=document.pk,
                 detail=f"{case.reference}: {document.original_name}")
    response = FileResponse(handle, as_attachment=False, filename=safe_filename(document.original_name),
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # No scripts, no network, no forms; images are sandboxed too (Chrome's PDF viewer refuses a sandbox).
    policy = "default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
    response["Content-Security-Policy"] = policy if document.kind == "pdf" else f"{policy}; sandbox"
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


# --- One-action POSTs: one table, one view --------------------------------------------------------
# Each row: the form that checks the POST, the service it calls, and what the caseworker is told. The
# workspace's buttons come from the same transition table (selectors.caseworker.actions_for).

@dataclass(frozen=True)
class Action:
    path: str  # the URL after work/cases/<reference>/
    run: Callable  # (request, case, data, **url_kwargs) -> result, calling one service
    success: Callable  # (result, data) -> the message
    form: Callable | None = None  # (post) -> a bound form; None: nothing to check


def _assign(request, case, data):
    worker = request.user if data["to_me"] else data["caseworker"]
    return handling.assign(case=case, caseworker=worker, actor=request.user)


def _type_changed(changes, data):
    new_type = data["application_type"]
    parts = [_("The application type is now “%(type)s”. The applicant has been told.") % {"type": new_type.name}]
    needed = [r.title for r in changes.added + changes.now_required]
    if needed:
        parts.append(_("Now also needed: %(items)s.") % {"items": ", ".join(needed)})
    if changes.removed:
        parts.append(_("No longer needed: %(items)s.") % {"items": ", ".join(r.title for r in changes.removed)})
    return " ".join(parts)


def _claim_decided(item, data):
    text = _("Accepted: %(title)s is not needed.") if data["decision"] == "accept" else _(
        "Rejected: the applicant is asked for %(title)s.")
    return text % {"title": item.requirement.title}


ACTIONS = {
    "case_assign": Action(
        "assign/", _assign,
        lambda case, data: _("The case is assigned to %(name)s.") % {"name": case.caseworker.get_full_name()},
        lambda post: AssignForm(post, caseworkers=selectors.assignable_staff())),
    "mark_complete": Action(
        "mark-complete/", lambda request, case, data: handling.mark_complete(case=case, actor=request.user),
        lambda case, data: _("The case is marked complete. The service clock runs from today.")),
    "start_review": Action(
        "start-review/", lambda request, case, data: handling.start_review(case=case, actor=request.user),
        lambda case, data: _("You have started the review.")),
    "extend_deadline": Action(
        "extend-deadline/",
        lambda request, case, data: case_services.extend_deadline(case=case, days=data["days"], reason=data["reason"],
                                                                  actor=request.user),
        lambda case, data: _("The expected decision date is now %(date)s. The applicant can see the reason.") % {
            "date": date_format(case.expected_decision_date, "DATE_FORMAT") if case.expected_decision_date else "–"},
        ExtendDeadlineForm),
    "change_type": Action(
        "change-type/",
        lambda request, case, data: handling.change_type(case=case, application_type=data["application_type"],
                                                         actor=request.user),
        _type_changed,
        lambda post: ChangeTypeForm(post, application_types=selectors.application_types())),
    "case_withdraw": Action(
        "withdraw/", lambda request, case, data: handling.withdraw(case=case, actor=request.user,
                                                                   reason=data["reason"]),
        lambda case, data: _("The application is withdrawn."), WithdrawForm),
    "decide_claim": Action(
        "claims/<slug:code>/",
        lambda request, case, data, code: handling.decide_not_relevant_claim(
            case=case, requirement_code=code, accept=data["decision"] == "accept", actor=request.user),
        _claim_decided, ClaimDecisionForm),
    "add_note": Action(
        "notes/", lambda request, case, data: handling.add_internal_note(case=case, text=data["text"],
                                                                         actor=request.user),
        lambda note, data: _("The note is saved. Only staff can see it."), InternalNoteForm),
}


@caseworker_required
@require_POST
def case_action(request, reference, action, **url_kwargs):
    """Check the form, call the service, say what happened (or why not), back to the workspace."""
    spec = ACTIONS[action]
    case = _case(request, reference)
    form = spec.form(request.POST) if spec.form else None
    if form is not None and not form.is_valid():
        messages.error(request, _form_error(form))
        return _to_workspace(case)
    data = form.cleaned_data if form is not None else {}
    try:
        result = spec.run(request, case, data, **url_kwargs)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, spec.success(result, data))
    return _to_workspace(case)


# --- Information request ---------------------------------------------------------------------

def _requestable(case):
    items = (ChecklistItem.objects.filter(case=case, is_active=True).select_related("requirement")
             .order_by("-required", "requirement__order"))
    return [item.requirement for item in items]


@caseworker_required
def request_information(request, reference):
    case = _case(request, reference)
    draft = selectors.drafted_request(case=case)
    draft_items = list(draft.items.all()) if draft else []
    requirements = _requestable(case)
    run = selectors.latest_screening_with_results(case=case)
    results = {r.requirement.code: r for r in (run.result_list if run else []) if r.requirement_id}
    warnings = []
    if request.method == "POST":
        form = InformationRequestForm(request.POST, requirements=requirements)
        if form.is_valid():
            data = form.cleaned_data
            warnings = requests.continuity_warnings(case=case, requirement_codes=data["items"])
            if not warnings or data["acknowledge_warnings"]:
                notes = {i.requirement.code: i.note for i in draft_items}
                try:
                    requests.open_information_request(
                        case=case, items=data["items"], message=data["message"], due_date=data["due_date"],
                        kind=data["kind"], actor=request.user, notes=notes, acknowledge_warnings=True)
                except NotAllowed as exc:
                    messages.error(request, str(exc))
                    return _to_workspace(case)
                except Invalid as exc:
                    form.add_error(None, str(exc))
                else:
                    messages.success(request, _("The information request is sent. The case waits for the applicant "
                                                "and the service clock is paused."))
                    return _to_workspace(case)
    else:
        form = InformationRequestForm(requirements=requirements, initial={
            "items": [i.requirement.code for i in draft_items],
            "message": draft.message if draft else "",
            "due_date": requests.default_due_date(),
            "kind": draft.kind if draft else "documentation",
        })
    rows = [{"requirement": r, "result": results.get(r.code), "checked": r.code in (form["items"].value() or [])}
            for r in requirements]
    return render(request, "applications/caseworker/request_information.html",
                  {"case": case, "form": form, "rows": rows, "warnings": warnings, "draft": draft})


# --- The decision ----------------------------------------------------------------------------

@caseworker_required
def decide(request, reference):
    """The decision form. "Preview the letter" renders the letter as it would be sent (a new tab) and
    records nothing; "Record the decision" records it."""
    case = _case(request, reference)
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            preview = "preview" in request.POST
            action = decisions.preview_letter if preview else decisions.record_decision
            try:
                result = action(case=case, actor=request.user, **form.cleaned_data)
            except NotAllowed as exc:
                messages.error(request, str(exc))
                return _to_workspace(case)
            except Invalid as exc:
                form.add_error(None, str(exc))
            else:
                if preview:
                    response = HttpResponse(result, content_type="application/pdf")
                    response["Content-Disposition"] = f'inline; filename="{case.reference}-preview.pdf"'
                    response["Cache-Control"] = "private, no-store"
                    return response
                messages.success(request, _("The decision is recorded. The letter is sent to the applicant as soon "
                                            "as it is ready."))
                return _to_workspace(case)
    else:
        form = DecisionForm()
    language = decisions.letter_language(case=case)
    return render(request, "applications/caseworker/decision.html",
                  {"case": case, "form": form, "letter_language": language,
                   "letter_language_name": get_language_info(language)["name_translated"],
                   "sections": hooks.sections_for("decision", case=case, user=request.user)})


# --- Advisories ------------------------------------------------------------------------------

@caseworker_required
@require_GET
def advisories(request):
    items = advisory_selectors.inbox_for_display(user=request.user, limit=200)
    unread = sum(1 for a in items if a["read_at"] is None)
    return render(request, "applications/caseworker/advisories.html", {"items": items, "unread": unread,
                                                                       "now": timezone.now()})


@caseworker_required
@require_POST
def advisory_read(request, pk):
    advisory = advisory_selectors.get_advisory_for_user(user=request.user, pk=pk)
    advisory_services.mark_read(advisory=advisory, user=request.user)
    if request.POST.get("open") and advisory.case_id:
        return redirect("applications:workspace", reference=advisory.case.reference)
    messages.success(request, _("Marked as read."))
    return redirect(reverse("applications:advisories"))


@caseworker_required
@require_POST
def advisories_read_all(request):
    count = advisory_services.mark_all_read(user=request.user)
    messages.success(request, ngettext("%(count)d advisory marked as read.", "%(count)d advisories marked as read.",
                                       count) % {"count": count})
    return redirect("applications:advisories")
