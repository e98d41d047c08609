"""After the decision in the browser: the page where the applicant or a party appeals, the caseworker's
records on the workspace, and the holder's start notice. The same services as the API
(``services.appeals``, ``services.start_of_work``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications.forms_appeals import (
    AppealForm,
    CompletionForm,
    ForwardedForm,
    LetterAppealForm,
    OutcomeForm,
    ReturnCompletionForm,
    StageCheckForm,
    StageUploadForm,
    StartNoticeForm,
)
from applications.models import Appeal
from applications.selectors import appeals as appeal_selectors
from applications.services import appeals, completion, stage_documents, start_of_work
from applications.services.decisions import appeal_bodies
from applications.views.caseworker import _case, _to_workspace, caseworker_required
from permitportal.core.errors import Invalid, NotAllowed


@login_required
def appeal_page(request, reference):
    """Appeal the decision (the applicant, a representative or a party) and follow one's appeals."""
    case = appeal_selectors.get_case_for_appeal(user=request.user, reference=reference)
    if not appeals.may_appeal(case=case, user=request.user):
        raise PermissionDenied(_("Only the applicant or a party to the case can appeal."))
    form = AppealForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = [form.cleaned_data["attachment"]] if form.cleaned_data["attachment"] else []
        try:
            appeals.lodge_appeal(case=case, actor=request.user, grounds=form.cleaned_data["grounds"],
                                 attachments=files)
        except (NotAllowed, Invalid) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your appeal is received. We send it to the appeals body and e-mail you "
                                        "when there is news."))
            return redirect("applications:appeal", reference=case.reference)
    window = appeals.appeal_window(case=case)
    decision = case.decision if window else None
    return render(request, "applications/cases/appeal.html", {
        "case": case, "form": form, "window": window, "decision": decision,
        "bodies": appeal_bodies(decision=decision) if decision else [],
        "appeals": [appeal_selectors.appeal_data(appeal=a)
                    for a in appeal_selectors.appeals_of(case=case, user=request.user)],
        "can_lodge": bool(window and window["open"]) and case.status in (case.Status.DECIDED, case.Status.APPEALED),
    })


def _report(request, case, action) -> None:
    try:
        action()
    except (NotAllowed, Invalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Saved."))


def _form_error(request, form) -> None:
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))


@caseworker_required
@require_POST
def record_letter(request, reference):
    case = _case(request, reference)
    form = LetterAppealForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
        return _to_workspace(case)
    _report(request, case, lambda: appeals.lodge_appeal(case=case, actor=request.user, by_letter=True,
                                                        **form.cleaned_data))
    return _to_workspace(case)


def _appeal(case, pk) -> Appeal:
    from django.http import Http404

    appeal = Appeal.objects.filter(case=case, pk=pk).first()
    if appeal is None:
        raise Http404("No such appeal")
    return appeal


@caseworker_required
@require_POST
def record_forwarded(request, reference, pk):
    case = _case(request, reference)
    appeal, form = _appeal(case, pk), ForwardedForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
        return _to_workspace(case)
    _report(request, case, lambda: appeals.record_forwarded(appeal=appeal, actor=request.user, **form.cleaned_data))
    return _to_workspace(case)


@caseworker_required
@require_POST
def record_outcome(request, reference, pk):
    case = _case(request, reference)
    appeal, form = _appeal(case, pk), OutcomeForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
        return _to_workspace(case)
    _report(request, case, lambda: appeals.record_outcome(appeal=appeal, actor=request.user, **form.cleaned_data))
    return _to_workspace(case)


def workspace_context(*, case) -> dict:
    """What the workspace's appeals panel shows and offers."""
    window = appeals.appeal_window(case=case)
    return {"appeals": appeal_selectors.appeals_of(case=case, include_staff=True), "appeal_window": window,
            "letter_form": LetterAppealForm(), "forwarded_form": ForwardedForm(), "outcome_form": OutcomeForm(),
            "completion": {"needs_occupancy": completion.occupancy_needed(case=case),
                           "return_form": ReturnCompletionForm()} if case.completed_on else None,
            "stages": _stages(case), "check_form": StageCheckForm()}


def _stages(case) -> list[dict]:
    from applications.selectors.stage_documents import stages

    return stages(case=case) if case.status in (case.Status.DECIDED, case.Status.APPEALED, case.Status.PERMITTED,
                                                case.Status.WORK_STARTED, case.Status.COMPLETION_REPORTED,
                                                case.Status.CLOSED, case.Status.LAPSED) else []


def _stage_files(request) -> dict:
    """``{requirement code: file}`` of a report's form: at most ``MAX_STAGE_FILES``, one per code."""
    from applications.api.start import MAX_STAGE_FILES

    files = request.FILES
    if len(files) > MAX_STAGE_FILES or any(len(files.getlist(code)) > 1 for code in files):
        raise Invalid(_("Send at most %(n)d files, one per document.") % {"n": MAX_STAGE_FILES})
    return {code: files[code] for code in files}


@login_required
@require_POST
def report_start(request, reference):
    from applications.selectors.cases import get_case_for_user

    case = get_case_for_user(user=request.user, reference=reference, owner_only=True)
    form = StartNoticeForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
    else:
        try:
            start_of_work.report_start(case=case, actor=request.user, start_date=form.cleaned_data["start_date"],
                                       files=_stage_files(request))
        except (NotAllowed, Invalid) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you: we have noted the day the work started."))
    return redirect("applications:case_detail", reference=case.reference)


@login_required
@require_POST
def report_completion(request, reference):
    from applications.selectors.cases import get_case_for_user

    case = get_case_for_user(user=request.user, reference=reference, owner_only=True)
    form = CompletionForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
    else:
        try:
            completion.report_completion(case=case, actor=request.user, completed_on=form.cleaned_data["completed_on"],
                                         files=_stage_files(request))
        except (NotAllowed, Invalid) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you: the completion report is sent. We check the documentation."))
    return redirect("applications:case_detail", reference=case.reference)


@login_required
def occupancy_pdf(request, reference):
    from applications.api.start import occupancy_response
    from applications.selectors.cases import get_case_for_user

    return occupancy_response(request, get_case_for_user(user=request.user, reference=reference))


@caseworker_required
@require_POST
def finish_completion(request, reference):
    case = _case(request, reference)
    _report(request, case, lambda: completion.finish(case=case, actor=request.user))
    return _to_workspace(case)


@caseworker_required
@require_POST
def return_completion(request, reference):
    case = _case(request, reference)
    form = ReturnCompletionForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
        return _to_workspace(case)
    _report(request, case, lambda: completion.return_completion(case=case, actor=request.user,
                                                                **form.cleaned_data))
    return _to_workspace(case)


@caseworker_required
@require_POST
def tick_bbr(request, reference):
    case = _case(request, reference)
    _report(request, case, lambda: completion.tick_bbr(case=case, actor=request.user))
    return _to_workspace(case)


@login_required
@require_POST
def send_stage_document(request, reference):
    """The holder sends a new file in place of a refused one (start or completion)."""
    from applications.selectors.cases import get_case_for_user
    from applications.services.uploads import UploadRejected

    case = get_case_for_user(user=request.user, reference=reference, owner_only=True)
    form = StageUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_error(request, form)
    else:
        try:
            stage_documents.add_stage_document(case=case, stage=form.cleaned_data["stage"],
                                               requirement_code=form.cleaned_data["requirement"],
                                               uploaded_file=form.cleaned_data["file"], actor=request.user)
        except (NotAllowed, Invalid, UploadRejected) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you: the document is sent. We check it."))
    return redirect("applications:case_detail", reference=case.reference)


@caseworker_required
@require_POST
def check_stage_document(request, reference, pk):
    from django.http import Http404

    from applications.models import StageDocument

    case = _case(request, reference)
    doc = StageDocument.objects.filter(case=case, pk=pk).first()
    if doc is None:
        raise Http404("No such document")
    form = StageCheckForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
        return _to_workspace(case)
    _report(request, case, lambda: stage_documents.check_stage_document(stage_document=doc, actor=request.user,
                                                                        **form.cleaned_data))
    return _to_workspace(case)
