"""Hearings: starting, the two state tables, the link's expiry and read-only grace, late answers,
closing early, extending, weighing, and the status text in every channel."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from applications.models import Case
from applications.selectors.status import case_status, status_text
from applications.services import clock
from applications.services.uploads import UploadRejected
from hearings.models import Hearing, HearingEvent, Party
from hearings.services import answers, hearings, transitions
from hearings.services.errors import HearingInvalid, HearingNotAllowed
from permitportal.core.state_machine import ProtectedStatus
from tests.applications import caseworker_support as support
from tests.applications.pdfs import pdf_upload

from .conftest import TODAY

DEADLINE = TODAY + dt.timedelta(days=14)


def test_starting_invites_each_party_by_email_with_a_personal_link(hearing):
    assert hearing.status == Hearing.Status.OPEN and hearing.deadline == DEADLINE
    assert hearing.documents.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.dk", "bo@example.dk"]
    bo = hearing.parties.get(email="bo@example.dk")
    assert f"/hearings/answer/{answers.token_for(bo)}/" in next(m.body for m in mail.outbox if m.to == [bo.email])
    assert all(p.invited_at for p in hearing.parties.all())
    from hearings.tasks import send_invitations

    assert send_invitations(hearing.pk) == 0  # a retry invites nobody twice
    assert len(mail.outbox) == 2


def test_default_deadline_is_per_kind_and_configurable(settings):
    assert hearings.default_deadline(kind="neighbours", today=TODAY) == TODAY + dt.timedelta(days=14)
    settings.HEARING_DEADLINE_DAYS = {"authority": 21}
    assert hearings.default_deadline(kind="authority", today=TODAY) == TODAY + dt.timedelta(days=21)


@pytest.mark.parametrize("status", ["submitted", "complete", "awaiting_information"])
def test_a_hearing_starts_only_on_a_case_in_review(db, caseworker, status):
    case = support.submitted_case()
    if status != "submitted":
        from applications.services.transitions import transition

        transition(case=case, to=status)
    with pytest.raises(HearingNotAllowed):
        hearings.start_hearing(case=case, actor=caseworker, kind="parties", message="m",
                               parties=[{"name": "A", "email": "a@example.dk"}])


@pytest.mark.parametrize("parties, documents", [
    ([], []),
    ([{"name": "A", "email": "not-an-address"}], []),
    ([{"name": "A", "email": "a@example.dk"}, {"name": "B", "email": "A@example.dk"}], []),
    ([{"name": "A", "email": "a@example.dk"}], [999999]),
])
def test_bad_input_is_refused_with_a_reason(review_case, caseworker, parties, documents):
    with pytest.raises(HearingInvalid):
        hearings.start_hearing(case=review_case, actor=caseworker, kind="parties", message="m", parties=parties,
                               document_ids=documents)
    assert not Hearing.objects.exists()


def test_another_cases_document_is_refused(review_case, caseworker):
    other = support.submitted_case()
    with pytest.raises(HearingInvalid):
        hearings.start_hearing(case=review_case, actor=caseworker, kind="parties", message="m",
                               parties=[{"name": "A", "email": "a@example.dk"}],
                               document_ids=[other.documents.first().pk])


def test_the_tables_and_protected_statuses(hearing):
    assert transitions.HEARING_MACHINE.table == {"open": frozenset({"open", "closed"}), "closed": frozenset()}
    assert transitions.PARTY_MACHINE.table == {"invited": frozenset({"answered"}), "answered": frozenset({"answered"})}
    party = hearing.parties.first()
    with pytest.raises(ProtectedStatus):
        party.status = Party.Status.ANSWERED
    with pytest.raises(ProtectedStatus):
        Hearing.objects.filter(pk=hearing.pk).update(status="closed")


def test_an_answer_before_the_deadline_can_be_changed_until_then(hearing):
    ada = hearing.parties.get(email="ada@example.dk")
    answers.answer(party=ada, comment="It blocks my light.", files=[pdf_upload("shadow.pdf")], today=TODAY)
    ada.refresh_from_db()
    assert ada.status == Party.Status.ANSWERED and ada.objected and not ada.late
    assert ada.attachments.get().original_name == "shadow.pdf"
    answers.answer(party=ada, no_objection=True, today=DEADLINE)
    ada.refresh_from_db()
    assert ada.no_objection and not ada.objected
    assert list(HearingEvent.objects.filter(party=ada).values_list("kind", flat=True)) == ["answered", "answer_changed"]
    with pytest.raises(HearingNotAllowed):  # the day after the deadline: read-only for one who answered
        answers.answer(party=ada, comment="Changed my mind", today=DEADLINE + dt.timedelta(days=1))


def test_a_late_answer_is_kept_and_marked_late_within_the_grace_period(hearing, settings):
    settings.HEARING_GRACE_DAYS = 7
    bo = hearing.parties.get(email="bo@example.dk")
    assert answers.link_state(bo, today=DEADLINE) == answers.OPEN
    assert answers.link_state(bo, today=DEADLINE + dt.timedelta(days=1)) == answers.LATE
    answers.answer(party=bo, comment="Sorry, I was away.", today=DEADLINE + dt.timedelta(days=7))
    bo.refresh_from_db()
    assert bo.late and bo.status == Party.Status.ANSWERED
    assert answers.link_state(bo, today=DEADLINE + dt.timedelta(days=7)) == answers.READ_ONLY


def test_the_link_is_read_only_after_the_grace_period(hearing, settings):
    settings.HEARING_GRACE_DAYS = 7
    bo = hearing.parties.get(email="bo@example.dk")
    after = DEADLINE + dt.timedelta(days=8)
    assert answers.link_expires_on(hearing) == DEADLINE + dt.timedelta(days=7)
    assert answers.link_state(bo, today=after) == answers.READ_ONLY
    with pytest.raises(HearingNotAllowed):
        answers.answer(party=bo, no_objection=True, today=after)
    assert answers.party_for_token(answers.token_for(bo)) == bo  # still opens, read-only


def test_a_token_we_did_not_sign_finds_nobody(hearing):
    token = answers.token_for(hearing.parties.first())
    assert answers.party_for_token(token[:-2] + "xx") is None
    assert answers.party_for_token("anything") is None


def test_an_empty_answer_or_a_bad_file_is_refused(hearing):
    ada = hearing.parties.first()
    with pytest.raises(HearingInvalid):
        answers.answer(party=ada, today=TODAY)
    fake = SimpleUploadedFile("letter.pdf", b"PK\x03\x04 not a pdf", content_type="application/pdf")
    with pytest.raises(UploadRejected):  # the applicants' check (applications.services.uploads)
        answers.answer(party=ada, comment="see file", files=[fake], today=TODAY)
    ada.refresh_from_db()
    assert ada.status == Party.Status.INVITED and not ada.attachments.exists()


def test_close_early_only_when_all_have_answered(hearing, caseworker):
    with pytest.raises(HearingNotAllowed):
        hearings.close_early(hearing=hearing, actor=caseworker)
    for party in hearing.parties.all():
        answers.answer(party=party, no_objection=True, today=TODAY)
    hearings.close_early(hearing=hearing, actor=caseworker)
    hearing.refresh_from_db()
    assert hearing.status == Hearing.Status.CLOSED and hearing.closed_early and hearing.closed_at
    with pytest.raises(HearingNotAllowed):  # closed: the table has no edge out
        hearings.extend(hearing=hearing, actor=caseworker, deadline=DEADLINE + dt.timedelta(days=7), reason="r")
    with pytest.raises(HearingNotAllowed):
        answers.answer(party=hearing.parties.first(), comment="more", today=TODAY)


def test_extend_needs_a_later_deadline_and_a_reason_the_applicant_sees(hearing, caseworker, applicant):
    with pytest.raises(HearingInvalid):
        hearings.extend(hearing=hearing, actor=caseworker, deadline=DEADLINE + dt.timedelta(days=7), reason=" ")
    with pytest.raises(HearingInvalid):
        hearings.extend(hearing=hearing, actor=caseworker, deadline=DEADLINE, reason="r")
    later = DEADLINE + dt.timedelta(days=7)
    hearings.extend(hearing=hearing, actor=caseworker, deadline=later, reason="A neighbour asked for more time.")
    hearing.refresh_from_db()
    assert hearing.deadline == later and hearing.extension_reason == "A neighbour asked for more time."
    event = hearing.events.get(kind="extended")
    assert event.params["from_deadline"] == DEADLINE.isoformat()


def test_weighing_only_an_objection(hearing, caseworker):
    ada, bo = hearing.parties.order_by("id")
    answers.answer(party=ada, comment="Too tall.", today=TODAY)
    answers.answer(party=bo, no_objection=True, today=TODAY)
    hearings.weigh(party=ada, actor=caseworker, text="The height is within the local plan.")
    with pytest.raises(HearingNotAllowed):
        hearings.weigh(party=bo, actor=caseworker, text="x")
    ada.refresh_from_db()
    assert ada.weighing == "The height is within the local plan."


def test_the_status_text_says_who_is_heard_until_when_in_both_languages(hearing):
    case = hearing.case
    assert status_text(case, language="en").endswith("The neighbours are being heard until 15 December 2026.")
    assert status_text(case, language="da").endswith("Naboerne bliver hørt indtil 15 december 2026.")
    assert "being heard" in case_status(case)["text"]


def test_the_status_text_has_no_note_once_the_hearing_is_closed(hearing, caseworker):
    for party in hearing.parties.all():
        answers.answer(party=party, no_objection=True, today=TODAY)
    hearings.close_early(hearing=hearing, actor=caseworker)
    assert "heard" not in status_text(hearing.case, language="en")


def test_a_hearing_does_not_pause_the_service_clock(hearing):
    case = Case.objects.get(pk=hearing.case_id)
    state = clock.clock_state(case, today=TODAY)
    assert state["state"] != "paused"
    assert case_status(case, today=TODAY)["waiting_for"] == "municipality"
