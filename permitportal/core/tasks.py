import socket

from celery import shared_task

from .models import HealthPing


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def record_ping(self, token: str):
    """Idempotent: a ping with the same token is stored once."""
    HealthPing.objects.get_or_create(token=token, defaults={"worker": socket.gethostname()})
    return token
