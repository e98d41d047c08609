"""Applicant views: the applicant invites and removes representatives; the invited person accepts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications.forms import InviteRepresentativeForm
from applications.models import Case
from applications.selectors import cases as case_selectors
from applications.services import cases as case_services
from applications.services import representatives as representative_services
from applications.views.cases import _back

S = Case.Status


@login_required
@require_POST
def invite_representative(request, reference):
    case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
    if case.applicant_id != request.user.pk:
        raise Http404("Only the applicant invites representatives")
    form = InviteRepresentativeForm(request.POST)
    try:
        if not form.is_valid():
            raise case_services.CaseError(_("Enter the representative's e-mail address."))
        representative_services.invite_representative(case=case, email=form.cleaned_data["email"], actor=request.user)
    except case_services.CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("We have e-mailed an invitation to %(email)s.")
                         % {"email": form.cleaned_data["email"]})
    return _back(request, reverse("applications:case_detail", args=[case.reference]))


@login_required
@require_POST
def remove_representative(request, reference):
    case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
    if case.applicant_id != request.user.pk:
        raise Http404("Only the applicant removes representatives")
    try:
        representative_id = int(request.POST.get("representative", ""))
        representative_services.remove_representative(case=case, representative_id=representative_id,
                                                      actor=request.user)
    except (ValueError, case_services.CaseError) as exc:
        messages.error(request, str(exc) if isinstance(exc, case_services.CaseError)
                       else _("This person does not represent you on this case. Reload the page."))
    else:
        messages.success(request, _("Removed. They can no longer see the case."))
    return _back(request, reverse("applications:case_detail", args=[case.reference]))


@login_required
def accept_representation(request, token):
    if request.method == "POST":
        try:
            rep = representative_services.accept_representation(token=token, user=request.user)
        except case_services.CaseError as exc:
            return render(request, "applications/cases/representation.html", {"error": str(exc)}, status=400)
        messages.success(request, _("You now represent the applicant on %(reference)s.")
                         % {"reference": rep.case.reference})
        target = "applications:draft_edit" if rep.case.status == S.DRAFT else "applications:case_detail"
        return redirect(target, reference=rep.case.reference)
    rep = case_selectors.invitation(token=token)
    if rep is None:
        return render(request, "applications/cases/representation.html",
                      {"error": _("This invitation is not valid. Ask the owner to invite you again.")}, status=404)
    problem = representative_services.invitation_problem(rep=rep, user=request.user)
    return render(request, "applications/cases/representation.html", {"rep": rep, "error": problem},
                  status=400 if problem else 200)
