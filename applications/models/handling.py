"""The municipality's side of a case: screening, information requests, advisories, decisions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .case import Case, private_storage
from .catalogue import DocumentRequirement


def _letter_name(instance, filename):
    import uuid

    return f"decisions/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class ScreeningRun(models.Model):
    """One screening of a case. A run with the same input fingerprint as the last one is not repeated."""

    class Trigger(models.TextChoices):
        SUBMISSION = "submission", _("Submission")
        UPLOAD = "upload", _("New document")
        TYPE_CHANGE = "type_change", _("Application type changed")
        SWEEP = "sweep", _("Periodic sweep")
        MANUAL = "manual", _("Requested by staff")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="screenings")
    trigger = models.CharField(max_length=20, choices=Trigger.choices)
    fingerprint = models.CharField(max_length=64)
    checked_at = models.DateTimeField(default=timezone.now)
    ok_count = models.PositiveIntegerField(default=0)
    total_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-checked_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["case", "fingerprint"], name="one_screening_per_input")]

    def __str__(self):
        return f"{self.case_id} {self.checked_at:%Y-%m-%d %H:%M} {self.ok_count}/{self.total_count}"


class ScreeningResult(models.Model):
    class Result(models.TextChoices):
        OK = "ok", _("Fine")
        MISSING = "missing", _("Missing")
        UNREADABLE = "unreadable", _("Cannot be read")
        WRONG_TYPE = "wrong_type", _("File type not accepted")
        CLAIM_PENDING = "claim_pending", _("Marked not relevant: to be checked")
        CLAIM_ACCEPTED = "claim_accepted", _("Not relevant: accepted")
        CLAIM_REJECTED = "claim_rejected", _("Not relevant: rejected")
        RECOMMENDED_MISSING = "recommended_missing", _("Recommended, not sent")
        SAME_FILE = "same_file", _("The same file as another document")

    run = models.ForeignKey(ScreeningRun, on_delete=models.CASCADE, related_name="results")
    requirement = models.ForeignKey(DocumentRequirement, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    field = models.CharField(max_length=40, blank=True, help_text="A form field checked, when not a requirement.")
    result = models.CharField(max_length=30, choices=Result.choices)
    message = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.requirement_id or self.field}: {self.result}"

    @property
    def is_ok(self):
        return self.result in (self.Result.OK, self.Result.CLAIM_ACCEPTED, self.Result.RECOMMENDED_MISSING)


class InformationRequest(models.Model):
    class Kind(models.TextChoices):
        DOCUMENTATION = "documentation", _("Request for documentation")
        DEFICIENCY_PAUSING = "deficiency_pausing", _("Deficiency: the clock is paused")
        DEFICIENCY_NOT_STARTED = "deficiency_not_started", _("Deficiency: the clock has not started")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="information_requests")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.DOCUMENTATION)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    message = models.TextField(blank=True)
    due_date = models.DateField(null=True, blank=True)
    from_screening = models.ForeignKey(ScreeningRun, null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="drafted_requests")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    status_before = models.CharField(max_length=30, blank=True, help_text="The status to return to when answered.")
    overdue_advised_at = models.DateTimeField(null=True, blank=True)
    continuity_warning = models.BooleanField(
        default=False, help_text="Asks for something the pre-application minutes did not promise.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.state}"


class InformationRequestItem(models.Model):
    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="items")
    requirement = models.ForeignKey(DocumentRequirement, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        unique_together = [("request", "requirement")]

    def __str__(self):
        return f"{self.request_id}:{self.requirement_id}"


class Advisory(models.Model):
    """A message to a caseworker, or to the triage queue when ``recipient`` is empty."""

    class Kind(models.TextChoices):
        CASE_SCREENED = "case_screened", _("Case screened")
        SUPPLEMENTARY_MATERIAL = "supplementary_material", _("Supplementary material received")
        TARGET_AT_RISK = "target_at_risk", _("Service target at risk")
        REQUEST_OVERDUE = "request_overdue", _("Information request overdue")
        FORWARDED_QUESTION = "forwarded_question", _("Question forwarded by the dialogue team")
        MINUTES_LINKED = "minutes_linked", _("Pre-application minutes linked")
        SCREENING_DUE = "screening_due", _("Screening deadline tomorrow or passed")
        APPEAL_LODGED = "appeal_lodged", _("Appeal lodged: send it to the appeals body")
        COMPLETION_REPORTED = "completion_reported", _("Completion reported: check it and finish the case")
        HEARING_READY = "hearing_ready", _("Hearing ready")

    kind = models.CharField(max_length=30, choices=Kind.choices)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="advisories")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="advisories")
    # Whose triage queue: the case's municipality, or (without a case) the one given (issue 19).
    municipality = models.ForeignKey("applications.Municipality", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="+")
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    dedupe_key = models.CharField(max_length=120, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        verbose_name_plural = _("advisories")

    def __str__(self):
        return f"{self.kind} {self.case_id}"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Granted")
        GRANTED_WITH_CONDITIONS = "granted_with_conditions", _("Granted with conditions")
        REFUSED = "refused", _("Refused")
        NO_PERMIT_REQUIRED = "no_permit_required", _("No permit required")

    # None once an appeals body remitted it: the case then keeps it in ``remitted_decisions`` and gets a new one.
    case = models.OneToOneField(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="decision")
    remitted_case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="remitted_decisions")
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    conditions = models.TextField(blank=True)
    reasons = models.TextField()
    guidance = models.TextField(blank=True, help_text="For a refusal: what could be changed.")
    planning_act = models.BooleanField(
        default=False, help_text="The decision also rules under the planning act (e.g. a dispensation from the "
                                 "local plan): the letter names Planklagenævnet for that part.")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    language = models.CharField(max_length=8, default="da")
    letter = models.FileField(upload_to=_letter_name, storage=private_storage, blank=True, max_length=200)
    letter_sha256 = models.CharField(max_length=64, blank=True)

    def __str__(self):
        return f"{self.case_id}: {self.outcome}"


class InternalNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.case_id} note {self.created_at:%Y-%m-%d}"
