"""The dialogue team's API: the lookup and the contact log. The same services as the HTML pages."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from applications import hooks
from applications.models import Case
from dialogueteam import search, selectors, services
from dialogueteam.models import Contact
from permitportal.accounts import roles
from permitportal.core import limits
from permitportal.core.search_input import MAX_LENGTH, bounded_search


class CaseworkerContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class LookupResultSerializer(serializers.Serializer):
    reference = serializers.CharField()
    address = serializers.CharField()
    applicant_name = serializers.CharField()
    status = serializers.ChoiceField(choices=Case.Status.values)
    status_text = serializers.CharField()
    expected_decision_date = serializers.DateField(allow_null=True)
    on_track = serializers.BooleanField(allow_null=True)
    waiting_for = serializers.CharField(allow_null=True, help_text='"applicant", "municipality" or null')
    caseworker = CaseworkerContactSerializer(allow_null=True)


class LookupResponseSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="The search as it was understood (lower-cased, commas removed).")
    more = serializers.BooleanField(help_text="True when more cases match than are shown: add to the search.")
    results = LookupResultSerializer(many=True)


LOOKUP_FIELDS = tuple(LookupResultSerializer().fields)


class LookupView(APIView):
    """Find cases by reference, address, applicant name, e-mail, phone or cadastral number (dialogue team,
    caseworkers and managers). Every lookup is written to the audit log."""

    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[OpenApiParameter("q", str, required=True,
                                                description="At least three letters or digits in one word; at most "
                                                            f"{MAX_LENGTH} characters and {search.MAX_WORDS} words "
                                                            "(the words the lookup searches), no control "
                                                            "characters.")],
                   responses={200: LookupResponseSerializer})
    def get(self, request):
        if not services.can_look_up(request.user):
            raise PermissionDenied
        try:
            query = bounded_search(request.query_params.get("q", ""), max_words=search.MAX_WORDS)
        except DjangoValidationError as exc:
            raise ValidationError({"q": exc.messages}) from exc
        try:
            found = services.lookup(user=request.user, query=query)
        except search.QueryTooShort as exc:
            raise ValidationError({"q": _("Type at least three letters or digits in one word.")}) from exc
        today = timezone.localdate()
        results = []
        for case in hooks.preload_for_list(found.cases):
            data = selectors.result_data(case, today=today)
            results.append({name: data[name] for name in LOOKUP_FIELDS})
        return Response({"query": found.query, "more": found.more, "results": results})


class ContactCreateSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=Contact.Channel.values)
    topic = serializers.ChoiceField(choices=Contact.Topic.values)
    customer_group = serializers.ChoiceField(choices=Case.CustomerGroup.values)
    case = serializers.CharField(required=False, allow_null=True, allow_blank=True, default=None,
                                 max_length=limits.REFERENCE,
                                 help_text="The case's reference, or null.")
    summary = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.TEXT)
    resolved_first_contact = serializers.BooleanField(required=False, default=False)
    forward_question = serializers.CharField(required=False, allow_blank=True, allow_null=True, default="",
                                             max_length=limits.REASON,
                                             help_text="Forwards this question to the case's caseworker (or the "
                                                       "triage queue).")
    caller_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=limits.NAME)
    caller_email = serializers.EmailField(required=False, allow_blank=True, default="", max_length=limits.EMAIL)


class ForwardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    recipient = serializers.CharField(allow_null=True, help_text="The caseworker's name; null for the triage queue.")
    due_at = serializers.DateTimeField()
    answer = serializers.CharField(allow_null=True)
    answered_at = serializers.DateTimeField(allow_null=True)


class ContactSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    channel = serializers.CharField()
    topic = serializers.CharField()
    customer_group = serializers.CharField()
    case = serializers.CharField(allow_null=True)
    summary = serializers.CharField()
    resolved_first_contact = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    forward = ForwardSerializer(allow_null=True)


def contact_data(contact: Contact) -> dict:
    forward = contact.forwards.select_related("recipient").first()
    return {
        "id": contact.pk, "channel": contact.channel, "topic": contact.topic,
        "customer_group": contact.customer_group, "case": contact.case.reference if contact.case_id else None,
        "summary": contact.summary, "resolved_first_contact": contact.resolved_first_contact,
        "created_at": contact.created_at,
        "forward": None if forward is None else {
            "id": forward.pk, "recipient": forward.recipient.get_full_name() if forward.recipient else None,
            "due_at": forward.due_at, "answer": forward.answer or None, "answered_at": forward.answered_at,
        },
    }


class ContactCreateView(APIView):
    """Log a contact with the dialogue team, optionally forwarding a question to the caseworker."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=ContactCreateSerializer, responses={201: ContactSerializer})
    def post(self, request):
        if not roles.has_role(request.user, *services.CONTACT_ROLES):
            raise PermissionDenied
        body = ContactCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            case = services.find_case_for_contact(user=request.user, reference=data["case"])
        except services.DialogueError as exc:
            raise ValidationError({"case": str(exc)}) from exc
        try:
            contact = services.log_contact(
                actor=request.user, channel=data["channel"], topic=data["topic"],
                customer_group=data["customer_group"], case=case, summary=data["summary"],
                resolved_first_contact=data["resolved_first_contact"],
                forward_question=data["forward_question"] or "", caller_name=data["caller_name"],
                caller_email=data["caller_email"],
            )
        except services.DialogueError as exc:
            raise ValidationError(str(exc)) from exc
        return Response(contact_data(contact), status=status.HTTP_201_CREATED)
