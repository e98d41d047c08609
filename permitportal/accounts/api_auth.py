"""API token authentication against the hashed, expiring tokens of ``accounts.models.ApiToken``."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from . import selectors


class ApiTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``, as before; the key is looked up by its SHA-256."""

    def authenticate_credentials(self, key):
        user = selectors.user_for_api_token(key=key)
        if user is None:
            raise exceptions.AuthenticationFailed(_("This token is not valid or has expired. Ask for a new one."))
        return (user, key)
