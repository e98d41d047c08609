"""Questions from the case page, and help codes that let the dialogue team see a draft for a while."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from applications.models import Advisory, Case
from dialogueteam import selectors, services
from dialogueteam.models import Contact
from dialogueteam.signals import contact_logged
from permitportal.core.models import AuditEntry
from tests.factories import UserFactory


def answer_mails(case):
    """The answer e-mails about this case (other apps may send their own, a survey for one)."""
    return [m for m in mail.outbox if case.reference in m.subject and "#questions" in m.body]


def render_include(name, case, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(f"dialogueteam/includes/{name}.html", {"case": case}, request=request)


# --- Questions from the case page -----------------------------------------------------------------------------------

def test_applicant_asks_and_the_dialogue_team_answers_by_page_and_email(client, make_case, dialogue_member,
                                                                         django_capture_on_commit_callbacks):
    case = make_case(status="in_review")
    owner = case.applicant
    owner.preferred_language = "da"
    owner.save(update_fields=["preferred_language"])

    client.force_login(owner)
    response = client.post(reverse("dialogueteam:ask", args=[case.reference]),
                           {"question": "Hvornår får jeg svar på min carport?"})
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:case_detail", args=[case.reference]) + "#questions"
    question = Contact.objects.get()
    assert (question.channel, question.case, question.asked_by, question.customer_group) == (
        "portal", case, owner, case.customer_group)
    assert question in selectors.open_questions(user=dialogue_member)

    client.force_login(dialogue_member)
    page = client.get(reverse("dialogueteam:questions")).content.decode()
    assert case.reference in page and "carport" in page
    url = reverse("dialogueteam:question", args=[question.pk])
    assert "Write your answer." in client.post(url, {"action": "answer", "answer-answer": ""}).content.decode()
    assert Contact.objects.get().answered_at is None
    signals = []
    contact_logged.connect(lambda sender, contact, actor, **kw: signals.append((contact.pk, actor)), weak=False,
                           dispatch_uid="test-answer")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"action": "answer", "answer-answer": "Vi svarer inden 14 dage & mere."})
    finally:
        contact_logged.disconnect(dispatch_uid="test-answer")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answered_by == dialogue_member and question.resolved_first_contact is True
    assert question.answer_emailed_at is not None
    assert signals == [(question.pk, dialogue_member)]

    [message] = answer_mails(case)
    assert message.to == [owner.email]
    assert case.reference in message.subject
    assert "Vi svarer inden 14 dage & mere." in message.body, "plain text, not HTML-escaped"
    assert reverse("applications:case_detail", args=[case.reference]) in message.body

    shown = selectors.questions_for_case(case=case)
    assert [(q["question"], q["answer"]) for q in shown] == [
        ("Hvornår får jeg svar på min carport?", "Vi svarer inden 14 dage & mere.")]
    html = render_include("case_questions", case, owner)
    assert "Vi svarer inden 14 dage &amp; mere." in html
    assert reverse("dialogueteam:ask", args=[case.reference]) in html
    assert 'for="id_question_question"' in html and 'id="id_question_question"' in html


def test_answer_email_goes_out_once(make_case, dialogue_member, django_capture_on_commit_callbacks):
    case = make_case()
    question = services.ask_about_case(case=case, user=case.applicant, question="When?")
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_question(contact=question, actor=dialogue_member, answer="Soon.")
    assert len(answer_mails(case)) == 1
    assert services.send_question_answer(contact_id=question.pk) is False
    assert len(answer_mails(case)) == 1


def test_the_email_is_in_the_applicants_language(make_case, dialogue_member, django_capture_on_commit_callbacks):
    case = make_case()
    case.applicant.preferred_language = "da"
    case.applicant.save(update_fields=["preferred_language"])
    question = services.ask_about_case(case=case, user=case.applicant, question="Hvornår?")
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_question(contact=question, actor=dialogue_member, answer="Snart.")
    [message] = answer_mails(case)
    assert "Vores svar:" in message.body
    assert "Svar på dit spørgsmål om" in message.subject


def test_the_dialogue_team_forwards_a_question(client, make_case, dialogue_member, caseworker):
    case = make_case(status="in_review", caseworker=caseworker)
    question = services.ask_about_case(case=case, user=case.applicant, question="Can I use red bricks?")
    client.force_login(dialogue_member)
    url = reverse("dialogueteam:question", args=[question.pk])
    client.post(url, {"action": "forward", "forward-question": "Applicant asks: red bricks allowed?"})
    forward = question.forwards.get()
    assert forward.recipient == caseworker and forward.question == "Applicant asks: red bricks allowed?"
    assert Advisory.objects.filter(kind="forwarded_question", recipient=caseworker).exists()
    services.answer_forward(forward=forward, actor=caseworker, answer="Yes, the zoning plan allows it.")
    page = client.get(url).content.decode()
    assert "Yes, the zoning plan allows it." in page, "the caseworker's answer is shown and offered as the answer"
    client.post(url, {"action": "answer", "answer-answer": "Yes, red bricks are allowed."})
    question.refresh_from_db()
    assert question.answer == "Yes, red bricks are allowed." and question.resolved_first_contact is False


def test_only_the_applicant_or_representative_may_ask(client, make_case, other_applicant, dialogue_member):
    case = make_case()
    client.force_login(other_applicant)
    assert client.post(reverse("dialogueteam:ask", args=[case.reference]), {"question": "Hi?"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.ask_about_case(case=case, user=dialogue_member, question="Hi?")
    assert not Contact.objects.exists()


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_bad_questions_get_a_message(client, make_case, question):
    case = make_case()
    client.force_login(case.applicant)
    response = client.post(reverse("dialogueteam:ask", args=[case.reference]), {"question": question}, follow=True)
    assert response.status_code == 200
    assert "alert-danger" in response.content.decode()
    assert not Contact.objects.exists()


def test_no_questions_on_a_draft_and_at_most_five_waiting(make_case):
    draft = make_case(status="draft")
    with pytest.raises(services.DialogueError):
        services.ask_about_case(case=draft, user=draft.applicant, question="Hi?")
    case = make_case()
    for n in range(services.MAX_OPEN_QUESTIONS):
        services.ask_about_case(case=case, user=case.applicant, question=f"Question {n}?")
    with pytest.raises(services.DialogueError, match="5 questions"):
        services.ask_about_case(case=case, user=case.applicant, question="One more?")


@pytest.mark.parametrize("count", [1, 6])
def test_questions_pages_and_selector_queries_are_bounded(client, make_case, dialogue_member, count,
                                                          django_assert_max_num_queries):
    case = make_case()
    for n in range(count):
        other = make_case()
        services.ask_about_case(case=other, user=other.applicant, question=f"Q{n}?")
        Contact.objects.create(channel="portal", topic="other", customer_group="private", case=case,
                               summary=f"Q{n}?", asked_by=case.applicant, answer="A.", answered_at=timezone.now())
    with django_assert_max_num_queries(1):
        assert len(selectors.questions_for_case(case=case)) == count
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:contacts"))
    with django_assert_max_num_queries(6):
        assert client.get(reverse("dialogueteam:questions")).status_code == 200
    question = Contact.objects.filter(answered_at__isnull=True).first()
    with django_assert_max_num_queries(7):
        assert client.get(reverse("dialogueteam:question", args=[question.pk])).status_code == 200


# --- Help codes for drafts ------------------------------------------------------------------------------------------

def test_help_code_opens_the_draft_read_only_for_a_while(client, make_case, dialogue_member):
    draft = make_case(status="draft", description="A carport of 30 m² beside the house.")
    client.force_login(dialogue_member)
    assert client.get(reverse("dialogueteam:card", args=[draft.reference])).status_code == 404, "no code, no draft"

    client.force_login(draft.applicant)
    html = render_include("help_code", draft, draft.applicant)
    assert "Get a help code" in html and reverse("dialogueteam:help_code_create", args=[draft.reference]) in html
    response = client.post(reverse("dialogueteam:help_code_create", args=[draft.reference]),
                           {"next": reverse("applications:draft_edit", args=[draft.reference])})
    assert response.status_code == 302
    draft.refresh_from_db()
    code = draft.help_code
    assert len(code) == 6 and code.isalnum() and code.isupper()
    expires_in = draft.help_code_expires_at - timezone.now()
    assert timedelta(minutes=29) < expires_in <= timedelta(minutes=30)
    assert code in render_include("help_code", draft, draft.applicant)

    client.force_login(dialogue_member)
    response = client.post(reverse("dialogueteam:help_enter"), {"code": f" {code[:3].lower()}-{code[3:]} "})
    assert response.status_code == 302 and response["Location"] == reverse("dialogueteam:help_draft", args=[code])
    page = client.get(response["Location"]).content.decode()
    assert draft.reference in page and "A carport of 30 m² beside the house." in page
    assert "<form" not in page.split("<main")[1].split("</main>")[0], "read-only: no forms in the page's content"
    assert AuditEntry.objects.filter(action="read_draft_with_help_code", object_id=draft.reference,
                                     actor=dialogue_member).exists()

    Case.objects.filter(pk=draft.pk).update(help_code_expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("dialogueteam:help_draft", args=[code])).status_code == 404
    response = client.post(reverse("dialogueteam:help_enter"), {"code": code})
    assert response.status_code == 200 and "not valid or has expired" in response.content.decode()


def test_a_new_code_replaces_the_old_and_codes_stop_at_submission(make_case, dialogue_member):
    draft = make_case(status="draft")
    first = services.issue_help_code(case=draft, user=draft.applicant)
    second = services.issue_help_code(case=draft, user=draft.applicant)
    assert selectors.draft_for_help_code(user=dialogue_member, code=second).pk == draft.pk
    if first != second:
        with pytest.raises(Http404):
            selectors.draft_for_help_code(user=dialogue_member, code=first)
    sent = make_case(status="submitted")
    with pytest.raises(services.DialogueError):
        services.issue_help_code(case=sent, user=sent.applicant)


def test_only_the_owner_gets_a_code_and_only_staff_use_it(client, make_case, other_applicant):
    draft = make_case(status="draft")
    with pytest.raises(PermissionDenied):
        services.issue_help_code(case=draft, user=other_applicant)
    client.force_login(other_applicant)
    assert client.post(reverse("dialogueteam:help_code_create", args=[draft.reference])).status_code == 404
    code = services.issue_help_code(case=draft, user=draft.applicant)
    assert client.get(reverse("dialogueteam:help_draft", args=[code])).status_code == 403
    assert client.get(reverse("dialogueteam:help_enter")).status_code == 403


def test_help_draft_queries_are_bounded(client, make_case, dialogue_member, django_assert_max_num_queries):
    draft = make_case(status="draft")
    code = services.issue_help_code(case=draft, user=draft.applicant)
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:help_enter"))
    with django_assert_max_num_queries(10):
        assert client.get(reverse("dialogueteam:help_draft", args=[code])).status_code == 200


def test_wrong_codes_get_404(client, dialogue_member, db):
    client.force_login(dialogue_member)
    for code in ("AAAAAA", "-", "ÆØÅ123"):
        assert client.get(reverse("dialogueteam:help_draft", args=[code])).status_code == 404


def test_representatives_may_get_a_code(make_case):
    from applications.models import CaseRepresentative

    draft = make_case(status="draft")
    architect = UserFactory(role="applicant")
    CaseRepresentative.objects.create(case=draft, email=architect.email, user=architect, accepted_at=timezone.now())
    assert services.issue_help_code(case=draft, user=architect)
