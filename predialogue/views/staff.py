"""The caseworkers' pages: the requests, scheduling, holding a meeting and its minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import (
    MinutesForm,
    ScheduleForm,
    StaffRequestForm,
)
from ..models import Meeting, Minutes
from .common import _meeting, _require_manager, _require_staff

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
