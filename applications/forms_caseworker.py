"""Forms of the municipality side. They only parse input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.models import Case, Decision, InformationRequest
from permitportal.core import limits

S = Case.Status


class _Styled:
    """Bootstrap classes on every widget (the form_fields include renders ``as_widget``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


def _status_choices():
    return [("", _("Open cases")), ("all", _("All cases"))] + [
        (value, label) for value, label in S.choices if value != S.DRAFT]


class QueueFilterForm(_Styled, forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=())
    type = forms.ChoiceField(label=_("Application type"), required=False, choices=())
    mine = forms.BooleanField(label=_("Only my cases"), required=False)
    unassigned = forms.BooleanField(label=_("Only unassigned cases"), required=False)
    at_risk = forms.BooleanField(label=_("Only cases at risk or overdue"), required=False)

    def __init__(self, *args, application_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _status_choices()
        self.fields["type"].choices = [("", _("All types"))] + [(t.code, t.name) for t in application_types]

    def filters(self) -> dict:
        """The cleaned filters, or none when the input is not valid (an unknown status or type)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"status": data["status"], "type_code": data["type"], "mine": data["mine"],
                "unassigned": data["unassigned"], "at_risk": data["at_risk"]}


class CaseworkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name()


class BulkAssignForm(_Styled, forms.Form):
    references = forms.MultipleChoiceField(label=_("Cases"), choices=(), widget=forms.CheckboxSelectMultiple,
                                           error_messages={"required": _("Tick at least one case to assign.")})
    caseworker = CaseworkerChoiceField(label=_("Assign the ticked cases to"), queryset=None,
                                       empty_label=_("Choose a caseworker"),
                                       error_messages={"required": _("Choose the caseworker to assign the cases to.")})

    def __init__(self, *args, caseworkers, references=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = caseworkers
        self.fields["references"].choices = [(r, r) for r in references]


class AssignForm(forms.Form):
    caseworker = CaseworkerChoiceField(label=_("Caseworker"), queryset=None, required=False)
    to_me = forms.BooleanField(required=False)

    def __init__(self, *args, caseworkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = caseworkers

    def clean(self):
        data = super().clean()
        if not data.get("to_me") and not data.get("caseworker"):
            raise forms.ValidationError(_("Choose the caseworker to assign the case to."))
        return data


class InformationRequestForm(_Styled, forms.Form):
    items = forms.MultipleChoiceField(label=_("Documents to ask for"), required=False, choices=(),
                                      widget=forms.CheckboxSelectMultiple)
    message = forms.CharField(label=_("Message to the applicant"), required=False, max_length=limits.TEXT,
                              widget=forms.Textarea(attrs={"rows": 6}),
                              help_text=_("Say in plain words what is missing or wrong, and what a good answer "
                                          "looks like."))
    due_date = forms.DateField(label=_("Answer by"), widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=_("A date on a weekend or a public holiday moves to the next working day."),
                               error_messages={"required": _("Enter the date the applicant should answer by."),
                                               "invalid": _("Enter the date as year-month-day, e.g. 2026-05-31.")})
    kind = forms.ChoiceField(label=_("Kind of request"), choices=InformationRequest.Kind.choices)
    acknowledge_warnings = forms.BooleanField(
        label=_("I have read the warnings and want to send the request anyway"), required=False)

    def __init__(self, *args, requirements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(r.code, r.title) for r in requirements]


class ExtendDeadlineForm(_Styled, forms.Form):
    days = forms.IntegerField(label=_("Extra days"), min_value=1, max_value=365,
                              error_messages={"required": _("Enter how many days to add, from 1 to 365."),
                                              "invalid": _("Enter how many days to add, from 1 to 365."),
                                              "min_value": _("Enter how many days to add, from 1 to 365."),
                                              "max_value": _("Enter how many days to add, from 1 to 365.")})
    reason = forms.CharField(label=_("Reason (the applicant sees it)"), widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=limits.REASON,
                             error_messages={"required": _("Give the reason for the extension; the applicant will "
                                                           "see it.")})


class ChangeTypeForm(_Styled, forms.Form):
    application_type = forms.ChoiceField(label=_("New application type"), choices=(),
                                         error_messages={"required": _("Choose the new application type."),
                                                         "invalid_choice": _("Choose the new application type.")})

    def __init__(self, *args, application_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._types = {t.code: t for t in application_types}
        self.fields["application_type"].choices = [("", _("Choose a type"))] + [
            (t.code, t.name) for t in self._types.values()]

    def clean_application_type(self):
        return self._types[self.cleaned_data["application_type"]]


class ClaimDecisionForm(forms.Form):
    """Accept or reject an applicant's "not relevant" claim."""

    decision = forms.ChoiceField(choices=[("accept", "accept"), ("reject", "reject")], error_messages={
        "required": _("Choose whether to accept or reject the claim."),
        "invalid_choice": _("Choose whether to accept or reject the claim.")})


class DecisionForm(_Styled, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", _("Choose the outcome"))] + Decision.Outcome.choices,
                                error_messages={"required": _("Choose the outcome of the decision.")})
    conditions = forms.CharField(label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                 max_length=limits.LONG_TEXT,
                                 help_text=_("Only for a permit with conditions: one condition per line."))
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 6}), max_length=limits.LONG_TEXT,
                              error_messages={"required": _("Write the reasons for the decision.")})
    guidance = forms.CharField(label=_("What the applicant could change"), required=False, max_length=limits.LONG_TEXT,
                               widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("Required for a refusal: say concretely what would make the project "
                                           "acceptable. The letter offers a new pre-application meeting."))
    planning_act = forms.BooleanField(
        label=_("The decision also rules under the Planning Act (for example a dispensation from the local plan)"),
        required=False,
        help_text=_("The letter then tells the applicant they can appeal that part to Planklagenævnet; the rest "
                    "goes to Byggeklageenheden."))


class WithdrawForm(_Styled, forms.Form):
    reason = forms.CharField(label=_("How and when the applicant asked to withdraw"),
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("Write how the applicant asked to withdraw the "
                                                           "application, and when.")})


class InternalNoteForm(_Styled, forms.Form):
    text = forms.CharField(label=_("Internal note (only staff see it)"), widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": _("Write the note first.")})
