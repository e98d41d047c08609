"""Pre-application meetings: the request, the meeting, its minutes (one fixed template, versioned)
and open-house sessions.

A ``Meeting`` is the request and, once scheduled, the meeting itself. Its ``status`` changes only in
``predialogue.services.transitions.transition`` (the one table of allowed changes).
"""

import builtins
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import ApplicationType, Case, DocumentRequirement, Property
from permitportal.core.state_machine import StatusField, StatusModel


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


def _random_sketch_name(instance, filename):
    return f"predialogue/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Meeting(StatusModel):
    """A request for a pre-application meeting, and the meeting once it is scheduled."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Source(models.TextChoices):
        APPLICANT = "applicant", _("The applicant, before applying")
        REFUSAL = "refusal", _("The applicant, after a refusal")
        DIALOGUE_TEAM = "dialogue_team", _("The dialogue team, for a caller")
        OPEN_HOUSE = "open_house", _("An open-house registration")

    status = StatusField(max_length=20, choices=Status.choices, default=Status.REQUESTED, db_index=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.APPLICANT)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="predialogue_meetings",
        help_text="The person the meeting is for, when they have an account (sees it on the portal).",
    )
    on_behalf_of_name = models.CharField(_("caller's name"), max_length=200, blank=True)
    on_behalf_of_email = models.EmailField(_("caller's e-mail"), blank=True)
    on_behalf_of_phone = models.CharField(_("caller's phone"), max_length=40, blank=True)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="da")

    property = models.ForeignKey(Property, on_delete=models.PROTECT, related_name="predialogue_meetings")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             help_text="The case the request came from (for example after a refusal).")
    description = models.TextField(_("project description"))
    questions = models.TextField(_("questions"), blank=True)
    preferred_times = models.TextField(_("preferred times"), blank=True)

    starts_at = models.DateTimeField(null=True, blank=True, db_index=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    place = models.CharField(_("place or video link"), max_length=300, blank=True)
    caseworker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="predialogue_meetings_held")
    attendees = models.TextField(_("other attendees"), blank=True)
    cancel_reason = models.TextField(blank=True)

    # The calendar invitation: one UID for the meeting's life, the sequence raised on every change.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    scheduled_at = models.DateTimeField(null=True, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["property", "applicant"])]

    def __str__(self):
        return f"#{self.pk} {self.property_id} {self.status}"

    @builtins.property  # the field "property" hides the built-in here
    def contact_name(self) -> str:
        if self.on_behalf_of_name:
            return self.on_behalf_of_name
        return self.applicant.get_full_name() if self.applicant_id else ""

    @builtins.property  # the field "property" hides the built-in here
    def contact_email(self) -> str:
        if self.on_behalf_of_email:
            return self.on_behalf_of_email
        return self.applicant.email if self.applicant_id else ""

    @builtins.property  # the field "property" hides the built-in here
    def contact_phone(self) -> str:
        if self.on_behalf_of_phone:
            return self.on_behalf_of_phone
        return self.applicant.phone if self.applicant_id else ""


class LinkedMeeting(models.Model):
    """The meeting whose minutes a case builds on: the case started from them or was linked to them later.
    The promised documents, the caseworker's minutes panel, the continuity warnings and the dialogue team's
    card read it. Not ``Meeting.case`` (the case a meeting request came from): after a refusal the refused
    case is the meeting's ``case`` and the new case builds on its minutes here. The core asks for it
    through ``applications.hooks`` (it knows no meeting)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="linked_meeting")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="linked_cases")

    def __str__(self):
        return f"{self.case_id} -> {self.meeting_id}"


class MeetingEvent(models.Model):
    """What happened to a request: requested, scheduled, rescheduled, cancelled, held, minutes published."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    kind = models.CharField(max_length=30)
    params = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.meeting_id} {self.kind}"


class Sketch(models.Model):
    """A sketch sent with the request: checked like an application's documents, stored under a random name."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sketches")
    file = models.FileField(upload_to=_random_sketch_name, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    kind = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return f"{self.meeting_id}: {self.original_name}"


class Minutes(models.Model):
    """One version of a meeting's minutes, on the one fixed template. Published versions are locked;
    a correction is a new version, and the old one is kept."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    # The template's text sections, in order (the documentation section, the indicated type and the
    # caveat follow "process"). Labels are in predialogue.selectors.MINUTES_SECTIONS.
    TEXT_SECTIONS = ("participants", "project", "zoning_plan", "practice", "placement_and_design",
                     "infrastructure", "other_authorities", "process", "open_questions", "next_steps")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_versions")
    version = models.PositiveIntegerField(default=1)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    participants = models.TextField(blank=True)
    project = models.TextField(blank=True)
    zoning_plan = models.TextField(blank=True)
    practice = models.TextField(blank=True)
    placement_and_design = models.TextField(blank=True)
    infrastructure = models.TextField(blank=True)
    other_authorities = models.TextField(blank=True)
    process = models.TextField(blank=True)
    application_type = models.ForeignKey(ApplicationType, null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+")
    open_questions = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)
    correction_note = models.TextField(blank=True, help_text="For a correction: what changed and why.")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "-version"]
        verbose_name_plural = _("minutes")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "version"], name="one_minutes_per_version"),
            models.UniqueConstraint(fields=["meeting"], condition=models.Q(state="draft"),
                                    name="one_draft_minutes_per_meeting"),
        ]

    def __str__(self):
        return f"{self.meeting_id} v{self.version} {self.state}"

    @property
    def is_locked(self) -> bool:
        return self.state == self.State.PUBLISHED


class MinutesDocument(models.Model):
    """One line of the minutes' documentation section: a requirement the application must include
    (``needed``) or that the meeting found not needed, with a note."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey(DocumentRequirement, on_delete=models.PROTECT, related_name="+")
    needed = models.BooleanField(default=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-needed", "requirement__order", "requirement__code"]
        constraints = [models.UniqueConstraint(fields=["minutes", "requirement"], name="one_line_per_requirement")]

    def __str__(self):
        return f"{self.minutes_id}:{self.requirement_id} {'needed' if self.needed else 'not needed'}"


class ContinuityEvent(models.Model):
    """Counted when a sent information request asks for a document the minutes did not promise (and the
    type's rules do not require), or one the minutes said was not needed."""

    class Kind(models.TextChoices):
        NOT_PROMISED = "not_promised", _("Not in the minutes")
        SAID_NOT_NEEDED = "said_not_needed", _("The minutes said it was not needed")

    information_request = models.ForeignKey("applications.InformationRequest", on_delete=models.CASCADE,
                                            related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="continuity_warnings")
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="+")
    requirement = models.ForeignKey(DocumentRequirement, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    caseworker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["information_request", "requirement"],
                                               name="one_warning_per_request_item")]

    def __str__(self):
        return f"{self.case_id} {self.requirement_id} {self.kind}"


class OpenHouseSession(models.Model):
    """A drop-in session (for example on a Saturday) with a place, a time and a capacity."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300)
    capacity = models.PositiveIntegerField(_("capacity"))
    is_published = models.BooleanField(_("published on the portal"), default=True)
    # The municipality holding the session (issue 19): its staff manage it.
    municipality = models.ForeignKey("applications.Municipality", null=True, on_delete=models.PROTECT,
                                     related_name="open_house_sessions", verbose_name=_("municipality"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self):
        return f"{self.title} {self.starts_at:%Y-%m-%d %H:%M}"


class OpenHouseRegistration(models.Model):
    session = models.ForeignKey(OpenHouseSession, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    description = models.TextField(_("project"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                help_text="The meeting request staff made from this registration.")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="da")
    created_at = models.DateTimeField(default=timezone.now)
    # A place is held only once the address is confirmed through the e-mailed link (or the person registered
    # logged in with that address).
    confirmed_at = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=64, blank=True, db_index=True)
    link_sent_at = models.DateTimeField(null=True, blank=True)
    client_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "email"], name="one_registration_per_email")]

    def __str__(self):
        return f"{self.session_id}: {self.email}"
