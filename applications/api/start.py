"""The start notice in the API: the holder reports the day the work started (``services.start_of_work``)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.api.caseworker import _call
from applications.selectors import cases as case_selectors
from applications.services import start_of_work


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
