"""Decisions: validation, the letter (generated once, stored, in the applicant's language, e-mailed),
and closing after the appeal period."""

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from applications.models import Case, CaseEvent, Decision
from applications.services import decisions, handling
from applications.services.cases import CaseError
from applications.services.transitions import TransitionNotAllowed
from applications.tasks import close_decided_cases
from permitportal.core.models import AuditEntry
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_text
from tests.factories import PASSWORD, UserFactory

CPH = ZoneInfo("Europe/Copenhagen")
S = Case.Status


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def in_review(applicant=None):
    case = support.submitted_case(applicant=applicant)
    worker = UserFactory(role="caseworker", full_name="Karen Sagsbehandler")
    handling.mark_complete(case=case, actor=worker)
    handling.start_review(case=case, actor=worker)
    case.refresh_from_db()
    return case, worker


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"outcome": "maybe"}, "Choose the outcome of the decision."),
    ({"reasons": "  "}, "Write the reasons for the decision."),
    ({"outcome": "granted_with_conditions"}, "Write the conditions of the permit."),
    ({"outcome": "refused"}, "A refusal must say concretely what the applicant could change to get a permit."),
])
def test_a_decision_must_be_complete(db, kwargs, message):
    case, worker = in_review()
    params = {"outcome": "granted", "reasons": "The project follows the local plan.", **kwargs}
    with pytest.raises(CaseError) as err:
        decisions.record_decision(case=case, actor=worker, **params)
    assert str(err.value) == message
    case.refresh_from_db()
    assert case.status == S.IN_REVIEW and not Decision.objects.exists()


def test_a_refusal_with_guidance_is_recorded(db):
    case, worker = in_review()
    decision = decisions.record_decision(case=case, actor=worker, outcome="refused",
                                         reasons="The carport is 4.2 m high; the local plan allows 3.5 m.",
                                         guidance="Lower the roof to at most 3.5 m, for example with a flat roof.")
    case.refresh_from_db()
    assert case.status == S.DECIDED and case.decided_at
    assert decision.decided_by == worker and decision.language == "en"
    assert CaseEvent.objects.get(case=case, kind="status:decided").params["outcome"] == "refused"


def test_only_a_case_in_review_can_be_decided(db, caseworker):
    case = support.submitted_case()
    with pytest.raises(TransitionNotAllowed):
        decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    assert not Decision.objects.exists()


def test_only_caseworkers_decide(db):
    case, _worker = in_review()
    with pytest.raises(PermissionError):
        decisions.record_decision(case=case, actor=case.applicant, outcome="granted", reasons="Fine.")


def test_the_letter_is_generated_once_stored_and_emailed_in_danish(db, django_capture_on_commit_callbacks):
    applicant = UserFactory(role="applicant", preferred_language="da", full_name="Søren Ærø")
    case, worker = in_review(applicant=applicant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decision = decisions.record_decision(
            case=case, actor=worker, outcome="refused", reasons="Carporten er for høj.",
            guidance="Sænk taget til højst 3,5 m.")
    decision.refresh_from_db()
    assert decision.language == "da"
    assert decision.letter, "the task stores the letter"
    data = decision.letter.read()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == decision.letter_sha256
    text = pdf_text(data)
    assert f"Afgørelse om ansøgning {case.reference}" in text
    assert "Sådan klager du" in text
    assert "Sænk taget til højst 3,5 m." in text
    assert "Søren Ærø" in text
    assert "Decision on application" not in text

    letters = [m for m in mail.outbox if m.attachments]
    assert len(letters) == 1
    letter = letters[0]
    assert letter.to == [applicant.email]
    name, content, mimetype = letter.attachments[0]
    assert name == f"{case.reference}-decision.pdf" and mimetype == "application/pdf"
    assert content == data
    assert case.reference in letter.subject and "Afgørelse" in letter.subject
    assert CaseEvent.objects.filter(case=case, kind="decision_letter").count() == 1

    # Again (a retried task): nothing is rendered, stored or sent a second time.
    stored_name = decision.letter.name
    with django_capture_on_commit_callbacks(execute=True):
        assert decisions.generate_letter(case_id=case.pk) is False
    decision.refresh_from_db()
    assert decision.letter.name == stored_name
    assert len([m for m in mail.outbox if m.attachments]) == 1
    assert CaseEvent.objects.filter(case=case, kind="decision_letter").count() == 1


def test_an_english_letter_for_an_english_applicant(db, django_capture_on_commit_callbacks):
    case, worker = in_review()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.record_decision(case=case, actor=worker, outcome="granted_with_conditions",
                                  reasons="The project follows the local plan.",
                                  conditions="The roof must be dark grey.")
    text = pdf_text(Decision.objects.get(case=case).letter.read())
    assert f"Decision on application {case.reference}" in text
    assert "The roof must be dark grey." in text
    assert "Karen Sagsbehandler" in text


def test_the_letter_is_downloaded_by_the_applicant_and_staff_reads_are_audited(db, client,
                                                                               django_capture_on_commit_callbacks):
    case, worker = in_review()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.record_decision(case=case, actor=worker, outcome="granted", reasons="Fine.")
    url = reverse("applications:decision_pdf", args=[case.reference])
    client.login(email=case.applicant.email, password=PASSWORD)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert not AuditEntry.objects.filter(action="read_decision_letter").exists()
    client.login(email=worker.email, password=PASSWORD)
    assert client.get(url).status_code == 200
    assert AuditEntry.objects.filter(action="read_decision_letter", actor=worker, object_id=case.reference).exists()


def test_decided_cases_close_after_the_appeal_period(db, settings):
    """A refusal is closed; a permit stays in force (tests/applications/test_start_of_work.py)."""
    settings.APPEAL_PERIOD_DAYS = 28
    now = dt.datetime(2026, 6, 10, 12, tzinfo=dt.UTC)  # a Wednesday; no holiday near the deadlines
    with time_machine.travel(now - dt.timedelta(days=29)):
        old, worker = in_review()
        decisions.record_decision(case=old, actor=worker, outcome="refused", reasons="No.", guidance="Lower it.")
    with time_machine.travel(now - dt.timedelta(days=27)):
        recent, worker = in_review()
        decisions.record_decision(case=recent, actor=worker, outcome="refused", reasons="No.",
                                  guidance="Lower it.")
    with time_machine.travel(now, tick=False):
        assert close_decided_cases.delay().get() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.status == S.CLOSED and old.closed_at
    assert recent.status == S.DECIDED
    assert decisions.close_after_appeal_period(now=now + dt.timedelta(days=2)) == 1
    recent.refresh_from_db()
    assert recent.status == S.CLOSED


def test_an_appeal_deadline_on_a_holiday_runs_to_the_next_working_day(db, settings):
    """Decided on 27 November 2026: 4 weeks end on Christmas Day; 26 December is a holiday and the 27th a
    Sunday, so the appeal deadline is Monday 28 December, and the case closes only after it."""
    settings.APPEAL_PERIOD_DAYS = 28
    with time_machine.travel(dt.datetime(2026, 11, 27, 10, tzinfo=CPH), tick=False):
        case, worker = in_review()
        decision = decisions.record_decision(case=case, actor=worker, outcome="granted", reasons="Fine.")
    assert decisions.letter_context(decision=decision)["appeal_deadline"] == dt.date(2026, 12, 28)
    assert decisions.close_after_appeal_period(now=dt.datetime(2026, 12, 28, 20, tzinfo=CPH)) == 0
    assert decisions.close_after_appeal_period(now=dt.datetime(2026, 12, 29, 0, 5, tzinfo=CPH)) == 1
