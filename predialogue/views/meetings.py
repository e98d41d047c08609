"""The public page and the applicant's pre-application requests and meetings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications.selectors import cases as case_selectors
from permitportal.accounts import roles
from permitportal.core import audit

from .. import selectors, services, sessions
from ..forms import (
    CancelForm,
    RequestForm,
)
from ..models import Meeting, Minutes
from ..notices import minutes_filename, render_minutes_pdf
from .common import _back, _meeting

# --- Public ---------------------------------------------------------------------------------------

def index(request):
    """What a meeting can and cannot settle, what to bring, and how to book (also the open-house sessions)."""
    return render(request, "predialogue/index.html", {"sessions": sessions.upcoming_sessions()})


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
