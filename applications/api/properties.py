"""The property register API: address search for the guide and for professional systems."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.models import Property
from applications.selectors import properties as property_selectors
from permitportal.core.search_input import MAX_LENGTH, MAX_WORDS, bounded_search

DEFAULT_LIMIT = 20
MAX_LIMIT = 50


class PropertySerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code", read_only=True,
                                         help_text="The four-digit code of the municipality that handles cases "
                                                   "on the property (see municipalities/).")

    class Meta:
        model = Property
        fields = ["id", "address", "postcode", "city", "cadastral_number", "property_number", "zoning_plan",
                  "year_built", "built_area", "use", "municipality"]
        read_only_fields = fields


def _limit(raw) -> int:
    if raw in (None, ""):
        return DEFAULT_LIMIT
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= MAX_LIMIT:
        raise ValidationError({"limit": _("Give a whole number from 1 to %(max)d.") % {"max": MAX_LIMIT}})
    return value


class PropertyListView(APIView):
    """Search the property register by address, postcode, city, cadastral number or property number."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True,
                             description=f"At least 3 characters, e.g. “Æbeløgade 4” or a cadastral number; at "
                                         f"most {MAX_LENGTH} characters and {MAX_WORDS} words, no control "
                                         f"characters."),
            OpenApiParameter("limit", int, required=False, description=f"1 to {MAX_LIMIT}, default {DEFAULT_LIMIT}."),
        ],
        responses={200: PropertySerializer(many=True),
                   400: OpenApiResponse(description="The search text is too short, too long, has too many "
                                                    "words or a control character; `message` says so.")},
    )
    def get(self, request):
        try:
            query = bounded_search(request.query_params.get("q", ""))
        except DjangoValidationError as exc:
            raise ValidationError({"q": exc.messages}) from exc
        if not property_selectors.is_search_long_enough(query):
            raise ValidationError(
                _("Type at least %(count)d characters of the address, for example the street name.")
                % {"count": property_selectors.MIN_QUERY_LENGTH}
            )
        found = property_selectors.search_properties(query=query, limit=_limit(request.query_params.get("limit")))
        return Response(PropertySerializer(found, many=True).data)


class PropertyDetailView(APIView):
    """One property from the register."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: PropertySerializer, 404: OpenApiResponse(description="No such property.")})
    def get(self, request, pk):
        try:
            prop = property_selectors.get_property(pk=pk)
        except Property.DoesNotExist as exc:
            raise NotFound(_("There is no property with this id. Search with ?q= to find its id.")) from exc
        return Response(PropertySerializer(prop).data)
