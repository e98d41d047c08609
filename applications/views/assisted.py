"""Assisted digital (issue 20, item 4): the staff member sends the citizen the link; the citizen opens it, checks
the answers, confirms and sends. Thin: services.assisted decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications.services import assisted
from applications.services import cases as case_services
from applications.views.cases import _checklist_context, _draft_steps, _owned_draft
from permitportal.accounts import services_invitations
from permitportal.core.errors import NotAllowed


@login_required
@require_POST
def send_link(request, reference):
    """The staff member who started the draft e-mails the citizen the link to confirm and send it."""
    case = _owned_draft(request, reference)
    assisted.send_confirmation_link(case=case, actor=request.user)  # 409s: DomainErrorMiddleware
    messages.success(request, _("The link is e-mailed to %(email)s. The application is sent when they confirm it.")
                     % {"email": case.applicant.email})
    return redirect("dialogueteam:assisted_start")


def confirm(request, token):
    """The citizen's link: log in (or choose a password for an account made for them), check the answers,
    confirm and send. To anyone else the link names nothing (404)."""
    try:
        case = assisted.case_for_link(token=token)
    except assisted.AssistedError as exc:
        return render(request, "accounts/verify_failed.html", {"reason": str(exc)}, status=400)
    if not request.user.is_authenticated:
        if services_invitations.is_invited(case.applicant):
            return redirect(services_invitations.invitation_path(user=case.applicant, next_path=request.path))
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.path})}")
    case = assisted.case_for_confirmation(token=token, user=request.user)
    if case.status != case.Status.DRAFT:
        messages.info(request, _("This application has been sent."))
        return redirect("applications:case_detail", reference=case.reference)
    context = _checklist_context(request, case)
    context.update({"step": _draft_steps(case, "check"), "missing": case_services.missing_for_submission(case=case),
                    "property": case.property, "confirming": True})
    if request.method == "POST":
        try:
            assisted.confirm(case=case, actor=request.user)
        except case_services.SubmissionIncomplete as exc:
            context.update({"missing": exc.missing, "submit_failed": True})
            return render(request, "applications/cases/draft_check.html", context, status=400)
        except NotAllowed as exc:
            messages.error(request, str(exc))
            return redirect("applications:case_detail", reference=case.reference)
        messages.success(request, _("Thank you. Your application is confirmed and sent."))
        return redirect("applications:receipt", reference=case.reference)
    return render(request, "applications/cases/draft_check.html", context)


def assisting(request, case) -> bool:
    """Whether the reader is the staff member helping with this draft (not the applicant)."""
    return (case.assisted_by_id == request.user.pk and case.applicant_id != request.user.pk
            and case.assisted_confirmed_at is None)
