from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Case
from permitportal.core import limits


class ProjectForm(forms.Form):
    description = forms.CharField(
        label=gettext_lazy("Describe your project"),
        help_text=gettext_lazy("What will you build or change, how big is it, and what will it be used for?"),
        widget=forms.Textarea(attrs={"rows": 5}), max_length=limits.TEXT,
    )
    applying_for = forms.ChoiceField(label=gettext_lazy("Who are you applying for?"),
                                     choices=Case.ApplyingFor.choices, widget=forms.RadioSelect)
    customer_group = forms.ChoiceField(label=gettext_lazy("Which describes you best?"),
                                       choices=Case.CustomerGroup.choices, widget=forms.RadioSelect)
    owner_name = forms.CharField(label=gettext_lazy("The owner's name"), required=False, max_length=limits.NAME,
                                 help_text=gettext_lazy("Only when you apply for someone else."))
    owner_email = forms.EmailField(label=gettext_lazy("The owner's e-mail"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("applying_for") == Case.ApplyingFor.OTHER:
            if not data.get("owner_name"):
                self.add_error("owner_name", _("Enter the name of the owner you apply for."))
            if not data.get("owner_email"):
                self.add_error("owner_email", _("Enter the owner's e-mail address."))
        return data


class UploadForm(forms.Form):
    requirement = forms.CharField(widget=forms.HiddenInput, required=False)
    file = forms.FileField(label=gettext_lazy("Choose a file"),
                           help_text=gettext_lazy("PDF, PNG or JPEG, at most 50 MB."))
    replaces = forms.IntegerField(widget=forms.HiddenInput, required=False)


class NotRelevantForm(forms.Form):
    requirement = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=gettext_lazy("Why is this not relevant for your project?"),
                             widget=forms.Textarea(attrs={"rows": 3}), max_length=limits.REASON)


class InviteRepresentativeForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("The representative's e-mail address"))
