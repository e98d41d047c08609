"""What every app's Celery tasks share: ``RETRY`` (retried with back-off) and ``enqueue`` (sent after
commit), and the health check's ping."""

import logging
import socket

from celery import shared_task
from django.db import transaction

from .models import HealthPing

logger = logging.getLogger(__name__)

RETRY = {"autoretry_for": (Exception,), "retry_backoff": True, "retry_backoff_max": 600, "max_retries": 8}


def enqueue(task, *args, **kwargs):
    """Send ``task`` once the current transaction commits. If the broker is unreachable the work is
    not lost: the data is committed and the periodic sweeps pick it up."""

    def _send():
        try:
            task.apply_async(args=args, kwargs=kwargs)
        except Exception:  # noqa: BLE001 - broker down: the sweep re-enqueues
            logger.warning("Could not enqueue %s%r; the periodic sweep will retry", task.name, args, exc_info=True)

    transaction.on_commit(_send)


@shared_task(bind=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def record_ping(self, token: str):
    """Idempotent: a ping with the same token is stored once."""
    HealthPing.objects.get_or_create(token=token, defaults={"worker": socket.gethostname()})
    return token
