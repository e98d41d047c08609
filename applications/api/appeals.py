"""Appeals in the API: the applicant or a party lodges one, staff record one from a letter, its
forwarding to the appeals body and its outcome. The same services as the HTML views
(``services.appeals``); a state the tables do not allow answers 409 (after the period: with its last day)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.api.caseworker import _call, _staff_case
from applications.models import Appeal
from applications.selectors import appeals as appeal_selectors
from applications.services import appeals
from permitportal.accounts import roles
from permitportal.core.parsers import FormParser, JSONParser, MultiPartParser

MAX_ATTACHMENTS = 10


class AppealSerializer(serializers.Serializer):
    grounds = serializers.CharField(max_length=appeals.GROUNDS_MAX)
    attachments = serializers.ListField(child=serializers.FileField(), required=False, max_length=MAX_ATTACHMENTS,
                                        default=list)
    # Staff recording an appeal that came by letter:
    appellant_name = serializers.CharField(max_length=200, required=False, default="")
    appellant_email = serializers.EmailField(required=False, allow_blank=True, default="")
    received_on = serializers.DateField(required=False, allow_null=True, default=None)


class AppealOutSerializer(serializers.Serializer):
    """Documents the shape of an appeal (built by selectors.appeals.appeal_data)."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Appeal.Status.values)
    status_text = serializers.CharField()
    open = serializers.BooleanField()
    role = serializers.ChoiceField(choices=Appeal.Role.values)
    channel = serializers.ChoiceField(choices=Appeal.Channel.values)
    received_on = serializers.DateField()
    sent_on = serializers.DateField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)
    grounds = serializers.CharField()


class ForwardedSerializer(serializers.Serializer):
    sent_on = serializers.DateField()


class OutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[str(o) for o in appeals.OUTCOMES])
    note = serializers.CharField(max_length=appeals.NOTE_MAX, required=False, allow_blank=True, default="")


_ERRORS = {
    400: OpenApiResponse(description="The input is not right; `message` says what to change."),
    403: OpenApiResponse(description="You may not appeal this case, or only caseworkers can do this."),
    404: OpenApiResponse(description="No such case or appeal, or not one you may see."),
    409: OpenApiResponse(description="After the appeal period (the message gives its last day), or a step the "
                                     "appeal's status does not allow."),
}


class AppealListView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(responses={200: AppealOutSerializer(many=True), 404: _ERRORS[404]})
    def get(self, request, reference):
        case = appeal_selectors.get_case_for_appeal(user=request.user, reference=reference)
        staff = roles.is_staff_member(request.user)
        return Response([appeal_selectors.appeal_data(appeal=a, include_staff=staff)
                         for a in appeal_selectors.appeals_of(case=case, user=request.user, include_staff=staff)])

    @extend_schema(request=AppealSerializer, responses={201: AppealOutSerializer, **_ERRORS})
    def post(self, request, reference):
        case = appeal_selectors.get_case_for_appeal(user=request.user, reference=reference)
        body = AppealSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        by_letter = roles.has_role(request.user, roles.CASEWORKER, roles.MANAGER)
        files = request.FILES.getlist("attachments") if request.FILES else data["attachments"]
        if len(files) > MAX_ATTACHMENTS:
            raise serializers.ValidationError(
                {"attachments": _("Attach at most %(n)d files.") % {"n": MAX_ATTACHMENTS}})
        appeal = _call(lambda: appeals.lodge_appeal(
            case=case, actor=request.user, grounds=data["grounds"], attachments=files, by_letter=by_letter,
            appellant_name=data["appellant_name"], appellant_email=data["appellant_email"],
            received_on=data["received_on"]))
        return Response(appeal_selectors.appeal_data(appeal=appeal, include_staff=by_letter),
                        status=status.HTTP_201_CREATED)


def _staff_appeal(request, reference, pk) -> Appeal:
    case = _staff_case(request, reference)
    appeal = Appeal.objects.filter(case=case, pk=pk).first()
    if appeal is None:
        raise NotFound(_("There is no such appeal on this case."))
    return appeal


class AppealForwardedView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=ForwardedSerializer, responses={200: AppealOutSerializer, **_ERRORS})
    def post(self, request, reference, pk):
        appeal = _staff_appeal(request, reference, pk)
        body = ForwardedSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        appeal = _call(lambda: appeals.record_forwarded(appeal=appeal, actor=request.user,
                                                        sent_on=body.validated_data["sent_on"]))
        return Response(appeal_selectors.appeal_data(appeal=appeal, include_staff=True))


class AppealOutcomeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=OutcomeSerializer, responses={200: AppealOutSerializer, **_ERRORS})
    def post(self, request, reference, pk):
        appeal = _staff_appeal(request, reference, pk)
        body = OutcomeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        appeal = _call(lambda: appeals.record_outcome(appeal=appeal, actor=request.user, **body.validated_data))
        return Response(appeal_selectors.appeal_data(appeal=appeal, include_staff=True))


__all__ = ["AppealListView", "AppealForwardedView", "AppealOutcomeView"]
