from datetime import timedelta

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import SCALE, Survey
from .selectors import Period, default_period

MAX_PERIOD_DAYS = 3 * 366


class ScaleWidget(forms.RadioSelect):
    """Radio buttons 1 to 5. The field's id points at the first button, so the error summary can link to it."""

    def id_for_label(self, id_, index=None):
        return f"{id_}_0" if id_ and index is None else super().id_for_label(id_, index)


class SurveyForm(forms.Form):
    """One radio group per question (all optional) and a free-text comment. The service checks the rest."""

    comment = forms.CharField(label=gettext_lazy("Is there anything we could do better?"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4, "class": "form-control", "maxlength": 2000}),
                              help_text=gettext_lazy("Optional. Please do not write personal details such as your "
                                                     "national identity number."))

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        fields = {}
        for question in self.questions:
            fields[question.field_name] = forms.TypedChoiceField(
                label=question.text, required=False, coerce=int, empty_value=None,
                choices=[(n, str(n)) for n in SCALE], widget=ScaleWidget,
                error_messages={"invalid_choice": _("Choose a number from 1 to 5.")})
        fields["comment"] = self.fields.pop("comment")
        self.fields.update(fields)

    def scale_rows(self):
        """Each question with its bound field and its end labels, for the template."""
        return [{"question": q, "field": self[q.field_name]} for q in self.questions]

    def scores(self) -> dict[int, int | None]:
        data = self.cleaned_data
        return {q.position: data.get(q.field_name) for q in self.questions}


class PeriodForm(forms.Form):
    """The dashboard's date range (``from`` and ``to``, both included). Empty: the last twelve months."""

    date_from = forms.DateField(label=gettext_lazy("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
                                error_messages={"invalid": gettext_lazy("Enter the date as year-month-day, for "
                                                                        "example 2026-01-31.")})
    date_to = forms.DateField(label=gettext_lazy("To"), required=False,
                              widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
                              error_messages={"invalid": gettext_lazy("Enter the date as year-month-day, for "
                                                                      "example 2026-01-31.")})

    def __init__(self, params=None, **kwargs):
        """``params``: the query string (``from``, ``to``); unbound when it has neither."""
        bound = params is not None and ("from" in params or "to" in params)
        super().__init__(params if bound else None, **kwargs)

    def add_prefix(self, field_name):
        return {"date_from": "from", "date_to": "to"}.get(field_name, field_name)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if self.errors:
            return data
        # One end only: the twelve months up to "to", or from "from" up to today.
        start = start or default_period(end).start
        end = end or max(default_period().end, start)
        if start > end:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        elif end - start > timedelta(days=MAX_PERIOD_DAYS):
            self.add_error("date_from", _("Choose a period of at most three years."))
        data["period"] = Period(start, end)
        return data

    @property
    def period(self) -> Period:
        """The valid period, or the last twelve months when the form is empty or wrong."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["period"]
        return default_period()
