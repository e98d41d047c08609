"""API foundations: JSON errors a person can act on, the renderers of file endpoints, and the token endpoint."""

import json

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.permissions import BasePermission
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView, set_rollback
from rest_framework.views import exception_handler as drf_exception_handler

from permitportal.accounts import services as account_services
from permitportal.accounts.api_auth import ApiTokenAuthentication
from permitportal.accounts.forms import LoginForm
from permitportal.core import limits
from permitportal.core.errors import DomainError, api_body


class Conflict(APIException):
    """409 raised by a view itself (a service raises ``permitportal.core.errors.NotAllowed``)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "This action is not possible in the case's current status."
    default_code = "conflict"


class PDFRenderer(BaseRenderer):
    """Lets a file endpoint answer ``Accept: application/pdf`` (not 406); its errors stay JSON text."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return json.dumps(data, default=str).encode("utf-8")


# Every endpoint that answers a PDF: the file for ``application/pdf``, ``*/*`` or no Accept, JSON errors.
PDF_RENDERERS = [JSONRenderer, PDFRenderer]


def _flatten(detail):
    if isinstance(detail, dict):
        parts = []
        for field, value in detail.items():
            text = " ".join(_flatten(value)) if isinstance(value, list | dict) else str(value)
            parts.append(text if field in ("non_field_errors", "detail") else f"{field}: {text}")
        return parts
    if isinstance(detail, list):
        out = []
        for item in detail:
            out.extend(_flatten(item))
        return out
    return [str(detail)]


def exception_handler(exc, context):
    """Every error is JSON with ``message`` (a sentence for a person) and, for fields, ``errors``.

    The one place the API maps the domain errors: ``NotAllowed`` answers 409, ``Invalid`` 400
    (permitportal.core.errors)."""
    if isinstance(exc, DomainError):
        set_rollback()
        return Response(api_body(exc), status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = serializers.ValidationError(exc.messages)
    elif isinstance(exc, Http404):
        return Response({"message": _("Not found."), "code": "not_found"}, status=404)
    elif isinstance(exc, PermissionDenied):
        return Response({"message": _("You do not have access to this."), "code": "permission_denied"},
                        status=403)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    body = {"message": " ".join(_flatten(detail)) or str(exc), "code": getattr(exc, "default_code", "error")}
    if isinstance(detail, dict) and not set(detail) <= {"detail"}:
        body["errors"] = detail
    response.data = body
    return response


class PostOrAuthenticated(BasePermission):
    def has_permission(self, request, view):
        return request.method == "POST" or request.user.is_authenticated


class TokenView(APIView):
    """Exchange an e-mail address and password for an API token (POST); drop every token of the
    caller (DELETE). A token works ``API_TOKEN_DAYS`` days and stops when the password changes."""

    permission_classes = [PostOrAuthenticated]
    authentication_classes = [ApiTokenAuthentication]  # never the session: no CSRF on a login

    @extend_schema(
        request=inline_serializer("TokenRequest", {"email": serializers.EmailField(max_length=limits.EMAIL),
                                                   "password": serializers.CharField(max_length=limits.PASSWORD)}),
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField(),
                                                            "expires_at": serializers.DateTimeField()})},
    )
    def post(self, request):
        if not hasattr(request.data, "get"):  # a JSON list, string or number instead of an object
            return Response({"message": _("Send the e-mail address and password as a JSON object."),
                             "code": "invalid_credentials"}, status=400)
        form = LoginForm(data=request.data, request=request._request)
        if not form.is_valid():
            messages = [str(e) for errs in form.errors.values() for e in errs]
            return Response({"message": " ".join(messages), "code": "invalid_credentials"}, status=400)
        key, token = account_services.issue_api_token(user=form.user)
        return Response({"token": key, "expires_at": token.expires_at})

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        account_services.revoke_api_tokens(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
