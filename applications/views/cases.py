"""Applicant views: drafts, checklist, check your answers, submission, receipt, the case page (the
representatives' pages are in ``representatives``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications import hooks
from applications.forms import InviteRepresentativeForm, NotRelevantForm, ProjectForm, UploadForm
from applications.models import ApplicationType, Case, Property
from applications.selectors import cases as case_selectors
from applications.selectors.caseworker import answers_for_display
from applications.selectors.status import case_status
from applications.services import cases as case_services
from applications.services import decisions as decision_services
from applications.services import guide as guide_service
from applications.services import receipts, requests
from applications.services.transitions import AFTER_DECISION, FINISHED
from applications.views import mandates as mandate_views
from permitportal.core.errors import NotAllowed

S = Case.Status


def _owned(request, reference):
    case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
    if case.assisted_by_id == request.user.pk and case.applicant_id != request.user.pk:
        from permitportal.core import audit  # a staff member reading a citizen's draft they help with

        audit.record(actor=request.user, action="assisted_draft_read", object_type="case", object_id=case.reference)
    return case


def _owned_draft(request, reference):
    case = _owned(request, reference)
    if case.status != S.DRAFT:
        raise Http404("Not a draft")
    return case


def _back(request, default):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


@login_required
@require_POST
def draft_create(request):
    """Start a draft from the guide's outcome (answers in the session) or the expert path."""
    guide = request.session.get("guide") or {}
    property_id = request.POST.get("property") or guide.get("property")
    prop = get_object_or_404(Property, pk=property_id) if property_id else None
    if prop is None:
        messages.error(request, _("Choose the property first."))
        return redirect("applications:guide_start")
    type_code = request.POST.get("application_type")
    app_type = ApplicationType.objects.filter(code=type_code, is_active=True).first() if type_code else None
    answers = guide.get("answers") if not app_type or request.POST.get("from_guide") else {}
    firm = None
    if request.POST.get("firm"):  # on behalf of one of the user's firms (issue 20)
        from permitportal.accounts.selectors_firms import firm_for_member

        firm_id = request.POST["firm"]
        firm = firm_for_member(user=request.user, firm_id=int(firm_id) if firm_id.isdigit() and len(firm_id) < 12
                               else 0)[0]
    try:
        case = case_services.create_draft(
            applicant=request.user, property=prop, application_type=app_type, answers=answers or {},
            applying_for=request.POST.get("applying_for") or guide.get("applying_for") or Case.ApplyingFor.SELF,
            firm=firm,
        )
    except case_services.CaseError as exc:
        messages.error(request, str(exc))
        return redirect("applications:guide_start")
    request.session.pop("guide", None)
    messages.success(request, _("Your application %(reference)s is saved as a draft. You can come back to it "
                                "at any time from “My applications”.") % {"reference": case.reference})
    return redirect("applications:draft_edit", reference=case.reference)


@login_required
@require_POST
def draft_change_answers(request, reference):
    """"Change" on check your answers: the guide reopens with the draft's property and answers, and comes back
    to this draft (draft_from_guide) instead of starting a new one."""
    case = _owned_draft(request, reference)
    request.session["guide"] = {"property": case.property_id, "applying_for": case.applying_for,
                                "answers": dict(case.answers or {}), "draft": case.reference}
    if request.POST.get("at") == "property":
        return redirect("applications:guide_property")
    try:
        return redirect("applications:guide_question", code=guide_service.first_question())
    except guide_service.GuideUnavailable:
        return redirect("applications:guide_next")  # which says the guide is unavailable


@login_required
@require_POST
def draft_from_guide(request, reference):
    """The reopened guide's outcome saved into the draft it was opened from."""
    case = _owned_draft(request, reference)
    guide = request.session.get("guide") or {}
    prop = Property.objects.filter(pk=guide.get("property")).first()
    if guide.get("draft") != case.reference or prop is None:
        messages.error(request, _("Your answers in the guide were lost. Open the guide again from your application."))
        return redirect("applications:draft_check", reference=case.reference)
    try:
        case_services.change_draft_answers(case=case, actor=request.user, property=prop,
                                           answers=guide.get("answers") or {},
                                           applying_for=guide.get("applying_for") or case.applying_for)
    except case_services.CaseError as exc:
        messages.error(request, str(exc))
        return redirect("applications:guide_outcome")
    request.session.pop("guide", None)
    messages.success(request, _("Your application %(reference)s is updated with your new answers. Check the "
                                "documents: the list follows the answers.") % {"reference": case.reference})
    return redirect("applications:draft_check", reference=case.reference)


@login_required
def my_applications(request):
    today = timezone.localdate()
    rows = [{"case": case, "status": case_status(case, today=today),
             "is_representative": case.applicant_id != request.user.pk,
             "assisting": case.assisted_by_id == request.user.pk and case.applicant_id != request.user.pk}
            for case in hooks.preload_for_list(case_selectors.my_cases(user=request.user))]
    return render(request, "applications/cases/my_applications.html", {"rows": rows})


def _draft_steps(case, current):
    steps = [
        ("project", _("About the project"), reverse("applications:draft_edit", args=[case.reference])),
        ("documents", _("Documents"), reverse("applications:draft_documents", args=[case.reference])),
        ("check", _("Check and send"), reverse("applications:draft_check", args=[case.reference])),
    ]
    return {"steps": steps, "current": current, "number": [s[0] for s in steps].index(current) + 1,
            "total": len(steps)}


@login_required
def draft_edit(request, reference):
    case = _owned_draft(request, reference)
    changes = case_services.check_against_current_catalogue(case=case, actor=request.user)
    if changes:
        messages.warning(request, _("The requirements changed since you started. We updated your checklist: "
                                    "see “Documents”."))
    if request.method == "POST":
        form = ProjectForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            for_owner = data["applying_for"] == Case.ApplyingFor.OTHER
            case_services.update_draft(
                case=case, actor=request.user, description=data["description"], applying_for=data["applying_for"],
                customer_group=data["customer_group"], owner_name=data["owner_name"] if for_owner else "",
                owner_email=data["owner_email"] if for_owner else "", project_facts=form.project_facts())
            return redirect("applications:draft_documents", reference=case.reference)
    else:
        # Who the applicant is, is theirs to say: preset only once they have saved this step (a description).
        form = ProjectForm(initial={"description": case.description, "applying_for": case.applying_for,
                                    "customer_group": case.customer_group if case.description else None,
                                    "owner_name": case.owner_name, "owner_email": case.owner_email,
                                    **(case.project_facts or {})})
    return render(request, "applications/cases/draft_project.html", {
        "case": case, "form": form, "step": _draft_steps(case, "project"), "changes": changes,
        "facts": [form[name] for name in form.FACTS], "owner_fields": [form[name] for name in form.OWNER_FIELDS],
        "for_owner": form["applying_for"].value() == Case.ApplyingFor.OTHER,
        "guide_answers": answers_for_display(case=case)})


def _checklist_context(request, case):
    return {
        "case": case,
        "items": case_selectors.checklist_for_display(case=case),
        "upload_form": UploadForm(),
        "not_relevant_form": NotRelevantForm(),
        "max_mb": request_max_mb(),
    }


def request_max_mb():
    from django.conf import settings

    return settings.UPLOAD_MAX_BYTES // (1024 * 1024)


@login_required
def draft_documents(request, reference):
    case = _owned_draft(request, reference)
    context = _checklist_context(request, case)
    context["step"] = _draft_steps(case, "documents")
    if case.applying_for == Case.ApplyingFor.OTHER:
        context.update(mandate_views.request_context(case))
    return render(request, "applications/cases/draft_documents.html", context)


@login_required
def draft_check(request, reference):
    case = _owned_draft(request, reference)
    context = _checklist_context(request, case)
    context.update({"step": _draft_steps(case, "check"), "missing": case_services.missing_for_submission(case=case),
                    "property": case.property,
                    "assisting": case.assisted_by_id == request.user.pk and case.applicant_id != request.user.pk})
    return render(request, "applications/cases/draft_check.html", context)


@login_required
@require_POST
def submit(request, reference):
    case = _owned(request, reference)  # a case sent meanwhile (a second click) is the service's to refuse
    try:
        case_services.submit(case=case, actor=request.user)
    except case_services.SubmissionIncomplete as exc:
        context = _checklist_context(request, case)
        context.update({"step": _draft_steps(case, "check"), "missing": exc.missing, "property": case.property,
                        "submit_failed": True})
        return render(request, "applications/cases/draft_check.html", context, status=400)
    except NotAllowed as exc:
        messages.error(request, str(exc))
        return redirect("applications:case_detail", reference=case.reference)
    return redirect("applications:receipt", reference=case.reference)


@login_required
def receipt(request, reference):
    case = _owned(request, reference)
    if case.status == S.DRAFT:
        return redirect("applications:draft_check", reference=reference)
    from applications.selectors.receipts import receipt_context

    return render(request, "applications/cases/receipt.html", receipt_context(case=case))


@login_required
def receipt_pdf(request, reference):
    case = case_selectors.get_case_for_user(user=request.user, reference=reference)
    if case.status == S.DRAFT:
        raise Http404("No receipt for a draft")
    pdf = receipts.render_receipt_pdf(case=case, language=translation.get_language() or "da")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-receipt.pdf"'
    return response


def _request_items(open_request, checklist_items):
    """The open request's items, each with the current documents it may replace."""
    if open_request is None:
        return []
    current = {item.requirement_id: item.current_documents for item in checklist_items}
    return [{"item": ri, "current": current.get(ri.requirement_id, [])} for ri in open_request.items.all()]


def _appeals(case) -> list[dict]:
    """The appeals against the case's decision as the applicant's page lists them (issue 18)."""
    from applications.selectors.appeals import appeal_data, appeals_of

    if case.status not in AFTER_DECISION | {S.IN_REVIEW}:
        return []
    return [appeal_data(appeal=a) for a in appeals_of(case=case, include_staff=True)]


def _start_notice(case) -> dict | None:
    """For a permit: the lapse day, the start and completion and their forms, the occupancy permit (issue 18)."""
    from applications.forms_appeals import CompletionForm, StartNoticeForm
    from applications.models import OccupancyPermit
    from applications.services.after_decision import GRANTED, permit_lapses_on
    from applications.services.start_of_work import STARTABLE

    decision = getattr(case, "decision", None)
    if decision is None or decision.outcome not in GRANTED or case.status not in AFTER_DECISION:
        return None
    from applications.forms_appeals import StageUploadForm
    from applications.selectors.stage_documents import stages
    from applications.services.stage_documents import missing

    can_start = case.status in STARTABLE and not case.started_on
    can_complete = case.status == S.WORK_STARTED
    return {"lapses_on": permit_lapses_on(decision=decision), "started_on": case.started_on,
            "lapsed": case.status == S.LAPSED, "form": StartNoticeForm(), "completion_form": CompletionForm(),
            "can_start": can_start, "can_complete": can_complete, "completed_on": case.completed_on,
            # The files each report asks for (those not sent yet, or refused), and what was sent and checked.
            "start_files": missing(case=case, stage="start") if can_start else [],
            "completion_files": missing(case=case, stage="completion") if can_complete else [],
            "stages": stages(case=case) if case.started_on else [], "upload_form": StageUploadForm(),
            "occupancy": OccupancyPermit.objects.filter(case=case).exists() if case.completed_on else False}


@login_required
def case_detail(request, reference):
    case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True,
                                            with_decision=True)
    if case.status == S.DRAFT:
        return redirect("applications:draft_edit", reference=reference)
    context = _checklist_context(request, case)
    open_request = requests.open_request(case=case)
    status = case_status(case)
    decision = getattr(case, "decision", None) if case.status in AFTER_DECISION else None
    context.update({
        "status": status, "status_text": status["text"], "waiting_for": status["waiting_for"],
        "waiting_for_text": status["waiting_for_text"], "clock": status["clock"],
        "timeline": case_selectors.public_timeline(case=case),
        "other_documents": case_selectors.other_documents(case=case),
        "representatives": list(case.representatives.all()),
        "invite_form": InviteRepresentativeForm(),
        "is_applicant": case.applicant_id == request.user.pk,
        "open_request": open_request,
        "open_request_items": _request_items(open_request, context["items"]),
        "outstanding": case_selectors.outstanding_items(case=case),
        "decision": decision,
        "appeal": decision_services.appeal(decision=decision) if decision else None,
        "appeals": _appeals(case),
        "start_notice": _start_notice(case),
        "finished": case.status in FINISHED,
        "sections": hooks.sections_for("case", case=case, user=request.user),
    })
    return render(request, "applications/cases/case_detail.html", context)


@login_required
@require_POST
def upload(request, reference):
    from applications.models import DocumentRequirement
    from applications.services import documents as document_services
    from applications.services.uploads import UploadRejected

    case = _owned(request, reference)
    default = reverse("applications:draft_documents" if case.status == S.DRAFT else "applications:case_detail",
                      args=[case.reference])
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return _back(request, default)
    code = form.cleaned_data.get("requirement")
    requirement = DocumentRequirement.objects.filter(code=code).first() if code else None
    try:
        replaces = form.cleaned_data.get("replaces")
        if replaces:
            old = get_object_or_404(case.documents, pk=replaces, superseded_at__isnull=True)
            document_services.replace_document(document=old, uploaded_file=form.cleaned_data["file"],
                                               actor=request.user)
        else:
            document_services.add_document(case=case, requirement=requirement,
                                           uploaded_file=form.cleaned_data["file"], actor=request.user)
    except (UploadRejected, case_services.CaseError) as exc:
        messages.error(request, _("“%(name)s” was not uploaded: %(reason)s")
                       % {"name": form.cleaned_data["file"].name, "reason": exc})
    else:
        messages.success(request, _("“%(name)s” is uploaded.") % {"name": form.cleaned_data["file"].name})
    return _back(request, default)


@login_required
@require_POST
def not_relevant(request, reference):
    case = _owned(request, reference)
    default = reverse("applications:draft_documents" if case.status == S.DRAFT else "applications:case_detail",
                      args=[case.reference])
    if request.POST.get("undo"):
        case_services.withdraw_not_relevant(case=case, requirement_code=request.POST.get("requirement", ""),
                                            actor=request.user)
        return _back(request, default)
    form = NotRelevantForm(request.POST)
    try:
        if not form.is_valid():
            raise case_services.CaseError(_("Tell us in a sentence why this document is not relevant for your "
                                            "project."))
        case_services.mark_not_relevant(case=case, requirement_code=form.cleaned_data["requirement"],
                                        reason=form.cleaned_data["reason"], actor=request.user)
    except case_services.CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Marked as not relevant. A caseworker will check your reason."))
    return _back(request, default)


@login_required
@require_POST
def answer_request(request, reference):
    case = _owned(request, reference)
    if requests.answer_request(case=case, actor=request.user, force=True):
        messages.success(request, _("Thank you. We have your answer and will look at it."))
    else:
        messages.error(request, _("There is no open request on this case."))
    return redirect("applications:case_detail", reference=reference)


@login_required
def decision_pdf(request, reference):
    case = case_selectors.get_case_for_user(user=request.user, reference=reference)
    decision = getattr(case, "decision", None)
    if decision is None or not decision.letter:
        raise Http404("No decision letter")
    from django.http import FileResponse

    if case_selectors.is_staff_reader(user=request.user, case=case):
        from permitportal.core import audit

        audit.record(actor=request.user, action="read_decision_letter", object_type="case", object_id=case.reference)
    return FileResponse(decision.letter.open("rb"), as_attachment=True, filename=f"{case.reference}-decision.pdf",
                        content_type="application/pdf")
