"""Open-house sessions: the public list and registration, and the staff's sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from permitportal.accounts.selectors import client_address

from .. import services, sessions
from ..forms import (
    ConvertRegistrationForm,
    RegistrationForm,
    SessionForm,
)
from .common import _require_staff

# --- Open house -------------------------------------------------------------------------------------------

def open_house(request):
    return render(request, "predialogue/open_house.html", {"sessions": sessions.upcoming_sessions()})


def open_house_register(request, session_pk):
    session = sessions.get_open_session(pk=session_pk)
    user = request.user if request.user.is_authenticated else None
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                registration = services.register_for_session(
                    session=session, user=user, language=request.LANGUAGE_CODE,
                    client_address=client_address(request), **form.cleaned_data)
            except services.PredialogueError as exc:
                form.add_error(None, exc.message)
            else:
                if registration.confirmed_at:
                    messages.success(request, _("You are registered. We have sent a confirmation to %(email)s.")
                                     % {"email": registration.email})
                else:
                    messages.info(request, _("Almost done: open the link we have sent to %(email)s to confirm your "
                                             "place. Until then the place is not yours.")
                                  % {"email": registration.email})
                return redirect("predialogue:open_house")
    else:
        form = RegistrationForm(initial={"name": user.get_full_name(), "email": user.email, "phone": user.phone}
                                if user else None)
    return render(request, "predialogue/open_house_register.html", {"session": session, "form": form})


def open_house_confirm(request, token):
    """The link from the e-mail: a button to confirm (a GET changes nothing, so mail scanners that open
    links do not take places)."""
    if request.method == "POST":
        try:
            registration = services.confirm_registration(token=token)
        except services.PredialogueError as exc:
            return render(request, "predialogue/open_house_confirm.html", {"error": exc.message}, status=400)
        messages.success(request, _("You are registered. We have sent a confirmation to %(email)s.")
                         % {"email": registration.email})
        return redirect("predialogue:open_house")
    registration = sessions.registration_to_confirm(token=token)
    if registration is None:
        return render(request, "predialogue/open_house_confirm.html",
                      {"error": _("This link is not valid. Register again to get a new one.")}, status=404)
    return render(request, "predialogue/open_house_confirm.html", {"registration": registration,
                                                                   "session": registration.session})


@login_required
def staff_sessions(request):
    _require_staff(request)
    if request.method == "POST":
        form = SessionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                session = services.create_session(
                    title=data["title"], description=data["description"], starts_at=data["starts_at"],
                    ends_at=data["ends_at"], place=data["place"], capacity=data["capacity"],
                    is_published=data["is_published"], actor=request.user)
            except services.PredialogueError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The session is created."))
                return redirect("predialogue:staff_session", pk=session.pk)
    else:
        form = SessionForm()
    return render(request, "predialogue/staff/sessions.html", {
        "sessions": sessions.staff_sessions(user=request.user), "form": form})


@login_required
def staff_session(request, pk):
    _require_staff(request)
    session = sessions.get_session(user=request.user, pk=pk)
    return render(request, "predialogue/staff/session.html",
                  {"session": session, "registrations": sessions.session_registrations(session=session)})


@login_required
def registration_convert(request, pk, registration_pk):
    """Turn an open-house registration into a meeting request (staff choose the property)."""
    _require_staff(request)
    session = sessions.get_session(user=request.user, pk=pk)
    registration = sessions.get_registration(session=session, pk=registration_pk)
    if registration.meeting_id:
        return redirect("predialogue:meeting_detail", pk=registration.meeting_id)
    if request.method == "POST":
        form = ConvertRegistrationForm(request.POST)
        if form.is_valid():
            try:
                meeting = services.registration_to_request(
                    registration=registration, property=form.cleaned_data["property_obj"], actor=request.user,
                    questions=form.cleaned_data["questions"])
            except services.PredialogueError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The registration is now a meeting request."))
                return redirect("predialogue:meeting_detail", pk=meeting.pk)
    else:
        form = ConvertRegistrationForm(initial={"address": registration.address})
    return render(request, "predialogue/staff/registration_convert.html",
                  {"session": session, "registration": registration, "form": form,
                   "matches": getattr(form, "address_matches", [])})
