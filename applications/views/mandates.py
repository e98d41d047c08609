"""Digital mandates: the applicant or a representative asks the owner from the draft's documents page;
the owner, logged in, grants, refuses or revokes on the mandate's own page."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from applications.models import Mandate
from applications.selectors import cases as case_selectors
from applications.selectors import mandates as mandate_selectors
from applications.services import mandates as mandate_services


class MandateRequestForm(forms.Form):
    scope = forms.ChoiceField(label=gettext_lazy("The mandate covers"), choices=Mandate.Scope.choices,
                              widget=forms.RadioSelect, initial=Mandate.Scope.CASE)
    valid_until = forms.DateField(label=gettext_lazy("Last day of the mandate"),
                                  widget=forms.DateInput(attrs={"type": "date"}))


@login_required
@require_POST
def request_mandate(request, reference):
    case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
    form = MandateRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what the mandate covers and its last day."))
    else:
        mandate_services.request_mandate(case=case, agent=request.user, scope=form.cleaned_data["scope"],
                                         valid_until=form.cleaned_data["valid_until"])
        messages.success(request, _("We have e-mailed the owner a link to grant the mandate."))
    return redirect(reverse("applications:draft_documents", args=[case.reference]))


@login_required
def mandate(request, token):
    """The owner's page: what the mandate covers, and grant, refuse or revoke."""
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "grant":
        mandate_services.grant_mandate(token=token, user=request.user)
        messages.success(request, _("The mandate is granted."))
    elif action == "refuse":
        mandate_services.refuse_mandate(token=token, user=request.user)
        messages.info(request, _("The mandate is refused."))
    elif action == "revoke":
        current = mandate_selectors.mandate_for_owner(token=token, user=request.user)
        mandate_services.revoke_mandate(mandate_id=current.pk, user=request.user)
        messages.info(request, _("The mandate is revoked."))
    if action:
        return redirect("applications:mandate", token=token)
    return render(request, "applications/cases/mandate.html",
                  {"mandate": mandate_selectors.mandate_for_owner(token=token, user=request.user)})


def request_context(case) -> dict:
    """What the draft's documents page needs for the request form and the mandates asked for."""
    return {"mandate_form": MandateRequestForm(initial={"valid_until": dt.date.today() + dt.timedelta(days=365)}),
            "mandates": mandate_selectors.mandates_on_case(case=case)}
