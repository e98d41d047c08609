"""The cases API: the same services and selectors as the HTML views."""

from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications import hooks
from applications.api.catalogue import AnswersField
from applications.models import ApplicationType, Case, DocumentRequirement, Property
from applications.selectors import cases as case_selectors
from applications.services import cases as case_services
from applications.services import receipts
from permitportal.accounts import roles
from permitportal.core import limits
from permitportal.core.api import PDF_RENDERERS
from permitportal.core.parsers import FormParser, MultiPartParser


class OnBehalfOfSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=limits.EMAIL)
    name = serializers.CharField(max_length=limits.NAME)


class CaseCreateSerializer(serializers.Serializer):
    application_type = serializers.SlugField(required=False, max_length=limits.CODE,
                                             help_text="A type code; or give answers instead.")
    answers = AnswersField(required=False)
    property = serializers.IntegerField(required=False, min_value=1, max_value=limits.ID,
                                        help_text="Required unless predialogue_meeting is given.")
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.TEXT)
    applying_for = serializers.ChoiceField(choices=Case.ApplyingFor.values, required=False, default="self")
    owner_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.NAME)
    owner_email = serializers.EmailField(required=False, allow_blank=True, default="", max_length=limits.EMAIL)
    firm = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=limits.ID,
                                    help_text="A firm you are a current member of: the case belongs to the firm.")
    on_behalf_of = OnBehalfOfSerializer(
        required=False, help_text="Dialogue team only: start an assisted draft owned by this citizen (an account "
                                  "is made for a new address); send them the link with POST "
                                  "cases/{ref}/confirmation-link/.")
    predialogue_meeting = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=limits.ID,
        help_text="A meeting with published minutes: without application_type and answers, the draft starts "
                  "from the minutes (their type, the agreed documents marked), as the meeting page's button does.")

    def validate(self, attrs):
        from_minutes = attrs.get("predialogue_meeting") and not attrs.get("application_type") \
            and not attrs.get("answers")
        if not attrs.get("application_type") and not attrs.get("answers") and not from_minutes:
            raise ValidationError(_("Give either application_type (a code) or the guide's answers."))
        if not attrs.get("property") and not from_minutes:
            raise ValidationError({"property": _("Give the property's id. Find it with GET /api/v1/properties/?q=")})
        attrs["from_minutes"] = bool(from_minutes)
        return attrs


class NotRelevantSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=limits.REASON)


class DateChangeSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    to = serializers.DateField()
    reason = serializers.CharField(help_text="Why the date moved, in plain words in the reader's language.")

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField()  # "from" is a Python keyword
        return fields


class CaseDetailSerializer(serializers.Serializer):
    """Documents the shape of a case in the API (built by selectors.cases.case_detail_data)."""

    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=Case.Status.values)
    status_text = serializers.CharField()
    waiting_for = serializers.CharField(allow_null=True)
    application_type = serializers.CharField(allow_null=True)
    property = serializers.DictField()
    project_facts = serializers.DictField(help_text="The project's size: built_area_m2, height_m, storeys, "
                                                    "heated_area_m2 (those the applicant gave).")
    municipality = serializers.DictField(help_text="The municipality that handles the case: code, name and contact "
                                                   "points.")
    submitted_at = serializers.DateTimeField(allow_null=True)
    expected_decision_date = serializers.DateField(allow_null=True)
    first_expected_decision_date = serializers.DateField(allow_null=True, help_text="The date we gave at submission.")
    on_track = serializers.BooleanField(allow_null=True)
    clock_state = serializers.CharField(help_text="on_track, at_risk, overdue, paused, met, missed or none.")
    badge = serializers.CharField(allow_blank=True, help_text="The clock's badge in words, as every page shows it.")
    act_by = serializers.DateField(allow_null=True, help_text="While the case waits for the applicant: the day "
                                                              "they must answer by.")
    date_changes = DateChangeSerializer(many=True, help_text="Every move of the expected decision date, oldest first.")
    checklist = serializers.ListField(child=serializers.DictField())
    outstanding = serializers.ListField(child=serializers.DictField())
    timeline = serializers.ListField(child=serializers.DictField())
    caseworker = serializers.DictField(allow_null=True)
    decision = serializers.DictField(allow_null=True)
    appeals = serializers.ListField(child=serializers.DictField(), help_text="The appeals against the decision.")
    appeal_window = serializers.DictField(allow_null=True, help_text="The current decision's appeal period: "
                                                                     "`deadline` (last day) and `open`.")
    permit_lapses_on = serializers.DateField(allow_null=True, help_text="For a permit: the day it lapses unless "
                                                                        "the work has started (byggeloven § 16, "
                                                                        "stk. 10).")
    firm = serializers.DictField(allow_null=True, help_text="The firm the case belongs to (id, name, cvr): its "
                                                            "current members see and work on it.")
    assisted = serializers.DictField(allow_null=True, help_text="For a case the dialogue team started with the "
                                                                "citizen: by (the staff member), link_sent_at, "
                                                                "confirmed_at.")
    hearings = serializers.ListField(
        child=serializers.DictField(), required=False,
        help_text="The case's hearings, newest first: id, kind, kind_label, status, deadline, invited, answered, "
                  "extension_reason; staff also see the parties heard (id, name, status, answered_at, late), "
                  "never their contact data here (GET cases/{ref}/hearings/).")


def _owner_case(request, reference) -> Case:
    case = case_selectors.get_case_for_user(user=request.user, reference=reference, owner_only=True)
    if case.assisted_by_id == request.user.pk and case.applicant_id != request.user.pk:
        from permitportal.core import audit  # a staff member working on a citizen's draft they help with

        audit.record(actor=request.user, action="assisted_draft_read", object_type="case", object_id=case.reference)
    return case


def _detail(case: Case, user) -> dict:
    return case_selectors.case_detail_data(case=case, include_staff=roles.is_staff_member(user))


def _property_and_type(data: dict):
    """The property and (optional) application type a new draft names, or a 400 saying where to find them."""
    prop = Property.objects.filter(pk=data.get("property")).first()
    if prop is None:
        raise ValidationError({"property": _("No property with this id. Find it with GET /api/v1/properties/?q=")})
    app_type = None
    if data.get("application_type"):
        app_type = ApplicationType.objects.filter(code=data["application_type"], is_active=True).first()
        if app_type is None:
            raise ValidationError({"application_type": _("Unknown application type. See GET application-types/.")})
    return prop, app_type


class CaseListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: CaseDetailSerializer(many=True)})
    def get(self, request):
        from applications.selectors.status import case_status, with_act_by

        qs = with_act_by(case_selectors.cases_visible_to(user=request.user).select_related(
            "property__municipality", "application_type", "caseworker").order_by("-created_at"))[:100]
        return Response([case_selectors.status_fields(status=case_status(c)) | {
            "reference": c.reference,
            "application_type": c.application_type.code if c.application_type_id else None,
            "address": str(c.property), "municipality": c.property.municipality.code,
            "submitted_at": c.submitted_at} for c in hooks.preload_for_list(qs)])

    @extend_schema(request=CaseCreateSerializer, responses={201: CaseDetailSerializer})
    def post(self, request):
        body = CaseCreateSerializer(data=request.data)  # read first: a hostile body is a 400 whoever sends it
        body.is_valid(raise_exception=True)
        data = body.validated_data
        assisting = "on_behalf_of" in data
        if not roles.has_role(request.user, roles.DIALOGUE_TEAM if assisting else roles.APPLICANT):
            message = (_("Only the dialogue team can start an application for a citizen.") if assisting
                       else _("Only applicants can start an application."))
            return Response({"message": message, "code": "permission_denied"}, status=403)
        if assisting:
            return self._start_assisted(request, data)
        if data["from_minutes"]:
            return self._start_from_minutes(request, data)
        prop, app_type = _property_and_type(data)
        firm = None
        if data.get("firm"):
            from permitportal.accounts.models import Firm

            firm = Firm.objects.filter(pk=data["firm"]).first()
            if firm is None:
                raise ValidationError({"firm": _("You can apply on behalf of a firm only while you are one of its "
                                                 "members.")})
        case = case_services.create_draft(
            applicant=request.user, property=prop, application_type=app_type, answers=data.get("answers") or {},
            applying_for=data["applying_for"], description=data["description"],
            predialogue_meeting_id=data.get("predialogue_meeting"), firm=firm,
        )
        if data["owner_name"] or data["owner_email"]:
            case_services.update_draft(case=case, actor=request.user, owner_name=data["owner_name"],
                                       owner_email=data["owner_email"])
        return Response(_detail(case, request.user), status=status.HTTP_201_CREATED)

    @staticmethod
    def _start_assisted(request, data):
        """A dialogue-team member starts a draft for a citizen (services.assisted)."""
        from applications.services.assisted import start_assisted_draft

        prop, app_type = _property_and_type(data)
        who = data["on_behalf_of"]
        case = start_assisted_draft(actor=request.user, email=who["email"], name=who["name"], property=prop,
                                    application_type=app_type, answers=data.get("answers") or {},
                                    description=data["description"], language=translation.get_language() or "da")
        if data["owner_name"] or data["owner_email"] or data["applying_for"] != Case.ApplyingFor.SELF:
            case_services.update_draft(case=case, actor=request.user, applying_for=data["applying_for"],
                                       owner_name=data["owner_name"], owner_email=data["owner_email"])
        return Response(case_selectors.case_detail_data(case=case), status=status.HTTP_201_CREATED)

    @staticmethod
    def _start_from_minutes(request, data):
        """As the meeting page's button: the type the minutes indicate, the agreed documents marked."""
        try:
            with transaction.atomic():
                case = hooks.start_from_minutes(applicant=request.user, meeting_id=data["predialogue_meeting"],
                                                property_id=data.get("property"))
                case_services.update_draft(
                    case=case, actor=request.user, description=data["description"] or None,
                    applying_for=data["applying_for"], owner_name=data["owner_name"] or None,
                    owner_email=data["owner_email"] or None)
        except case_services.CaseError as exc:
            raise ValidationError({"predialogue_meeting": [str(exc)]}) from exc
        return Response(_detail(case, request.user), status=status.HTTP_201_CREATED)


class CaseDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: CaseDetailSerializer})
    def get(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference)
        if case_selectors.is_staff_reader(user=request.user, case=case):
            from permitportal.core import audit

            audit.record(actor=request.user, action="api_case_read", object_type="case", object_id=case.reference)
        return Response(_detail(case, request.user))


class DocumentUploadView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": inline_serializer("DocumentUpload", {
            "requirement": serializers.CharField(required=False, max_length=limits.CODE),
            "file": serializers.FileField()})},
        responses={201: inline_serializer("DocumentCreated", {
            "id": serializers.IntegerField(), "requirement": serializers.CharField(allow_null=True),
            "name": serializers.CharField(), "size": serializers.IntegerField(), "sha256": serializers.CharField(),
            "kind": serializers.CharField()}),
            400: OpenApiResponse(description="The file was refused; `message` says why.")},
    )
    def post(self, request, reference):
        from applications.services import documents as document_services
        from applications.services.uploads import UploadRejected

        case = _owner_case(request, reference)
        upload = request.FILES.get("file")
        if upload is None:
            raise ValidationError({"file": _("Attach the file as multipart field “file”.")})
        code = request.data.get("requirement") or None
        requirement = None
        if code:
            requirement = DocumentRequirement.objects.filter(code=code).first()
            if requirement is None:
                raise ValidationError({"requirement": _("Unknown requirement code “%(code)s”.") % {"code": code}})
        try:
            doc = document_services.add_document(case=case, requirement=requirement, uploaded_file=upload,
                                                 actor=request.user)
        except UploadRejected as exc:  # the file itself (a finished case is 409 from the exception handler)
            return Response({"message": str(exc), "code": "file_rejected"}, status=400)
        return Response({"id": doc.pk, "requirement": code, "name": doc.original_name, "size": doc.size,
                         "sha256": doc.sha256, "kind": doc.kind}, status=201)


class NotRelevantView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=NotRelevantSerializer, responses={200: CaseDetailSerializer})
    def post(self, request, reference, code):
        case = _owner_case(request, reference)
        body = NotRelevantSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        case_services.mark_not_relevant(case=case, requirement_code=code, reason=body.validated_data["reason"],
                                        actor=request.user)
        return Response(_detail(case, request.user))


class SubmitView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: CaseDetailSerializer,
                                            400: OpenApiResponse(description="Lists what is missing.")})
    def post(self, request, reference):
        case = _owner_case(request, reference)
        case = case_services.submit(case=case, actor=request.user)  # 400 lists "missing"; 409 once sent
        return Response(_detail(case, request.user))


class ConfirmView(APIView):
    """The citizen confirms and sends an application the dialogue team helped with (issue 20)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={
        200: CaseDetailSerializer, 400: OpenApiResponse(description="Lists what is missing."),
        404: OpenApiResponse(description="No such application of yours."),
        409: OpenApiResponse(description="Not an assisted application, or already sent.")})
    def post(self, request, reference):
        from applications.services import assisted

        _empty_body(request)
        case = _owner_case(request, reference)
        case = assisted.confirm(case=case, actor=request.user)
        return Response(_detail(case, request.user))


class ConfirmationLinkView(APIView):
    """The staff member who started an assisted draft e-mails the citizen the link to confirm it."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={
        200: inline_serializer("ConfirmationLinkSent", {"reference": serializers.CharField(),
                                                        "link_sent_at": serializers.DateTimeField()}),
        404: OpenApiResponse(description="No such draft of yours to help with."),
        409: OpenApiResponse(description="Not your assisted draft, or the citizen has confirmed it.")})
    def post(self, request, reference):
        from applications.services import assisted

        _empty_body(request)
        case = _owner_case(request, reference)
        assisted.send_confirmation_link(case=case, actor=request.user)
        return Response({"reference": case.reference, "link_sent_at": case.assisted_link_sent_at})


def _empty_body(request) -> None:
    """These endpoints take no fields: a body that is not a JSON object is refused (400), not ignored."""
    data = request.data
    if not isinstance(data, dict):
        raise ValidationError(_("Send an empty JSON object."))


class ReceiptPdfView(APIView):
    permission_classes = [IsAuthenticated]
    renderer_classes = PDF_RENDERERS

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(description="The receipt PDF")})
    def get(self, request, reference):
        case = case_selectors.get_case_for_user(user=request.user, reference=reference)
        if case.status == Case.Status.DRAFT:
            return Response({"message": _("A draft has no receipt yet: submit it first."), "code": "not_found"},
                            status=404)
        pdf = receipts.render_receipt_pdf(case=case, language=translation.get_language() or "da")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{case.reference}-receipt.pdf"'
        return response


