"""Reads for accounts."""

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from .models import ApiToken, LoginAttempt, NationalIdentity, token_hash


def client_address(request) -> str | None:
    """The client's address: ``REMOTE_ADDR``, or behind ``TRUSTED_PROXY_COUNT`` proxies of our own the
    address the outermost of them saw (the last proxies' entries in X-Forwarded-For are theirs to write;
    anything further left is the client's to invent, so it is never read)."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies][:45] or None
    return request.META.get("REMOTE_ADDR") or None


def _wait(count: int, last, free: int, now) -> int:
    """Seconds still to wait after ``count`` failures, the last at ``last``: none for the first ``free``,
    then a delay that doubles with every further failure, up to ``LOGIN_DELAY_MAX_SECONDS``."""
    if count < free or last is None:
        return 0
    delay = min(settings.LOGIN_DELAY_SECONDS * 2 ** (count - free), settings.LOGIN_DELAY_MAX_SECONDS)
    return max(0, int((last - now).total_seconds() + delay + 0.999))


def login_wait_seconds(*, email: str, ip_address: str | None) -> int:
    """How long this e-mail address from this client address must wait before its password is checked
    again (0: check it now). Failures count per account and address, so an attacker slows down only
    themself and never locks the owner out from the owner's own address; and per client address over
    every account, with a larger allowance, against one client trying many accounts."""
    now = timezone.now()
    recent = LoginAttempt.objects.filter(at__gte=now - settings.LOGIN_FAILURE_WINDOW)
    email = (email or "").strip().lower()
    free = settings.LOGIN_FAILURE_LIMIT
    pair = recent.filter(email=email, ip_address=ip_address).aggregate(n=Count("id"), last=Max("at"))
    wait = _wait(pair["n"], pair["last"], free, now)
    if ip_address:
        address = recent.filter(ip_address=ip_address).aggregate(n=Count("id"), last=Max("at"))
        wait = max(wait, _wait(address["n"], address["last"], free * 4, now))
    return wait


def user_for_api_token(*, key: str):
    """The active user an unexpired API token belongs to, or None."""
    row = (ApiToken.objects.select_related("user")
           .filter(key_hash=token_hash(key), expires_at__gt=timezone.now()).first())
    return row.user if row is not None and row.user.is_active else None


def national_login_enabled() -> bool:
    """Whether the national login (OpenID Connect) is configured (``OIDC_RP_CLIENT_ID`` and the endpoints)."""
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT)


def national_identity_of(user):
    """The national login linked to ``user`` (shown to its owner only), or None."""
    return NationalIdentity.objects.filter(user=user).first()
