"""Start of work and completion in the API (``services.start_of_work``, ``services.completion``)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.api.caseworker import _call, _staff_case
from applications.models import StageDocument
from applications.selectors import cases as case_selectors
from applications.selectors import stage_documents as stage_selectors
from applications.services import completion, stage_documents, start_of_work
from permitportal.accounts import roles
from permitportal.core.api import PDF_RENDERERS
from permitportal.core.parsers import FormParser, JSONParser, MultiPartParser

MAX_STAGE_FILES = 10
_REPORT_PARSERS = [JSONParser, MultiPartParser, FormParser]
_FILES_NOTE = ("As JSON, or as multipart/form-data with one file per document the type asks for at this stage, "
               "each under the requirement's code (GET cases/{ref}/stage-documents/ lists them). A missing "
               "document refuses the report (400, the message names it).")


def stage_files(request) -> dict:
    """``{requirement code: file}`` of a multipart report: at most ``MAX_STAGE_FILES``, one file per code."""
    files = request.FILES
    if not files:
        return {}
    if len(files) > MAX_STAGE_FILES or any(len(files.getlist(code)) > 1 for code in files):
        raise serializers.ValidationError(
            {"files": _("Send at most %(n)d files, one per document.") % {"n": MAX_STAGE_FILES}})
    return {code: files[code] for code in files}


class StartNoticeSerializer(serializers.Serializer):
    start_date = serializers.DateField()


class StartNoticeView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = _REPORT_PARSERS

    @extend_schema(description=_FILES_NOTE, request={"application/json": StartNoticeSerializer,
                                                     "multipart/form-data": StartNoticeSerializer}, responses={
        200: OpenApiResponse(description="The case, as GET cases/{ref}/ shows it."),
        400: OpenApiResponse(description="The day is in the future, before the permit or after it lapsed, or a "
                                         "document the start needs is missing."),
        404: OpenApiResponse(description="No such case, or not one you hold."),
        409: OpenApiResponse(description="No permit in force, or the start was already reported.")})
    def post(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
        body = StartNoticeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        files = stage_files(request)
        _call(lambda: start_of_work.report_start(case=case, actor=request.user,
                                                 start_date=body.validated_data["start_date"], files=files))
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
    parser_classes = _REPORT_PARSERS

    @extend_schema(description=_FILES_NOTE, request={"application/json": CompletionSerializer,
                                                     "multipart/form-data": CompletionSerializer},
                   responses={200: OpenApiResponse(description="The case."),
                              400: OpenApiResponse(description="A wrong day, or a document completion needs is "
                                                               "missing."),
                                                             **_STAFF_ERRORS})
    def post(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
        body = CompletionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        files = stage_files(request)
        _call(lambda: completion.report_completion(case=case, actor=request.user,
                                                   completed_on=body.validated_data["completed_on"], files=files))
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


# --- Documents at the start and at completion -------------------------------------------------------------------------

class StageDocumentOutSerializer(serializers.Serializer):
    """Documents the shape of a stage document (built by selectors.stage_documents.stage_document_data)."""

    id = serializers.IntegerField()
    stage = serializers.ChoiceField(choices=StageDocument.Stage.values)
    requirement = serializers.CharField()
    title = serializers.CharField()
    name = serializers.CharField()
    document = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=StageDocument.Status.values)
    status_text = serializers.CharField()
    reason = serializers.CharField()
    checked_at = serializers.DateTimeField(allow_null=True)


class StageRequirementOutSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=StageDocument.Stage.values)
    requirement = serializers.CharField()
    title = serializers.CharField()
    accepted_formats = serializers.ListField(child=serializers.CharField())
    current = StageDocumentOutSerializer(allow_null=True)


class StageDocumentsOutSerializer(serializers.Serializer):
    required = StageRequirementOutSerializer(many=True)
    documents = StageDocumentOutSerializer(many=True)


class StageUploadSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=StageDocument.Stage.values)
    requirement = serializers.RegexField(r"^[a-z0-9][a-z0-9-]*$", max_length=stage_documents.CODE_MAX,
                                         help_text="The requirement's code, as GET cases/{ref}/stage-documents/ "
                                                   "lists it.")
    file = serializers.FileField()


class StageCheckSerializer(serializers.Serializer):
    accepted = serializers.BooleanField()
    reason = serializers.CharField(max_length=stage_documents.REASON_MAX, required=False, allow_blank=True,
                                   default="")


_STAGE_ERRORS = {400: OpenApiResponse(description="The input is not right; `message` says what to change."),
                 403: OpenApiResponse(description="Only the holder sends these, only caseworkers check them."),
                 404: OpenApiResponse(description="No such case or document, or not one you may see."),
                 409: OpenApiResponse(description="The stage does not take documents now, or the document is "
                                                  "already sent or checked.")}


class StageDocumentListView(APIView):
    """What the start and the completion ask for and what was sent; the holder sends one in place of a
    refused one (multipart: stage, requirement, file)."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(responses={200: StageDocumentsOutSerializer, 404: _STAGE_ERRORS[404]})
    def get(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference)
        staff = case_selectors.is_staff_reader(user=request.user, case=case)
        if staff:
            from permitportal.core import audit

            audit.record(actor=request.user, action="read_stage_documents", object_type="case",
                         object_id=case.reference)
        docs = stage_selectors.stage_documents_of(case=case)
        required = [{"stage": stage["stage"], "requirement": item["requirement"].code,
                     "title": str(item["requirement"].title),
                     "accepted_formats": list(item["requirement"].accepted_formats or []),
                     "current": stage_selectors.stage_document_data(doc=item["current"]) if item["current"] else None}
                    for stage in stage_selectors.stages(case=case, docs=docs) for item in stage["items"]]
        return Response({"required": required, "documents": [
            stage_selectors.stage_document_data(doc=d, include_staff=roles.is_staff_member(request.user))
            for d in docs]})

    @extend_schema(request={"multipart/form-data": StageUploadSerializer},
                   responses={201: StageDocumentOutSerializer, **_STAGE_ERRORS})
    def post(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
        body = StageUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        doc = _call(lambda: stage_documents.add_stage_document(
            case=case, stage=data["stage"], requirement_code=data["requirement"], uploaded_file=data["file"],
            actor=request.user))
        return Response(stage_selectors.stage_document_data(doc=doc), status=status.HTTP_201_CREATED)


class StageDocumentCheckView(APIView):
    """The caseworker accepts a document sent at a stage, or refuses it with the reason the holder reads."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=StageCheckSerializer, responses={200: StageDocumentOutSerializer, **_STAGE_ERRORS})
    def post(self, request, reference, pk):
        case = _staff_case(request, reference)
        body = StageCheckSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        doc = StageDocument.objects.filter(case=case, pk=pk).first()
        if doc is None:
            raise NotFound(_("There is no such document on this case."))
        doc = _call(lambda: stage_documents.check_stage_document(stage_document=doc, actor=request.user,
                                                                 **body.validated_data))
        return Response(stage_selectors.stage_document_data(doc=doc, include_staff=True))
