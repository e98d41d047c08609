"""The caseworker API: the same services as the workspace, as JSON.

A transition the status table does not allow answers 409; a problem the caller can fix answers 400
with a message; applicants get 403 on their own case and 404 on anybody else's.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.api.cases import CaseDetailSerializer
from applications.models import ApplicationType, Case, Decision, InformationRequest
from applications.selectors import advisories as advisory_selectors
from applications.selectors import cases as case_selectors
from applications.services import advisories as advisory_services
from applications.services import cases as case_services
from applications.services import decisions, handling, requests
from permitportal.accounts import roles
from permitportal.accounts.models import User
from permitportal.core import audit, limits
from permitportal.core.api import PDF_RENDERERS


def _require_caseworker(user):
    if not roles.has_role(user, roles.CASEWORKER, roles.MANAGER):
        raise PermissionDenied(_("Only caseworkers can do this."))


def _staff_case(request, reference) -> Case:
    """The case (404 when the user may not see it), then 403 unless the user is a caseworker or manager."""
    case = case_selectors.get_case_for_user(user=request.user, reference=reference)
    _require_caseworker(request.user)
    return case


def _call(action):
    """Run a service; a refusal of the actor is 403 (domain errors: permitportal.core.api.exception_handler)."""
    try:
        return action()
    except PermissionError as exc:
        raise PermissionDenied(str(exc)) from exc


def _detail(case: Case) -> dict:
    case.refresh_from_db()
    return case_selectors.case_detail_data(case=case, include_staff=True)


_ERRORS = {
    400: OpenApiResponse(description="The input is not right; `message` says what to change."),
    403: OpenApiResponse(description="Only caseworkers and managers can do this."),
    404: OpenApiResponse(description="No such case, or not one you may see."),
    409: OpenApiResponse(description="The case's status does not allow this action."),
}


class AssignSerializer(serializers.Serializer):
    caseworker = serializers.EmailField(max_length=limits.EMAIL,
                                        help_text="The e-mail address of the caseworker to assign.")


class InformationRequestSerializer(serializers.Serializer):
    items = serializers.ListField(child=serializers.SlugField(max_length=limits.CODE), required=False, default=list,
                                  max_length=limits.ANSWERS,
                                  help_text="Requirement codes of the documents asked for.")
    message = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.TEXT)
    due_date = serializers.DateField(required=False, allow_null=True, default=None,
                                     help_text="Defaults to the standard answering time.")
    kind = serializers.ChoiceField(choices=InformationRequest.Kind.values, required=False,
                                   default=InformationRequest.Kind.DOCUMENTATION)
    acknowledge_warnings = serializers.BooleanField(
        required=False, default=True,
        help_text="False: refuse with 400 and the warnings when the request asks for something the "
                  "pre-application minutes did not promise.")


class ExtendDeadlineSerializer(serializers.Serializer):
    days = serializers.IntegerField(min_value=1, max_value=365)
    reason = serializers.CharField(help_text="Shown to the applicant.", max_length=limits.REASON)


class DecisionSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Decision.Outcome.values)
    conditions = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.LONG_TEXT)
    reasons = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.LONG_TEXT)
    guidance = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.LONG_TEXT,
                                     help_text="Required for a refusal: what the applicant could change.")
    planning_act = serializers.BooleanField(
        required=False, default=False,
        help_text="The decision also rules under the planning act (e.g. a dispensation from the local plan): "
                  "the letter names Planklagenævnet for that part, Byggeklageenheden for the rest.")


class ChangeTypeSerializer(serializers.Serializer):
    application_type = serializers.SlugField(max_length=limits.CODE, help_text="The code of the new application type.")


class AdvisorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    case = serializers.CharField(allow_null=True)
    message = serializers.CharField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class AssignView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=AssignSerializer, responses={200: CaseDetailSerializer, **_ERRORS})
    def post(self, request, reference):
        case = _staff_case(request, reference)
        body = AssignSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        email = body.validated_data["caseworker"]
        worker = User.objects.filter(email__iexact=email, is_active=True).first()
        if worker is None:
            raise ValidationError({"caseworker": _("Nobody has the e-mail address %(email)s.") % {"email": email}})
        _call(lambda: handling.assign(case=case, caseworker=worker, actor=request.user))
        return Response(_detail(case))


class InformationRequestView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=InformationRequestSerializer, responses={201: CaseDetailSerializer, **_ERRORS})
    def post(self, request, reference):
        case = _staff_case(request, reference)
        body = InformationRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        # Warnings not acknowledged: 400 with code "continuity_warning" and the "warnings".
        sent = _call(lambda: requests.open_information_request(
            case=case, items=data["items"], message=data["message"], due_date=data["due_date"],
            kind=data["kind"], actor=request.user, acknowledge_warnings=data["acknowledge_warnings"]))
        detail = _detail(case)
        detail["information_request"] = {
            "id": sent.pk, "kind": sent.kind, "due_date": sent.due_date, "message": sent.message,
            "items": [i.requirement.code for i in sent.items.select_related("requirement")],
            "continuity_warning": sent.continuity_warning}
        return Response(detail, status=status.HTTP_201_CREATED)


class MarkCompleteView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: CaseDetailSerializer, **_ERRORS})
    def post(self, request, reference):
        case = _staff_case(request, reference)
        _call(lambda: handling.mark_complete(case=case, actor=request.user))
        return Response(_detail(case))


class StartReviewView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: CaseDetailSerializer, **_ERRORS})
    def post(self, request, reference):
        case = _staff_case(request, reference)
        _call(lambda: handling.start_review(case=case, actor=request.user))
        return Response(_detail(case))


class ExtendDeadlineView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=ExtendDeadlineSerializer, responses={200: CaseDetailSerializer, **_ERRORS})
    def post(self, request, reference):
        case = _staff_case(request, reference)
        body = ExtendDeadlineSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        _call(lambda: case_services.extend_deadline(case=case, days=body.validated_data["days"],
                                                    reason=body.validated_data["reason"], actor=request.user))
        return Response(_detail(case))


class DecisionView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=DecisionSerializer, responses={201: CaseDetailSerializer, **_ERRORS})
    def post(self, request, reference):
        case = _staff_case(request, reference)
        body = DecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        _call(lambda: decisions.record_decision(case=case, actor=request.user, **body.validated_data))
        return Response(_detail(case), status=status.HTTP_201_CREATED)


class ChangeTypeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=ChangeTypeSerializer, responses={200: CaseDetailSerializer, **_ERRORS})
    def post(self, request, reference):
        case = _staff_case(request, reference)
        body = ChangeTypeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        code = body.validated_data["application_type"]
        new_type = ApplicationType.objects.filter(code=code).first()
        if new_type is None:
            raise ValidationError({"application_type": _("Unknown application type “%(code)s”. See GET "
                                                         "application-types/.") % {"code": code}})
        changes = _call(lambda: handling.change_type(case=case, application_type=new_type, actor=request.user))
        detail = _detail(case)
        detail["changes"] = {name: [r.code for r in getattr(changes, name)]
                             for name in ("added", "removed", "now_required", "now_optional")}
        return Response(detail)


class DecisionPdfView(APIView):
    permission_classes = [IsAuthenticated]
    renderer_classes = PDF_RENDERERS

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(description="The decision letter"),
                              404: OpenApiResponse(description="No such case, or no letter yet.")})
    def get(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference)
        decision = Decision.objects.filter(case=case).first()
        if decision is None or not decision.letter:
            raise NotFound(_("There is no decision letter on this case yet."))
        if case_selectors.is_staff_reader(user=request.user, case=case):
            audit.record(actor=request.user, action="read_decision_letter", object_type="case",
                         object_id=case.reference)
        return FileResponse(decision.letter.open("rb"), as_attachment=True,
                            filename=f"{case.reference}-decision.pdf", content_type="application/pdf")


class AdvisoryListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[OpenApiParameter("unread", bool, description="Only unread advisories.")],
                   responses={200: inline_serializer("AdvisoryInbox", {
                       "unread_count": serializers.IntegerField(), "results": AdvisorySerializer(many=True)}),
                       403: _ERRORS[403]})
    def get(self, request):
        _require_caseworker(request.user)
        unread_only = request.query_params.get("unread", "").lower() in ("1", "true", "yes")
        items = advisory_selectors.inbox_for_display(user=request.user, limit=200, unread_only=unread_only)
        return Response({"unread_count": advisory_selectors.unread_count(user=request.user),
                         "results": [_advisory(a) for a in items]})


class AdvisoryReadView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: AdvisorySerializer, 403: _ERRORS[403],
                                            404: OpenApiResponse(description="No such advisory in your inbox.")})
    def post(self, request, pk):
        _require_caseworker(request.user)
        advisory = advisory_selectors.get_advisory_for_user(user=request.user, pk=pk)
        advisory_services.mark_read(advisory=advisory, user=request.user)
        return Response({"id": advisory.pk, "kind": advisory.kind,
                         "case": advisory.case.reference if advisory.case_id else None,
                         "message": advisory_selectors.advisory_text(advisory), "created_at": advisory.created_at,
                         "read_at": advisory.read_at})


def _advisory(item: dict) -> dict:
    return {key: item[key] for key in ("id", "kind", "case", "message", "created_at", "read_at")}
