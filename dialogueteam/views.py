"""The dialogue team's pages, the applicant's question and help-code buttons, and the caseworker's
answer to a forwarded question. Thin: each view calls one service or selector."""

from functools import lru_cache, wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications import hooks
from applications.models import Case
from applications.selectors.cases import get_case_for_user
from applications.templatetags.casework import badge_parts
from dialogueteam import search, selectors, services
from dialogueteam.forms import (
    AnswerForm,
    AssistedStartForm,
    ContactForm,
    ForwardForm,
    HelpCodeForm,
    LookupForm,
    PredialogueRequestForm,
    QuestionForm,
)
from dialogueteam.models import Contact
from permitportal.accounts import roles
from permitportal.core import audit
from permitportal.core.errors import DomainError
from permitportal.core.search_input import bounded_search

DialogueError = services.DialogueError


def role_required(*allowed, hide: bool = False):
    """Logged-out people log in; logged-in people without one of the roles get 403. With ``hide``
    (pages about one case) people who are not staff get 404: to them a case not theirs does not exist."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not roles.has_role(request.user, *allowed):
                if hide and not roles.is_staff_member(request.user):
                    raise Http404("No such case")
                raise PermissionDenied(_("Only the municipality's staff have access to this page."))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = role_required(*services.LOOKUP_ROLES)
dialogue_required = role_required(*services.CONTACT_ROLES)


def _back(request, default: str):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


# --- Lookup and case card -------------------------------------------------------------------------------------------

@audit.logged_by_the_view  # each search logs what it showed (services.lookup); no search, no log
@staff_required
def lookup(request):
    """The one search box. Without a search it shows the team's work: questions, answers, forwards."""
    form = LookupForm(request.GET if "q" in request.GET else None)
    context = {"form": form, "results": None}
    if form.is_bound and form.is_valid():
        try:
            found = services.lookup(user=request.user, query=form.cleaned_data["q"])
        except search.QueryTooShort:
            form.add_error("q", _("Type at least three letters or digits in one word."))
        else:
            context.update({"results": _result_rows(found.cases), "more": found.more,
                            "limit": search.RESULT_LIMIT,
                            "card_url_prefix": reverse("dialogueteam:card", args=["-"])[:-2]})
    if not form.is_bound and roles.has_role(request.user, *services.CONTACT_ROLES):
        context.update({"questions": selectors.open_questions(user=request.user, limit=20),
                        "answers": selectors.new_answers(user=request.user, limit=20),
                        "waiting": selectors.forwards_waiting(user=request.user, limit=20), "now": timezone.now()})
    return render(request, "dialogueteam/lookup.html", context)


@lru_cache(maxsize=1024)
def _day_text(day, language: str) -> str:
    """A date as the results show it, in the active language (``language`` keys the cache): formatting
    a date costs more than the rest of a result's words."""
    return date_format(day, "SHORT_DATE_FORMAT")


def _result_rows(cases) -> list[dict]:
    """The lookup's results with their words ready, so the page renders fast whatever their number."""
    today, language = timezone.localdate(), translation.get_language()
    expected_words = _("Expected decision %(day)s")
    badges = {}  # clock state -> (class, label): a page of results has a few states
    rows = []
    for case in hooks.preload_for_list(cases):
        row = selectors.result_data(case, today=today)
        state = row["clock_state"]
        if state not in badges:
            badges[state] = badge_parts(state, for_callers=True)
        badge, label = badges[state]
        if row["expected_decision_date"]:
            row["expected_text"] = expected_words % {"day": _day_text(row["expected_decision_date"], language)}
        row.update({"clock_badge": badge, "clock_label": label})
        rows.append(row)
    return rows


@role_required(*services.LOOKUP_ROLES, hide=True)
def card(request, reference):
    data = services.read_case_card(user=request.user, reference=reference)
    case = data["case"]
    context = {**data, "can_log": roles.has_role(request.user, *services.CONTACT_ROLES),
               "sections": hooks.sections_for("card", case=case, user=request.user)}
    if context["can_log"]:
        context["contact_form"] = ContactForm(initial={"case": case.reference, "customer_group": case.customer_group,
                                                       "channel": Contact.Channel.PHONE})
    if data["is_refused"]:
        context["predialogue"] = selectors.predialogue_start_option(case)
        guidance = getattr(data["decision"], "guidance", "")
        context["predialogue_form"] = PredialogueRequestForm(initial={
            "caller_name": case.applicant.get_full_name(), "caller_email": case.applicant.email,
            "caller_phone": case.applicant.phone,
            "description": _("After the refusal of %(reference)s: %(guidance)s") % {
                "reference": case.reference, "guidance": guidance}})
    return render(request, "dialogueteam/card.html", context)


# --- Contact log ----------------------------------------------------------------------------------------------------

@dialogue_required
def contact_create(request):
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            contact = None
            try:
                case = services.find_case_for_contact(user=request.user, reference=data["case"])
            except DialogueError as exc:
                form.add_error("case", str(exc))
            else:
                try:
                    contact = services.log_contact(
                        actor=request.user, channel=data["channel"], topic=data["topic"],
                        customer_group=data["customer_group"], case=case, summary=data["summary"],
                        resolved_first_contact=data["resolved_first_contact"],
                        forward_question=data["forward_question"], caller_name=data["caller_name"],
                        caller_email=data["caller_email"],
                    )
                except DialogueError as exc:
                    form.add_error(None, str(exc))
            if contact is not None:
                messages.success(request, _("The contact is logged."))
                forward = contact.forwards.select_related("recipient").first()
                if forward is not None:
                    who = forward.recipient.get_full_name() if forward.recipient else _("the triage queue")
                    messages.success(request, _("The question is forwarded to %(who)s.") % {"who": who})
                if case is not None:
                    return redirect("dialogueteam:card", reference=case.reference)
                return redirect("dialogueteam:contacts")
    else:
        initial = {"channel": Contact.Channel.PHONE, "customer_group": Case.CustomerGroup.PRIVATE}
        if request.GET.get("case"):
            initial["case"] = request.GET["case"][:20]
        form = ContactForm(initial=initial)
    # A form with errors is shown again with 200, like every form in the portal, with the error summary.
    return render(request, "dialogueteam/contact_form.html", {"form": form})


@dialogue_required
def contacts(request):
    return render(request, "dialogueteam/contacts.html", {
        "contacts": selectors.recent_contacts(user=request.user, limit=50)})


# --- Forwarded questions (the caseworker answers here) --------------------------------------------------------------

@role_required(roles.DIALOGUE_TEAM, roles.CASEWORKER, roles.MANAGER)
def forward(request, pk):
    fwd = selectors.get_forward(user=request.user, pk=pk)
    can_answer = roles.has_role(request.user, *services.ANSWER_FORWARD_ROLES) and fwd.answered_at is None
    form = AnswerForm(request.POST or None) if can_answer else None
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied(_("Only caseworkers answer forwarded questions."))
        if form.is_valid():
            try:
                services.answer_forward(forward=fwd, actor=request.user, answer=form.cleaned_data["answer"])
            except DialogueError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Thank you. The dialogue team can see your answer now."))
            return redirect("dialogueteam:forward", pk=fwd.pk)
    services.mark_answer_seen(forward=fwd, user=request.user)
    workspace = None
    if fwd.case_id and roles.has_role(request.user, roles.CASEWORKER, roles.MANAGER):
        workspace = reverse("applications:workspace", args=[fwd.case.reference])
    return render(request, "dialogueteam/forward.html",
                  {"forward": fwd, "form": form, "now": timezone.now(), "workspace_url": workspace,
                   "status_text": _status_text(fwd.case)})


def _status_text(case):
    from applications.selectors.status import status_text

    return status_text(case) if case is not None else None


# --- Questions from the case page -----------------------------------------------------------------------------------

@login_required
@require_POST
def ask(request, reference):
    """An applicant asks the dialogue team a question from their case page."""
    case = get_case_for_user(user=request.user, reference=reference, owner_only=True)
    form = QuestionForm(request.POST)
    target = reverse("applications:case_detail", args=[case.reference]) + "#questions"
    if not form.is_valid():
        messages.error(request, _("Write your question before you send it."))
        return redirect(target)
    try:
        services.ask_about_case(case=case, user=request.user, question=form.cleaned_data["question"])
    except DialogueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Thank you. We have your question and answer it here and by e-mail."))
    return redirect(target)


@dialogue_required
def questions(request):
    return render(request, "dialogueteam/questions.html", {
        "questions": selectors.open_questions(user=request.user, limit=100)})


@dialogue_required
def question(request, pk):
    contact = selectors.get_question(user=request.user, pk=pk)
    forwards = list(contact.forwards.all())
    caseworker_answer = next((f.answer for f in forwards if f.answer), "")
    answer_form = AnswerForm(initial={"answer": caseworker_answer}, prefix="answer")
    forward_form = ForwardForm(initial={"question": contact.summary}, prefix="forward")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "forward":
                forward_form = ForwardForm(request.POST, prefix="forward")
                if forward_form.is_valid():
                    services.forward_question(contact=contact, actor=request.user,
                                              question=forward_form.cleaned_data["question"])
                    messages.success(request, _("The question is forwarded to the caseworker."))
                    return redirect("dialogueteam:question", pk=contact.pk)
            else:
                answer_form = AnswerForm(request.POST, prefix="answer")
                if answer_form.is_valid():
                    services.answer_question(contact=contact, actor=request.user,
                                             answer=answer_form.cleaned_data["answer"])
                    messages.success(request, _("The answer is on the case page and on its way by e-mail."))
                    return redirect("dialogueteam:questions")
        except DialogueError as exc:
            messages.error(request, str(exc))
            return redirect("dialogueteam:question", pk=contact.pk)
    return render(request, "dialogueteam/question.html",
                  {"contact": contact, "forwards": forwards, "answer_form": answer_form,
                   "forward_form": forward_form, "status_text": _status_text(contact.case)})


# --- Help codes for drafts ------------------------------------------------------------------------------------------

@login_required
@require_POST
def help_code_create(request, reference):
    """The applicant asks for a help code on their draft."""
    case = get_case_for_user(user=request.user, reference=reference, owner_only=True)
    default = reverse("applications:draft_edit", args=[case.reference])
    try:
        code = services.issue_help_code(case=case, user=request.user)
    except DialogueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your help code is %(code)s. Read it to the dialogue team; it works for "
                                    "%(minutes)d minutes.") % {"code": code, "minutes": services.help_code_minutes()})
    return _back(request, default)


@staff_required
def help_enter(request):
    form = HelpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = selectors.normalise_help_code(form.cleaned_data["code"])
        try:
            selectors.draft_for_help_code(user=request.user, code=code)
        except Http404:
            form.add_error("code", _("This code is not valid or has expired. Ask the applicant to get a new code "
                                     "on the draft and read it to you."))
        else:
            return redirect("dialogueteam:help_draft", code=code)
    return render(request, "dialogueteam/help_enter.html", {"form": form})


@staff_required
def help_draft(request, code):
    from applications.selectors.cases import checklist_for_display
    from applications.services.cases import missing_for_submission

    case = services.open_draft_with_help_code(user=request.user, code=code)
    return render(request, "dialogueteam/help_draft.html", {
        "case": case, "items": checklist_for_display(case=case), "missing": missing_for_submission(case=case),
        "expires_at": case.help_code_expires_at,
    })


# --- Refusal follow-up ----------------------------------------------------------------------------------------------

@role_required(*services.CONTACT_ROLES, hide=True)
@require_POST
def start_predialogue(request, reference):
    """Start a pre-application request for the caller of a refused case (predialogue's create_request)."""
    case = selectors.get_card_case(user=request.user, reference=reference)
    back = redirect(reverse("dialogueteam:card", args=[case.reference]) + "#decision-title")
    if not selectors.is_refused(case):
        messages.error(request, _("A pre-application request can be started here only for a refused case."))
        return back
    from predialogue.models import Meeting
    from predialogue.services import PredialogueError, create_request

    form = PredialogueRequestForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return back
    data = form.cleaned_data
    try:
        meeting = create_request(
            requested_by=request.user, property=case.property, description=data["description"],
            questions=data["questions"], preferred_times=data["preferred_times"],
            on_behalf_of_name=data["caller_name"], on_behalf_of_email=data["caller_email"],
            on_behalf_of_phone=data["caller_phone"], case=case, source=Meeting.Source.REFUSAL,
        )
    except PredialogueError as exc:
        messages.error(request, exc.message)
        return back
    messages.success(request, _("A pre-application request is started for %(reference)s.")
                     % {"reference": case.reference})
    return redirect("predialogue:meeting_detail", pk=meeting.pk)


# --- Assisted digital (issue 20, item 4) ----------------------------------------------------------------------------

@dialogue_required
def assisted_start(request):
    """Start an application for a caller or a visitor: a draft owned by the citizen, which the staff member then
    fills in with them in the normal steps and sends them to confirm (applications.services.assisted)."""
    from applications.models import ApplicationType, Property
    from applications.selectors.municipalities import municipalities_of
    from applications.selectors.properties import search_properties
    from applications.services.assisted import start_assisted_draft

    types = ApplicationType.objects.filter(is_active=True).order_by("code")
    form = AssistedStartForm(request.POST or None, type_choices=[(t.code, t.name) for t in types])
    matches = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        prop = Property.objects.filter(pk=data["property"]).first() if data["property"] else None
        if prop is None:
            try:
                found = list(search_properties(query=bounded_search(data["address"]), limit=10))
            except ValidationError:  # out of the search's bounds: no match
                found = []
            mine = {m.pk for m in municipalities_of(user=request.user)}  # the staff member's own municipalities
            matches = [p for p in found if p.municipality_id in mine]
            if len(matches) == 1:
                prop = matches[0]
            elif not matches:
                form.add_error("address", _("No property matches this address. Check the spelling."))
            else:
                form.add_error("address", _("Several properties match: choose the citizen's below."))
        if prop is not None:
            try:
                case = start_assisted_draft(
                    actor=request.user, email=data["citizen_email"], name=data["citizen_name"], property=prop,
                    application_type=types.get(code=data["application_type"]),
                    language=translation.get_language() or "da")
            except DomainError as exc:  # the message belongs on the form
                form.add_error("citizen_email", str(exc))
            else:
                messages.success(request, _("The application %(reference)s is started for %(name)s. Fill it in "
                                            "together, then send them the link to confirm it.") % {
                    "reference": case.reference, "name": case.applicant.get_full_name()})
                return redirect("applications:draft_edit", reference=case.reference)
    from applications.selectors.cases import assisted_drafts_of

    return render(request, "dialogueteam/assisted_start.html", {
        "form": form, "matches": matches, "drafts": assisted_drafts_of(user=request.user)})
