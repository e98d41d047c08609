"""The dialogue team's data: the case search index, the contact log and forwarded questions."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import Advisory, Case


class CaseSearchEntry(models.Model):
    """One row per submitted case: everything the lookup searches, in one lower-cased text.

    Kept in step with Case, Property and User by the receivers in ``dialogueteam.search``; rebuilt
    in full by ``manage.py rebuild_case_search``. On PostgreSQL ``words`` has two partial GIN
    indexes (as an array), one over open and one over finished cases (migration 0003): a fragment is
    looked up among the ``SearchWord`` vocabulary, and the cases holding a word that contains it come
    from the index without reading the table. Drafts have no entry: the dialogue team
    never finds a draft.
    """

    case = models.OneToOneField(Case, primary_key=True, on_delete=models.CASCADE, related_name="search_entry")
    search_text = models.TextField()
    # The distinct runs of letters and of digits in search_text, space-separated (``search.words_of``).
    words = models.TextField(default="", blank=True)
    # Neighbouring words of search_text ("nørrebrogade 12", "hanne jensen"), comma-separated (``search.pairs_of``).
    pairs = models.TextField(default="", blank=True)
    is_open = models.BooleanField(default=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The case's municipality, so that the lookup's scope is in its one statement (issue 19).
    # No index of its own: the search reads entries from its word and pair indexes and filters them.
    municipality = models.ForeignKey("applications.Municipality", null=True, on_delete=models.CASCADE,
                                     related_name="+", db_constraint=False, db_index=False)

    class Meta:
        verbose_name = _("case search entry")
        verbose_name_plural = _("case search entries")

    def __str__(self):
        return f"{self.case_id}: {self.search_text[:60]}"


class SearchWord(models.Model):
    """Every word that occurs in some case's search entry: the lookup's vocabulary.

    A fragment is first found among the words (a few thousand letters-words and the numbers, with
    a trigram index on PostgreSQL), then the cases holding one of those words through the entries'
    word index. Words are added as entries are written and never removed: a word no case holds any
    more only costs a look in the index.
    """

    word = models.CharField(max_length=255, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word


class Contact(models.Model):
    """A contact with the dialogue team: a call, an e-mail, a visit at the desk or a question in the portal."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")
        DESK = "desk", _("At the desk")
        PORTAL = "portal", _("Portal")

    class Topic(models.TextChoices):
        STATUS = "status", _("Where the case is")
        DOCUMENTS = "documents", _("Documents and requirements")
        PERMIT_NEEDED = "permit_needed", _("Whether a permit is needed")
        APPLYING = "applying", _("How to apply")
        PREDIALOGUE = "predialogue", _("Pre-application meeting")
        DECISION = "decision", _("The decision and appeals")
        OTHER = "other", _("Something else")

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    customer_group = models.CharField(_("customer group"), max_length=20, choices=Case.CustomerGroup.choices)
    resolved_first_contact = models.BooleanField(_("resolved at first contact"), default=False)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts")
    summary = models.TextField(_("note"), blank=True)
    # The municipality the contact was with: the case's, else the dialogue team member's (issue 19).
    municipality = models.ForeignKey("applications.Municipality", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    caller_name = models.CharField(_("caller's name"), max_length=200, blank=True)
    caller_email = models.EmailField(_("caller's e-mail"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    # A question asked in the portal (channel "portal"): who asked, and the dialogue team's answer.
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="questions_asked")
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["channel", "answered_at"], name="dialogue_contact_open_q")]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.channel} {self.topic}"

    @property
    def is_question(self) -> bool:
        return self.channel == self.Channel.PORTAL and self.asked_by_id is not None


class Forward(models.Model):
    """A question the dialogue team forwarded to the case's caseworker (or the triage queue), and the answer."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="forwards")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="forwards")
    question = models.TextField(_("question"))
    forwarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    forwarded_at = models.DateTimeField(default=timezone.now)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="forwards_received",
                                  help_text="The caseworker; empty for the triage queue.")
    due_at = models.DateTimeField(db_index=True)
    advisory = models.ForeignKey(Advisory, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_seen_at = models.DateTimeField(null=True, blank=True)
    overdue_advised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-forwarded_at", "-id"]
        indexes = [models.Index(fields=["answered_at", "due_at"], name="dialogue_forward_open")]
        verbose_name = _("forwarded question")
        verbose_name_plural = _("forwarded questions")

    def __str__(self):
        return f"{self.case_id}: {self.question[:40]}"

    def is_overdue(self, now=None) -> bool:
        return self.answered_at is None and self.due_at < (now or timezone.now())
