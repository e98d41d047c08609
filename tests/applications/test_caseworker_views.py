"""The caseworker's pages: the triage queue, the case workspace and its actions."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications import hooks
from applications.models import (
    Advisory,
    Case,
    CaseEvent,
    ChecklistItem,
    Decision,
    GuideOption,
    GuideQuestion,
    InformationRequest,
    InternalNote,
    ScreeningRun,
)
from applications.services import cases as case_services
from applications.services import handling
from applications.services.clock import next_working_day
from applications.services.screening import run_screening
from permitportal.core.models import AuditEntry
from tests.applications import caseworker_support as support
from tests.applications.factories import PropertyFactory
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import PASSWORD, UserFactory
from tests.predialogue.helpers import request_meeting

S = Case.Status


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def cw_client(client, caseworker):
    return login(client, caseworker)


@pytest.fixture
def case(db):
    case = support.submitted_case()
    run_screening(case_id=case.pk)
    return case


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def workspace_url(case):
    return reverse("applications:workspace", args=[case.reference])


# --- Access -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["queue", "workspace", "request_information", "decide", "advisories"])
def test_only_caseworkers_and_managers_get_in(client, case, applicant, dialogue_member, caseworker, manager, name):
    url = reverse(f"applications:{name}", args=[case.reference] if name not in ("queue", "advisories") else [])
    response = client.get(url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    stranger = 403 if name in ("queue", "advisories") else 404  # another applicant's case: not found
    for user, expected in ((applicant, stranger), (case.applicant, 403), (dialogue_member, 403), (caseworker, 200),
                           (manager, 200)):
        client.logout()
        login(client, user)
        assert client.get(url).status_code == expected, user


def test_another_applicants_case_is_not_found_for_an_applicant(client, case, other_applicant):
    login(client, other_applicant)
    assert client.get(workspace_url(case)).status_code == 404
    assert client.get(reverse("applications:queue")).status_code == 403


def test_a_draft_is_not_in_the_workspace(cw_client):
    draft = support.draft_with_checklist()
    assert cw_client.get(workspace_url(draft)).status_code == 404


def test_actions_are_posts(cw_client, case):
    assert cw_client.get(reverse("applications:mark_complete", args=[case.reference])).status_code == 405


# --- The queue --------------------------------------------------------------------------------

def _with_date(case, days):
    Case.objects.filter(pk=case.pk).update(expected_decision_date=timezone.localdate() + dt.timedelta(days=days))
    return case


def test_the_queue_is_sorted_by_urgency_with_screening_and_clock(cw_client, case, caseworker):
    late = _with_date(support.submitted_case(), 30)
    urgent = _with_date(support.submitted_case(), 2)
    overdue = _with_date(support.submitted_case(), -3)
    no_date = support.submitted_case()
    Case.objects.filter(pk=no_date.pk).update(expected_decision_date=None)
    _with_date(case, 10)
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    html = text(cw_client.get(reverse("applications:queue")))
    order = [m for m in re.findall(r"B-\d{4}-\d{5}", html)]
    refs = list(dict.fromkeys(order))
    assert refs == [overdue.reference, urgent.reference, case.reference, late.reference, no_date.reference]
    assert "4 of 4 checks fine" in html  # the screened case
    assert "Not screened yet" in html
    assert "3 days overdue" in html and "Overdue" in html
    assert "2 days left" in html and "At risk" in html
    assert "30 days left" in html and "On track" in html
    assert caseworker.get_full_name() in html and "Not assigned" in html


def test_the_queue_filters(cw_client, case, caseworker):
    mine = support.submitted_case()
    handling.assign(case=mine, caseworker=caseworker, actor=caseworker)
    _with_date(mine, 1)
    other_type = support.submitted_case()
    other = support.application_type("cw-shed", target=14)
    Case.objects.filter(pk=other_type.pk).update(application_type=other)
    decided = support.submitted_case()
    for step in (S.COMPLETE, S.IN_REVIEW):
        from applications.services.transitions import transition

        transition(case=decided, to=step)

    def refs(**params):
        return set(re.findall(r"B-\d{4}-\d{5}", text(cw_client.get(reverse("applications:queue"), params))))

    everything = {case.reference, mine.reference, other_type.reference, decided.reference}
    assert refs() == everything
    assert refs(mine="on") == {mine.reference}
    assert refs(unassigned="on") == everything - {mine.reference}
    assert refs(type="cw-shed") == {other_type.reference}
    assert refs(status="in_review") == {decided.reference}
    assert refs(at_risk="on") == {mine.reference}
    # An unknown value is ignored with a message, not an error page.
    response = cw_client.get(reverse("applications:queue"), {"status": "nonsense"})
    assert response.status_code == 200
    assert "Some filters were not understood" in text(response)


def test_the_queue_pages(cw_client, db):
    for _n in range(27):
        support.submitted_case()
    first = text(cw_client.get(reverse("applications:queue")))
    assert "27 cases" in first and "Page 1 of 2" in first
    assert len(set(re.findall(r"B-\d{4}-\d{5}", first))) == 25
    second = text(cw_client.get(reverse("applications:queue"), {"page": 2}))
    assert len(set(re.findall(r"B-\d{4}-\d{5}", second))) == 2


def _queue_queries(client, count, manager):
    for _n in range(count):
        case = support.submitted_case()
        run_screening(case_id=case.pk)
        handling.assign(case=case, caseworker=manager, actor=manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("applications:queue"))
    assert response.status_code == 200
    return len(queries)


def test_the_queue_runs_the_same_queries_for_3_and_for_30_cases(client, manager, db):
    login(client, manager)
    few = _queue_queries(client, 3, manager)
    many = _queue_queries(client, 27, manager)  # 30 cases now: a full first page of 25
    assert few == many
    assert few <= 12


def test_managers_assign_several_cases_at_once(client, manager, caseworker, db):
    one, two, three = (support.submitted_case() for _n in range(3))
    login(client, manager)
    html = text(client.get(reverse("applications:queue")))
    assert 'id="bulk-assign"' in html
    response = client.post(reverse("applications:queue_assign"),
                           {"references": [one.reference, two.reference], "caseworker": caseworker.pk}, follow=True)
    assert "2 cases assigned to" in text(response)
    assert set(Case.objects.filter(caseworker=caseworker).values_list("pk", flat=True)) == {one.pk, two.pk}
    assert Case.objects.get(pk=three.pk).caseworker is None
    response = client.post(reverse("applications:queue_assign"), {"caseworker": caseworker.pk}, follow=True)
    assert "Tick at least one case to assign." in text(response)


def test_caseworkers_cannot_assign_in_bulk(cw_client, case, caseworker):
    assert 'id="bulk-assign"' not in text(cw_client.get(reverse("applications:queue")))
    response = cw_client.post(reverse("applications:queue_assign"),
                              {"references": [case.reference], "caseworker": caseworker.pk})
    assert response.status_code == 403
    assert Case.objects.get(pk=case.pk).caseworker is None


# --- The workspace ----------------------------------------------------------------------------

def test_the_workspace_shows_the_whole_case_and_is_audited(cw_client, caseworker, db):
    question = GuideQuestion.objects.create(code="cw-work", text_en="What will you build?", text_da="Hvad bygger du?")
    GuideOption.objects.create(question=question, code="carport", label_en="A carport", label_da="En carport")
    prop = PropertyFactory(zoning_plan="Lokalplan 77 Harbour", year_built=1968, built_area=151, use="Parcelhus")
    case = support.draft_with_checklist(property=prop, answers={"cw-work": "carport"})
    for code in ("site-plan", "floor-plans"):
        support.upload(case, code)
    case_services.mark_not_relevant(case=case, requirement_code="facades",
                                    reason="An open carport has no facades to draw.", actor=case.applicant)
    case_services.submit(case=case, actor=case.applicant)
    run_screening(case_id=case.pk)
    handling.add_internal_note(case=case, text="Called the architect about the roof.", actor=caseworker)
    response = cw_client.get(workspace_url(case))
    assert response.status_code == 200
    html = text(response)
    for expected in (case.applicant.get_full_name(), case.applicant.email, prop.cadastral_number,
                     "Lokalplan 77 Harbour", "1968", "151 m²", "Parcelhus", "What will you build?", "A carport",
                     "3 of 4 checks fine", "Recommended, not sent", "Marked not relevant: to be checked",
                     "An open carport has no facades to draw.", "Accept: not needed", "Reject: we need it",
                     "No pre-application meeting is linked", "Called the architect about the roof.",
                     "Internal note", "Application sent."):
        assert expected in html, expected
    doc = case.documents.get(requirement__code="site-plan")
    assert reverse("applications:document_preview", args=[case.reference, doc.pk]) in html
    assert reverse("applications:document_download", args=[case.reference, doc.pk]) in html
    assert AuditEntry.objects.filter(actor=caseworker, action="read_case", object_id=case.reference).count() == 1


def test_the_minutes_panel_names_a_linked_meeting(cw_client, case):
    meeting = request_meeting(applicant=case.applicant, prop=case.property)
    hooks.link_meeting(case=case, meeting_id=meeting.pk)
    html = text(cw_client.get(workspace_url(case)))
    assert "No pre-application meeting is linked" not in html
    assert 'id="minutes-title"' in html


def _workspace_queries(client, case, extra):
    for n in range(extra):
        support.upload(case, "sections", name=f"section-{n}.pdf")
        handling.add_internal_note(case=case, text=f"Note {n}", actor=case.caseworker)
        CaseEvent.objects.create(case=case, kind="document_added", params={"name": f"x{n}.pdf"})
    run_screening(case_id=case.pk)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(workspace_url(case)).status_code == 200
    return len(queries)


def test_the_workspace_runs_the_same_queries_for_few_and_many_documents_and_events(cw_client, caseworker, db):
    small, big = support.submitted_case(), support.submitted_case()
    for case in (small, big):
        handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    few = _workspace_queries(cw_client, small, 1)
    many = _workspace_queries(cw_client, big, 15)
    assert few == many
    assert few <= 30


@pytest.mark.parametrize(("status", "shown", "hidden"), [
    (S.SUBMITTED, ["Request information", "Mark complete", "Withdraw at the applicant"],
     ["Start review", "Record the decision"]),
    (S.COMPLETE, ["Request information", "Start review"], ["Mark complete", "Record the decision"]),
    (S.IN_REVIEW, ["Request information", "Record the decision", "Extend the deadline"],
     ["Mark complete", "Start review"]),
    (S.AWAITING_INFORMATION, ["Mark complete", "Start review"], ["Request information", "Record the decision"]),
])
def test_the_workspace_offers_what_the_transition_table_allows(cw_client, case, status, shown, hidden):
    from applications.services.transitions import transition

    path = {S.SUBMITTED: [], S.COMPLETE: [S.COMPLETE], S.IN_REVIEW: [S.COMPLETE, S.IN_REVIEW],
            S.AWAITING_INFORMATION: [S.AWAITING_INFORMATION]}[status]
    for step in path:
        transition(case=case, to=step)
    html = text(cw_client.get(workspace_url(case)))
    for label in shown:
        assert label in html, label
    for label in hidden:
        assert label not in html, label


def test_a_decided_case_offers_no_transitions(cw_client, case, caseworker):
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    from applications.services.decisions import record_decision

    record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    html = text(cw_client.get(workspace_url(case)))
    for label in ("Request information", "Mark complete", "Start review", "Record the decision",
                  "Extend the deadline", "Withdraw at the applicant", "Change the application type"):
        assert label not in html
    assert "Decision: Granted" in html


# --- Actions ----------------------------------------------------------------------------------

def test_assign_to_me_and_to_a_colleague(cw_client, case, caseworker):
    colleague = UserFactory(role="caseworker", full_name="Ole Kollega")
    response = cw_client.post(reverse("applications:case_assign", args=[case.reference]), {"to_me": "1"},
                              follow=True)
    assert f"The case is assigned to {caseworker.get_full_name()}." in text(response)
    assert Case.objects.get(pk=case.pk).caseworker == caseworker
    response = cw_client.post(reverse("applications:case_assign", args=[case.reference]),
                              {"caseworker": colleague.pk}, follow=True)
    assert "assigned to Ole Kollega" in text(response)
    response = cw_client.post(reverse("applications:case_assign", args=[case.reference]), {}, follow=True)
    assert "Choose the caseworker to assign the case to." in text(response)
    applicant = UserFactory(role="applicant")
    response = cw_client.post(reverse("applications:case_assign", args=[case.reference]),
                              {"caseworker": applicant.pk}, follow=True)
    assert Case.objects.get(pk=case.pk).caseworker == colleague


def test_mark_complete_start_review_and_decide(cw_client, case, caseworker):
    response = cw_client.post(reverse("applications:mark_complete", args=[case.reference]), follow=True)
    assert "The case is marked complete." in text(response)
    assert Case.objects.get(pk=case.pk).status == S.COMPLETE
    # Not allowed now: the message comes from the transition table.
    response = cw_client.post(reverse("applications:mark_complete", args=[case.reference]), follow=True)
    assert "cannot become “Complete”" in text(response)
    cw_client.post(reverse("applications:start_review", args=[case.reference]))
    case.refresh_from_db()
    assert case.status == S.IN_REVIEW and case.caseworker == caseworker  # starting the review assigns

    url = reverse("applications:decide", args=[case.reference])
    assert "Record the decision" in text(cw_client.get(url))
    response = cw_client.post(url, {"outcome": "refused", "reasons": "Too high for the local plan.", "guidance": ""})
    assert response.status_code == 200
    html = text(response)
    assert "There is a problem" in html
    assert "A refusal must say concretely what the applicant could change to get a permit." in html
    assert "Too high for the local plan." in html  # what was typed is kept
    response = cw_client.post(url, {"outcome": "refused", "reasons": "Too high for the local plan.",
                                    "guidance": "Lower the roof to 3.5 m."}, follow=True)
    assert "The decision is recorded." in text(response)
    decision = Decision.objects.get(case=case)
    assert decision.outcome == "refused" and decision.guidance == "Lower the roof to 3.5 m."


def test_mark_complete_is_refused_while_a_required_document_is_missing(cw_client, case, caseworker):
    extra = support.requirement("sections")
    ChecklistItem.objects.filter(case=case, requirement=extra).update(required=True)
    response = cw_client.post(reverse("applications:mark_complete", args=[case.reference]), follow=True)
    assert "1 required documents are still missing. Request them first." in text(response)
    assert Case.objects.get(pk=case.pk).status == S.SUBMITTED


def test_extend_the_deadline(cw_client, case):
    before = case.expected_decision_date
    url = reverse("applications:extend_deadline", args=[case.reference])
    response = cw_client.post(url, {"days": "10", "reason": ""}, follow=True)
    assert "Give the reason for the extension; the applicant will see it." in text(response)
    response = cw_client.post(url, {"days": "0", "reason": "Hearing"}, follow=True)
    assert "Enter how many days to add, from 1 to 365." in text(response)
    response = cw_client.post(url, {"days": "10", "reason": "We must hear the neighbours."}, follow=True)
    case.refresh_from_db()
    assert case.expected_decision_date == before + dt.timedelta(days=10)
    assert "The applicant can see the reason." in text(response)
    assert CaseEvent.objects.get(case=case, kind="date_changed").params["text"] == "We must hear the neighbours."


def test_change_the_application_type_says_what_changes(cw_client, case, django_capture_on_commit_callbacks):
    from applications.models import RequirementRule

    shed = support.application_type("cw-shed2", target=14)
    RequirementRule.objects.filter(application_type=shed, requirement__code="facades").delete()
    RequirementRule.objects.filter(application_type=shed, requirement__code="sections").update(rule="always")
    with django_capture_on_commit_callbacks(execute=True):
        response = cw_client.post(reverse("applications:change_type", args=[case.reference]),
                                  {"application_type": "cw-shed2"}, follow=True)
    html = text(response)
    assert "The application type is now “House (cw-shed2)”." in html
    assert "Now also needed: Sections." in html
    assert "No longer needed: Facades." in html
    case.refresh_from_db()
    assert case.application_type == shed
    assert ScreeningRun.objects.filter(case=case, trigger="type_change").exists()
    told = [m for m in mail.outbox if case.applicant.email in m.to and "Sections" in m.body]
    assert told and "Facades" in told[0].body
    response = cw_client.post(reverse("applications:change_type", args=[case.reference]), {"application_type": "x"},
                              follow=True)
    assert "Choose the new application type." in text(response)


def test_withdraw_needs_the_applicants_request(cw_client, case):
    url = reverse("applications:case_withdraw", args=[case.reference])
    response = cw_client.post(url, {"reason": ""}, follow=True)
    assert "Write how the applicant asked to withdraw the application, and when." in text(response)
    response = cw_client.post(url, {"reason": "The applicant phoned on 3 March."}, follow=True)
    assert "The application is withdrawn." in text(response)
    assert Case.objects.get(pk=case.pk).status == S.WITHDRAWN
    event = CaseEvent.objects.get(case=case, kind="status:withdrawn")
    assert event.internal_note == "The applicant phoned on 3 March."


def test_decide_a_not_relevant_claim(cw_client, db):
    case = support.draft_with_checklist()
    support.upload(case, "site-plan")
    support.upload(case, "floor-plans")
    case_services.mark_not_relevant(case=case, requirement_code="facades",
                                    reason="An open carport has no facades.", actor=case.applicant)
    case_services.submit(case=case, actor=case.applicant)
    url = reverse("applications:decide_claim", args=[case.reference, "facades"])
    response = cw_client.post(url, {"decision": "reject"}, follow=True)
    assert "Rejected: the applicant is asked for Facades." in text(response)
    item = ChecklistItem.objects.get(case=case, requirement__code="facades")
    assert item.not_relevant_claim == "rejected" and item.state == "missing"
    response = cw_client.post(reverse("applications:decide_claim", args=[case.reference, "site-plan"]),
                              {"decision": "accept"}, follow=True)
    assert "The applicant has not marked this document as not relevant." in text(response)


def test_add_an_internal_note(cw_client, case, caseworker):
    url = reverse("applications:add_note", args=[case.reference])
    response = cw_client.post(url, {"text": "  "}, follow=True)
    assert "Write the note first." in text(response)
    cw_client.post(url, {"text": "The neighbour called."})
    assert InternalNote.objects.get(case=case).author == caseworker
    # Internal notes never reach the applicant's page.
    client = cw_client
    client.logout()
    login(client, case.applicant)
    assert "The neighbour called." not in text(client.get(reverse("applications:case_detail", args=[case.reference])))


# --- Information request form -----------------------------------------------------------------

def test_the_request_form_is_prefilled_from_screening(cw_client, db):
    case = support.draft_with_checklist()
    support.upload(case, "floor-plans")
    support.upload(case, "facades")
    support.attach_raw(case, "site-plan", data=b"\x89PNG\r\n\x1a\n0000", name="plan.png", kind="png",
                       content_type="image/png")
    case_services.submit(case=case, actor=case.applicant)
    run_screening(case_id=case.pk)
    html = text(cw_client.get(reverse("applications:request_information", args=[case.reference])))
    assert re.search(r'value="site-plan" id="item-site-plan" checked', html)
    assert not re.search(r'value="facades" id="item-facades" checked', html)
    assert "To finish checking your application we need:" in html
    assert "plan.png is a PNG file; this document must be PDF." in html
    due = next_working_day(timezone.localdate() + dt.timedelta(days=21)).isoformat()  # never 25 December
    assert f'value="{due}"' in html
    assert '<option value="deficiency_not_started" selected>' in html


def test_sending_a_request_with_continuity_warnings(cw_client, case, monkeypatch):
    monkeypatch.setattr(hooks, "continuity_checkers",
                        [lambda case_, codes: ["The minutes did not promise sections."] if "sections" in codes else []])
    url = reverse("applications:request_information", args=[case.reference])
    data = {"items": ["sections"], "message": "Please send sections.", "kind": "documentation",
            "due_date": (timezone.localdate() + dt.timedelta(days=14)).isoformat()}
    response = cw_client.post(url, data)
    assert response.status_code == 200
    html = text(response)
    assert "Check this before you send" in html and "The minutes did not promise sections." in html
    assert 'name="acknowledge_warnings"' in html
    assert Case.objects.get(pk=case.pk).status == S.SUBMITTED
    response = cw_client.post(url, {**data, "acknowledge_warnings": "on"}, follow=True)
    assert "The information request is sent." in text(response)
    request = InformationRequest.objects.get(case=case, state="open")
    assert request.continuity_warning and request.kind == "documentation"
    assert Case.objects.get(pk=case.pk).status == S.AWAITING_INFORMATION


def test_the_request_form_runs_a_fixed_number_of_queries(cw_client, case, django_assert_max_num_queries):
    from tests.applications.factories import DocumentRequirementFactory

    for _n in range(12):
        ChecklistItem.objects.create(case=case, requirement=DocumentRequirementFactory(), required=True)
    run_screening(case_id=case.pk)
    with django_assert_max_num_queries(14):
        response = cw_client.get(reverse("applications:request_information", args=[case.reference]))
    assert response.status_code == 200
    assert response.content.decode().count('name="items"') == 16


def test_request_form_errors_are_shown(cw_client, case):
    url = reverse("applications:request_information", args=[case.reference])
    response = cw_client.post(url, {"message": "", "kind": "documentation",
                                    "due_date": (timezone.localdate() + dt.timedelta(days=14)).isoformat()})
    assert response.status_code == 200
    assert "Say what you need: pick documents from the list or write a message." in text(response)
    response = cw_client.post(url, {"message": "x", "kind": "documentation", "due_date": "tomorrow"})
    assert response.status_code == 200
    assert "Enter the date as year-month-day" in text(response)


# --- Preview ----------------------------------------------------------------------------------

def test_preview_serves_inline_with_safe_headers(cw_client, case, caseworker, client):
    doc = case.documents.get(requirement__code="site-plan")
    response = cw_client.get(reverse("applications:document_preview", args=[case.reference, doc.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="document_preview", actor=caseworker).exists()
    image = support.attach_raw(case, "facades", data=b"\x89PNG\r\n\x1a\n0000", name="f.png", kind="png",
                               content_type="text/html")
    response = cw_client.get(reverse("applications:document_preview", args=[case.reference, image.pk]))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "image/png"  # from the checked kind, never the stored claim
    assert response["Content-Security-Policy"].endswith("sandbox")
    other = support.submitted_case()
    assert cw_client.get(reverse("applications:document_preview", args=[other.reference, doc.pk])).status_code == 404
    cw_client.logout()
    login(cw_client, case.applicant)
    assert cw_client.get(reverse("applications:document_preview", args=[case.reference, doc.pk])).status_code == 403


def test_an_advisory_is_raised_for_an_upload_on_a_submitted_case(case):
    support.upload(case, "sections")
    assert Advisory.objects.filter(case=case, kind=Advisory.Kind.SUPPLEMENTARY_MATERIAL).count() == 1


def test_the_pages_speak_danish_to_a_danish_caseworker(client, case):
    danish = UserFactory(role="caseworker", preferred_language="da")
    login(client, danish)
    queue = text(client.get(reverse("applications:queue")))
    assert "Visitationskø" in queue and "4 af 4 kontroller i orden" in queue and "dage tilbage" in queue
    workspace = text(client.get(workspace_url(case)))
    for expected in ("Handlinger", "Bed om oplysninger", "Markér som fuldstændig", "Der er ikke tilknyttet et "
                     "forhåndsmøde", "Anbefalet, ikke sendt", "Giv sagen til mig"):
        assert expected in workspace, expected
    assert "Request information" not in workspace
