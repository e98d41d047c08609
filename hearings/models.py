"""Hearings of neighbours, parties and authorities on a case in review (issue 17).

A ``Hearing`` is open until its deadline (extendable with a reason the applicant sees) and is then
closed by the sweep, or early by the caseworker when every party has answered. Each ``Party`` gets a
personal signed link (``services.links``); its ``status`` says whether it has answered. Both statuses
change only through ``hearings.services.transitions``.
"""

import builtins
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Case, Document, Property
from applications.models.municipality import default_municipality_id
from permitportal.core.state_machine import StatusField, StatusModel


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


def _random_attachment_name(instance, filename):
    return f"hearings/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Authority(models.Model):
    """An authority a municipality hears (fire, roads, environment, museum, heritage): each municipality keeps
    its own list in the admin (issue 17 item 1, issue 19)."""

    municipality = models.ForeignKey("applications.Municipality", on_delete=models.CASCADE,
                                     related_name="authorities", verbose_name=_("municipality"),
                                     default=default_municipality_id)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("authorities")

    def __str__(self):
        return self.name


class Hearing(StatusModel):
    class Kind(models.TextChoices):
        NEIGHBOURS = "neighbours", _("Neighbours")
        PARTIES = "parties", _("Parties")
        AUTHORITY = "authority", _("Authority")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hearings")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = StatusField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    deadline = models.DateField()
    message = models.TextField()
    documents = models.ManyToManyField(Document, related_name="+", blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_early = models.BooleanField(default=False)
    extension_reason = models.TextField(blank=True, help_text="Shown to the applicant.")
    ready_advised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.deadline}"


class Party(StatusModel):
    """A person or authority heard, and their answer."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Not answered")
        ANSWERED = "answered", _("Answered")

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    property = models.ForeignKey(Property, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 help_text="A neighbour's property, picked from the register.")
    authority = models.ForeignKey(Authority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    on_paper = models.BooleanField(_("sent a letter on paper"), default=False)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="da")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = StatusField(max_length=20, choices=Status.choices, default=Status.INVITED, db_index=True)
    no_objection = models.BooleanField(default=False)
    comment = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    late = models.BooleanField(default=False)
    first_opened_at = models.DateTimeField(null=True, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    weighing = models.TextField(_("how the objection was weighed"), blank=True)
    decision_sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name

    @builtins.property
    def objected(self) -> bool:
        return self.status == self.Status.ANSWERED and not self.no_objection


class Attachment(models.Model):
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_random_attachment_name, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    kind = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class HearingEvent(models.Model):
    """The hearing's log: started, extended, closed, a link opened, an answer given, a reminder sent."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="events")
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    params = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.kind} {self.at:%Y-%m-%d}"

    @builtins.property
    def label(self) -> str:
        from .texts import EVENTS

        return str(EVENTS.get(self.kind, self.kind))
