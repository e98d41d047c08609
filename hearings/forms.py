"""The hearings' forms: bounded input only; the rules are in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.selectors.properties import property_label
from permitportal.core import limits
from permitportal.core.parsers import has_control_character

from . import conf
from .models import Authority, Hearing


class StartHearingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Whom to hear"), choices=Hearing.Kind.choices, widget=forms.RadioSelect)
    parties = forms.CharField(
        label=_("People to hear"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: name, a comma, e-mail address. For example: Ada Jensen, ada@example.dk"))
    authorities = forms.ModelMultipleChoiceField(label=_("Authorities"), required=False,
                                                 queryset=Authority.objects.none(),
                                                 widget=forms.CheckboxSelectMultiple)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=_("Leave empty for the usual deadline of the kind (14 days)."))
    message = forms.CharField(label=_("Message to the parties"), max_length=conf.MAX_MESSAGE,
                              widget=forms.Textarea(attrs={"rows": 6}))
    documents = forms.TypedMultipleChoiceField(label=_("Documents to show"), required=False, coerce=int,
                                               widget=forms.CheckboxSelectMultiple)

    # Neighbours picked from the property register (``selectors.neighbour_candidates``): the address searched
    # (kept so the choices are the same when the form comes back), the properties picked, and for each the
    # owner's name and e-mail in ``neighbour_name_<id>`` and ``neighbour_email_<id>``.
    street = forms.CharField(required=False, max_length=limits.NAME, widget=forms.HiddenInput)
    neighbours = forms.TypedMultipleChoiceField(label=_("Neighbours from the property register"), required=False,
                                                coerce=int, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, documents=(), neighbours=(), authorities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if authorities is not None:  # the case's municipality's list (selectors.authorities_for)
            self.fields["authorities"].queryset = authorities
        self.fields["documents"].choices = [(d.pk, d.original_name) for d in documents]
        self.fields["neighbours"].choices = [(p.pk, property_label(p)) for p in neighbours]
        self.neighbour_rows: list[dict] = []

    def clean(self):
        cleaned = super().clean()
        rows = []
        for pk in cleaned.get("neighbours") or []:
            name = str(self.data.get(f"neighbour_name_{pk}", "")).strip()
            email = str(self.data.get(f"neighbour_email_{pk}", "")).strip()
            if len(name) > limits.NAME or len(email) > limits.EMAIL or has_control_character(name + email):
                self.add_error("neighbours", _("A neighbour's name or e-mail address is too long or has a control "
                                               "character."))
                return cleaned
            if not email:
                self.add_error("neighbours", _("Give the e-mail address of each neighbour you picked."))
                return cleaned
            rows.append({"name": name or email, "email": email, "property": pk})
        self.neighbour_rows = rows
        return cleaned

    def neighbour_choices(self) -> list[dict]:
        """The picker's rows: each address's checkbox with the name and e-mail typed for it (kept when the form
        comes back with an error)."""
        return [{"choice": choice, "name": self.data.get(f"neighbour_name_{choice.data['value']}", ""),
                 "email": self.data.get(f"neighbour_email_{choice.data['value']}", "")}
                for choice in self["neighbours"]]

    def party_rows(self) -> list[dict]:
        """The picked neighbours, the typed lines as parties (a line without a comma is refused by the service's
        e-mail check), then the chosen authorities."""
        rows = list(self.neighbour_rows)
        for line in self.cleaned_data["parties"].splitlines():
            if line.strip():
                name, _comma, email = line.rpartition(",")
                rows.append({"name": name.strip() or email.strip(), "email": email.strip()})
        rows += [{"authority": a.pk} for a in self.cleaned_data["authorities"]]
        return rows


class ExtendForm(forms.Form):
    deadline = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason (the applicant sees it)"), max_length=conf.MAX_REASON,
                             widget=forms.Textarea(attrs={"rows": 2}))


class WeighForm(forms.Form):
    text = forms.CharField(label=_("How the objection was weighed"), max_length=conf.MAX_COMMENT,
                           widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    no_objection = forms.BooleanField(label=_("I have no objection"), required=False)
    comment = forms.CharField(label=_("Your comment"), required=False, max_length=conf.MAX_COMMENT,
                              widget=forms.Textarea(attrs={"rows": 6}))
    attachments = forms.FileField(label=_("Attach a file (PDF, PNG or JPEG)"), required=False)
