"""Forms for pre-application meetings: they check the shape of the input; the rules are in services."""

from datetime import datetime, time

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Property
from applications.selectors import properties as property_selectors
from permitportal.core import limits

from . import selectors
from .models import Minutes


class BootstrapMixin:
    """Bootstrap classes on every widget, and aria-describedby linking each input to its help text and
    error message (ids "<input id>-help" and "<input id>-error", as the templates write them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.decorate()

    def decorate(self):
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            classes = {c for c in widget.attrs.get("class", "").split() if c != "is-invalid"} | {css}
            described = []
            auto_id = self[name].auto_id
            if field.help_text:
                described.append(f"{auto_id}-help")
            if self.is_bound and hasattr(self, "_errors") and self._errors and name in self._errors:
                described.append(f"{auto_id}-error")
                classes.add("is-invalid")
                widget.attrs["aria-invalid"] = "true"
            widget.attrs["class"] = " ".join(sorted(classes))
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self):
        super().full_clean()
        self.decorate()


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; an empty list when none are chosen."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class PropertyChoiceMixin:
    """An address field (a plain search box without JavaScript) and the chosen property's id."""

    def clean_property_choice(self):
        data = self.cleaned_data
        prop_id = data.get("property")
        address = (data.get("address") or "").strip()
        prop = Property.objects.filter(pk=prop_id).first() if prop_id else None
        if prop is None and address:
            matches = list(property_selectors.search_properties(query=address, limit=6))
            # One match, or one that is clearly best (the exact address, or the only one starting with it).
            ranks = [getattr(m, "rank", 3) for m in matches]
            if len(matches) == 1 or (ranks[0] <= 1 and ranks[0] < ranks[1]):
                prop = matches[0]
            elif len(matches) > 1:
                self.address_matches = matches
                self.add_error("address", _("Several addresses match. Choose the right one from the list below, or "
                                            "type the full address with house number and postcode."))
                return None
            else:
                self.add_error("address", _("We could not find this address in the property register. Check the "
                                            "spelling, or type the street name and house number only."))
                return None
        if prop is None:
            self.add_error("address", _("Enter the address of the property and choose it from the list."))
            return None
        data["property_obj"] = prop
        return prop


class RequestForm(PropertyChoiceMixin, BootstrapMixin, forms.Form):
    address = forms.CharField(label=gettext_lazy("Address of the property"), max_length=limits.NAME, required=False,
                              help_text=gettext_lazy("Type the street name and house number, for example "
                                                     "Æbeløgade 4."))
    property = forms.IntegerField(widget=forms.HiddenInput, required=False)
    description = forms.CharField(
        label=gettext_lazy("Describe your project"), max_length=limits.TEXT,
        help_text=gettext_lazy("What do you want to build or change, how big is it, and what will it be used for?"),
        widget=forms.Textarea(attrs={"rows": 5}))
    questions = forms.CharField(
        label=gettext_lazy("Your questions"), max_length=limits.TEXT, required=False,
        help_text=gettext_lazy("What do you want us to answer at the meeting? One question per line."),
        widget=forms.Textarea(attrs={"rows": 4}))
    preferred_times = forms.CharField(
        label=gettext_lazy("When can you meet?"), max_length=limits.SHORT_TEXT, required=False,
        help_text=gettext_lazy("For example: weekday mornings, or Tuesdays after 14. Say if you prefer a video "
                               "meeting."),
        widget=forms.Textarea(attrs={"rows": 2}))
    sketches = MultipleFileField(
        label=gettext_lazy("Sketches and drawings (optional)"),
        help_text=gettext_lazy("PDF, PNG or JPEG, at most 10 files. Hand-drawn sketches are fine."))

    def clean(self):
        data = super().clean()
        self.clean_property_choice()
        return data


class StaffRequestForm(RequestForm):
    on_behalf_of_name = forms.CharField(label=gettext_lazy("The caller's name"), max_length=limits.NAME)
    on_behalf_of_email = forms.EmailField(label=gettext_lazy("The caller's e-mail"), required=False,
                                          help_text=gettext_lazy("The invitation and the minutes are sent here."))
    on_behalf_of_phone = forms.CharField(label=gettext_lazy("The caller's phone"), max_length=limits.PHONE,
                                         required=False)
    language = forms.ChoiceField(label=gettext_lazy("The caller's language"), choices=settings.LANGUAGES,
                                 initial="da")

    field_order = ["on_behalf_of_name", "on_behalf_of_email", "on_behalf_of_phone", "language", "address",
                   "property", "description", "questions", "preferred_times", "sketches"]

    def clean(self):
        data = super().clean()
        if not data.get("on_behalf_of_email") and not (data.get("on_behalf_of_phone") or "").strip():
            self.add_error("on_behalf_of_email", _("Enter the caller's e-mail address or phone number."))
        return data


DURATIONS = [(30, gettext_lazy("30 minutes")), (45, gettext_lazy("45 minutes")), (60, gettext_lazy("1 hour")),
             (90, gettext_lazy("1½ hours")), (120, gettext_lazy("2 hours"))]


def _combine(day, at) -> datetime | None:
    if day is None or at is None:
        return None
    return timezone.make_aware(datetime.combine(day, at), timezone.get_current_timezone())


class ScheduleForm(BootstrapMixin, forms.Form):
    day = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=gettext_lazy("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    duration = forms.TypedChoiceField(label=gettext_lazy("Length"), choices=DURATIONS, coerce=int, initial=60)
    place = forms.CharField(label=gettext_lazy("Place or video link"), max_length=limits.PLACE,
                            help_text=gettext_lazy("A meeting room with its address, or the link to the video "
                                                   "meeting."))
    caseworker = forms.ModelChoiceField(label=gettext_lazy("Caseworker"), queryset=selectors.caseworkers())
    attendees = forms.CharField(
        label=gettext_lazy("Other attendees (optional)"), required=False, max_length=limits.REASON,
        help_text=gettext_lazy("One per line, for example “Ida Holm, architect, ida@example.dk”. People with an "
                               "e-mail address get the invitation too."),
        widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        data["starts_at"] = _combine(data.get("day"), data.get("start"))
        return data


class CancelForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why is the meeting cancelled?"), max_length=limits.SHORT_TEXT,
                             required=False,
                             help_text=gettext_lazy("Everyone invited gets this with the cancellation."),
                             widget=forms.Textarea(attrs={"rows": 2}))


DOC_CHOICES = [("", gettext_lazy("Not discussed")), ("needed", gettext_lazy("Must be included")),
               ("not_needed", gettext_lazy("Not needed"))]


class MinutesForm(BootstrapMixin, forms.Form):
    """The fixed template: every text section, the documentation section (one line per catalogue
    requirement: must be included / not needed, with a note), and the indicated type."""

    correction_note = forms.CharField(
        label=gettext_lazy("What does this correction change?"), required=False, max_length=limits.REASON,
        help_text=gettext_lazy("The applicant sees this with the new version."),
        widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, requirements, types, is_correction=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.requirements = requirements
        if not is_correction:
            del self.fields["correction_note"]
        for name, title, help_text in selectors.MINUTES_SECTIONS:
            if name in Minutes.TEXT_SECTIONS:
                self.fields[name] = forms.CharField(label=title, help_text=help_text, required=False,
                                                    max_length=limits.LONG_TEXT,
                                                    widget=forms.Textarea(attrs={"rows": 3}))
        for req in requirements:
            self.fields[f"doc_{req.code}"] = forms.ChoiceField(label=req.title, choices=DOC_CHOICES, required=False)
            self.fields[f"note_{req.code}"] = forms.CharField(
                label=_("Note on %(title)s") % {"title": req.title}, required=False, max_length=limits.NOTE)
        self.fields["application_type"] = forms.ChoiceField(
            label=gettext_lazy("Indicated application type"), required=False,
            choices=[("", _("Not decided at the meeting"))] + [(t.code, t.name) for t in types])
        self.decorate()

    @classmethod
    def initial_from(cls, minutes: Minutes | None) -> dict:
        if minutes is None:
            return {}
        initial = {name: getattr(minutes, name) for name in Minutes.TEXT_SECTIONS}
        initial["application_type"] = minutes.application_type.code if minutes.application_type_id else ""
        initial["correction_note"] = minutes.correction_note
        for line in minutes.documents.all():
            initial[f"doc_{line.requirement.code}"] = "needed" if line.needed else "not_needed"
            initial[f"note_{line.requirement.code}"] = line.note
        return initial

    def document_rows(self):
        return [{"requirement": req, "choice": self[f"doc_{req.code}"], "note": self[f"note_{req.code}"]}
                for req in self.requirements]

    def blocks(self):
        """The template's sections in order, each with its text field (None for the fixed ones)."""
        return [{"name": name, "title": title, "field": self[name] if name in Minutes.TEXT_SECTIONS else None}
                for name, title, _help in selectors.MINUTES_SECTIONS]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        needed, not_needed = [], []
        for req in self.requirements:
            choice = data.get(f"doc_{req.code}")
            line = {"requirement": req.code, "note": data.get(f"note_{req.code}", "")}
            if choice == "needed":
                needed.append(line)
            elif choice == "not_needed":
                not_needed.append(line)
        return {"sections": {name: data.get(name, "") for name in Minutes.TEXT_SECTIONS},
                "required_documents": needed, "not_needed_documents": not_needed,
                "application_type": data.get("application_type") or None}


class SessionForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=limits.NAME,
                            help_text=gettext_lazy("For example “Open house: extensions and carports”."))
    description = forms.CharField(label=gettext_lazy("Who is it for? (optional)"), required=False,
                                  max_length=limits.REASON,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    day = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=gettext_lazy("Starts"), widget=forms.TimeInput(attrs={"type": "time"}),
                            initial=time(10, 0))
    end = forms.TimeField(label=gettext_lazy("Ends"), widget=forms.TimeInput(attrs={"type": "time"}),
                          initial=time(13, 0))
    place = forms.CharField(label=gettext_lazy("Place"), max_length=limits.PLACE)
    capacity = forms.IntegerField(label=gettext_lazy("Number of places"), min_value=1, max_value=1000, initial=20)
    is_published = forms.BooleanField(label=gettext_lazy("Publish on the portal now"), required=False, initial=True)

    def clean(self):
        data = super().clean()
        data["starts_at"] = _combine(data.get("day"), data.get("start"))
        data["ends_at"] = _combine(data.get("day"), data.get("end"))
        return data


class RegistrationForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=limits.NAME)
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"),
                             help_text=gettext_lazy("We send the confirmation here."))
    phone = forms.CharField(label=gettext_lazy("Phone (optional)"), max_length=limits.PHONE, required=False)
    address = forms.CharField(label=gettext_lazy("Address of the property (optional)"), max_length=limits.NAME,
                              required=False)
    description = forms.CharField(label=gettext_lazy("What is your project about?"), max_length=limits.REASON,
                                  help_text=gettext_lazy("A sentence or two, so the right person is ready for "
                                                         "you."),
                                  widget=forms.Textarea(attrs={"rows": 3}))


class ConvertRegistrationForm(PropertyChoiceMixin, BootstrapMixin, forms.Form):
    address = forms.CharField(label=gettext_lazy("Address of the property"), max_length=limits.NAME, required=False)
    property = forms.IntegerField(widget=forms.HiddenInput, required=False)
    questions = forms.CharField(label=gettext_lazy("Questions for the meeting (optional)"), required=False,
                                max_length=limits.TEXT, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        self.clean_property_choice()
        return data
