"""The pre-application meetings API: the same services and selectors as the HTML pages."""

from django.http import HttpResponse
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Property
from applications.selectors import cases as case_selectors
from permitportal.accounts import roles
from permitportal.accounts.models import User
from permitportal.core import limits
from permitportal.core.api import PDF_RENDERERS

from . import selectors, services
from .models import Meeting, Minutes
from .notices import minutes_filename, render_minutes_pdf

TAGS = ["pre-application meetings"]


def _meeting(request, pk) -> Meeting:
    return selectors.get_meeting_for_user(user=request.user, pk=pk)


def _require_manager(request):
    if not selectors.can_manage(request.user):
        raise PermissionDenied("Only caseworkers can do this.")


# --- Shapes --------------------------------------------------------------------------------------------

class RequestCreateSerializer(serializers.Serializer):
    property = serializers.IntegerField(min_value=1, max_value=limits.ID,
                                        help_text="A property id from GET /api/v1/properties/?q=")
    description = serializers.CharField(max_length=limits.TEXT)
    questions = serializers.CharField(max_length=limits.TEXT, required=False, allow_blank=True, default="")
    preferred_times = serializers.CharField(max_length=limits.SHORT_TEXT, required=False, allow_blank=True,
                                            default="")
    case = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.REFERENCE,
                                 help_text="Reference of your case the request comes from (for example a refusal).")
    on_behalf_of_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.NAME,
                                              help_text="Staff only: the caller's name.")
    on_behalf_of_email = serializers.EmailField(required=False, allow_blank=True, default="", max_length=limits.EMAIL)
    on_behalf_of_phone = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.PHONE)
    language = serializers.ChoiceField(choices=["da", "en"], required=False, allow_null=True, default=None)


class CaseworkerSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class MeetingSerializer(serializers.Serializer):
    """Documents the shape built by predialogue.selectors.meeting_data."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Meeting.Status.values)
    status_text = serializers.CharField()
    source = serializers.ChoiceField(choices=Meeting.Source.values)
    property = serializers.DictField()
    case = serializers.CharField(allow_null=True)
    description = serializers.CharField()
    questions = serializers.CharField()
    preferred_times = serializers.CharField()
    starts_at = serializers.DateTimeField(allow_null=True)
    ends_at = serializers.DateTimeField(allow_null=True)
    place = serializers.CharField()
    caseworker = CaseworkerSerializer(allow_null=True)
    cancel_reason = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    minutes_published = serializers.BooleanField()
    minutes_version = serializers.IntegerField(allow_null=True)


class MeetingUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[Meeting.Status.HELD, Meeting.Status.CANCELLED],
                                     help_text="held (caseworkers) or cancelled (staff or the applicant).")
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.SHORT_TEXT,
                                   help_text="Why the meeting is cancelled (required for staff).")


class ScheduleSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(help_text="ISO 8601 with time zone, e.g. 2026-05-04T10:00:00+02:00")
    place = serializers.CharField(max_length=limits.PLACE, help_text="A place with its address, or a video link.")
    caseworker = serializers.EmailField(max_length=limits.EMAIL,
                                        help_text="The e-mail address of the caseworker who holds the meeting.")
    duration_minutes = serializers.IntegerField(required=False, default=services.DEFAULT_DURATION_MINUTES, min_value=1,
                                                max_value=24 * 60)
    attendees = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.REASON,
                                      help_text="Other attendees, one per line; lines with an e-mail get the "
                                                "invitation.")


class DocumentLineSerializer(serializers.Serializer):
    requirement = serializers.SlugField(max_length=limits.CODE, help_text="A requirement code from the catalogue.")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.NOTE)


class MinutesWriteSerializer(serializers.Serializer):
    participants = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    project = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    zoning_plan = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    practice = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    placement_and_design = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    infrastructure = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    other_authorities = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    process = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    required_documents = DocumentLineSerializer(many=True, required=False, default=list, max_length=limits.ANSWERS)
    not_needed_documents = DocumentLineSerializer(many=True, required=False, default=list, max_length=limits.ANSWERS)
    application_type = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None,
                                             max_length=limits.CODE,
                                             help_text="An application type code, or null.")
    open_questions = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)
    next_steps = serializers.CharField(required=False, allow_blank=True, max_length=limits.LONG_TEXT)


class DocumentLineOutSerializer(serializers.Serializer):
    requirement = serializers.CharField()
    title = serializers.CharField()
    note = serializers.CharField()


class MinutesSerializer(serializers.Serializer):
    """Documents the shape built by predialogue.selectors.minutes_data."""

    version = serializers.IntegerField()
    state = serializers.ChoiceField(choices=Minutes.State.values)
    published_at = serializers.DateTimeField(allow_null=True)
    participants = serializers.CharField()
    project = serializers.CharField()
    zoning_plan = serializers.CharField()
    practice = serializers.CharField()
    placement_and_design = serializers.CharField()
    infrastructure = serializers.CharField()
    other_authorities = serializers.CharField()
    process = serializers.CharField()
    required_documents = DocumentLineOutSerializer(many=True)
    not_needed_documents = DocumentLineOutSerializer(many=True)
    application_type = serializers.CharField(allow_null=True)
    open_questions = serializers.CharField()
    next_steps = serializers.CharField()
    correction_note = serializers.CharField()
    caveat = serializers.CharField()


class PublishSerializer(serializers.Serializer):
    correction_note = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None,
                                            max_length=limits.REASON,
                                            help_text="For a corrected version: what changed.")


class CorrectionSerializer(serializers.Serializer):
    correction_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.REASON)


ERRORS = {
    400: OpenApiResponse(description="Bad input; `message` says what to fix."),
    403: OpenApiResponse(description="Your role cannot do this."),
    404: OpenApiResponse(description="No such meeting, or not yours."),
}
CONFLICT = {409: OpenApiResponse(description="Not possible in the meeting's current status, or the minutes are "
                                             "published and locked.")}


def _detail(meeting: Meeting, user) -> dict:
    return selectors.meeting_data(meeting=meeting, include_staff=roles.is_staff_member(user),
                                  minutes=selectors.current_minutes(meeting=meeting))


# --- Views ------------------------------------------------------------------------------------------------

class RequestCreateView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, request=RequestCreateSerializer, responses={201: MeetingSerializer, **ERRORS},
                   summary="Request a pre-application meeting")
    def post(self, request):
        body = RequestCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        prop = Property.objects.filter(pk=data["property"]).first()
        if prop is None:
            raise ValidationError({"property": "No property with this id. Find it with GET /api/v1/properties/?q="})
        case = None
        if data["case"]:
            case = case_selectors.get_case_for_user(user=request.user, reference=data["case"], owner_only=True)
        meeting = services.create_request(
            requested_by=request.user, property=prop, description=data["description"],
            questions=data["questions"], preferred_times=data["preferred_times"], case=case,
            on_behalf_of_name=data["on_behalf_of_name"], on_behalf_of_email=data["on_behalf_of_email"],
            on_behalf_of_phone=data["on_behalf_of_phone"], language=data.get("language"))
        meeting = _meeting(request, meeting.pk)
        return Response(_detail(meeting, request.user), status=status.HTTP_201_CREATED)


class MeetingListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, responses={200: MeetingSerializer(many=True)},
                   parameters=[OpenApiParameter("status", str, description="Staff: open (default), requested, "
                                                "scheduled, held, cancelled or all.")],
                   summary="Your meetings (staff: the request list)")
    def get(self, request):
        staff = roles.is_staff_member(request.user)
        if staff:
            wanted = request.query_params.get("status") or "open"
            if wanted not in selectors.STAFF_FILTERS:
                raise ValidationError({"status": "Use one of: " + ", ".join(selectors.STAFF_FILTERS) + "."})
            meetings = selectors.staff_meetings(user=request.user, status=wanted)
        else:
            meetings = list(selectors.my_meetings(user=request.user)[:200])
        return Response([selectors.meeting_data(meeting=m, include_staff=staff) for m in meetings])


class MeetingDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, responses={200: MeetingSerializer, 404: ERRORS[404]}, summary="One meeting")
    def get(self, request, pk):
        return Response(_detail(_meeting(request, pk), request.user))

    @extend_schema(tags=TAGS, request=MeetingUpdateSerializer, responses={200: MeetingSerializer, **ERRORS, **CONFLICT},
                   summary="Mark the meeting held, or cancel it")
    def post(self, request, pk):
        meeting = _meeting(request, pk)
        body = MeetingUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        target = body.validated_data["status"]
        if target == Meeting.Status.HELD:
            _require_manager(request)
            if target not in services.allowed_targets(meeting):
                raise services.TransitionNotAllowed(meeting, target)
            services.mark_held(meeting=meeting, actor=request.user)
        else:
            if not selectors.can_cancel(user=request.user, meeting=meeting):
                raise PermissionDenied("Only staff or the applicant can cancel the meeting.")
            services.cancel_meeting(meeting=meeting, actor=request.user, reason=body.validated_data["reason"])
        return Response(_detail(_meeting(request, pk), request.user))


class ScheduleView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, request=ScheduleSerializer, responses={200: MeetingSerializer, **ERRORS, **CONFLICT},
                   summary="Schedule the meeting, or give it a new time (sends the invitation with a calendar file)")
    def post(self, request, pk):
        meeting = _meeting(request, pk)
        _require_manager(request)
        body = ScheduleSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        worker = User.objects.filter(email__iexact=data["caseworker"], is_active=True).first()
        if worker is None or not selectors.can_manage(worker):
            raise ValidationError({"caseworker": "No caseworker with this e-mail address."})
        services.schedule_meeting(meeting=meeting, starts_at=data["starts_at"], place=data["place"],
                                  caseworker=worker, duration_minutes=data["duration_minutes"],
                                  attendees=data["attendees"], actor=request.user)
        return Response(_detail(_meeting(request, pk), request.user))


class MinutesView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, responses={200: MinutesSerializer, 404: ERRORS[404]},
                   summary="The minutes (applicants: the published version; caseworkers: the newest, draft or not)")
    def get(self, request, pk):
        meeting = _meeting(request, pk)
        if selectors.can_manage(request.user):
            minutes = selectors.latest_minutes(meeting=meeting)
        else:
            minutes = selectors.current_minutes(meeting=meeting)
        if minutes is None:
            return Response({"message": "There are no minutes for this meeting yet.", "code": "not_found"},
                            status=404)
        return Response(selectors.minutes_data(minutes=minutes))

    @extend_schema(tags=TAGS, request=MinutesWriteSerializer, responses={200: MinutesSerializer, **ERRORS, **CONFLICT},
                   summary="Save the minutes as a draft (published minutes are locked: 409)")
    def post(self, request, pk):
        meeting = _meeting(request, pk)
        _require_manager(request)
        body = MinutesWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        sections = {name: data.pop(name) for name in Minutes.TEXT_SECTIONS if name in data}
        minutes = services.save_minutes(
            meeting=meeting, actor=request.user, sections=sections,
            required_documents=[dict(d) for d in data["required_documents"]],
            not_needed_documents=[dict(d) for d in data["not_needed_documents"]],
            application_type=data.get("application_type"))
        minutes = selectors.latest_minutes(meeting=meeting) or minutes
        return Response(selectors.minutes_data(minutes=minutes))


class CorrectionView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, request=CorrectionSerializer, responses={201: MinutesSerializer, **ERRORS},
                   summary="Start a correction: a new draft version copied from the published minutes")
    def post(self, request, pk):
        meeting = _meeting(request, pk)
        _require_manager(request)
        body = CorrectionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.start_correction(meeting=meeting, actor=request.user,
                                  note=body.validated_data["correction_note"])
        return Response(selectors.minutes_data(minutes=selectors.latest_minutes(meeting=meeting)),
                        status=status.HTTP_201_CREATED)


class PublishView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, request=PublishSerializer, responses={200: MinutesSerializer, **ERRORS, **CONFLICT},
                   summary="Publish the draft minutes: locks them and e-mails the PDF to the applicant")
    def post(self, request, pk):
        meeting = _meeting(request, pk)
        _require_manager(request)
        body = PublishSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.publish_minutes(meeting=meeting, actor=request.user,
                                 correction_note=body.validated_data.get("correction_note"))
        return Response(selectors.minutes_data(minutes=selectors.current_minutes(meeting=meeting)))


class MinutesPdfView(APIView):
    permission_classes = [IsAuthenticated]
    renderer_classes = PDF_RENDERERS

    @extend_schema(tags=TAGS, responses={(200, "application/pdf"): OpenApiResponse(description="The minutes as PDF"),
                                         404: ERRORS[404]},
                   parameters=[OpenApiParameter("version", int, description="An older published version.")],
                   summary="The published minutes as PDF, in your language")
    def get(self, request, pk):
        meeting = _meeting(request, pk)
        version = request.query_params.get("version")
        if version:
            if selectors.version_number(version) is None:
                raise ValidationError({"version": "Give the version as a number, for example 2."})
            minutes = selectors.get_minutes_version(meeting=meeting, version=selectors.version_number(version))
        else:
            minutes = selectors.current_minutes(meeting=meeting)
        if minutes is None:
            return Response({"message": "The minutes have not been published yet.", "code": "not_found"},
                            status=404)
        pdf = render_minutes_pdf(minutes=minutes, language=translation.get_language() or "da")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{minutes_filename(minutes)}"'
        return response
