"""API for the catalogue and the guide: open to anyone, the same services the HTML guide uses."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Case, Property
from applications.selectors import catalogue as catalogue_selectors
from applications.services.guide import GuideError, GuideUnavailable, evaluate_guide
from permitportal.core import limits


class ServiceUnavailable(APIException):
    status_code = 503
    default_detail = "The guide is not available yet. Please try again later."
    default_code = "unavailable"


class RuleSerializer(serializers.Serializer):
    code = serializers.CharField(source="requirement.code")
    title = serializers.CharField(source="requirement.title")
    explanation = serializers.CharField(source="requirement.explanation")
    rule = serializers.ChoiceField(choices=["always", "required_if", "recommended", "recommended_if"])
    condition = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                      help_text="For the *_if rules: {fact: [values]}; every fact must match.")


class ApplicationTypeSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    summary = serializers.CharField()
    kind = serializers.ChoiceField(choices=["permit", "notification"])
    service_target_days = serializers.IntegerField()
    requirements = RuleSerializer(many=True, source="rules.all")


class AnswersField(serializers.DictField):
    """The guide's answers, question code to option code: at most ``limits.ANSWERS`` of them."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.CharField(max_length=limits.NAME), **kwargs)

    def to_internal_value(self, data):
        answers = super().to_internal_value(data)
        if len(answers) > limits.ANSWERS or any(len(code) > limits.CODE for code in answers):
            raise ValidationError(_("Send at most %(count)d answers, each under its question's code.")
                                  % {"count": limits.ANSWERS})
        return answers


class GuideRequestSerializer(serializers.Serializer):
    answers = AnswersField(required=False, default=dict,
                           help_text="Question code to option code, for the questions answered so far.")
    property = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=limits.ID,
                                        help_text="A property id from GET properties/?q=; pre-answers questions "
                                                  "the property register knows.")
    applying_for = serializers.ChoiceField(choices=Case.ApplyingFor.values, required=False, allow_null=True,
                                           help_text="self or other (other adds the power of attorney).")

    def validate_property(self, value):
        if value is None:
            return None
        prop = Property.objects.filter(pk=value).first()
        if prop is None:
            raise ValidationError(_("There is no property with id %(id)s. Find the id with GET "
                                    "/api/v1/properties/?q=<address>.") % {"id": value})
        return prop


class OptionSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class PrefillSerializer(serializers.Serializer):
    field = serializers.CharField()
    field_label = serializers.CharField()
    value = serializers.CharField()
    option = serializers.CharField()


class NextQuestionSerializer(serializers.Serializer):
    code = serializers.CharField()
    text = serializers.CharField()
    help = serializers.CharField(allow_blank=True)
    options = OptionSerializer(many=True)
    step = serializers.IntegerField()
    total_estimate = serializers.IntegerField()
    prefilled_from_register = PrefillSerializer(allow_null=True)


class OutcomeRequirementSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    explanation = serializers.CharField()
    required = serializers.BooleanField()


class OutcomeSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["application", "no_permit", "predialogue"])
    code = serializers.CharField()
    application_type = serializers.CharField(allow_null=True)
    text = serializers.CharField()
    requirements = OutcomeRequirementSerializer(many=True)
    still_applies = serializers.CharField(allow_blank=True)
    must_report = serializers.CharField(allow_blank=True)
    service_target_days = serializers.IntegerField(allow_null=True)


class GuideResponseSerializer(serializers.Serializer):
    next_question = NextQuestionSerializer(required=False)
    outcome = OutcomeSerializer(required=False)


class ApplicationTypesView(APIView):
    """The application types with the documents each needs and the rule that decides it."""

    permission_classes = [AllowAny]

    @extend_schema(responses=ApplicationTypeSerializer(many=True), tags=["catalogue"])
    def get(self, request):
        types = catalogue_selectors.application_types()
        return Response(ApplicationTypeSerializer(types, many=True).data)


class GuideView(APIView):
    """Send the answers so far; get the next question, or the outcome with the documents needed."""

    permission_classes = [AllowAny]

    @extend_schema(
        request=GuideRequestSerializer,
        responses={200: GuideResponseSerializer},
        tags=["catalogue"],
        examples=[
            OpenApiExample("First question", value={"answers": {}}, request_only=True),
            OpenApiExample("A carport", request_only=True, value={"answers": {
                "project": "small-building", "small-total-area": "up-to-50", "small-integrated": "no",
                "small-on-ground": "yes", "small-holiday-area": "no", "small-boundary": "yes"}}),
        ],
    )
    def post(self, request):
        serializer = GuideRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            result = evaluate_guide(answers=data.get("answers") or {}, property=data.get("property"),
                                    applying_for=data.get("applying_for"))
        except GuideUnavailable as exc:
            raise ServiceUnavailable(str(exc)) from exc
        except GuideError as exc:
            raise ValidationError(str(exc)) from exc
        if "outcome" in result:
            return Response({"outcome": OutcomeSerializer(result["outcome"]).data})
        return Response({"next_question": NextQuestionSerializer(result["next_question"]).data})
