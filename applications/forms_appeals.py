"""Forms of appeals: the applicant's or a party's appeal, and the caseworker's records."""

from django import forms
from django.utils.translation import gettext_lazy

from applications.models import Appeal
from applications.services.appeals import GROUNDS_MAX, NOTE_MAX, OUTCOMES


class _Styled(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
            if field.help_text:
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}-help")


class AppealForm(_Styled):
    grounds = forms.CharField(label=gettext_lazy("Why do you appeal the decision?"), max_length=GROUNDS_MAX,
                              widget=forms.Textarea(attrs={"rows": 6}),
                              help_text=gettext_lazy("Say what you think is wrong with the decision and why."))
    attachment = forms.FileField(label=gettext_lazy("Attach a file (optional)"), required=False,
                                 help_text=gettext_lazy("PDF, PNG or JPEG, at most 50 MB."))


class LetterAppealForm(_Styled):
    appellant_name = forms.CharField(label=gettext_lazy("Who appealed"), max_length=200)
    appellant_email = forms.EmailField(label=gettext_lazy("Their e-mail (optional)"), required=False)
    received_on = forms.DateField(label=gettext_lazy("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    grounds = forms.CharField(label=gettext_lazy("The grounds, as in the letter"), max_length=GROUNDS_MAX,
                              widget=forms.Textarea(attrs={"rows": 4}))


class ForwardedForm(_Styled):
    sent_on = forms.DateField(label=gettext_lazy("Sent to the appeals body on"),
                              widget=forms.DateInput(attrs={"type": "date"}))


class OutcomeForm(_Styled):
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"),
                                choices=[(o, Appeal.Status(o).label) for o in OUTCOMES])
    note = forms.CharField(label=gettext_lazy("Why (shown to the applicant when the case is remitted)"),
                           max_length=NOTE_MAX, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class StartNoticeForm(_Styled):
    start_date = forms.DateField(label=gettext_lazy("The day the work started"),
                                 widget=forms.DateInput(attrs={"type": "date"}))


class CompletionForm(_Styled):
    completed_on = forms.DateField(label=gettext_lazy("The day the work was completed"),
                                   widget=forms.DateInput(attrs={"type": "date"}))


class ReturnCompletionForm(_Styled):
    reason = forms.CharField(label=gettext_lazy("What is missing (the holder reads this)"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class StageCheckForm(_Styled):
    accepted = forms.TypedChoiceField(label=gettext_lazy("Your check"), coerce=lambda v: v == "yes",
                                      choices=[("yes", gettext_lazy("Accept")), ("no", gettext_lazy("Refuse"))],
                                      widget=forms.RadioSelect)
    reason = forms.CharField(label=gettext_lazy("Why it is refused (the holder reads this)"), max_length=2000,
                             required=False, widget=forms.Textarea(attrs={"rows": 2}))


class StageUploadForm(_Styled):
    stage = forms.ChoiceField(choices=[("start", "start"), ("completion", "completion")], widget=forms.HiddenInput)
    requirement = forms.CharField(max_length=60, widget=forms.HiddenInput)
    file = forms.FileField(label=gettext_lazy("A new file"))
