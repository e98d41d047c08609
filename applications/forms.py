from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Case
from permitportal.core import limits


class RadioSelect(forms.RadioSelect):
    """Radios whose field points at the first radio, so the error summary can link to it."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


def _text(**attrs):
    return forms.TextInput(attrs={"class": "form-control", **attrs})


def _number(**attrs):
    return forms.NumberInput(attrs={"class": "form-control project-fact", **attrs})


class ProjectForm(forms.Form):
    """The first step: the project in words and in numbers, and who the application is for. Each field's
    "required" message names the field, so the error summary says what is missing."""

    description = forms.CharField(
        label=gettext_lazy("Describe your project"),
        help_text=gettext_lazy("What will you build or change, how big is it, and what will it be used for?"),
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}), max_length=limits.TEXT,
        error_messages={"required": gettext_lazy("Describe your project.")},
    )
    built_area_m2 = forms.DecimalField(
        label=gettext_lazy("Built area (m²)"), required=False, min_value=0, max_value=100000, decimal_places=1,
        localize=True, widget=_number(step="0.1", inputmode="decimal"),
        help_text=gettext_lazy("The area the building covers on the ground, measured outside the walls."))
    height_m = forms.DecimalField(
        label=gettext_lazy("Height (m)"), required=False, min_value=0, max_value=300, decimal_places=1, localize=True,
        widget=_number(step="0.1", inputmode="decimal"),
        help_text=gettext_lazy("From the ground to the highest point of the roof."))
    storeys = forms.IntegerField(label=gettext_lazy("Storeys"), required=False, min_value=0, max_value=100,
                                 widget=_number(inputmode="numeric"))
    heated_area_m2 = forms.DecimalField(
        label=gettext_lazy("Heated floor area (m²)"), required=False, min_value=0, max_value=100000,
        decimal_places=1, localize=True, widget=_number(step="0.1", inputmode="decimal"),
        help_text=gettext_lazy("Leave it empty for an unheated building such as a carport or a shed."))
    applying_for = forms.ChoiceField(
        label=gettext_lazy("Who are you applying for?"), choices=Case.ApplyingFor.choices, widget=RadioSelect,
        error_messages={"required": gettext_lazy("Choose whether you apply for yourself or for someone else.")})
    customer_group = forms.ChoiceField(
        label=gettext_lazy("Which describes you best?"), choices=Case.CustomerGroup.choices,
        widget=RadioSelect, error_messages={"required": gettext_lazy("Choose which describes you best.")})
    owner_name = forms.CharField(label=gettext_lazy("The owner's name"), required=False, max_length=limits.NAME,
                                 widget=_text(autocomplete="off"))
    owner_email = forms.EmailField(label=gettext_lazy("The owner's e-mail"), required=False,
                                   widget=forms.EmailInput(attrs={"class": "form-control", "autocomplete": "off"}),
                                   error_messages={"invalid": gettext_lazy("Enter the owner's e-mail address as "
                                                                           "name@example.dk.")})

    FACTS = ("built_area_m2", "height_m", "storeys", "heated_area_m2")
    OWNER_FIELDS = ("owner_name", "owner_email")

    def clean(self):
        data = super().clean()
        if data.get("applying_for") == Case.ApplyingFor.OTHER:
            if not data.get("owner_name"):
                self.add_error("owner_name", _("Enter the name of the owner you apply for."))
            if not data.get("owner_email"):
                self.add_error("owner_email", _("Enter the owner's e-mail address."))
        return data

    def project_facts(self) -> dict:
        """The numbers given, as JSON numbers: what the draft keeps as its project facts."""
        facts = {}
        for name in self.FACTS:
            value = self.cleaned_data.get(name)
            if value is not None:
                facts[name] = int(value) if value == int(value) else float(value)
        return facts


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
