"""Information requests: opening pauses the clock; the applicant's uploads answer it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation

from applications import hooks
from applications.models import Advisory, Case, CaseEvent, ChecklistItem, InformationRequest, ScreeningRun
from applications.selectors.advisories import advisory_text
from applications.selectors.status import event_text
from applications.services import cases as case_services
from applications.services import handling, requests
from applications.services.screening import run_screening
from applications.services.transitions import TransitionNotAllowed, transition
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import PASSWORD

S = Case.Status
CPH = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def at(month, day):
    return dt.datetime(2026, month, day, 10, 0, tzinfo=CPH)


@pytest.fixture
def case(db, caseworker):
    case = support.submitted_case()
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    return case


def _send(case, caseworker, items=("site-plan",), **kwargs):
    params = {"message": "Please send a site plan with the distances to the boundary.", "due_date": None,
              "kind": InformationRequest.Kind.DEFICIENCY_PAUSING, **kwargs}
    return requests.open_information_request(case=case, items=list(items), actor=caseworker, **params)


def test_opening_a_request_pauses_the_clock_and_waits_for_the_applicant(db, caseworker):
    with time_machine.travel(at(3, 2), tick=False):
        case = support.submitted_case()
        expected = case.expected_decision_date
    with time_machine.travel(at(3, 4), tick=False):
        request = _send(case, caseworker, items=("site-plan", "sections"))
        case.refresh_from_db()
        assert case.status == S.AWAITING_INFORMATION
        assert case.clock_paused_since == dt.date(2026, 3, 4)
        assert request.state == InformationRequest.State.OPEN
        assert request.status_before == S.SUBMITTED
        assert request.due_date == dt.date(2026, 3, 4) + dt.timedelta(days=21)
        assert sorted(i.requirement.code for i in request.items.all()) == ["sections", "site-plan"]
        # The recommended document asked for is now required.
        assert ChecklistItem.objects.get(case=case, requirement__code="sections").required
        event = CaseEvent.objects.get(case=case, kind="information_requested")
        assert "Site plan" in event.params["items"] and event.params["due"] == "2026-03-25"
    with time_machine.travel(at(3, 14), tick=False):
        requests.answer_request(case=case, actor=case.applicant, force=True)
        case.refresh_from_db()
    assert case.status == S.SUBMITTED
    assert case.paused_days == 10
    assert case.expected_decision_date == expected + dt.timedelta(days=10)


def test_the_request_screening_drafted_is_the_one_sent(case, caseworker):
    Case.objects.filter(pk=case.pk).update(description="")
    support.attach_raw(case, "site-plan", data=b"\x89PNG\r\n\x1a\n0000", name="plan.png", kind="png",
                       content_type="image/png")
    run_screening(case_id=case.pk)
    draft = InformationRequest.objects.get(case=case, state="draft")
    sent = _send(case, caseworker, message=draft.message)
    assert sent.pk == draft.pk
    assert sent.state == "open" and sent.from_screening_id and sent.created_by == caseworker
    assert InformationRequest.objects.filter(case=case).count() == 1


def test_every_requested_upload_answers_the_request(case, caseworker, django_capture_on_commit_callbacks):
    run_screening(case_id=case.pk)
    Advisory.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        request = _send(case, caseworker, items=("site-plan", "sections"))
    assert mail.outbox and case.applicant.email in mail.outbox[-1].to

    with django_capture_on_commit_callbacks(execute=True):
        support.upload(case, "site-plan", name="site-plan-v2.pdf")
    request.refresh_from_db()
    case.refresh_from_db()
    assert request.state == "open" and case.status == S.AWAITING_INFORMATION  # sections still missing

    with django_capture_on_commit_callbacks(execute=True):
        support.upload(case, "sections")
    request.refresh_from_db()
    case.refresh_from_db()
    assert request.state == InformationRequest.State.ANSWERED and request.answered_at
    assert case.status == S.SUBMITTED
    assert case.clock_paused_since is None
    assert CaseEvent.objects.filter(case=case, kind="information_answered").exists()
    # Re-screened, and the assigned caseworker is told.
    latest = ScreeningRun.objects.filter(case=case).order_by("-id").first()
    assert latest.trigger == "upload"
    assert latest.results.get(requirement__code="sections").result == "ok"
    answered = Advisory.objects.get(dedupe_key=f"answered:{request.pk}")
    assert answered.kind == Advisory.Kind.SUPPLEMENTARY_MATERIAL and answered.recipient == caseworker
    # The text is rendered in the reader's language, whatever the applicant's language was.
    assert advisory_text(answered) == f"The applicant has answered the information request on {case.reference}."
    with translation.override("da"):
        assert advisory_text(answered).startswith("Ansøgeren har besvaret anmodningen")


def test_an_answer_returns_the_case_to_where_it_was(case, caseworker):
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    request = _send(case, caseworker)
    assert request.status_before == S.IN_REVIEW
    support.upload(case, "site-plan", name="new-site-plan.pdf")
    case.refresh_from_db()
    assert case.status == S.IN_REVIEW


def test_i_have_sent_everything_forces_the_answer(case, caseworker, client):
    request = _send(case, caseworker, items=("site-plan", "sections"))
    client.login(email=case.applicant.email, password=PASSWORD)
    response = client.post(reverse("applications:answer_request", args=[case.reference]))
    assert response.status_code == 302
    request.refresh_from_db()
    case.refresh_from_db()
    assert request.state == "answered" and case.status == S.SUBMITTED
    # Nothing open now: a second press says so.
    response = client.post(reverse("applications:answer_request", args=[case.reference]), follow=True)
    assert "There is no open request on this case." in response.content.decode()


def test_requesting_a_document_claimed_not_relevant_rejects_the_claim(db, caseworker):
    case = support.draft_with_checklist()
    support.upload(case, "site-plan")
    support.upload(case, "floor-plans")
    case_services.mark_not_relevant(case=case, requirement_code="facades",
                                    reason="The carport has no walls, so no facades.", actor=case.applicant)
    case_services.submit(case=case, actor=case.applicant)
    request = _send(case, caseworker, items=("facades",))
    item = ChecklistItem.objects.get(case=case, requirement__code="facades")
    assert item.not_relevant_claim == "rejected" and item.state == "missing"
    assert not requests.is_fully_answered(request=request)
    # Claiming it again, with a reason, answers the request.
    case_services.mark_not_relevant(case=case, requirement_code="facades",
                                    reason="Really: it is an open carport, there are no walls.", actor=case.applicant)
    assert requests.is_fully_answered(request=request)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "letter"}, "Choose the kind of request."),
    ({"items": (), "message": "  "}, "Say what you need: pick documents from the list or write a message."),
    ({"due_date": dt.date(2020, 1, 1)}, "The due date must be after today."),
    ({"items": ("site-plan", "no-such-thing")}, "Unknown documents: no-such-thing."),
])
def test_validation_messages(case, caseworker, kwargs, message):
    with pytest.raises(case_services.CaseError) as err:
        _send(case, caseworker, **kwargs)
    assert str(err.value) == message
    case.refresh_from_db()
    assert case.status == S.SUBMITTED
    assert not InformationRequest.objects.filter(case=case, state="open").exists()


def test_a_finished_case_cannot_get_a_request(case, caseworker):
    transition(case=case, to=S.WITHDRAWN)
    with pytest.raises(TransitionNotAllowed):
        _send(case, caseworker)


def test_a_message_alone_is_a_valid_request(case, caseworker):
    request = _send(case, caseworker, items=(), message="Tell us the height of the carport.")
    assert request.items.count() == 0 and request.state == "open"


def test_continuity_warnings_must_be_acknowledged(case, caseworker, monkeypatch):
    def checker(case_, codes):
        return [f"The pre-application minutes did not promise {code}." for code in codes if code == "sections"]

    monkeypatch.setattr(hooks, "continuity_checkers", [checker])
    assert requests.continuity_warnings(case=case, requirement_codes=["site-plan"]) == []
    with pytest.raises(requests.ContinuityWarning) as err:
        _send(case, caseworker, items=("sections",), acknowledge_warnings=False)
    assert err.value.warnings == ["The pre-application minutes did not promise sections."]
    assert not InformationRequest.objects.filter(case=case, state="open").exists()
    sent = _send(case, caseworker, items=("sections",), acknowledge_warnings=True)
    assert sent.continuity_warning is True


def test_marking_complete_closes_an_open_request(case, caseworker):
    request = _send(case, caseworker)
    handling.mark_complete(case=case, actor=caseworker)
    request.refresh_from_db()
    assert request.state == InformationRequest.State.CANCELLED
    assert requests.open_request(case=case) is None


def test_the_timeline_names_documents_and_dates_in_the_readers_language(case, caseworker):
    with time_machine.travel(at(3, 4), tick=False):
        _send(case, caseworker, items=("site-plan", "sections"))
    event = CaseEvent.objects.get(case=case, kind="information_requested")
    with translation.override("en"):
        assert event_text(event) == ("We need more information: Site plan, Sections. "
                                     "Please answer by 25 March 2026.")
    with translation.override("da"):
        text = event_text(event)
    assert "Situationsplan, Snittegninger" in text and "25. marts 2026" in text and "Site plan" not in text


def test_events_written_before_kept_only_english_get_their_danish_names(case, caseworker):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("applications.migrations.0002_event_names_in_danish")
    with time_machine.travel(at(3, 4), tick=False):
        _send(case, caseworker, items=("site-plan",))
    case_services.mark_not_relevant(case=case, requirement_code="sections", actor=case.applicant,
                                    reason="The house gets no new storey, so no sections.")
    for event in CaseEvent.objects.filter(case=case, kind__in=["information_requested", "not_relevant"]):
        event.params = {k: v for k, v in event.params.items() if not k.endswith("_da")}  # as written before
        event.save(update_fields=["params"])
    migration.add_danish_names(apps, None)
    with translation.override("da"):
        texts = [event_text(e) for e in CaseEvent.objects.filter(case=case, kind__in=["information_requested",
                                                                                     "not_relevant"])]
    assert any("Situationsplan" in t for t in texts) and any("Snittegninger" in t for t in texts)
