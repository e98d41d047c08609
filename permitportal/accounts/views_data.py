"""Your data: download everything we hold about you, and delete your account."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from . import services_data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password"), widget=forms.PasswordInput,
                               help_text=gettext_lazy("To make sure it is you."))
    confirm = forms.BooleanField(label=gettext_lazy("I understand that my account and my drafts are deleted "
                                                    "and cannot be brought back."))

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if user is not None and not user.has_usable_password():
            del self.fields["password"]  # an account made by the national login has no password to ask for

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right. Check it and try again."))
        return password


@login_required
@require_GET
def my_data(request):
    return render(request, "accounts/my_data.html", {
        "blockers": services_data.deletion_blockers(user=request.user),
    })


@login_required
@require_GET
def my_data_download(request):
    data = services_data.export_personal_data(user=request.user)
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="my-data-{timezone.localdate():%Y-%m-%d}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_account(request):
    blockers = services_data.deletion_blockers(user=request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and not blockers and form.is_valid():
        try:
            services_data.delete_account(user=request.user)
        except services_data.AccountDeletionRefused as exc:
            blockers = exc.reasons
        else:
            logout(request)
            messages.success(request, _("Your account and your drafts are deleted."))
            return redirect("home")
    status = 409 if request.method == "POST" and blockers else 200
    return render(request, "accounts/delete_account.html", {"form": form, "blockers": blockers}, status=status)
