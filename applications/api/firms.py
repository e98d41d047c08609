"""A firm's cases in the API (issue 20): ``GET firms/{id}/cases/`` for its current members."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications import hooks
from applications.selectors import cases as case_selectors
from applications.selectors.status import case_status

LIMIT = 500


class FirmCasesView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={
        200: inline_serializer("FirmCases", {"firm": serializers.DictField(),
                                             "cases": serializers.ListField(child=serializers.DictField())}),
        404: OpenApiResponse(description="No such firm, or you are not a member of it (any more).")})
    def get(self, request, firm_id):
        firm, cases = case_selectors.firm_cases(user=request.user, firm_id=firm_id)
        return Response({
            "firm": {"id": firm.pk, "cvr": firm.cvr, "name": firm.name},
            "cases": [case_selectors.status_fields(status=case_status(c)) | {
                "reference": c.reference,
                "application_type": c.application_type.code if c.application_type_id else None,
                "address": str(c.property), "municipality": c.property.municipality.code,
                "applicant": c.applicant.get_full_name(), "created_at": c.created_at,
                "submitted_at": c.submitted_at} for c in hooks.preload_for_list(cases[:LIMIT])]})
