"""The dashboard's figures as JSON for managers: the same selectors as the HTML dashboard."""

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.selectors.municipalities import member_municipality_ids
from permitportal.accounts import roles

from . import selectors
from .forms import PeriodForm


class IsManager(BasePermission):
    message = gettext_lazy("Only managers have access to the dashboard's figures.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and roles.has_role(request.user, roles.MANAGER))


PERIOD_PARAMETERS = [
    OpenApiParameter("from", str, description="First day, YYYY-MM-DD (included). Default: the first day of the "
                                              "month eleven months ago."),
    OpenApiParameter("to", str, description="Last day, YYYY-MM-DD (included). Default: today."),
]


def _period(request) -> selectors.Period:
    form = PeriodForm(request.query_params)
    if form.is_bound and not form.is_valid():
        errors = {("from" if name == "date_from" else "to"): [str(e) for e in errs]
                  for name, errs in form.errors.items()}
        raise ValidationError(errors)
    return form.period


class GroupSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    invitations = serializers.IntegerField(help_text="Invitations sent for touchpoints in the period.")
    responses = serializers.IntegerField()
    declined = serializers.IntegerField(help_text="“No thanks”.")
    response_rate = serializers.FloatField(allow_null=True, help_text="responses / invitations, 0 to 1.")
    answers = serializers.IntegerField(help_text="Questions answered (1 to 5).")
    mean_score = serializers.FloatField(allow_null=True, help_text="The mean of every answer, 1 to 5.")


class QuestionScoreSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    text = serializers.CharField()
    answers = serializers.IntegerField()
    mean_score = serializers.FloatField(allow_null=True)


class TouchpointSerializer(GroupSerializer):
    questions = QuestionScoreSerializer(many=True)


class OverallSerializer(serializers.Serializer):
    invitations = serializers.IntegerField()
    responses = serializers.IntegerField()
    declined = serializers.IntegerField()
    response_rate = serializers.FloatField(allow_null=True)
    answers = serializers.IntegerField()
    mean_score = serializers.FloatField(allow_null=True)


def with_period(cls):
    """Put the period's ``from`` and ``to`` first ("from" is a Python keyword, so it cannot be a class attribute)."""
    cls._declared_fields = {"from": serializers.DateField(help_text="First day of the period (included)."),
                            "to": serializers.DateField(help_text="Last day of the period (included)."),
                            **cls._declared_fields}
    return cls


@with_period
class SummarySerializer(serializers.Serializer):
    overall = OverallSerializer()
    by_touchpoint = TouchpointSerializer(many=True)
    by_channel = GroupSerializer(many=True)
    by_customer_group = GroupSerializer(many=True)
    by_month = GroupSerializer(many=True, help_text="key: YYYY-MM, every month of the period.")


class ProcessingTimeSerializer(serializers.Serializer):
    application_type = serializers.CharField()
    name = serializers.CharField()
    service_target_days = serializers.IntegerField()
    decided = serializers.IntegerField(help_text="Cases decided in the period.")
    cases = serializers.IntegerField(help_text="Of those, cases that became complete (measured).")
    median_days = serializers.FloatField(allow_null=True, help_text="Days from complete to decision, median.")
    p90_days = serializers.FloatField(allow_null=True, help_text="Days from complete to decision, 90th percentile.")
    within_target = serializers.IntegerField()
    within_target_share = serializers.FloatField(allow_null=True)


class FirstScreeningSerializer(serializers.Serializer):
    submitted = serializers.IntegerField()
    screened = serializers.IntegerField()
    complete = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)


class RequestsPerCaseSerializer(serializers.Serializer):
    requests = serializers.IntegerField(help_text="Information requests sent in the period.")
    cases = serializers.IntegerField(help_text="Cases submitted in the period.")
    per_case = serializers.FloatField(allow_null=True)


class PromisedDateSerializer(serializers.Serializer):
    decided = serializers.IntegerField()
    cases = serializers.IntegerField(help_text="Decided cases that were promised a date.")
    on_time = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)


class ScreenedLateSerializer(serializers.Serializer):
    found_complete = serializers.IntegerField(help_text="Cases found complete in the period.")
    late = serializers.IntegerField(help_text="Of those, found complete later than the screening allowance.")
    share = serializers.FloatField(allow_null=True)


class ContinuitySerializer(serializers.Serializer):
    count = serializers.IntegerField()
    requests = serializers.IntegerField()


class FirstContactSerializer(serializers.Serializer):
    contacts = serializers.IntegerField()
    resolved = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)


class ContactCountSerializer(serializers.Serializer):
    topic = serializers.CharField()
    topic_label = serializers.CharField()
    channel = serializers.CharField()
    channel_label = serializers.CharField()
    count = serializers.IntegerField()
    resolved = serializers.IntegerField()


@with_period
class KpiSerializer(serializers.Serializer):
    processing_time = ProcessingTimeSerializer(many=True)
    complete_at_first_screening = FirstScreeningSerializer()
    information_requests_per_case = RequestsPerCaseSerializer()
    decided_by_first_promised_date = PromisedDateSerializer()
    decided_by_current_date = PromisedDateSerializer()
    screened_late = ScreenedLateSerializer()
    continuity_warnings = ContinuitySerializer()
    first_contact_resolution = FirstContactSerializer()
    contacts_by_topic_and_channel = ContactCountSerializer(many=True)


class SummaryView(APIView):
    """Satisfaction: invitations, responses, response rate and mean score, overall and by touchpoint (with each
    question), channel, customer group and month (managers)."""

    permission_classes = [IsManager]

    @extend_schema(parameters=PERIOD_PARAMETERS, responses={200: SummarySerializer})
    def get(self, request):
        period = _period(request)
        mine = member_municipality_ids(user=request.user)
        return Response(SummarySerializer(selectors.satisfaction_summary(period=period, municipalities=mine)).data)


class KpiView(APIView):
    """The operational KPIs: processing time against the service target by type, complete at first screening,
    information requests per case, decided by the date first promised and by the current date, cases screened
    late, continuity warnings, first-contact resolution and contacts by topic and channel (managers)."""

    permission_classes = [IsManager]

    @extend_schema(parameters=PERIOD_PARAMETERS, responses={200: KpiSerializer})
    def get(self, request):
        period = _period(request)
        mine = member_municipality_ids(user=request.user)
        return Response(KpiSerializer(selectors.kpis(period=period, municipalities=mine)).data)


class IsNational(BasePermission):
    message = gettext_lazy("Only the national overview role has access to these figures.")

    def has_permission(self, request, view):
        from . import national

        return bool(request.user and request.user.is_authenticated and national.can_read(request.user))


class NationalRowSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    decided = serializers.IntegerField()
    median_processing_days = serializers.FloatField(allow_null=True)
    submitted = serializers.IntegerField()
    screened = serializers.IntegerField()
    first_time_complete_share = serializers.FloatField(allow_null=True)
    promised = serializers.IntegerField()
    promises_kept_share = serializers.FloatField(allow_null=True, help_text="Decided by the date first given.")
    current_date_kept_share = serializers.FloatField(allow_null=True, help_text="Decided by the current date.")
    responses = serializers.IntegerField()
    mean_score = serializers.FloatField(allow_null=True)


class NationalView(APIView):
    """Every municipality's headline figures side by side (the national role; figures only, never a case)."""

    permission_classes = [IsNational]

    @extend_schema(parameters=PERIOD_PARAMETERS, responses={200: NationalRowSerializer(many=True)})
    def get(self, request):
        from . import national

        return Response(NationalRowSerializer(national.comparison(period=_period(request)), many=True).data)
