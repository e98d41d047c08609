"""The national login through OpenID Connect (mozilla-django-oidc), beside e-mail and password.

The library runs the authorisation-code flow (state, nonce, PKCE) and checks the ID token; this module
decides which account the identity logs in to (``services_identity``) and puts the login through the
same failed-login throttle as the password (``selectors.login_wait_seconds``): per client address, as
no e-mail address is known before the provider has answered."""

import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import selectors, services
from .backends import EmailBackend
from .services_identity import IdentityRefused, log_in_national_identity
from .views import remember_language

logger = logging.getLogger(__name__)

# What a failed national login is recorded under in the throttle's table (never an e-mail address).
THROTTLE_KEY = "national-login"


class NationalLoginBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        callback = request is not None and request.GET.get("code") and request.GET.get("state")
        if not callback or not selectors.national_login_enabled():
            return None  # not a national-login callback (a password login asks every backend)
        ip = selectors.client_address(request)
        wait = selectors.login_wait_seconds(email=THROTTLE_KEY, ip_address=ip)
        if wait:
            request.login_wait_seconds = wait
            raise PermissionDenied
        try:
            user = super().authenticate(request, **kwargs)
        except (requests.RequestException, SuspiciousOperation) as exc:
            logger.warning("national login failed: %s", exc)
            user = None
        if user is None:
            services.record_failed_login(email=THROTTLE_KEY, ip_address=ip)
        return user

    def verify_claims(self, claims):
        return bool(claims.get(settings.OIDC_CLAIM_PERSON_ID))

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise SuspiciousOperation("no person identifier in the claims")
        try:
            return log_in_national_identity(claims=claims, language=translation.get_language() or "da")
        except IdentityRefused as exc:
            self.request.national_login_refused = str(exc)
            return None

    def get_user(self, user_id):
        return EmailBackend().get_user(user_id)


class NationalLoginCallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer: a refusal (or any failure) goes back to the login page with a sentence
    that says what happened."""

    def login_failure(self):
        request = self.request
        if getattr(request, "national_login_refused", None):
            messages.error(request, request.national_login_refused)
        elif getattr(request, "login_wait_seconds", None):
            wait = request.login_wait_seconds
            messages.error(request, ngettext("Too many failed attempts. Try again in %(seconds)d second.",
                                             "Too many failed attempts. Try again in %(seconds)d seconds.",
                                             wait) % {"seconds": wait})
        else:
            messages.error(request, _("You were not logged in with the national login."))
        return redirect("accounts:login")

    def login_success(self):
        response = super().login_success()
        translation.activate(self.user.preferred_language)
        remember_language(response, self.user.preferred_language)
        return response


class NationalLoginStartView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider; there is no national login where none is configured."""

    def get(self, request):
        if not selectors.national_login_enabled():
            raise Http404
        return super().get(request)
