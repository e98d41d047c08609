"""The guide in the browser (one question per page, answers in the session), the expert path, and the
public guidance pages. Thin: the guide's logic is in services.guide, reads in selectors.catalogue.

Session layout (read by the lead's ``draft_create``):
``request.session["guide"] = {"property": id, "applying_for": "self" | "other", "answers": {...}}``, and
``"draft": reference`` when the guide was reopened from a draft's "check your answers" (views.cases).
"""

import re
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from applications.forms import RadioSelect
from applications.models import Case, Property
from applications.selectors import catalogue as catalogue_selectors
from applications.selectors import properties as property_selectors
from applications.services import guide as guide_service
from applications.services.properties import report_correction
from permitportal.accounts.selectors_firms import firms_of
from permitportal.core.search_input import MAX_LENGTH as SEARCH_MAX_LENGTH
from permitportal.core.search_input import bounded_search

SESSION_KEY = "guide"
SEARCH_LIMIT = 20
_PROPERTY_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits only: "²".isdigit() is true, int("²") fails
PREDIALOGUE_PATH = "/predialogue/"


# --- Forms ---------------------------------------------------------------------------------------

class ApplyingForForm(forms.Form):
    applying_for = forms.ChoiceField(
        label=gettext_lazy("Who are you applying for?"), choices=Case.ApplyingFor.choices, widget=RadioSelect,
        error_messages={"required": gettext_lazy("Choose whether you apply for yourself or for someone else.")},
    )


class PropertyChoiceForm(forms.Form):
    property = forms.IntegerField(
        label=gettext_lazy("Property"),
        error_messages={"required": gettext_lazy("Choose the property from the list."),
                        "invalid": gettext_lazy("Choose the property from the list.")},
    )

    def clean_property(self):
        prop = Property.objects.filter(pk=self.cleaned_data["property"]).first()
        if prop is None:
            raise ValidationError(_("We cannot find that property any more. Search for the address again."))
        return prop


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        widget=RadioSelect,
        error_messages={"required": gettext_lazy("Choose an answer to continue."),
                        "invalid_choice": gettext_lazy("Choose one of the answers shown.")},
    )

    def __init__(self, *args, question: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].label = question["text"]
        self.fields["answer"].choices = [(o["code"], o["label"]) for o in question["options"]]


class CorrectionForm(forms.Form):
    reported_value = forms.CharField(
        label=gettext_lazy("What is right?"), max_length=200,
        error_messages={"required": gettext_lazy("Write the value you think is right.")},
    )
    comment = forms.CharField(label=gettext_lazy("Comment (optional)"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


# --- Helpers -------------------------------------------------------------------------------------

def _state(request) -> dict:
    state = request.session.get(SESSION_KEY) or {}
    return {"property": state.get("property"), "applying_for": state.get("applying_for"),
            "answers": dict(state.get("answers") or {}), "draft": state.get("draft")}


def _save(request, state: dict) -> None:
    request.session[SESSION_KEY] = state


def _property(state: dict) -> Property | None:
    return (Property.objects.select_related("municipality").filter(pk=state["property"]).first()
            if state.get("property") else None)


def _path_exists(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def _login_url(next_url: str) -> str:
    return f"{reverse('accounts:login')}?{urlencode({'next': next_url})}"


def _redirect_to(target: dict):
    if target.get("question"):
        return redirect("applications:guide_question", code=target["question"])
    return redirect("applications:guide_outcome")


def _guide_available(view):
    """Without a loaded catalogue the guide cannot run: say so (503) instead of failing."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except guide_service.GuideUnavailable as exc:
            return render(request, "applications/guide/unavailable.html", {"message": str(exc)}, status=503)

    return wrapper


def _evaluate(request, state, prop):
    """The guide's answer for the session, or None after dropping answers the catalogue no longer knows."""
    try:
        return guide_service.evaluate_guide(answers=state["answers"], property=prop,
                                            applying_for=state.get("applying_for"))
    except guide_service.GuideUnavailable:
        raise
    except guide_service.GuideError:
        state["answers"] = {}
        _save(request, state)
        messages.warning(request, _("The questions have changed since you started, so please answer them again."))
        return None


# --- The guide -----------------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def guide_start(request):
    state = _state(request)
    if request.method == "POST":
        form = ApplyingForForm(request.POST)
        if form.is_valid():
            state["applying_for"] = form.cleaned_data["applying_for"]
            _save(request, state)
            return redirect("applications:guide_property")
    else:
        form = ApplyingForForm(initial={"applying_for": state.get("applying_for") or Case.ApplyingFor.SELF})
    return render(request, "applications/guide/start.html", {"form": form, "state": state})


@require_http_methods(["GET", "POST"])
def guide_property(request):
    state = _state(request)
    raw_query = request.GET.get("q")
    form = PropertyChoiceForm(initial={"property": request.GET.get("property") or state.get("property")})
    if request.method == "POST":
        form = PropertyChoiceForm(request.POST)
        raw_query = request.POST.get("q")
        if form.is_valid():
            state["property"] = form.cleaned_data["property"].pk
            state["applying_for"] = state.get("applying_for") or Case.ApplyingFor.SELF
            _save(request, state)
            return redirect("applications:guide_next")
    query, results, search_error = _property_search(raw_query)
    return render(request, "applications/guide/property.html", {
        "form": form, "query": query, "results": results, "searched": bool(query), "chosen": _property(state),
        "selected": str(form["property"].value() or ""), "draft_reference": state["draft"],
        "search_error": search_error,
    })


def _property_search(raw_query: str | None) -> tuple[str, list, str]:
    """The search as shown again, the properties found, and a message when the search is out of bounds."""
    raw_query = (raw_query or "").strip()
    if not raw_query:
        return "", [], ""
    try:
        query = bounded_search(raw_query)
    except ValidationError as exc:
        return raw_query[:SEARCH_MAX_LENGTH], [], " ".join(exc.messages)
    return query, list(property_selectors.search_properties(query=query, limit=SEARCH_LIMIT)), ""


@_guide_available
def guide_next(request):
    """Wherever the answers so far lead: the next question or the outcome."""
    state = _state(request)
    prop = _property(state)
    if prop is None:
        return redirect("applications:guide_property")
    result = _evaluate(request, state, prop)
    if result is None:
        return redirect("applications:guide_next")
    if "outcome" in result:
        return redirect("applications:guide_outcome")
    return redirect("applications:guide_question", code=result["next_question"]["code"])


@require_http_methods(["GET", "POST"])
@_guide_available
def guide_question(request, code):
    state = _state(request)
    prop = _property(state)
    if prop is None:
        messages.info(request, _("First tell us which property your project is on."))
        return redirect("applications:guide_property")
    try:
        question = guide_service.question_at(answers=state["answers"], code=code, property=prop)
    except guide_service.GuideUnavailable:
        raise
    except guide_service.GuideError:
        state["answers"] = {}
        _save(request, state)
        return redirect("applications:guide_next")
    if question is None:
        return redirect("applications:guide_next")
    prefill = question["prefilled_from_register"]
    initial = question["answer"] or (prefill["option"] if prefill else None)
    form = AnswerForm(initial={"answer": initial}, question=question)
    correction_form = CorrectionForm()
    if request.method == "POST" and request.POST.get("action") == "correction" and prefill:
        correction_form = CorrectionForm(request.POST)
        if correction_form.is_valid():
            try:
                report_correction(property=prop, field=prefill["field"],
                                  reported_value=correction_form.cleaned_data["reported_value"],
                                  comment=correction_form.cleaned_data["comment"], user=request.user)
            except ValidationError as exc:
                correction_form.add_error("reported_value", exc)
            else:
                messages.success(request, _("Thank you. We will check the property register. Choose the right "
                                            "answer below and continue."))
                return redirect("applications:guide_question", code=code)
    elif request.method == "POST":
        form = AnswerForm(request.POST, question=question)
        if form.is_valid():
            answers, target = guide_service.record_answer(answers=state["answers"], question=code,
                                                          option=form.cleaned_data["answer"])
            state["answers"] = answers
            _save(request, state)
            return _redirect_to(target)
    back_url = (reverse("applications:guide_question", args=[question["previous"]]) if question["previous"]
                else reverse("applications:guide_property"))
    return render(request, "applications/guide/question.html", {
        "question": question, "form": form, "correction_form": correction_form, "prefill": prefill,
        "property": prop, "back_url": back_url, "draft_reference": state["draft"],
    })


@_guide_available
def guide_outcome(request):
    state = _state(request)
    prop = _property(state)
    if prop is None:
        return redirect("applications:guide_property")
    result = _evaluate(request, state, prop)
    if result is None or "next_question" in result:
        return redirect("applications:guide_next")
    if result["answers"] != state["answers"]:
        state["answers"] = result["answers"]  # keep only the answers on the way to this outcome
        _save(request, state)
    outcome = result["outcome"]
    here = reverse("applications:guide_outcome")
    return render(request, "applications/guide/outcome.html", {
        "outcome": outcome, "path": result["path"], "property": prop, "state": state,
        "required_requirements": [r for r in outcome["requirements"] if r["required"]],
        "recommended_requirements": [r for r in outcome["requirements"] if not r["required"]],
        "applying_for_label": Case.ApplyingFor(state.get("applying_for") or Case.ApplyingFor.SELF).label,
        "draft_create_url": reverse("applications:draft_create"),
        "login_url": _login_url(here),
        "register_url": reverse("accounts:register"),
        "predialogue_path": PREDIALOGUE_PATH,
        "predialogue_exists": _path_exists(PREDIALOGUE_PATH),
        "draft_reference": state["draft"],
        "firms": firms_of(user=request.user),
    })


@require_POST
def guide_restart(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("applications:guide_start")


def guide_expert(request):
    """For professionals who know the application type: choose it directly."""
    state = _state(request)
    query, results, search_error = _property_search(request.GET.get("q"))
    picked = request.GET.get("property", "")  # the address autocomplete's choice
    chosen = _property({"property": int(picked)} if _PROPERTY_ID.fullmatch(picked) else state)
    return render(request, "applications/guide/expert.html", {
        "types": list(catalogue_selectors.application_types()),
        "query": query, "results": results, "searched": bool(query), "chosen": chosen, "search_error": search_error,
        "applying_for": state.get("applying_for") or Case.ApplyingFor.OTHER,
        "applying_for_choices": Case.ApplyingFor.choices,
        "draft_create_url": reverse("applications:draft_create"),
        "login_url": _login_url(request.get_full_path()),
        "firms": firms_of(user=request.user),
    })


# --- Public guidance -----------------------------------------------------------------------------

def guidance_index(request):
    return render(request, "applications/guidance/index.html", {
        "types": list(catalogue_selectors.application_types()),
        "requirements": list(catalogue_selectors.requirements()),
    })


def guidance_type(request, code):
    app_type = catalogue_selectors.get_application_type(code=code)
    graph = catalogue_selectors.guide_graph()
    rules = [{"requirement": rule.requirement, **catalogue_selectors.rule_display(rule=rule, graph=graph)}
             for rule in app_type.rules.all()]
    return render(request, "applications/guidance/type.html", {
        "type": app_type,
        "required_rules": [r for r in rules if r["required"]],
        "recommended_rules": [r for r in rules if not r["required"] and not r["later"]],
        "later_rules": [r for r in rules if r["later"]],
    })


def guidance_requirement(request, code):
    requirement = catalogue_selectors.get_requirement(code=code)
    graph = catalogue_selectors.guide_graph()
    uses = [{"type": rule.application_type, **catalogue_selectors.rule_display(rule=rule, graph=graph)}
            for rule in requirement.rules.all()]
    return render(request, "applications/guidance/requirement.html", {"requirement": requirement, "uses": uses})
