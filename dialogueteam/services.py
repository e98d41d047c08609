"""Every write of the dialogue team: lookups and card reads (logged), the contact log, forwarded
questions and their answers, questions from the case page, and help codes for drafts.

Keyword-only arguments, one transaction each. The HTML views and the API call these functions.
"""

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from applications.models import Advisory, Case
from applications.selectors.cases import cases_owned_by, staff_cases
from applications.services import events
from applications.services.advisories import mark_read, raise_advisory
from applications.services.clock import is_working_day
from dialogueteam import search, selectors
from dialogueteam.models import Contact, Forward
from dialogueteam.signals import contact_logged
from permitportal.accounts import roles
from permitportal.core import audit
from permitportal.core.errors import Invalid

S = Case.Status

LOOKUP_ROLES = (roles.DIALOGUE_TEAM, roles.CASEWORKER, roles.MANAGER)
CONTACT_ROLES = (roles.DIALOGUE_TEAM, roles.MANAGER)
ANSWER_FORWARD_ROLES = (roles.CASEWORKER, roles.MANAGER)

HELP_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud
HELP_CODE_LENGTH = 6
MAX_QUESTION_LENGTH = 2000
MAX_OPEN_QUESTIONS = 5


class DialogueError(Invalid):
    """Input a person can fix; the message says how (the API answers 400)."""


def _require(user, allowed: tuple[str, ...]) -> None:
    if not roles.has_role(user, *allowed):
        raise PermissionDenied(_("You do not have access to this."))


def can_look_up(user) -> bool:
    return roles.has_role(user, *LOOKUP_ROLES)


def forward_norm_working_days() -> int:
    return getattr(settings, "DIALOGUE_FORWARD_NORM_WORKING_DAYS", 2)


def help_code_minutes() -> int:
    return getattr(settings, "DIALOGUE_HELP_CODE_MINUTES", 30)


def add_working_days(start: datetime, days: int) -> datetime:
    """The same time of day ``days`` working days later (Monday to Friday, not a Danish public holiday: the
    clock's ``is_working_day``), in local time."""
    current = timezone.localtime(start)
    added = 0
    while added < days:
        current += timedelta(days=1)
        if is_working_day(current.date()):
            added += 1
    return current


# --- Lookup and card (each read is written to the audit log) --------------------------------------------------------

LOOKUP_ACTION = "case_lookup"
# The read log's detail: the references shown, in their order, after this; or the other when none were.
_SHOWN, _NONE_SHOWN = "cases: ", "no cases"


def lookup(*, user, query: str) -> search.Lookup:
    """Search the cases and log who searched for what and which cases they saw.

    Raises PermissionDenied for anyone but the dialogue team, caseworkers and managers, and
    ``search.QueryTooShort`` for a search with no word of three characters.
    """
    _require(user, LOOKUP_ROLES)
    entry = {"actor": user, "action": LOOKUP_ACTION, "object_type": "case_search"}
    if audit.records_in_statement():  # PostgreSQL: the search writes its own log entry, one statement
        def read_log(sql, params, *, query_text):
            return audit.select_and_record(sql, params, **entry, object_id=query_text[:60], listed="reference",
                                           limit=search.RESULT_LIMIT, prefix=_SHOWN, empty=_NONE_SHOWN)

        return search.search_cases(query=query, user=user, read_log=read_log)
    result = search.search_cases(query=query, user=user)
    shown = " ".join(case.reference for case in result.cases)
    audit.record(**entry, object_id=result.query[:60], detail=_SHOWN + shown if shown else _NONE_SHOWN)
    return result


def read_case_card(*, user, reference: str) -> dict:
    """The case card (Http404 for a draft or an unknown reference); the read is logged."""
    _require(user, LOOKUP_ROLES)
    case = selectors.get_card_case(user=user, reference=reference)
    audit.record(actor=user, action="read_case_card", object_type="case", object_id=case.reference)
    return selectors.case_card(case=case)


def find_case_for_contact(*, user, reference: str | None) -> Case | None:
    """The case a contact is about, by its reference, among the user's municipalities' cases; None for
    an empty reference."""
    reference = (reference or "").strip().upper()
    if not reference:
        return None
    case = staff_cases(user=user).select_related("caseworker", "property").filter(reference=reference).first()
    if case is None:
        raise DialogueError(_("There is no case with the reference %(reference)s. Check it, or leave the case "
                              "empty.") % {"reference": reference})
    return case


# --- Contact log and forwarding -------------------------------------------------------------------------------------

def _check_choice(value: str, choices, message: str) -> None:
    if value not in choices.values:
        raise DialogueError(message)


@transaction.atomic
def log_contact(*, actor, channel: str, topic: str, customer_group: str, case: Case | None = None,
                summary: str = "", resolved_first_contact: bool = False, forward_question: str = "",
                caller_name: str = "", caller_email: str = "") -> Contact:
    """Write a contact to the log; with ``forward_question`` also forward it to the caseworker.

    A forwarded contact is by definition not resolved at first contact. ``contact_logged`` is sent
    after commit.
    """
    _require(actor, CONTACT_ROLES)
    _check_choice(channel, Contact.Channel, _("Choose how the person contacted us."))
    _check_choice(topic, Contact.Topic, _("Choose what the contact was about."))
    _check_choice(customer_group, Case.CustomerGroup, _("Choose the customer group."))
    if case is not None and case.status == S.DRAFT:
        raise DialogueError(_("A draft cannot be linked to a contact. Ask the applicant for a help code."))
    if case is not None and not staff_cases(user=actor).filter(pk=case.pk).exists():
        raise DialogueError(_("There is no case with the reference %(reference)s. Check it, or leave the case "
                              "empty.") % {"reference": case.reference})
    summary = (summary or "").strip()
    forward_question = (forward_question or "").strip()
    if len(summary) > 5000 or len(forward_question) > MAX_QUESTION_LENGTH:
        raise DialogueError(_("The text is too long. Keep the note under 5000 and the question under 2000 "
                              "characters."))
    contact = Contact.objects.create(
        channel=channel, topic=topic, customer_group=customer_group, case=case, summary=summary,
        resolved_first_contact=bool(resolved_first_contact) and not forward_question,
        caller_name=(caller_name or "").strip()[:200], caller_email=(caller_email or "").strip(),
        created_by=actor, municipality_id=(case.property.municipality_id if case is not None
                                           else actor.municipalities.order_by("code").values_list("pk", flat=True)
                                           .first()),
    )
    if forward_question:
        forward_to_caseworker(contact=contact, actor=actor, question=forward_question)
    transaction.on_commit(lambda: contact_logged.send(sender=Contact, contact=contact, actor=actor))
    return contact


def _forward_params(forward: Forward, question: str) -> dict:
    params = {"question": question[:300], "forward_id": forward.pk,
              "answer_url": reverse("dialogueteam:forward", args=[forward.pk]),
              "due": timezone.localtime(forward.due_at).date().isoformat()}
    if forward.case_id is None:
        params["reference"] = "–"
    return params


@transaction.atomic
def forward_to_caseworker(*, contact: Contact, actor, question: str) -> Forward:
    """Forward a question to the case's caseworker (the triage queue when the case has none or the
    contact has no case) as an advisory; the answer is due within the service norm."""
    _require(actor, CONTACT_ROLES)
    question = (question or "").strip()
    if not question:
        raise DialogueError(_("Write the question for the caseworker."))
    if len(question) > MAX_QUESTION_LENGTH:
        raise DialogueError(_("The question is too long. Keep it under 2000 characters."))
    case = contact.case
    recipient = case.caseworker if case is not None and case.caseworker_id else None
    now = timezone.now()
    forward = Forward.objects.create(contact=contact, case=case, question=question, forwarded_by=actor,
                                     forwarded_at=now, recipient=recipient,
                                     due_at=add_working_days(now, forward_norm_working_days()))
    forward.advisory = raise_advisory(kind=Advisory.Kind.FORWARDED_QUESTION, case=case, recipient=recipient,
                                      params=_forward_params(forward, question), dedupe_key=f"forward:{forward.pk}",
                                      municipality_id=contact.municipality_id)
    forward.save(update_fields=["advisory"])
    if case is not None:
        events.record(case=case, kind="question_forwarded", actor=actor, is_public=False,
                      params={"forward": forward.pk}, note=question)
    return forward


@transaction.atomic
def answer_forward(*, forward: Forward, actor, answer: str) -> Forward:
    """The caseworker's answer to a forwarded question; the dialogue team sees it on their pages."""
    _require(actor, ANSWER_FORWARD_ROLES)
    answer = (answer or "").strip()
    if not answer:
        raise DialogueError(_("Write your answer to the question."))
    if len(answer) > 5000:
        raise DialogueError(_("The answer is too long. Keep it under 5000 characters."))
    locked = Forward.objects.select_for_update().get(pk=forward.pk)
    if locked.answered_at is not None:
        raise DialogueError(_("This question is already answered."))
    locked.answer = answer
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answer", "answered_by", "answered_at"])
    if locked.advisory_id:
        advisory = Advisory.objects.filter(pk=locked.advisory_id).first()
        if advisory is not None:
            mark_read(advisory=advisory, user=actor)
    if locked.case_id:
        events.record(case=locked.case, kind="forward_answered", actor=actor, is_public=False,
                      params={"forward": locked.pk}, note=answer)
    for name in ("answer", "answered_by", "answered_at"):
        setattr(forward, name, getattr(locked, name))
    return locked


def mark_answer_seen(*, forward: Forward, user) -> None:
    """The dialogue team has read the caseworker's answer: it leaves the list of new answers."""
    if forward.answered_at and forward.answer_seen_at is None and roles.has_role(user, *CONTACT_ROLES):
        forward.answer_seen_at = timezone.now()
        Forward.objects.filter(pk=forward.pk, answer_seen_at__isnull=True).update(answer_seen_at=forward.answer_seen_at)


def sweep_overdue_forwards(*, now=None) -> int:
    """Advise once on every forwarded question not answered within the service norm."""
    now = now or timezone.now()
    days = forward_norm_working_days()
    count = 0
    overdue = (Forward.objects.filter(answered_at__isnull=True, overdue_advised_at__isnull=True, due_at__lt=now)
               .select_related("case", "case__caseworker", "case__property", "recipient", "contact"))
    for forward in overdue:
        with transaction.atomic():
            language = forward.recipient.preferred_language if forward.recipient else settings.LANGUAGE_CODE
            with translation.override(language):
                text = _("Not answered within %(days)d working days: %(question)s") % {
                    "days": days, "question": forward.question[:250]}
            params = {**_forward_params(forward, text), "overdue": True}
            raise_advisory(kind=Advisory.Kind.FORWARDED_QUESTION, case=forward.case, recipient=forward.recipient,
                           params=params, dedupe_key=f"forward-overdue:{forward.pk}",
                           municipality_id=forward.contact.municipality_id)
            Forward.objects.filter(pk=forward.pk).update(overdue_advised_at=now)
        count += 1
    return count


# --- Questions from the case page -----------------------------------------------------------------------------------

@transaction.atomic
def ask_about_case(*, case: Case, user, question: str) -> Contact:
    """An applicant (or representative) asks the dialogue team about their case from the case page."""
    if not cases_owned_by(user=user).filter(pk=case.pk).exists():
        raise PermissionDenied(_("You can only ask about your own cases."))
    if case.status == S.DRAFT:
        raise DialogueError(_("Send the application first. Until then, call the dialogue team and give them a "
                              "help code."))
    question = (question or "").strip()
    if not question:
        raise DialogueError(_("Write your question."))
    if len(question) > MAX_QUESTION_LENGTH:
        raise DialogueError(_("Your question is too long. Keep it under 2000 characters."))
    waiting = Contact.objects.filter(case=case, channel=Contact.Channel.PORTAL, asked_by__isnull=False,
                                     answered_at__isnull=True).count()
    if waiting >= MAX_OPEN_QUESTIONS:
        raise DialogueError(_("You have %(count)d questions on this case we have not answered yet. We answer them "
                              "first; if it is urgent, call the dialogue team.") % {"count": waiting})
    return Contact.objects.create(channel=Contact.Channel.PORTAL, topic=Contact.Topic.OTHER,
                                  customer_group=case.customer_group, case=case, summary=question,
                                  asked_by=user, created_by=user, municipality_id=case.property.municipality_id)


def _require_question(contact: Contact) -> None:
    if not contact.is_question:
        raise DialogueError(_("This contact is not a question from the portal."))


@transaction.atomic
def answer_question(*, contact: Contact, actor, answer: str) -> Contact:
    """The dialogue team answers a question from the case page: it shows there and is e-mailed to
    the person who asked, in their language."""
    from dialogueteam import tasks

    _require(actor, CONTACT_ROLES)
    _require_question(contact)
    answer = (answer or "").strip()
    if not answer:
        raise DialogueError(_("Write the answer to the question."))
    if len(answer) > 5000:
        raise DialogueError(_("The answer is too long. Keep it under 5000 characters."))
    locked = Contact.objects.select_for_update().get(pk=contact.pk)
    if locked.answered_at is not None:
        raise DialogueError(_("This question is already answered."))
    locked.answer = answer
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    locked.resolved_first_contact = not locked.forwards.exists()
    locked.save(update_fields=["answer", "answered_by", "answered_at", "resolved_first_contact"])
    tasks.enqueue(tasks.send_question_answer, locked.pk)
    transaction.on_commit(lambda: contact_logged.send(sender=Contact, contact=locked, actor=actor))
    for name in ("answer", "answered_by", "answered_at", "resolved_first_contact"):
        setattr(contact, name, getattr(locked, name))
    return locked


@transaction.atomic
def forward_question(*, contact: Contact, actor, question: str = "") -> Forward:
    """Forward a question from the case page to the caseworker (the applicant's words unless rephrased)."""
    _require_question(contact)
    if contact.answered_at is not None:
        raise DialogueError(_("This question is already answered."))
    return forward_to_caseworker(contact=contact, actor=actor, question=question or contact.summary)


def send_question_answer(*, contact_id: int) -> bool:
    """E-mail the answer to the person who asked, once (a second run sends nothing)."""
    from permitportal.core.notifications import send_templated_email

    with transaction.atomic():
        contact = (Contact.objects.select_for_update(of=("self",)).select_related("case", "asked_by")
                   .filter(pk=contact_id).first())
        if contact is None or not contact.answered_at or contact.answer_emailed_at or not contact.asked_by:
            return False
        person = contact.asked_by
        link = settings.SITE_URL + reverse("applications:case_detail", args=[contact.case.reference]) + "#questions"
        send_templated_email(to=[person.email], template="dialogueteam/email/question_answered",
                             context={"question": contact, "case": contact.case, "person": person, "link": link},
                             language=person.preferred_language)
        contact.answer_emailed_at = timezone.now()
        contact.save(update_fields=["answer_emailed_at"])
        return True


# --- Help codes for drafts ------------------------------------------------------------------------------------------

def _new_code() -> str:
    return "".join(secrets.choice(HELP_CODE_ALPHABET) for _ in range(HELP_CODE_LENGTH))


@transaction.atomic
def issue_help_code(*, case: Case, user, now=None) -> str:
    """A short code the applicant reads to the dialogue team so they can see the draft, for
    DIALOGUE_HELP_CODE_MINUTES (30) minutes. A new code replaces the old one."""
    if not cases_owned_by(user=user).filter(pk=case.pk).exists():
        raise PermissionDenied(_("You can only get a help code for your own application."))
    if case.status != S.DRAFT:
        raise DialogueError(_("The application is sent, so the dialogue team can already find it by its "
                              "reference."))
    now = now or timezone.now()
    for _attempt in range(10):
        code = _new_code()
        if not Case.objects.filter(help_code=code, help_code_expires_at__gt=now).exists():
            break
    expires = now + timedelta(minutes=help_code_minutes())
    Case.objects.filter(pk=case.pk).update(help_code=code, help_code_expires_at=expires)
    case.help_code, case.help_code_expires_at = code, expires
    return code


def open_draft_with_help_code(*, user, code: str) -> Case:
    """The draft a valid help code opens, read-only; Http404 otherwise. The read is logged."""
    _require(user, LOOKUP_ROLES)
    case = selectors.draft_for_help_code(user=user, code=code)
    audit.record(actor=user, action="read_draft_with_help_code", object_type="case", object_id=case.reference)
    return case


def sweep_unsent_answers(*, enqueue, older_than_minutes: int = 10) -> int:
    """Enqueue the e-mail of answers that were never sent."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    ids = list(Contact.objects.filter(answered_at__lt=cutoff, answer_emailed_at__isnull=True, asked_by__isnull=False)
               .values_list("pk", flat=True)[:500])
    for contact_id in ids:
        enqueue(contact_id)
    return len(ids)
