"""The hearings' API (DESIGN.md, "API additions"): the same services as the caseworker's screens and the
party's link. A state the tables do not allow answers 409; input to fix, 400."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.selectors import cases as case_selectors
from permitportal.accounts import roles
from permitportal.core import limits
from permitportal.core.parsers import FormParser, JSONParser, MultiPartParser

from .. import conf, selectors
from ..models import Hearing
from ..services import answers, hearings

_ERRORS = {
    400: OpenApiResponse(description="The input is not right; `message` says what to change."),
    403: OpenApiResponse(description="Only caseworkers and managers can do this."),
    404: OpenApiResponse(description="No such case or hearing, or not one you may see."),
    409: OpenApiResponse(description="The case's or the hearing's state does not allow this."),
}


def _is_caseworker(user) -> bool:
    return roles.has_role(user, roles.CASEWORKER, roles.MANAGER)


class PartyInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    authority = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                         max_value=limits.ID)
    property = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                        max_value=limits.ID)
    on_paper = serializers.BooleanField(required=False, default=False)
    language = serializers.ChoiceField(choices=["da", "en"], required=False, default="da")


class HearingInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Hearing.Kind.values)
    parties = PartyInSerializer(many=True, max_length=conf.MAX_PARTIES)
    deadline = serializers.DateField(required=False, allow_null=True, default=None,
                                     help_text="Defaults to HEARING_DEADLINE_DAYS for the kind (14 days).")
    message = serializers.CharField(max_length=conf.MAX_MESSAGE)
    documents = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=limits.ID), required=False,
                                      default=list, max_length=200)


class ExtendSerializer(serializers.Serializer):
    deadline = serializers.DateField()
    reason = serializers.CharField(max_length=conf.MAX_REASON)


class AnswerSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=conf.MAX_COMMENT, required=False, allow_blank=True, default="")
    no_objection = serializers.BooleanField(required=False, default=False)
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list,
                                        max_length=conf.MAX_ATTACHMENTS)


def hearing_data(hearing: Hearing, *, staff: bool) -> dict:
    parties = [{"id": p.pk, "name": p.name, "answered_at": p.answered_at, "late": p.late, "status": p.status,
                **({"email": p.email, "no_objection": p.no_objection, "comment": p.comment,
                    "weighing": p.weighing} if staff else {})}
               for p in hearing.parties.all()]
    data = {"id": hearing.pk, "kind": hearing.kind, "deadline": hearing.deadline, "status": hearing.status,
            "extension_reason": hearing.extension_reason, "invited": len(parties),
            "answered": sum(1 for p in parties if p["answered_at"])}
    if staff:
        data["parties"] = parties
        data["documents"] = [d.pk for d in hearing.documents.all()]
    return data


class CaseHearingsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: OpenApiResponse(description="The case's hearings; the owner sees no parties' "
                                                               "contact data."), **_ERRORS})
    def get(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference)
        if _is_caseworker(request.user):
            return Response([hearing_data(h, staff=True) for h in selectors.hearings_of_case(case=case)])
        if not case_selectors.cases_owned_by(user=request.user).filter(pk=case.pk).exists():
            raise PermissionDenied(_("Only caseworkers and the applicant can see the hearings."))
        return Response(selectors.public_summary(case=case))

    @extend_schema(request=HearingInSerializer, responses={201: OpenApiResponse(description="The hearing."),
                                                           **_ERRORS})
    def post(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference)
        if not _is_caseworker(request.user):
            raise PermissionDenied(_("Only caseworkers can do this."))
        body = HearingInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        hearing = hearings.start_hearing(case=case, actor=request.user, kind=data["kind"], parties=data["parties"],
                                         message=data["message"], document_ids=data["documents"],
                                         deadline=data["deadline"])
        return Response(hearing_data(hearing, staff=True), status=status.HTTP_201_CREATED)


def _staff_hearing(request, reference, hearing_id) -> Hearing:
    case = case_selectors.get_case_for_user(user=request.user, reference=reference)
    if not _is_caseworker(request.user):
        raise PermissionDenied(_("Only caseworkers can do this."))
    hearing = selectors.hearing_of_case(case=case, hearing_id=hearing_id)
    if hearing is None:
        raise Http404
    return hearing


class CloseView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: OpenApiResponse(description="The hearing."), **_ERRORS})
    def post(self, request, reference, hearing_id):
        hearing = hearings.close_early(hearing=_staff_hearing(request, reference, hearing_id), actor=request.user)
        return Response(hearing_data(hearing, staff=True))


class ExtendView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=ExtendSerializer, responses={200: OpenApiResponse(description="The hearing."), **_ERRORS})
    def post(self, request, reference, hearing_id):
        hearing = _staff_hearing(request, reference, hearing_id)
        body = ExtendSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        hearing = hearings.extend(hearing=hearing, actor=request.user, **body.validated_data)
        return Response(hearing_data(hearing, staff=True))


def party_material(party, *, request=None) -> dict:
    hearing = party.hearing
    case = hearing.case
    return {"case": case.reference, "address": case.property.address, "description": case.description,
            "kind": hearing.kind, "deadline": hearing.deadline, "message": hearing.message,
            "link_state": answers.link_state(party), "link_expires_on": answers.link_expires_on(hearing),
            "documents": [{"id": d.pk, "name": d.original_name, "kind": d.kind} for d in hearing.documents.all()],
            "answer": {"status": party.status, "comment": party.comment, "no_objection": party.no_objection,
                       "answered_at": party.answered_at, "late": party.late,
                       "attachments": [a.original_name for a in party.attachments.all()]}}


class AnswerView(APIView):
    """Anyone with the party's link: the material and the answer."""

    permission_classes = [AllowAny]
    authentication_classes = []
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def _party(self, token):
        party = answers.party_for_token(token)
        if party is None:
            raise Http404
        return party

    @extend_schema(responses={200: OpenApiResponse(description="The material and the party's answer."), **_ERRORS})
    def get(self, request, token):
        party = self._party(token)
        answers.record_opened(party=party)
        return Response(party_material(party))

    @extend_schema(request=AnswerSerializer, responses={200: OpenApiResponse(description="The answer, taken."),
                                                        **_ERRORS})
    def post(self, request, token):
        party = self._party(token)
        body = AnswerSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        party = answers.answer(party=party, comment=data["comment"], no_objection=data["no_objection"],
                               files=data["attachments"])
        return Response(party_material(party))
