from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEntry(models.Model):
    """An append-only record of a staff member reading or changing data (who, what, when)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=60, db_index=True)
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action} {self.object_type}:{self.object_id}"


class HealthPing(models.Model):
    """Written by a Celery task: proves a task travelled through the broker to the database."""

    token = models.CharField(max_length=64, unique=True)
    received_at = models.DateTimeField(default=timezone.now)
    worker = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return self.token
