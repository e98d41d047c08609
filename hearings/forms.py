"""The hearings' forms: bounded input only; the rules are in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import conf
from .models import Authority, Hearing


class StartHearingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Whom to hear"), choices=Hearing.Kind.choices, widget=forms.RadioSelect)
    parties = forms.CharField(
        label=_("People to hear"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One a line: name, a comma, e-mail address. For example: Ada Jensen, ada@example.dk"))
    authorities = forms.ModelMultipleChoiceField(label=_("Authorities"), required=False,
                                                 queryset=Authority.objects.filter(is_active=True),
                                                 widget=forms.CheckboxSelectMultiple)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=_("Leave empty for the usual deadline of the kind (14 days)."))
    message = forms.CharField(label=_("Message to the parties"), max_length=conf.MAX_MESSAGE,
                              widget=forms.Textarea(attrs={"rows": 6}))
    documents = forms.TypedMultipleChoiceField(label=_("Documents to show"), required=False, coerce=int,
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = [(d.pk, d.original_name) for d in documents]

    def party_rows(self) -> list[dict]:
        """The typed lines as parties (a line without a comma is refused by the service's e-mail check),
        then the chosen authorities."""
        rows = []
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
