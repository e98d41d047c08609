"""The municipalities the portal serves, with their contact points (public, as on their own websites)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from applications.selectors import municipalities as municipality_selectors


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Four digits, e.g. 0101.")
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    address = serializers.CharField()
    website = serializers.CharField()
    opening_hours = serializers.CharField()
    colour = serializers.CharField()
    guidance = serializers.CharField(help_text="Local guidance on top of the national catalogue.")


class MunicipalityListView(APIView):
    """Every municipality the portal serves, by code."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: MunicipalitySerializer(many=True)})
    def get(self, request):
        rows = [municipality_selectors.contact_points(m) for m in municipality_selectors.all_municipalities()]
        return Response(MunicipalitySerializer(rows, many=True).data)
