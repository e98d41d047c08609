"""Continuity: a draft started from the minutes inherits the type and the promised documents; an information
request asking for something the minutes did not promise (or said was not needed) warns and is counted."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from applications import hooks
from applications.models import Case, ChecklistItem, InformationRequest
from applications.services import cases as case_services
from applications.services.requests import ContinuityWarning, continuity_warnings, open_information_request
from applications.services.transitions import transition
from predialogue import selectors, services
from predialogue.continuity import check_continuity
from predialogue.models import ContinuityEvent, MeetingEvent
from tests.applications.factories import PropertyFactory
from tests.predialogue.helpers import published_meeting


@pytest.fixture
def meeting(applicant, prop, caseworker, catalogue):
    # Promised: site-plan (the type requires it anyway) and structural-docs (the type's rules only require
    # it for construction class 2-4); not needed: waste-screening.
    return published_meeting(applicant=applicant, prop=prop, caseworker=caseworker)


def test_the_checker_is_registered():
    assert check_continuity in hooks.continuity_checkers


def test_a_draft_started_from_the_minutes_has_the_promised_items_marked_with_the_date(meeting, applicant):
    case = services.start_application_from_minutes(meeting=meeting, actor=applicant)
    assert case.status == Case.Status.DRAFT
    assert case.application_type.code == "single-family-house"
    assert selectors.linked_meeting_id(case) == meeting.pk and case.property == meeting.property
    day = timezone.localdate(meeting.starts_at)
    agreed = dict(ChecklistItem.objects.filter(case=case, agreed_at_meeting__isnull=False)
                  .values_list("requirement__code", "agreed_at_meeting"))
    assert agreed == {"site-plan": day, "structural-docs": day}
    structural = ChecklistItem.objects.get(case=case, requirement__code="structural-docs")
    assert structural.required and structural.is_active  # promised, so on the checklist even if the rules do not
    assert not ChecklistItem.objects.filter(case=case, requirement__code="facades", agreed_at_meeting__isnull=False)


def test_only_the_person_the_meeting_was_for_can_start_from_it(meeting, other_applicant):
    with pytest.raises(services.PredialogueError, match="Only the person"):
        services.start_application_from_minutes(meeting=meeting, actor=other_applicant)


def test_the_button_starts_the_draft_and_the_checklist_says_agreed(client, meeting, applicant):
    client.force_login(applicant)
    response = client.post(reverse("predialogue:start_application", args=[meeting.pk]))
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("applications:draft_edit", args=[case.reference])
    assert case.checklist.filter(agreed_at_meeting__isnull=False).count() == 2


@pytest.fixture
def submitted_case(meeting, applicant):
    case = services.start_application_from_minutes(meeting=meeting, actor=applicant)
    transition(case=case, to=Case.Status.SUBMITTED)
    case.refresh_from_db()
    return case


def test_no_warning_for_what_the_minutes_promised_or_the_rules_require(submitted_case):
    # structural-docs: promised; facades: required by the type's rules though not in the minutes.
    assert check_continuity(submitted_case, ["structural-docs", "site-plan", "facades"]) == []


def test_a_warning_for_a_document_not_promised_and_not_required(submitted_case, meeting):
    warnings = check_continuity(submitted_case, ["fire-docs", "facades"])
    day = timezone.localdate(meeting.starts_at)
    assert len(warnings) == 1
    assert "Fire" in warnings[0] or "fire" in warnings[0]
    assert "was not in the pre-application minutes" in warnings[0] and str(day.year) in warnings[0]


def test_a_warning_for_a_document_the_minutes_said_was_not_needed(submitted_case):
    warnings = check_continuity(submitted_case, ["waste-screening"])
    assert len(warnings) == 1 and "say this document is not needed" in warnings[0]


def test_no_warnings_without_linked_minutes(catalogue, applicant):
    from applications.models import ApplicationType

    case = case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                      application_type=ApplicationType.objects.get(code="single-family-house"))
    assert check_continuity(case, ["fire-docs"]) == []


def test_the_core_sets_the_warning_and_the_event_is_counted(submitted_case, caseworker,
                                                             django_capture_on_commit_callbacks):
    assert continuity_warnings(case=submitted_case, requirement_codes=["fire-docs"])
    with pytest.raises(ContinuityWarning):
        open_information_request(case=submitted_case, items=["fire-docs"], message="", due_date=None,
                                 kind="documentation", actor=caseworker, acknowledge_warnings=False)
    with django_capture_on_commit_callbacks(execute=True):
        request = open_information_request(case=submitted_case, items=["fire-docs", "waste-screening", "site-plan"],
                                           message="Please send these.", due_date=None, kind="documentation",
                                           actor=caseworker)
    assert InformationRequest.objects.get(pk=request.pk).continuity_warning is True
    events = {(e.requirement.code, e.kind) for e in ContinuityEvent.objects.select_related("requirement")}
    assert events == {("fire-docs", "not_promised"), ("waste-screening", "said_not_needed")}
    assert ContinuityEvent.objects.filter(caseworker=caseworker, meeting_id=selectors.linked_meeting_id(submitted_case))
    assert selectors.continuity_counts(user=caseworker) == {"not_promised": 1, "said_not_needed": 1, "requests": 1}


def test_a_request_in_line_with_the_minutes_is_not_counted(submitted_case, caseworker,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = open_information_request(case=submitted_case, items=["structural-docs"], message="",
                                           due_date=None, kind="documentation", actor=caseworker)
    assert request.continuity_warning is False
    assert not ContinuityEvent.objects.exists()


# --- Offering the minutes to an application on the same property -------------------------------------------

@pytest.fixture
def draft(meeting, applicant, prop):
    from applications.models import ApplicationType

    return case_services.create_draft(applicant=applicant, property=prop,
                                      application_type=ApplicationType.objects.get(code="single-family-house"))


def test_minutes_are_offered_to_a_draft_on_the_same_property_by_the_same_applicant(meeting, draft, applicant,
                                                                                   other_applicant, catalogue):
    assert selectors.linkable_meetings(case=draft) == [meeting]
    other_property = case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                                application_type=draft.application_type)
    assert selectors.linkable_meetings(case=other_property) == []
    someone_else = case_services.create_draft(applicant=other_applicant, property=draft.property,
                                              application_type=draft.application_type)
    assert selectors.linkable_meetings(case=someone_else) == []


def test_the_offer_ends_after_the_configured_period(meeting, draft, settings):
    settings.PREDIALOGUE_LINK_DAYS = 30
    assert selectors.linkable_meetings(case=draft) == [meeting]
    type(meeting).objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - timedelta(days=31))
    assert selectors.linkable_meetings(case=draft) == []


def test_the_offer_include_links_the_minutes_and_marks_the_items(client, meeting, draft, applicant):
    request = RequestFactory().get(f"/cases/{draft.reference}/edit/")
    request.user = applicant
    html = Template('{% include "predialogue/includes/offer_minutes.html" %}').render(
        Context({"case": draft, "request": request}))
    assert reverse("predialogue:link_minutes", args=[meeting.pk]) in html and draft.reference in html
    client.force_login(applicant)
    response = client.post(reverse("predialogue:link_minutes", args=[meeting.pk]),
                           {"case": draft.reference, "next": f"/cases/{draft.reference}/edit/"})
    assert response.status_code == 302 and response.url == f"/cases/{draft.reference}/edit/"
    draft.refresh_from_db()
    assert selectors.linked_meeting_id(draft) == meeting.pk
    assert set(draft.checklist.filter(agreed_at_meeting=timezone.localdate(meeting.starts_at))
               .values_list("requirement__code", flat=True)) == {"site-plan", "structural-docs"}
    # Once linked, nothing more is offered.
    assert selectors.linkable_meetings(case=draft) == []
    html = Template('{% include "predialogue/includes/offer_minutes.html" %}').render(
        Context({"case": draft, "request": request}))
    assert html.strip() == ""


def test_linking_to_someone_elses_draft_is_404(client, meeting, other_applicant, catalogue):
    from applications.models import ApplicationType

    theirs = case_services.create_draft(applicant=other_applicant, property=meeting.property,
                                        application_type=ApplicationType.objects.get(code="single-family-house"))
    client.force_login(other_applicant)
    response = client.post(reverse("predialogue:link_minutes", args=[meeting.pk]), {"case": theirs.reference})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert selectors.linked_meeting_id(theirs) is None


# --- Issue 14 item 16: the API starts from minutes as the button does --------------------------------------------

def _api(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_starts_from_the_minutes_without_a_type(meeting, applicant):
    """Before: ``POST cases/`` with ``predialogue_meeting`` and without ``application_type`` answered 400."""
    response = _api(applicant).post("/api/v1/cases/", {"predialogue_meeting": meeting.pk}, format="json")
    assert response.status_code == 201, response.json()
    case = Case.objects.get(reference=response.json()["reference"])
    assert case.application_type.code == "single-family-house"  # the type the minutes indicate
    assert selectors.linked_meeting_id(case) == meeting.pk and case.property == meeting.property
    assert case.checklist.filter(agreed_at_meeting__isnull=False).count() == 2  # as the button marks them
    assert MeetingEvent.objects.filter(meeting=meeting, kind="application_started").count() == 1


def test_the_api_takes_the_meetings_property_and_the_applicants_description(meeting, applicant):
    response = _api(applicant).post("/api/v1/cases/", {"predialogue_meeting": meeting.pk,
                                                       "property": meeting.property_id,
                                                       "description": "The extension, as agreed."}, format="json")
    assert response.status_code == 201, response.json()
    assert Case.objects.get().description == "The extension, as agreed."


@pytest.mark.parametrize("who", ["other", "ghost", "other_property"])
def test_the_api_refuses_a_meeting_that_is_not_the_applicants(meeting, applicant, other_applicant, who):
    user = other_applicant if who == "other" else applicant
    body = {"predialogue_meeting": 987654 if who == "ghost" else meeting.pk}
    if who == "other_property":
        body["property"] = PropertyFactory().pk
    response = _api(user).post("/api/v1/cases/", body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["predialogue_meeting"]
    assert not Case.objects.exists()


def test_the_api_still_needs_a_property_without_a_meeting(applicant, catalogue):
    response = _api(applicant).post("/api/v1/cases/", {"application_type": "small-building"}, format="json")
    assert response.status_code == 400 and "property" in response.json()["errors"]
