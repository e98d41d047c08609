"""Surveys at every touchpoint, the invitations sent for them and the answers.

- ``Survey``: one per touchpoint, with at most four questions (``Question.position`` 1 to 4, unique
  per survey: the database holds the limit) on a 1 to 5 scale, plus free text. Texts in English and
  Danish, editable in the admin.
- ``Invitation``: one e-mail asking one person about one touchpoint. At most one per touchpoint and
  case, and one per touchpoint and source (the contact, the meeting or the case). Its link carries a
  signed token (``satisfaction.services.make_token``) that needs no login, expires and works once.
- ``Response``: the answers to one invitation (one at most). It copies the invitation's touchpoint,
  channel, customer group, case and month, so the dashboard aggregates one table. The four scores sit
  in the row (``score_1`` to ``score_4``, by question position), so averages need no join.
- ``OptOut``: an e-mail address that asked never to be asked again.
- ``SatisfactionDay``: the invitations sent, declined and answered and the sums of the scores, per day of
  the touchpoint, touchpoint, channel and customer group; counted up by the services in the same
  transaction as each invitation, decline and answer, so the dashboard adds up a few thousand rows.
- ``CaseFacts``: what the KPIs need of each submitted case, with its dates already in local time and
  the result of its first screening, kept in step with the case (``satisfaction.facts.refresh_case_facts``)
  so the dashboard aggregates one narrow, indexed table instead of converting and joining a million cases.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import ApplicationType, Case
from applications.models.i18n import BilingualMixin

MAX_QUESTIONS = 4
SCALE = range(1, 6)


class Touchpoint(models.TextChoices):
    DIALOGUE_CONTACT = "dialogue_contact", _("After a dialogue-team contact")
    PREDIALOGUE_MEETING = "predialogue_meeting", _("After a pre-application meeting")
    SUBMISSION = "submission", _("After submission")
    DECISION = "decision", _("After the decision")
    HEARING_ANSWER = "hearing_answer", _("After answering a hearing")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    DESK = "desk", _("At the desk")
    PORTAL = "portal", _("Portal")
    MEETING = "meeting", _("Meeting")


class Survey(BilingualMixin):
    touchpoint = models.CharField(_("touchpoint"), max_length=30, choices=Touchpoint.choices, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_da = models.CharField(_("title (Danish)"), max_length=200)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_da = models.TextField(_("introduction (Danish)"), blank=True)
    is_active = models.BooleanField(_("send invitations"), default=True,
                                    help_text=_("Untick to stop sending this survey. Answers already given are kept."))

    class Meta:
        ordering = ["touchpoint"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return self.get_touchpoint_display()

    @property
    def title(self):
        return self.tr("title")

    @property
    def intro(self):
        return self.tr("intro")


class Question(BilingualMixin):
    """A 1 to 5 question. ``position`` (1 to 4) says which score column of a response holds its answers."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), help_text=_("1 to 4: the order on the page."))
    text_en = models.CharField(_("question (English)"), max_length=300)
    text_da = models.CharField(_("question (Danish)"), max_length=300)
    low_label_en = models.CharField(_("label for 1 (English)"), max_length=60)
    low_label_da = models.CharField(_("label for 1 (Danish)"), max_length=60)
    high_label_en = models.CharField(_("label for 5 (English)"), max_length=60)
    high_label_da = models.CharField(_("label for 5 (Danish)"), max_length=60)

    class Meta:
        ordering = ["survey", "position"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "position"], name="satisfaction_one_question_per_position"),
            models.CheckConstraint(condition=Q(position__gte=1, position__lte=MAX_QUESTIONS),
                                   name="satisfaction_at_most_four_questions"),
        ]

    def __str__(self):
        return f"{self.survey.touchpoint} {self.position}: {self.text_en}"

    @property
    def text(self):
        return self.tr("text")

    @property
    def low_label(self):
        return self.tr("low_label")

    @property
    def high_label(self):
        return self.tr("high_label")

    @property
    def field_name(self) -> str:
        return f"score_{self.position}"


class Invitation(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Not sent (the person opted out)")

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="invitations")
    touchpoint = models.CharField(max_length=30, choices=Touchpoint.choices)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    customer_group = models.CharField(max_length=20, choices=Case.CustomerGroup.choices)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The municipality the touchpoint was with (issue 19): its managers see the figures.
    municipality = models.ForeignKey("applications.Municipality", null=True, on_delete=models.PROTECT,
                                     related_name="+")
    source_key = models.CharField(max_length=60,
                                  help_text="What the invitation is about: case:1, contact:2, meeting:3.")
    email = models.EmailField()
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="da")
    nonce = models.CharField(max_length=32)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    touchpoint_on = models.DateField(help_text="The day of the touchpoint (local time).")
    month = models.DateField(help_text="The first day of the touchpoint's month.")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["touchpoint", "case"], condition=Q(case__isnull=False),
                                    name="satisfaction_one_invitation_per_touchpoint_and_case"),
            models.UniqueConstraint(fields=["touchpoint", "source_key"],
                                    name="satisfaction_one_invitation_per_touchpoint_and_source"),
        ]
        indexes = [
            models.Index(fields=["state", "created_at"], name="satisfaction_inv_state"),
            models.Index(fields=["email", "touchpoint", "created_at"], name="satisfaction_inv_email"),
        ]

    def __str__(self):
        return f"{self.touchpoint} {self.source_key} {self.state}"


class Response(models.Model):
    invitation = models.OneToOneField(Invitation, on_delete=models.PROTECT, related_name="response")
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    touchpoint = models.CharField(max_length=30, choices=Touchpoint.choices)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    customer_group = models.CharField(max_length=20, choices=Case.CustomerGroup.choices)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    municipality = models.ForeignKey("applications.Municipality", null=True, on_delete=models.PROTECT,
                                     related_name="+")
    touchpoint_on = models.DateField()
    month = models.DateField()
    score_1 = models.PositiveSmallIntegerField(null=True, blank=True)
    score_2 = models.PositiveSmallIntegerField(null=True, blank=True)
    score_3 = models.PositiveSmallIntegerField(null=True, blank=True)
    score_4 = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.CheckConstraint(condition=Q(score_1__isnull=True) | Q(score_1__gte=1, score_1__lte=5),
                                   name="satisfaction_score_1_scale"),
            models.CheckConstraint(condition=Q(score_2__isnull=True) | Q(score_2__gte=1, score_2__lte=5),
                                   name="satisfaction_score_2_scale"),
            models.CheckConstraint(condition=Q(score_3__isnull=True) | Q(score_3__gte=1, score_3__lte=5),
                                   name="satisfaction_score_3_scale"),
            models.CheckConstraint(condition=Q(score_4__isnull=True) | Q(score_4__gte=1, score_4__lte=5),
                                   name="satisfaction_score_4_scale"),
        ]
        indexes = [
            models.Index(fields=["-created_at"], name="satisfaction_resp_recent",
                         condition=~Q(comment="")),
        ]

    def __str__(self):
        return f"{self.touchpoint} {self.month:%Y-%m}"

    def scores(self) -> dict[int, int | None]:
        return {position: getattr(self, f"score_{position}") for position in range(1, MAX_QUESTIONS + 1)}


class OptOut(models.Model):
    """Never ask this address again (stored lower-cased)."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("opt-out")
        verbose_name_plural = _("opt-outs")

    def __str__(self):
        return self.email


class CaseFacts(models.Model):
    """One row per submitted case: the figures the KPIs are computed from. Derived data, never edited:
    ``satisfaction.facts.refresh_case_facts`` writes it from the case after every change on the case's
    timeline, a periodic sweep catches anything missed, and ``manage.py rebuild_dashboard_figures`` rebuilds it all."""

    case = models.OneToOneField(Case, primary_key=True, on_delete=models.CASCADE, related_name="+")
    # No index of its own: the (application_type, processing_days) index below starts with it.
    application_type = models.ForeignKey(ApplicationType, null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="+", db_index=False)
    # The case's municipality, so that a municipality's figures read this table alone (issue 19). No index of its
    # own: the three (municipality, date) indexes below start with it.
    municipality = models.ForeignKey("applications.Municipality", null=True, on_delete=models.CASCADE,
                                     related_name="+", db_constraint=False, db_index=False)
    submitted_on = models.DateField(null=True, help_text="Local date.")
    completed_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    processing_days = models.IntegerField(
        null=True, blank=True, help_text="decided_on - completed_on, in days, the days paused after completion "
                                         "excluded.")
    promised_on = models.DateField(null=True, blank=True, help_text="The first expected decision date.")
    expected_on = models.DateField(null=True, blank=True, help_text="The current expected decision date.")
    # From applications.services.clock.timeliness, the function that draws the badges.
    decided_by_first_date = models.BooleanField(null=True, blank=True)
    decided_by_current_date = models.BooleanField(null=True, blank=True)
    screening_days = models.IntegerField(null=True, blank=True,
                                         help_text="Days until found complete, the paused days excluded.")
    screened_late = models.BooleanField(null=True, blank=True,
                                        help_text="Finding it complete took longer than the screening allowance.")
    first_screening_ok = models.BooleanField(null=True, blank=True,
                                             help_text="The first screening found every item fine; empty: not "
                                                       "screened yet.")
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("case figures")
        verbose_name_plural = _("case figures")
        indexes = [
            models.Index(fields=["submitted_on"], include=["first_screening_ok"], name="satisfaction_facts_sub"),
            models.Index(fields=["decided_on"], include=["application_type", "processing_days", "promised_on",
                                                         "expected_on", "decided_by_first_date",
                                                         "decided_by_current_date"],
                         condition=Q(decided_on__isnull=False), name="satisfaction_facts_dec"),
            # In (type, days) order: the percentiles per type read it without sorting.
            models.Index(fields=["application_type", "processing_days"],
                         include=["decided_on", "promised_on", "expected_on", "decided_by_first_date",
                                  "decided_by_current_date"],
                         condition=Q(decided_on__isnull=False), name="satisfaction_facts_days"),
            models.Index(fields=["completed_on"], include=["screened_late"], condition=Q(completed_on__isnull=False),
                         name="satisfaction_facts_screened"),
            # A manager's figures (one municipality, or a few) and the national view's (grouped by municipality):
            # the same columns behind the municipality, so each reads its own rows from the index alone. Over
            # 98 municipalities a manager's KPIs read the whole table without them, København's as slowly as
            # the whole country's, and the national medians read the table in index order row by row (1.3 s).
            models.Index(fields=["municipality", "decided_on"],
                         include=["application_type", "processing_days", "promised_on", "expected_on",
                                  "decided_by_first_date", "decided_by_current_date"],
                         condition=Q(decided_on__isnull=False), name="satisfaction_facts_mun_dec"),
            models.Index(fields=["municipality", "submitted_on"], include=["first_screening_ok"],
                         name="satisfaction_facts_mun_sub"),
            models.Index(fields=["municipality", "completed_on"], include=["screened_late"],
                         condition=Q(completed_on__isnull=False), name="satisfaction_facts_mun_scr"),
        ]

    def __str__(self):
        return f"{self.case_id}"


COUNTERS = ("invitations", "declined", "responses", "score_sum_1", "score_count_1", "score_sum_2", "score_count_2",
            "score_sum_3", "score_count_3", "score_sum_4", "score_count_4")


class SatisfactionDay(models.Model):
    """Counts for one day of touchpoints, one touchpoint, channel and customer group. Derived data: the
    services add to it as invitations are sent, declined and answered (``satisfaction.services``);
    ``manage.py rebuild_dashboard_figures`` recounts it from the invitations and responses."""

    day = models.DateField()
    month = models.DateField()
    touchpoint = models.CharField(max_length=30, choices=Touchpoint.choices)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    customer_group = models.CharField(max_length=20, choices=Case.CustomerGroup.choices)
    municipality = models.ForeignKey("applications.Municipality", on_delete=models.CASCADE, related_name="+",
                                     db_constraint=False)
    invitations = models.PositiveIntegerField(default=0, help_text="Invitations sent.")
    declined = models.PositiveIntegerField(default=0)
    responses = models.PositiveIntegerField(default=0)
    score_sum_1 = models.PositiveIntegerField(default=0)
    score_count_1 = models.PositiveIntegerField(default=0)
    score_sum_2 = models.PositiveIntegerField(default=0)
    score_count_2 = models.PositiveIntegerField(default=0)
    score_sum_3 = models.PositiveIntegerField(default=0)
    score_count_3 = models.PositiveIntegerField(default=0)
    score_sum_4 = models.PositiveIntegerField(default=0)
    score_count_4 = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("satisfaction per day")
        verbose_name_plural = _("satisfaction per day")
        constraints = [
            models.UniqueConstraint(fields=["day", "touchpoint", "channel", "customer_group", "municipality"],
                                    name="satisfaction_one_count_per_day_group_municipality"),
        ]

    def __str__(self):
        return f"{self.day} {self.touchpoint} {self.channel} {self.customer_group}"
