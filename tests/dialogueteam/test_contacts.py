"""The contact log, forwarding to the caseworker, the caseworker's answer and the service norm."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from applications.models import Advisory, CaseEvent
from applications.selectors.advisories import advisory_text, inbox_queryset
from dialogueteam import services
from dialogueteam.models import Contact, Forward
from dialogueteam.signals import contact_logged
from permitportal.celery import app

CPH = ZoneInfo("Europe/Copenhagen")


def log(actor, **kwargs):
    defaults = {"channel": "phone", "topic": "status", "customer_group": "owner", "summary": "Asked about the date."}
    return services.log_contact(actor=actor, **{**defaults, **kwargs})


# --- Logging --------------------------------------------------------------------------------------------------------

def test_log_a_contact_with_every_field(make_case, dialogue_member):
    case = make_case()
    contact = log(dialogue_member, channel="desk", topic="documents", customer_group="professional", case=case,
                  resolved_first_contact=True, caller_name="Ib Ås", caller_email="ib@example.dk")
    contact.refresh_from_db()
    assert (contact.channel, contact.topic, contact.customer_group, contact.case, contact.resolved_first_contact,
            contact.created_by, contact.caller_email) == (
        "desk", "documents", "professional", case, True, dialogue_member, "ib@example.dk")
    assert not contact.forwards.exists()


def test_contact_without_a_case(dialogue_member):
    contact = log(dialogue_member, topic="permit_needed", customer_group="private", resolved_first_contact=True)
    assert contact.case is None


@pytest.mark.parametrize("field,value", [("channel", "fax"), ("topic", "weather"), ("customer_group", "vip")])
def test_unknown_choices_get_a_message(dialogue_member, field, value):
    with pytest.raises(services.DialogueError):
        log(dialogue_member, **{field: value})


def test_only_the_dialogue_team_and_managers_log_contacts(applicant, caseworker, manager):
    for user in (applicant, caseworker):
        with pytest.raises(PermissionDenied):
            log(user)
    assert log(manager).created_by == manager


def test_contact_logged_is_sent_after_commit(make_case, dialogue_member, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, contact, actor, **kwargs):
        received.append((sender, contact.pk, actor))

    contact_logged.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            contact = log(dialogue_member, case=make_case())
        assert received == []
        for callback in callbacks:
            callback()
    finally:
        contact_logged.disconnect(receiver)
    assert received == [(Contact, contact.pk, dialogue_member)]


# --- Forwarding -----------------------------------------------------------------------------------------------------

def test_forward_goes_to_the_case_caseworker_as_an_advisory(make_case, dialogue_member, caseworker):
    case = make_case(status="in_review", caseworker=caseworker)
    contact = log(dialogue_member, case=case, resolved_first_contact=True,
                  forward_question="Can the carport be 60 cm from the boundary?")
    contact.refresh_from_db()
    assert contact.resolved_first_contact is False, "a forwarded contact is not resolved at first contact"
    forward = contact.forwards.get()
    assert forward.recipient == caseworker and forward.case == case
    advisory = Advisory.objects.get(kind="forwarded_question")
    assert advisory.recipient == caseworker and advisory.case == case
    assert advisory.params["forward_id"] == forward.pk
    assert advisory.params["answer_url"] == reverse("dialogueteam:forward", args=[forward.pk])
    assert "60 cm from the boundary" in advisory_text(advisory)
    assert advisory in inbox_queryset(user=caseworker)
    event = CaseEvent.objects.get(case=case, kind="question_forwarded")
    assert event.is_public is False and "60 cm" in event.internal_note


def test_without_a_caseworker_the_question_goes_to_triage(make_case, dialogue_member, caseworker):
    forward = log(dialogue_member, case=make_case(), forward_question="Is it received?").forwards.get()
    general = log(dialogue_member, forward_question="What does a carport need?").forwards.get()
    for item in (forward, general):
        assert item.recipient is None
        assert item.advisory.recipient is None
        assert item.advisory in inbox_queryset(user=caseworker)


def test_caseworker_answers_on_the_forward_page_and_the_dialogue_team_sees_it(client, make_case, dialogue_member,
                                                                                caseworker):
    case = make_case(status="in_review", caseworker=caseworker)
    forward = log(dialogue_member, case=case, forward_question="When will you decide?").forwards.get()
    url = reverse("dialogueteam:forward", args=[forward.pk])

    client.force_login(caseworker)
    page = client.get(url).content.decode()
    assert "When will you decide?" in page and 'name="answer"' in page
    response = client.post(url, {"answer": ""})
    assert response.status_code == 200 and "Write your answer." in response.content.decode()
    assert not Forward.objects.get(pk=forward.pk).answered_at
    response = client.post(url, {"answer": "Within two weeks."}, follow=True)
    assert "The dialogue team can see your answer now." in response.content.decode()
    forward.refresh_from_db()
    assert (forward.answer, forward.answered_by) == ("Within two weeks.", caseworker)
    assert forward.advisory.read_at is not None, "answering marks the advisory read"

    client.force_login(dialogue_member)
    home = client.get(reverse("dialogueteam:lookup")).content.decode()
    assert "New answers from caseworkers" in home and case.reference in home
    assert "Within two weeks." in client.get(url).content.decode()
    forward.refresh_from_db()
    assert forward.answer_seen_at is not None
    assert "Within two weeks." in client.get(reverse("dialogueteam:card", args=[case.reference])).content.decode()
    assert client.post(url, {"answer": "Changed"}).status_code == 403, "only caseworkers answer"


def test_a_forward_is_answered_once(make_case, dialogue_member, caseworker, manager):
    forward = log(dialogue_member, case=make_case(), forward_question="Q?").forwards.get()
    services.answer_forward(forward=forward, actor=caseworker, answer="A.")
    with pytest.raises(services.DialogueError):
        services.answer_forward(forward=forward, actor=manager, answer="B.")
    with pytest.raises(PermissionDenied):
        services.answer_forward(forward=Forward.objects.get(pk=forward.pk), actor=dialogue_member, answer="C.")


def test_applicant_cannot_open_a_forward(client, make_case, dialogue_member, applicant):
    forward = log(dialogue_member, case=make_case(), forward_question="Q?").forwards.get()
    client.force_login(applicant)
    assert client.get(reverse("dialogueteam:forward", args=[forward.pk])).status_code == 403


# --- The service norm -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("start,expected", [
    (datetime(2026, 3, 2, 10, 0), datetime(2026, 3, 4, 10, 0)),    # Monday -> Wednesday
    (datetime(2026, 3, 5, 14, 0), datetime(2026, 3, 9, 14, 0)),    # Thursday -> Monday
    (datetime(2026, 3, 6, 14, 0), datetime(2026, 3, 10, 14, 0)),   # Friday -> Tuesday
    (datetime(2026, 3, 7, 9, 0), datetime(2026, 3, 10, 9, 0)),     # Saturday -> Tuesday
    (datetime(2026, 3, 27, 12, 0), datetime(2026, 3, 31, 12, 0)),  # across the change to summer time
    (datetime(2026, 4, 1, 12, 0), datetime(2026, 4, 8, 12, 0)),    # Wednesday: Easter (2-6 April) skipped
    (datetime(2026, 12, 23, 9, 0), datetime(2026, 12, 28, 9, 0)),  # 25 and 26 December skipped
])
def test_two_working_days_skip_the_weekend(start, expected):
    due = services.add_working_days(start.replace(tzinfo=CPH), 2)
    assert due.replace(tzinfo=None) == expected
    assert due.utcoffset() == expected.replace(tzinfo=CPH).utcoffset()


def test_overdue_forward_raises_one_advisory(make_case, dialogue_member, caseworker, settings):
    settings.DIALOGUE_FORWARD_NORM_WORKING_DAYS = 2
    friday = datetime(2026, 3, 6, 14, 0, tzinfo=CPH)
    case = make_case(status="in_review", caseworker=caseworker)
    contact = log(dialogue_member, case=case)
    forward = services.forward_to_caseworker(contact=contact, actor=dialogue_member, question="Can we build?")
    Forward.objects.filter(pk=forward.pk).update(forwarded_at=friday, due_at=services.add_working_days(friday, 2))
    assert services.sweep_overdue_forwards(now=datetime(2026, 3, 10, 13, 0, tzinfo=CPH)) == 0, "Tuesday 13:00"
    assert services.sweep_overdue_forwards(now=datetime(2026, 3, 10, 15, 0, tzinfo=CPH)) == 1
    assert services.sweep_overdue_forwards(now=datetime(2026, 3, 11, 15, 0, tzinfo=CPH)) == 0, "only once"
    overdue = Advisory.objects.get(dedupe_key=f"forward-overdue:{forward.pk}")
    assert overdue.recipient == caseworker and overdue.params["overdue"] is True
    assert "Not answered within 2 working days: Can we build?" in advisory_text(overdue)


def test_answered_forwards_are_never_overdue(make_case, dialogue_member, caseworker):
    forward = log(dialogue_member, case=make_case(), forward_question="Q?").forwards.get()
    services.answer_forward(forward=forward, actor=caseworker, answer="A.")
    assert services.sweep_overdue_forwards(now=timezone.now() + timezone.timedelta(days=30)) == 0


def test_the_sweep_is_scheduled_and_runs():
    entry = settings.CELERY_BEAT_SCHEDULE["dialogue-sweep"]
    assert entry["task"] == "dialogueteam.tasks.sweep_dialogue"
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks


def test_sweep_task_runs(db):
    from dialogueteam.tasks import sweep_dialogue

    assert sweep_dialogue.delay().get() == {"overdue": 0, "answers_resent": 0}


# --- Pages and API --------------------------------------------------------------------------------------------------

def test_log_a_contact_page(client, make_case, dialogue_member, caseworker):
    case = make_case(status="complete", caseworker=caseworker)
    client.force_login(dialogue_member)
    url = reverse("dialogueteam:contact_create")
    assert client.get(url, {"case": case.reference}).status_code == 200
    response = client.post(url, {"channel": "phone", "topic": "", "customer_group": "owner", "case": "B-1999-00001"})
    body = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in body and not Contact.objects.exists()
    assert "Choose what the contact was about." in body
    response = client.post(url, {"channel": "phone", "topic": "status", "customer_group": "owner",
                                 "case": case.reference.lower(), "summary": "Called about the date",
                                 "forward_question": "Is the date still right?"}, follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("dialogueteam:card", args=[case.reference])
    assert "The contact is logged." in body and f"forwarded to {caseworker.get_full_name()}" in body
    assert Contact.objects.get().forwards.get().recipient == caseworker


def test_unknown_reference_gets_a_message_on_the_field(client, dialogue_member):
    client.force_login(dialogue_member)
    response = client.post(reverse("dialogueteam:contact_create"),
                           {"channel": "phone", "topic": "status", "customer_group": "owner", "case": "B-1999-00001"})
    assert response.status_code == 200
    assert "There is no case with the reference B-1999-00001" in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.parametrize("contacts", [1, 8])
def test_contact_log_page_queries_are_bounded(client, make_case, dialogue_member, contacts,
                                              django_assert_max_num_queries):
    case = make_case()
    for n in range(contacts):
        log(dialogue_member, case=case if n % 2 else None, forward_question="Q?" if n % 3 == 0 else "")
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:lookup"))
    with django_assert_max_num_queries(6):
        response = client.get(reverse("dialogueteam:contacts"))
    assert response.content.decode().count("<tr>") == contacts + 1


def test_dialogue_home_queries_are_bounded(client, make_case, dialogue_member, caseworker,
                                           django_assert_max_num_queries):
    for n in range(6):
        contact = log(dialogue_member, case=make_case(caseworker=caseworker), forward_question=f"Q{n}?")
        if n % 2:
            services.answer_forward(forward=contact.forwards.get(), actor=caseworker, answer="A.")
    client.force_login(dialogue_member)
    client.get(reverse("dialogueteam:contacts"))
    with django_assert_max_num_queries(9):
        assert client.get(reverse("dialogueteam:lookup")).status_code == 200


def test_api_post_contact(api_for, make_case, dialogue_member, caseworker):
    case = make_case(status="in_review", caseworker=caseworker)
    api = api_for(dialogue_member)
    response = api.post("/api/v1/contacts/", {
        "channel": "email", "topic": "decision", "customer_group": "professional", "case": case.reference,
        "summary": "Architect asked when.", "resolved_first_contact": False,
        "forward_question": "When is the decision?"}, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["case"] == case.reference and data["channel"] == "email"
    assert data["forward"]["recipient"] == caseworker.get_full_name() and data["forward"]["answer"] is None
    assert Advisory.objects.filter(kind="forwarded_question", recipient=caseworker).count() == 1

    response = api.post("/api/v1/contacts/", {"channel": "phone", "topic": "other", "customer_group": "private",
                                              "case": None, "summary": "", "resolved_first_contact": True},
                        format="json")
    assert response.status_code == 201 and response.json()["case"] is None and response.json()["forward"] is None


@pytest.mark.parametrize("body,expected", [
    ({"channel": "fax", "topic": "other", "customer_group": "private"}, "channel"),
    ({"channel": "phone", "topic": "other", "customer_group": "private", "case": "B-1999-00001"}, "B-1999-00001"),
])
def test_api_contact_bad_input_gets_a_message(api_for, dialogue_member, body, expected):
    response = api_for(dialogue_member).post("/api/v1/contacts/", body, format="json")
    assert response.status_code == 400
    assert expected in response.json()["message"]


def test_api_contact_forbidden_for_applicants(api_for, applicant):
    response = api_for(applicant).post("/api/v1/contacts/", {"channel": "phone", "topic": "other",
                                                             "customer_group": "private"}, format="json")
    assert response.status_code == 403
    assert response.json()["message"]


def test_demo_logs_one_call_once(make_case, caseworker):
    import io

    from dialogueteam import demo
    from tests.factories import UserFactory

    UserFactory(role="dialogue_team", email="dialogue@example.dk")
    make_case(status="in_review", caseworker=caseworker)
    assert "1 cases can be found" in demo.load(stdout=io.StringIO())[0]
    demo.load(stdout=io.StringIO())
    assert Contact.objects.count() == 1 and Forward.objects.get().recipient == caseworker
