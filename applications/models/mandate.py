import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from permitportal.core.state_machine import StatusField, StatusModel

from .case import Case
from .property import Property


class Mandate(StatusModel):
    """A digital mandate (fuldmagt): the owner lets the applicant or a representative act for them on
    one case, or on every case on the property, until a date. Asked for from the case page; the owner
    grants or refuses it through a personal link, logged in; the owner can revoke it. A granted mandate
    satisfies the power-of-attorney requirement on the cases it covers. Table:
    ``applications/services/mandate_transitions.py``."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the owner")
        GRANTED = "granted", pgettext_lazy("mandate", "Granted")
        REFUSED = "refused", pgettext_lazy("mandate", "Refused")
        REVOKED = "revoked", pgettext_lazy("mandate", "Revoked")
        EXPIRED = "expired", pgettext_lazy("mandate", "Expired")

    class Scope(models.TextChoices):
        CASE = "case", _("This case")
        PROPERTY = "property", _("All cases on this property")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="mandates")
    property = models.ForeignKey(Property, on_delete=models.PROTECT, related_name="mandates")
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.CASE)
    status = StatusField(max_length=12, choices=Status.choices, default=Status.REQUESTED, db_index=True)
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mandates_held")
    owner_email = models.EmailField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="mandates_given")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    valid_until = models.DateField()
    requested_at = models.DateTimeField(default=timezone.now)
    granted_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.case_id}: {self.agent_id} ({self.status})"
