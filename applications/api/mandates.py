"""Digital mandates in the API (DESIGN.md, "The second wave"): the same services as the pages.

POST cases/{ref}/mandates/ (applicant or representative) asks the owner; POST mandates/{token}/accept/
(the owner, logged in) grants, with ``{"refuse": true}`` refuses; DELETE cases/{ref}/mandates/{id}/
(the owner who granted it) revokes."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Mandate
from applications.selectors import cases as case_selectors
from applications.services import mandates as mandate_services


class MandateRequestSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=Mandate.Scope.values, default=Mandate.Scope.CASE)
    valid_until = serializers.DateField()


class MandateAnswerSerializer(serializers.Serializer):
    refuse = serializers.BooleanField(required=False, default=False)


class MandateSerializer(serializers.ModelSerializer):
    case = serializers.CharField(source="case.reference")
    agent = serializers.CharField(source="agent.get_full_name")

    class Meta:
        model = Mandate
        fields = ["id", "case", "scope", "status", "agent", "valid_until", "requested_at", "granted_at", "ended_at"]


class CaseMandatesView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=MandateRequestSerializer, responses={201: MandateSerializer})
    def post(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
        data = MandateRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mandate = mandate_services.request_mandate(case=case, agent=request.user, **data.validated_data)
        return Response(MandateSerializer(mandate).data, status=201)


class MandateAcceptView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=MandateAnswerSerializer, responses={200: MandateSerializer})
    def post(self, request, token):
        answer = MandateAnswerSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        refuse = answer.validated_data["refuse"]
        action = mandate_services.refuse_mandate if refuse else mandate_services.grant_mandate
        return Response(MandateSerializer(action(token=token, user=request.user)).data)


class MandateRevokeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: MandateSerializer})
    def delete(self, request, reference, mandate_id):
        mandate = mandate_services.revoke_mandate(mandate_id=mandate_id, user=request.user, case_reference=reference)
        return Response(MandateSerializer(mandate).data)
