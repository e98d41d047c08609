"""An appeal against a decision: lodged within the appeal period, sent to the appeals body, ended by its
outcome. ``status`` changes only in ``services.appeals`` (its own small state machine)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from permitportal.core.state_machine import StatusField, StatusModel

from .case import Case, Document, private_storage
from .handling import Decision


class Appeal(StatusModel):
    class Status(models.TextChoices):
        LODGED = "lodged", _("Lodged")
        FORWARDED = "forwarded", _("Sent to the appeals body")
        UPHELD = "upheld", _("Upheld")
        OVERTURNED = "overturned", _("Overturned")
        REMITTED = "remitted", _("Remitted for a new decision")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Channel(models.TextChoices):
        PORTAL = "portal", _("In the portal")
        LETTER = "letter", _("By letter, recorded by staff")

    class Role(models.TextChoices):
        APPLICANT = "applicant", _("The applicant")
        PARTY = "party", _("A party")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appeals")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="appeals")
    status = StatusField(max_length=20, choices=Status.choices, default=Status.LODGED, db_index=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.PORTAL)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.APPLICANT)
    appellant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="appeals")
    appellant_name = models.CharField(max_length=200)
    appellant_email = models.EmailField(blank=True)
    grounds = models.TextField()
    received_on = models.DateField(help_text="The day the appeal reached the municipality.")
    lodged_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    attachments = models.ManyToManyField(Document, blank=True, related_name="appeals")
    sent_on = models.DateField(null=True, blank=True, help_text="The day it was sent to the appeals body.")
    forwarded_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    outcome_note = models.TextField(blank=True)

    OPEN = (Status.LODGED, Status.FORWARDED)

    class Meta:
        ordering = ["lodged_at", "id"]

    def __str__(self):
        return f"{self.case_id}: appeal {self.pk} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


def _occupancy_name(instance, filename):
    import uuid

    return f"occupancy/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class OccupancyPermit(models.Model):
    """The permit to take the finished work into use (BR18 § 43, stk. 1), in the holder's language."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="occupancy_permit")
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    language = models.CharField(max_length=8, default="da")
    pdf = models.FileField(upload_to=_occupancy_name, storage=private_storage, max_length=200)
    sha256 = models.CharField(max_length=64)

    def __str__(self):
        return f"{self.case_id}: occupancy permit"


class StageDocument(models.Model):
    """A document the holder sends with the start report or the completion report (the catalogue's "at_start"
    and "at_completion" rules), stored as a ``Document`` through the same upload checks as an application's
    documents; the caseworker accepts it or refuses it with a reason (issue 18)."""

    class Stage(models.TextChoices):
        START = "start", _("Start of work")
        COMPLETION = "completion", _("Completion")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for our check")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stage_documents")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    requirement = models.ForeignKey("applications.DocumentRequirement", on_delete=models.PROTECT, related_name="+")
    document = models.OneToOneField("applications.Document", on_delete=models.CASCADE, related_name="stage_document")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["stage", "uploaded_at", "pk"]
        indexes = [models.Index(fields=["case", "stage", "status"])]

    def __str__(self):
        return f"{self.case_id}: {self.stage} {self.requirement_id} ({self.status})"
