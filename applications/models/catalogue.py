"""The catalogue: application types, document requirements and their rules, and the guide.

Shipped as a human-editable data file (``applications/catalogue/catalogue.yaml``), loaded by
``manage.py load_catalogue`` and editable in the admin. Every load records a version; a case keeps
the version its answers were given under.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import BilingualMixin

SOURCE_HELP = ('Where the rule comes from: {"paragraph": "BR18 § 5, stk. 1, nr. 1", "page": "https://...", '
               '"verified": true}; verified false marks a fact not confirmed against its source.')


class CatalogueVersion(models.Model):
    version = models.CharField(max_length=40, unique=True)
    checksum = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now_add=True)
    is_current = models.BooleanField(default=False)
    snapshot = models.JSONField(default=dict, help_text="The loaded data, to compare a draft's answers later.")

    class Meta:
        ordering = ["-loaded_at"]

    def __str__(self):
        return self.version


class ApplicationType(BilingualMixin):
    class Kind(models.TextChoices):
        PERMIT = "permit", _("Permit")
        NOTIFICATION = "notification", _("Notification")

    code = models.SlugField(max_length=60, unique=True)
    name_en = models.CharField(max_length=200)
    name_da = models.CharField(max_length=200)
    summary_en = models.TextField()
    summary_da = models.TextField()
    covers_en = models.TextField(blank=True, help_text="What the type covers, for the public guidance page.")
    covers_da = models.TextField(blank=True)
    class TargetScope(models.TextChoices):
        NATIONAL = "national", _("National service target")
        LOCAL = "local", _("Local service target")

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERMIT)
    service_target_days = models.PositiveIntegerField(help_text="Calendar days from the day the case is complete.")
    service_target_scope = models.CharField(
        max_length=10, choices=TargetScope.choices, default=TargetScope.NATIONAL,
        help_text="National: agreed between the government and the municipalities. Local: the municipality's own "
                  "target (settable per municipality).",
    )
    source = models.JSONField(default=dict, blank=True, help_text=SOURCE_HELP)
    order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.code

    @property
    def name(self):
        return self.tr("name")

    @property
    def summary(self):
        return self.tr("summary")

    @property
    def covers(self):
        return self.tr("covers")

    @property
    def has_local_target(self) -> bool:
        return self.service_target_scope == self.TargetScope.LOCAL


class DocumentRequirement(BilingualMixin):
    code = models.SlugField(max_length=60, unique=True)
    title_en = models.CharField(max_length=200)
    title_da = models.CharField(max_length=200)
    explanation_en = models.TextField(help_text="Why it is needed.")
    explanation_da = models.TextField()
    good_example_en = models.TextField(help_text="What a good one looks like.")
    good_example_da = models.TextField()
    accepted_formats = models.JSONField(default=list, help_text='File kinds, e.g. ["pdf", "png", "jpeg"].')
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.code

    @property
    def title(self):
        return self.tr("title")

    @property
    def explanation(self):
        return self.tr("explanation")

    @property
    def good_example(self):
        return self.tr("good_example")


class RequirementRule(models.Model):
    class Rule(models.TextChoices):
        ALWAYS = "always", _("Always required")
        REQUIRED_IF = "required_if", _("Required if")
        RECOMMENDED = "recommended", _("Recommended")
        RECOMMENDED_IF = "recommended_if", _("Recommended if")
        # Documents required later, at a stage after the permit (issue 18): with the start report or the
        # completion report (always, or when the condition matches). Never part of the application's checklist.
        AT_START = "at_start", _("Required at the start of work")
        AT_START_IF = "at_start_if", _("Required at the start of work if")
        AT_COMPLETION = "at_completion", _("Required at completion")
        AT_COMPLETION_IF = "at_completion_if", _("Required at completion if")

    application_type = models.ForeignKey(ApplicationType, on_delete=models.CASCADE, related_name="rules")
    requirement = models.ForeignKey(DocumentRequirement, on_delete=models.CASCADE, related_name="rules")
    rule = models.CharField(max_length=20, choices=Rule.choices)
    condition = models.JSONField(
        default=dict, blank=True,
        help_text='For the "if" rules: {fact: [values]}; every fact must have one of its values.',
    )
    source = models.JSONField(default=dict, blank=True, help_text=SOURCE_HELP)

    class Meta:
        unique_together = [("application_type", "requirement")]
        ordering = ["application_type", "requirement__order"]

    def __str__(self):
        return f"{self.application_type_id}:{self.requirement_id} {self.rule}"


class GuideOutcome(BilingualMixin):
    class Kind(models.TextChoices):
        APPLICATION = "application", _("Apply with an application type")
        NO_PERMIT = "no_permit", _("No permit needed")
        PREDIALOGUE = "predialogue", _("Book a pre-application meeting first")

    code = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    application_type = models.ForeignKey(ApplicationType, null=True, blank=True, on_delete=models.PROTECT)
    text_en = models.TextField(help_text="Why this is the outcome, in plain words.")
    text_da = models.TextField()
    still_applies_en = models.TextField(blank=True, help_text="For no permit: the rules that still apply.")
    still_applies_da = models.TextField(blank=True)
    must_report_en = models.TextField(blank=True, help_text="For no permit: what must still be reported.")
    must_report_da = models.TextField(blank=True)
    source = models.JSONField(default=dict, blank=True, help_text=SOURCE_HELP)

    def __str__(self):
        return self.code


class GuideQuestion(BilingualMixin):
    code = models.SlugField(max_length=60, unique=True)
    text_en = models.CharField(max_length=300)
    text_da = models.CharField(max_length=300)
    help_en = models.TextField(blank=True)
    help_da = models.TextField(blank=True)
    is_start = models.BooleanField(default=False)
    register_field = models.CharField(
        max_length=40, blank=True,
        help_text="A property-register field that can pre-answer this question (e.g. year_built).",
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self):
        return self.code


class GuideOption(BilingualMixin):
    question = models.ForeignKey(GuideQuestion, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField(max_length=60)
    label_en = models.CharField(max_length=300)
    label_da = models.CharField(max_length=300)
    next_question = models.ForeignKey(GuideQuestion, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="reached_from")
    outcome = models.ForeignKey(GuideOutcome, null=True, blank=True, on_delete=models.PROTECT)
    register_match = models.JSONField(
        default=dict, blank=True,
        help_text='When the question has a register field: the register values that pre-select this option, '
                  'e.g. {"min": 1950, "max": 1977}, {"values": ["kontor"]} or {"present": true}.',
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("question", "code")]
        ordering = ["question", "order"]

    def __str__(self):
        return f"{self.question_id}:{self.code}"
