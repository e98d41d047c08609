"""Reads for accounts."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import LoginAttempt


def login_is_throttled(*, email: str, ip_address: str | None) -> bool:
    """True when this e-mail address or client address has failed too often recently."""
    since = timezone.now() - settings.LOGIN_FAILURE_WINDOW
    limit = settings.LOGIN_FAILURE_LIMIT
    email = (email or "").strip().lower()
    recent = LoginAttempt.objects.filter(at__gte=since)
    if recent.filter(email=email).count() >= limit:
        return True
    if ip_address and recent.filter(~Q(email=email), ip_address=ip_address).count() >= limit * 4:
        return True
    return False
