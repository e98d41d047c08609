"""Pre-application meeting pages: thin, calling predialogue.services and predialogue.selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications.selectors import cases as case_selectors
from permitportal.accounts import roles
from permitportal.accounts.selectors import client_address
from permitportal.core import audit

from . import selectors, services
from .forms import (
    CancelForm,
    ConvertRegistrationForm,
    MinutesForm,
    RegistrationForm,
    RequestForm,
    ScheduleForm,
    SessionForm,
    StaffRequestForm,
)
from .models import Meeting, Minutes
from .notices import minutes_filename, render_minutes_pdf


def _meeting(request, pk) -> Meeting:
    return selectors.get_meeting_for_user(user=request.user, pk=pk)


def _require_manager(request):
    if not selectors.can_manage(request.user):
        raise PermissionDenied


def _require_staff(request):
    if not roles.is_staff_member(request.user):
        raise PermissionDenied


def _back(request, default):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)


# --- Public ---------------------------------------------------------------------------------------

def index(request):
    """What a meeting can and cannot settle, what to bring, and how to book (also the open-house sessions)."""
    return render(request, "predialogue/index.html", {"sessions": selectors.upcoming_sessions()})


# --- Applicant: requests ------------------------------------------------------------------------------

@login_required
def request_meeting(request):
    """The request form. ``?case=<reference>`` (from a refusal) prefills the property and links the case."""
    if roles.is_staff_member(request.user):
        return redirect("predialogue:staff_request_create")
    case = None
    reference = request.GET.get("case") or request.POST.get("case")
    if reference:
        case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                meeting = services.create_request(
                    requested_by=request.user, property=form.cleaned_data["property_obj"],
                    description=form.cleaned_data["description"], questions=form.cleaned_data["questions"],
                    preferred_times=form.cleaned_data["preferred_times"], sketches=form.cleaned_data["sketches"],
                    case=case)
            except services.PredialogueError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Thank you. We have received your request and will contact you with a "
                                            "time, usually within two weeks."))
                return redirect("predialogue:meeting_detail", pk=meeting.pk)
    else:
        initial = {}
        if case is not None:
            initial = {"address": str(case.property), "property": case.property_id}
        form = RequestForm(initial=initial)
    return render(request, "predialogue/request_form.html",
                  {"form": form, "case": case, "matches": getattr(form, "address_matches", [])})


@login_required
def my_meetings(request):
    return render(request, "predialogue/my_meetings.html", {"meetings": selectors.my_meetings(user=request.user)})


@login_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    staff = roles.is_staff_member(request.user)
    if staff:
        audit.record(actor=request.user, action="read_meeting", object_type="predialogue_meeting", object_id=pk)
    minutes = selectors.current_minutes(meeting=meeting)
    context = {
        "meeting": meeting,
        "is_staff": staff,
        "can_manage": selectors.can_manage(request.user),
        "can_cancel": selectors.can_cancel(user=request.user, meeting=meeting)
        and Meeting.Status.CANCELLED in services.allowed_targets(meeting),
        "is_applicant": meeting.applicant_id == request.user.pk,
        "sketches": selectors.sketches(meeting=meeting),
        "timeline": selectors.timeline(meeting=meeting),
        "minutes": minutes,
        "sections": selectors.minutes_sections(minutes=minutes) if minutes else [],
        "versions": [v for v in selectors.minutes_versions(meeting=meeting)
                     if staff or v.state == Minutes.State.PUBLISHED],
        "cancel_form": CancelForm(),
    }
    return render(request, "predialogue/meeting_detail.html", context)


@login_required
def sketch_download(request, pk, sketch_pk):
    meeting = _meeting(request, pk)
    sketch = meeting.sketches.filter(pk=sketch_pk).first()
    if sketch is None:
        raise Http404("No such sketch")
    if roles.is_staff_member(request.user):
        audit.record(actor=request.user, action="read_sketch", object_type="predialogue_meeting", object_id=pk)
    response = FileResponse(sketch.file.open("rb"), as_attachment=True, filename=sketch.original_name,
                            content_type=sketch.content_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"  # a stored file never runs as a page
    return response


@login_required
def minutes_pdf(request, pk):
    """The published minutes as PDF in the reader's language (``?version=`` for an older version)."""
    meeting = _meeting(request, pk)
    version = request.GET.get("version")
    if version:
        if selectors.version_number(version) is None:
            raise Http404("No such version")
        minutes = selectors.get_minutes_version(meeting=meeting, version=selectors.version_number(version))
    else:
        minutes = selectors.current_minutes(meeting=meeting)
        if minutes is None:
            raise Http404("No published minutes")
    pdf = render_minutes_pdf(minutes=minutes, language=request.LANGUAGE_CODE)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{minutes_filename(minutes)}"'
    return response


@login_required
@require_POST
def start_application(request, pk):
    meeting = _meeting(request, pk)
    try:
        case = services.start_application_from_minutes(meeting=meeting, actor=request.user)
    except services.PredialogueError as exc:
        messages.error(request, exc.message)
        return redirect("predialogue:meeting_detail", pk=meeting.pk)
    messages.success(request, _("Your application %(reference)s is started from the minutes. The documents agreed at "
                                "the meeting are marked on your checklist.") % {"reference": case.reference})
    return redirect("applications:draft_edit", reference=case.reference)


@login_required
@require_POST
def link_minutes(request, pk):
    """Link the minutes to a draft on the same property (the offer on the draft page)."""
    meeting = _meeting(request, pk)
    case = case_selectors.get_case_for_user(user=request.user, reference=request.POST.get("case", ""),
                                            owner_only=True)
    try:
        services.link_minutes_to_case(case=case, meeting=meeting, actor=request.user)
    except services.PredialogueError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The minutes are linked to your application. The documents agreed at the meeting "
                                    "are marked on your checklist."))
    return _back(request, default=reverse("applications:draft_edit", kwargs={"reference": case.reference}))


@login_required
@require_POST
def cancel(request, pk):
    meeting = _meeting(request, pk)
    if not selectors.can_cancel(user=request.user, meeting=meeting):
        raise PermissionDenied
    form = CancelForm(request.POST)
    form.is_valid()
    try:
        services.cancel_meeting(meeting=meeting, actor=request.user, reason=form.cleaned_data.get("reason", ""))
    except services.PredialogueError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The meeting is cancelled. Everyone invited has been told."))
    return redirect("predialogue:meeting_detail", pk=meeting.pk)


# --- Staff --------------------------------------------------------------------------------------------

@login_required
def staff_requests(request):
    _require_staff(request)
    status = request.GET.get("status") or "open"
    if status not in selectors.STAFF_FILTERS:
        status = "open"
    mine = request.GET.get("mine") == "1"
    meetings = selectors.staff_meetings(user=request.user, status=status, caseworker=request.user if mine else None)
    return render(request, "predialogue/staff/requests.html",
                  {"meetings": meetings, "status": status, "mine": mine, "filters": _filters()})


def _filters():
    return [("open", _("Open requests")), ("requested", _("Waiting for a time")), ("scheduled", _("Scheduled")),
            ("held", _("Held")), ("cancelled", _("Cancelled")), ("all", _("All"))]


@login_required
def staff_request_create(request):
    """The dialogue team books a meeting for a caller."""
    _require_staff(request)
    if request.method == "POST":
        form = StaffRequestForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.create_request(
                    requested_by=request.user, property=data["property_obj"], description=data["description"],
                    questions=data["questions"], preferred_times=data["preferred_times"], sketches=data["sketches"],
                    on_behalf_of_name=data["on_behalf_of_name"], on_behalf_of_email=data["on_behalf_of_email"],
                    on_behalf_of_phone=data["on_behalf_of_phone"], language=data["language"])
            except services.PredialogueError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The request is registered for %(name)s.") % {
                    "name": meeting.on_behalf_of_name})
                return redirect("predialogue:meeting_detail", pk=meeting.pk)
    else:
        form = StaffRequestForm()
    return render(request, "predialogue/staff/request_form.html",
                  {"form": form, "matches": getattr(form, "address_matches", [])})


@login_required
def schedule(request, pk):
    meeting = _meeting(request, pk)
    _require_manager(request)
    if Meeting.Status.SCHEDULED not in services.allowed_targets(meeting):
        messages.error(request, _("This meeting can no longer be scheduled."))
        return redirect("predialogue:meeting_detail", pk=meeting.pk)
    if request.method == "POST":
        form = ScheduleForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.schedule_meeting(meeting=meeting, starts_at=data["starts_at"], place=data["place"],
                                          caseworker=data["caseworker"], attendees=data["attendees"],
                                          duration_minutes=data["duration"], actor=request.user)
            except services.PredialogueError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The meeting is scheduled. The invitation with a calendar file has been "
                                            "sent."))
                return redirect("predialogue:meeting_detail", pk=meeting.pk)
    else:
        initial = {"caseworker": meeting.caseworker or request.user, "place": meeting.place,
                   "attendees": meeting.attendees}
        if meeting.starts_at:
            local = timezone.localtime(meeting.starts_at)
            initial.update({"day": local.date(), "start": local.time().replace(second=0, microsecond=0),
                            "duration": int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)
                            if meeting.ends_at else 60})
        form = ScheduleForm(initial=initial)
    return render(request, "predialogue/staff/schedule.html", {"meeting": meeting, "form": form})


@login_required
@require_POST
def mark_held(request, pk):
    meeting = _meeting(request, pk)
    _require_manager(request)
    try:
        services.mark_held(meeting=meeting, actor=request.user)
    except services.PredialogueError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The meeting is marked as held. Write the minutes next."))
    return redirect("predialogue:meeting_detail", pk=meeting.pk)


@login_required
def minutes_edit(request, pk):
    """Write the minutes on the fixed template: save as draft, or publish (locks them and sends the PDF)."""
    meeting = _meeting(request, pk)
    _require_manager(request)
    latest = selectors.latest_minutes(meeting=meeting)
    if latest is not None and latest.is_locked:
        messages.info(request, _("These minutes are published and locked. To change them, start a correction."))
        return redirect("predialogue:meeting_detail", pk=meeting.pk)
    requirements = selectors.requirement_catalogue()
    types = selectors.type_catalogue()
    is_correction = latest is not None and latest.version > 1
    if request.method == "POST":
        form = MinutesForm(request.POST, requirements=requirements, types=types, is_correction=is_correction)
        if form.is_valid():
            try:
                services.save_minutes(meeting=meeting, actor=request.user, **form.service_arguments())
                if request.POST.get("action") == "publish":
                    services.publish_minutes(meeting=meeting, actor=request.user,
                                             correction_note=form.cleaned_data.get("correction_note"))
                    messages.success(request, _("The minutes are published and locked. The applicant has been sent "
                                                "them as a PDF."))
                    return redirect("predialogue:meeting_detail", pk=meeting.pk)
            except services.PredialogueError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The minutes are saved as a draft. The applicant cannot see them until "
                                            "you publish them."))
                return redirect("predialogue:minutes_edit", pk=meeting.pk)
    else:
        form = MinutesForm(initial=MinutesForm.initial_from(latest), requirements=requirements, types=types,
                           is_correction=is_correction)
    return render(request, "predialogue/staff/minutes_form.html",
                  {"meeting": meeting, "form": form, "minutes": latest, "caveat": selectors.CAVEAT,
                   "sections": selectors.MINUTES_SECTIONS, "text_sections": Minutes.TEXT_SECTIONS})


@login_required
@require_POST
def minutes_correct(request, pk):
    meeting = _meeting(request, pk)
    _require_manager(request)
    try:
        services.start_correction(meeting=meeting, actor=request.user)
    except services.PredialogueError as exc:
        messages.error(request, exc.message)
        return redirect("predialogue:meeting_detail", pk=meeting.pk)
    messages.info(request, _("A new version of the minutes is open for correction. The published version is kept."))
    return redirect("predialogue:minutes_edit", pk=meeting.pk)


# --- Open house -------------------------------------------------------------------------------------------

def open_house(request):
    return render(request, "predialogue/open_house.html", {"sessions": selectors.upcoming_sessions()})


def open_house_register(request, session_pk):
    session = selectors.get_open_session(pk=session_pk)
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
    registration = selectors.registration_to_confirm(token=token)
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
        "sessions": selectors.staff_sessions(user=request.user), "form": form})


@login_required
def staff_session(request, pk):
    _require_staff(request)
    session = selectors.get_session(user=request.user, pk=pk)
    return render(request, "predialogue/staff/session.html",
                  {"session": session, "registrations": selectors.session_registrations(session=session)})


@login_required
def registration_convert(request, pk, registration_pk):
    """Turn an open-house registration into a meeting request (staff choose the property)."""
    _require_staff(request)
    session = selectors.get_session(user=request.user, pk=pk)
    registration = selectors.get_registration(session=session, pk=registration_pk)
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
