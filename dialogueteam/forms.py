from django import forms
from django.utils.translation import gettext_lazy as _

from applications.models import Case
from dialogueteam import search
from dialogueteam.models import Contact
from permitportal.core import limits, search_input
from permitportal.core.widgets import DirectTextInput

_TEXT = {"class": "form-control"}


class AccessibleForm(forms.Form):
    """Inputs point at their help text and errors (aria-describedby) and say when they are invalid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-help"

    def full_clean(self):
        super().full_clean()
        self._mark_invalid()

    def add_error(self, field, error):
        super().add_error(field, error)
        if hasattr(self, "cleaned_data"):  # also after validation: a service refused the value
            self._mark_invalid()

    def _mark_invalid(self):
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described = (attrs.get("aria-describedby") or "").split()
            if f"{self[name].auto_id}-error" not in described:
                attrs["aria-describedby"] = " ".join([*described, f"{self[name].auto_id}-error"])
            if "class" in attrs and "is-invalid" not in attrs["class"].split():
                attrs["class"] += " is-invalid"


class LookupForm(AccessibleForm):
    q = forms.CharField(
        label=_("Reference, address, name, e-mail, phone or cadastral number"),
        help_text=_("At least three letters or digits. Parts of words work too: “nørrebro 12” or “jens”."),
        max_length=search_input.MAX_LENGTH,
        widget=DirectTextInput(attrs={**_TEXT, "type": "search", "autocomplete": "off"}),
    )

    def clean_q(self):
        return search_input.bounded_search(self.cleaned_data["q"], max_words=search.MAX_WORDS)


def _choices(choices, blank_label):
    return [("", blank_label), *choices]


class ContactForm(AccessibleForm):
    channel = forms.ChoiceField(label=_("How did they contact us?"), choices=Contact.Channel.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": _("Choose how the person contacted us.")})
    topic = forms.ChoiceField(label=_("What was it about?"),
                              choices=_choices(Contact.Topic.choices, _("Choose a topic")),
                              widget=forms.Select(attrs={"class": "form-select"}),
                              error_messages={"required": _("Choose what the contact was about.")})
    customer_group = forms.ChoiceField(label=_("Customer group"), choices=Case.CustomerGroup.choices,
                                       widget=forms.RadioSelect,
                                       error_messages={"required": _("Choose the customer group.")})
    case = forms.CharField(label=_("Case reference (optional)"), required=False, max_length=limits.REFERENCE,
                           help_text=_("For example B-2026-00042. Leave it empty for a general question."),
                           widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}))
    summary = forms.CharField(label=_("Note"), required=False, max_length=limits.TEXT,
                              help_text=_("What they asked and what you told them."),
                              widget=forms.Textarea(attrs={**_TEXT, "rows": 3}))
    resolved_first_contact = forms.BooleanField(label=_("Resolved at first contact"), required=False)
    forward_question = forms.CharField(
        label=_("Question for the caseworker"), required=False, max_length=limits.REASON,
        help_text=_("The case's caseworker gets it as an advisory; without a caseworker it goes to the triage "
                    "queue. Answer expected within two working days."),
        widget=forms.Textarea(attrs={**_TEXT, "rows": 3}),
    )
    caller_name = forms.CharField(label=_("Caller's name (optional)"), required=False, max_length=limits.NAME,
                                  widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}))
    caller_email = forms.EmailField(label=_("Caller's e-mail (optional)"), required=False,
                                    help_text=_("So we can ask how satisfied they were."),
                                    widget=forms.EmailInput(attrs={**_TEXT, "autocomplete": "off"}))


class AnswerForm(AccessibleForm):
    answer = forms.CharField(label=_("Your answer"), max_length=limits.TEXT,
                             widget=forms.Textarea(attrs={**_TEXT, "rows": 5}),
                             error_messages={"required": _("Write your answer.")})


class ForwardForm(AccessibleForm):
    question = forms.CharField(label=_("Question for the caseworker"), max_length=limits.REASON,
                               widget=forms.Textarea(attrs={**_TEXT, "rows": 4}),
                               error_messages={"required": _("Write the question for the caseworker.")})


class QuestionForm(AccessibleForm):
    question = forms.CharField(label=_("Your question"), max_length=limits.REASON,
                               help_text=_("The dialogue team answers here and by e-mail, usually within two "
                                           "working days."),
                               widget=forms.Textarea(attrs={**_TEXT, "rows": 4}),
                               error_messages={"required": _("Write your question.")})


class HelpCodeForm(AccessibleForm):
    code = forms.CharField(label=_("Help code"), max_length=20,
                           help_text=_("The six characters the applicant reads to you from their draft."),
                           widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off", "autocapitalize":
                                                         "characters", "spellcheck": "false"}),
                           error_messages={"required": _("Enter the help code.")})


class PredialogueRequestForm(AccessibleForm):
    """A pre-application request for the caller of a refused case (the predialogue app books it)."""

    caller_name = forms.CharField(label=_("The caller's name"), max_length=limits.NAME,
                                  widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}),
                                  error_messages={"required": _("Enter the caller's name.")})
    caller_email = forms.EmailField(label=_("The caller's e-mail"), required=False,
                                    widget=forms.EmailInput(attrs={**_TEXT, "autocomplete": "off"}))
    caller_phone = forms.CharField(label=_("The caller's phone"), required=False, max_length=limits.PHONE,
                                   widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}))
    description = forms.CharField(label=_("What the caller wants to change in the project"), max_length=limits.TEXT,
                                  widget=forms.Textarea(attrs={**_TEXT, "rows": 4}),
                                  error_messages={"required": _("Describe what the caller wants to change.")})
    questions = forms.CharField(label=_("Questions for the meeting (optional)"), required=False, max_length=limits.TEXT,
                                widget=forms.Textarea(attrs={**_TEXT, "rows": 3}))
    preferred_times = forms.CharField(label=_("When the caller can meet (optional)"), required=False,
                                      max_length=limits.SHORT_TEXT,
                                      widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}))


class AssistedStartForm(AccessibleForm):
    """Start an application for a caller or a visitor (issue 20, item 4): who they are, the property (an address
    to search; several matches are offered as choices) and the application type."""

    citizen_name = forms.CharField(label=_("The citizen's name"), max_length=limits.NAME,
                                   widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}),
                                   error_messages={"required": _("Enter the citizen's name.")})
    citizen_email = forms.EmailField(
        label=_("The citizen's e-mail"), max_length=limits.EMAIL,
        help_text=_("The application is theirs: they get a link to confirm and send it. Someone without an account "
                    "gets one."),
        widget=forms.EmailInput(attrs={**_TEXT, "autocomplete": "off"}),
        error_messages={"required": _("Enter the citizen's e-mail address."),
                        "invalid": _("Enter the e-mail address as name@example.dk.")})
    address = forms.CharField(label=_("The property's address"), max_length=limits.NAME,
                              widget=forms.TextInput(attrs={**_TEXT, "autocomplete": "off"}),
                              error_messages={"required": _("Enter the property's address.")})
    property = forms.IntegerField(required=False, min_value=1, max_value=limits.ID, widget=forms.HiddenInput)
    application_type = forms.ChoiceField(label=_("Application type"), choices=(),
                                         widget=forms.Select(attrs={"class": "form-select"}),
                                         error_messages={"required": _("Choose the application type.")})

    def __init__(self, *args, type_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application_type"].choices = [("", _("Choose…")), *type_choices]
