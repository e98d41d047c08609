import secrets
import uuid

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from permitportal.core.state_machine import StatusField, StatusModel

from .catalogue import ApplicationType, DocumentRequirement
from .property import Property


class ReferenceCounter(models.Model):
    """The last case number given out per year (B-2026-00042)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class Case(StatusModel):
    """An application, from draft to decision. ``status`` changes only in services.transitions (any other
    write of it fails at run time: permitportal.core.state_machine)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        AWAITING_INFORMATION = "awaiting_information", _("Awaiting information")
        COMPLETE = "complete", _("Complete")
        IN_REVIEW = "in_review", _("In review")
        DECIDED = "decided", _("Decided")
        APPEALED = "appealed", _("Under appeal")
        PERMITTED = "permitted", _("Permit in force")
        WORK_STARTED = "work_started", _("Work started")
        LAPSED = "lapsed", _("Permit lapsed")
        COMPLETION_REPORTED = "completion_reported", _("Completion reported")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class CustomerGroup(models.TextChoices):
        PRIVATE = "private", _("Private customer")
        PROFESSIONAL = "professional", _("Professional advisor")
        OWNER = "owner", _("Owner")

    class ApplyingFor(models.TextChoices):
        SELF = "self", _("Myself (I own the property)")
        OTHER = "other", _("Someone else (I need their power of attorney)")

    reference = models.CharField(max_length=20, unique=True)
    status = StatusField(max_length=30, choices=Status.choices, default=Status.DRAFT, db_index=True)
    # No index of its own: applications_case_prop_dates (Meta) starts with it.
    property = models.ForeignKey(Property, on_delete=models.PROTECT, related_name="cases", db_index=False)
    application_type = models.ForeignKey(ApplicationType, null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="cases")
    answers = models.JSONField(default=dict, blank=True)
    # The project's size in numbers, from the first step (PROJECT_FACTS): {"built_area_m2": 28, "height_m": 3.5, ...}
    project_facts = models.JSONField(default=dict, blank=True)
    catalogue_version = models.CharField(max_length=40, blank=True)
    description = models.TextField(blank=True)
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases")
    applying_for = models.CharField(max_length=10, choices=ApplyingFor.choices, default=ApplyingFor.SELF)
    owner_name = models.CharField(max_length=200, blank=True)
    owner_email = models.EmailField(blank=True)
    customer_group = models.CharField(max_length=20, choices=CustomerGroup.choices, default=CustomerGroup.PRIVATE)
    caseworker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="assigned_cases")

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    draft_expires_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True, help_text="The day the work started, as the holder reported.")
    completed_on = models.DateField(null=True, blank=True, help_text="The day the work was completed, as reported.")
    completion_reported_at = models.DateTimeField(null=True, blank=True)
    bbr_updated_at = models.DateTimeField(null=True, blank=True,
                                          help_text="When the caseworker ticked off updating the building register.")

    # The service clock (see services.clock).
    first_expected_decision_date = models.DateField(null=True, blank=True)
    expected_decision_date = models.DateField(null=True, blank=True, db_index=True)
    clock_paused_since = models.DateField(null=True, blank=True)
    paused_days = models.PositiveIntegerField(default=0)
    extension_days = models.PositiveIntegerField(default=0)
    # The service target this case was given at submission: the type's national target, or the municipality's
    # local target for a type without a national one (issue 19). Kept, so a later change of the local target
    # never moves a date silently; empty on cases from before it was kept (the type's target then applies).
    service_target_days = models.PositiveIntegerField(null=True, blank=True)
    paused_days_after_complete = models.PositiveIntegerField(
        default=0, help_text="The paused days after the case was found complete (not counted as processing time).")
    screening_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Days from submission until found complete, the paused days excluded.")

    receipt_sent_at = models.DateTimeField(null=True, blank=True)

    help_code = models.CharField(max_length=12, blank=True)
    help_code_expires_at = models.DateTimeField(null=True, blank=True)

    # Issue 20: a case made on a firm's behalf belongs to the firm (its current members see and work on it).
    firm = models.ForeignKey("accounts.Firm", null=True, blank=True, on_delete=models.PROTECT, related_name="cases")
    # Assisted digital: the dialogue-team member who started the draft for the applicant, and the applicant's
    # confirmation through their link (services.assisted). The staff member may edit it until then.
    assisted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="assisted_cases")
    assisted_link_sent_at = models.DateTimeField(null=True, blank=True)
    assisted_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "expected_decision_date"]),
            # A property's cases, and a municipality's (through its properties, issue 19): the dashboard's
            # information requests and decided cases read the case id and dates from the index alone
            # (København's 100,000 cases of 1,000,000: 300 ms of row fetches a query without it).
            models.Index(fields=["property"], include=["id", "submitted_at", "decided_at"],
                         name="applications_case_prop_dates"),
        ]

    def __str__(self):
        return self.reference


class CaseRepresentative(models.Model):
    """Someone acting for the applicant (architect, engineer), invited by e-mail."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="representatives")
    email = models.EmailField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="representations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    invited_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        unique_together = [("case", "email")]

    def __str__(self):
        return f"{self.case_id}: {self.email}"


class ChecklistItem(models.Model):
    """One requirement on one case: required or recommended, and where it stands."""

    class State(models.TextChoices):
        MISSING = "missing", _("Missing")
        UPLOADED = "uploaded", _("Uploaded")
        NOT_RELEVANT = "not_relevant", _("Not relevant")
        MANDATE = "mandate", _("Covered by a digital mandate")

    class Claim(models.TextChoices):
        NONE = "", _("No claim")
        PENDING = "pending", _("Waiting for the caseworker")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="checklist")
    requirement = models.ForeignKey(DocumentRequirement, on_delete=models.PROTECT, related_name="+")
    required = models.BooleanField(default=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.MISSING)
    not_relevant_reason = models.TextField(blank=True)
    not_relevant_claim = models.CharField(max_length=10, choices=Claim.choices, blank=True, default="")
    agreed_at_meeting = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True, help_text="False when a type change made it no longer apply.")

    class Meta:
        unique_together = [("case", "requirement")]
        ordering = ["-required", "requirement__order"]

    def __str__(self):
        return f"{self.case_id}:{self.requirement_id} {self.state}"


class _PrivateStorage(Storage):
    """Delegates every call to ``storages["private"]`` at call time, so a change of the STORAGES
    setting (per test, or per environment) is honoured instead of being fixed at import."""

    @staticmethod
    def _target():
        return storages["private"]


for _name in ("open", "save", "delete", "exists", "listdir", "size", "url", "path", "get_available_name",
              "get_valid_name", "get_alternative_name", "generate_filename", "get_accessed_time",
              "get_created_time", "get_modified_time"):
    setattr(_PrivateStorage, _name,
            (lambda name: lambda self, *args, **kwargs: getattr(self._target(), name)(*args, **kwargs))(_name))

_PRIVATE_STORAGE = _PrivateStorage()


def private_storage():
    return _PRIVATE_STORAGE


def _random_upload_name(instance, filename):
    return f"cases/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Document(models.Model):
    """An uploaded file, stored under a random name in private storage; a new version supersedes."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey(DocumentRequirement, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    file = models.FileField(upload_to=_random_upload_name, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    kind = models.CharField(max_length=10, help_text="pdf, png or jpeg, from the file's bytes")
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="supersedes")
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at"]
        indexes = [models.Index(fields=["case", "requirement", "superseded_at"])]

    def __str__(self):
        return f"{self.case_id}: {self.original_name}"

    @property
    def is_current(self):
        return self.superseded_at is None


class CaseEvent(models.Model):
    """The append-only timeline. Public text is rendered from ``kind`` and ``params`` in the
    reader's language (services.events); ``internal_note`` is for staff only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    kind = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    is_public = models.BooleanField(default=True)
    internal_note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.case_id} {self.at:%Y-%m-%d %H:%M} {self.kind}"


class NotificationSent(models.Model):
    """One row per message sent to a person about a case: makes notification tasks idempotent."""

    key = models.CharField(max_length=120, unique=True)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notifications")
    channel = models.CharField(max_length=10)
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.key
