from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError

from . import roles, selectors, services


class EmailBackend(ModelBackend):
    """Log in with an e-mail address, case-insensitively.

    Every way in (the login page, the Django admin's login, the API token endpoint) authenticates here,
    so the failed-login throttle lives here: a refused attempt sets ``request.login_wait_seconds`` (and
    ``request.login_unverified`` when the right password belongs to an account not yet confirmed) for
    the form to explain."""

    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        email = email or username
        if not email or password is None:
            return None
        ip = selectors.client_address(request)
        wait = selectors.login_wait_seconds(email=email, ip_address=ip)
        if wait:
            if request is not None:
                request.login_wait_seconds = wait
            raise PermissionDenied  # stops django.contrib.auth.authenticate: no other backend is tried
        User = get_user_model()
        try:
            user = User.objects.get(email__iexact=email.strip())
        except User.DoesNotExist:
            User().set_password(password)  # same work either way, against timing probes
            services.record_failed_login(email=email, ip_address=ip)
            return None
        if user.check_password(password):
            if self.user_can_authenticate(user):
                services.clear_failed_logins(email=email, ip_address=ip)
                return user
            if not user.email_verified and request is not None:
                request.login_unverified = True  # only who knows the password learns this
                return None
        services.record_failed_login(email=email, ip_address=ip)
        return None

    def get_user(self, user_id):
        """The signed-in user of a request, with their roles in the same query."""
        try:
            user = roles.load_user_with_roles(get_user_model(), user_id)
        except ValidationError:  # not a user id at all
            return None
        return user if user is not None and self.user_can_authenticate(user) else None
