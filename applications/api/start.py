"""Start of work and completion in the API (``services.start_of_work``, ``services.completion``)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.api.caseworker import _call, _staff_case
from applications.selectors import cases as case_selectors
from applications.services import completion, start_of_work
from permitportal.core.api import PDF_RENDERERS


class StartNoticeSerializer(serializers.Serializer):
    start_date = serializers.DateField()


class StartNoticeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=StartNoticeSerializer, responses={
        200: OpenApiResponse(description="The case, as GET cases/{ref}/ shows it."),
        400: OpenApiResponse(description="The day is in the future, before the permit or after it lapsed."),
        404: OpenApiResponse(description="No such case, or not one you hold."),
        409: OpenApiResponse(description="No permit in force, or the start was already reported.")})
    def post(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
        body = StartNoticeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        _call(lambda: start_of_work.report_start(case=case, actor=request.user,
                                                 start_date=body.validated_data["start_date"]))
        case.refresh_from_db()
        return Response(case_selectors.case_detail_data(case=case))


class CompletionSerializer(serializers.Serializer):
    completed_on = serializers.DateField()


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=completion.NOTE_MAX)


_STAFF_ERRORS = {403: OpenApiResponse(description="Only caseworkers can do this."),
                 404: OpenApiResponse(description="No such case, or not one you may see."),
                 409: OpenApiResponse(description="The case's status does not allow this.")}


class CompletionView(APIView):
    """The holder reports the work completed (BR18 § 40)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=CompletionSerializer, responses={200: OpenApiResponse(description="The case."),
                                                             400: OpenApiResponse(description="A wrong day."),
                                                             **_STAFF_ERRORS})
    def post(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
        body = CompletionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        _call(lambda: completion.report_completion(case=case, actor=request.user,
                                                   completed_on=body.validated_data["completed_on"]))
        case.refresh_from_db()
        return Response(case_selectors.case_detail_data(case=case))


class _StaffCaseAction(APIView):
    permission_classes = [IsAuthenticated]

    def _act(self, request, reference, action):
        case = _staff_case(request, reference)
        _call(lambda: action(case))
        case.refresh_from_db()
        return Response(case_selectors.case_detail_data(case=case, include_staff=True))


class OccupancyPermitView(_StaffCaseAction):
    """Issue the occupancy permit where one is needed and close the case; otherwise close it (BR18 § 43)."""

    @extend_schema(request=None, responses={200: OpenApiResponse(description="The case."), **_STAFF_ERRORS})
    def post(self, request, reference):
        return self._act(request, reference, lambda case: completion.finish(case=case, actor=request.user))


class ReturnCompletionView(_StaffCaseAction):
    @extend_schema(request=ReturnSerializer, responses={200: OpenApiResponse(description="The case."),
                                                        **_STAFF_ERRORS})
    def post(self, request, reference):
        def action(case):  # the case is looked up (404/403) before the body is read
            body = ReturnSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            return completion.return_completion(case=case, actor=request.user, reason=body.validated_data["reason"])

        return self._act(request, reference, action)


class BbrUpdatedView(_StaffCaseAction):
    @extend_schema(request=None, responses={200: OpenApiResponse(description="The case."), **_STAFF_ERRORS})
    def post(self, request, reference):
        return self._act(request, reference, lambda case: completion.tick_bbr(case=case, actor=request.user))


class OccupancyPdfView(APIView):
    permission_classes = [IsAuthenticated]
    renderer_classes = PDF_RENDERERS  # answers Accept: application/pdf (and */*), not 406

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(description="The occupancy permit"),
                              404: OpenApiResponse(description="No such case, or no occupancy permit.")})
    def get(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference)
        return occupancy_response(request, case)


def occupancy_response(request, case):
    """The occupancy permit as a download (staff reads audit-logged); 404 when there is none."""
    from django.http import FileResponse, Http404

    from applications.models import OccupancyPermit

    permit = OccupancyPermit.objects.filter(case=case).first()
    if permit is None:
        raise Http404("No occupancy permit")
    if case_selectors.is_staff_reader(user=request.user, case=case):
        from permitportal.core import audit

        audit.record(actor=request.user, action="read_occupancy_permit", object_type="case",
                     object_id=case.reference)
    return FileResponse(permit.pdf.open("rb"), as_attachment=True, filename=f"{case.reference}-occupancy-permit.pdf",
                        content_type="application/pdf")
