"""Browser journey: the applicant books a pre-application meeting, the caseworker schedules it and writes and
publishes the minutes, the applicant reads them and starts an application from them with the promised
documents marked. axe-core checks every page on the way."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from applications.models import Case, ChecklistItem
from applications.services.catalogue import load_catalogue
from predialogue.models import Meeting, Minutes
from predialogue.selectors import linked_meeting_id
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_bytes
from tests.factories import PASSWORD, UserFactory


def log_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.wait_for()


@pytest.mark.django_db(transaction=True)
def test_book_schedule_minutes_and_apply_from_them(page, axe, tmp_path, settings):
    # The journey travels two days ahead to the meeting: the caseworker's session must outlive a working day.
    settings.STAFF_SESSION_AGE = timedelta(days=3)
    load_catalogue()
    prop = PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø")
    PropertyFactory(address="Æbeløgade 40", postcode="2100", city="København Ø")
    applicant = UserFactory(role="applicant", full_name="Anne Andersen", email="anne@example.dk")
    caseworker = UserFactory(role="caseworker", full_name="Camilla Christensen", email="camilla@example.dk")

    # --- The applicant books ---------------------------------------------------------------------------
    page.goto("/")
    page.get_by_role("link", name="Book a pre-application meeting").click()
    assert page.get_by_role("heading", name="What a meeting cannot settle").is_visible()
    axe(page, "predialogue-index-anonymous")
    page.get_by_role("link", name="Log in to request a meeting").click()
    page.get_by_label("E-mail address").fill(applicant.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Request a pre-application meeting").wait_for()
    axe(page, "predialogue-request")

    page.get_by_role("button", name="Send the request").click()
    assert page.locator("#error-summary").is_visible()
    assert "Enter the address of the property" in page.locator("#error-summary").inner_text()
    axe(page, "predialogue-request-errors")

    page.get_by_role("combobox", name="Address of the property").fill("Æbeløgade 4")
    page.get_by_role("option", name="Æbeløgade 4, 2100 København Ø").click()
    page.get_by_label("Describe your project").fill("A two-storey extension of 60 m² towards the garden.")
    page.get_by_label("Your questions").fill("Do I need a dispensation for the height?")
    page.get_by_label("When can you meet?").fill("Weekday mornings")
    sketch = tmp_path / "skitse.pdf"
    sketch.write_bytes(pdf_bytes("Sketch of the extension"))
    page.get_by_label("Sketches and drawings (optional)").set_input_files(str(sketch))
    page.get_by_role("button", name="Send the request").click()
    page.get_by_role("heading", name="Pre-application meeting", exact=True).wait_for()
    assert "We have received your request" in page.locator(".messages").inner_text()
    assert page.get_by_role("link", name="skitse.pdf").is_visible()
    axe(page, "predialogue-detail-requested")
    meeting = Meeting.objects.get()
    assert meeting.property == prop and meeting.sketches.count() == 1

    page.get_by_role("link", name="Pre-application meetings").first.click()
    page.get_by_role("heading", name="My pre-application meetings").wait_for()
    assert "Requested" in page.locator("table").inner_text()
    axe(page, "predialogue-my-meetings")
    log_out(page)

    # --- The caseworker schedules ----------------------------------------------------------------------
    log_in(page, caseworker)
    page.get_by_role("link", name="Pre-application meetings").first.click()
    page.get_by_role("heading", name="Pre-application meeting requests").wait_for()
    axe(page, "predialogue-staff-requests")
    page.get_by_role("link", name="Æbeløgade 4, 2100 København Ø").click()
    assert page.get_by_text("Do I need a dispensation for the height?").is_visible()
    axe(page, "predialogue-detail-staff")
    page.get_by_role("link", name="Schedule the meeting").click()
    axe(page, "predialogue-schedule")
    starts = timezone.localtime() + timedelta(days=2)
    page.get_by_label("Date").fill(starts.date().isoformat())
    page.get_by_label("Time").fill("10:00")
    page.get_by_label("Place or video link").fill("Njalsgade 13, room 2.14")
    page.get_by_label("Other attendees (optional)").fill("Ida Holm, architect, ida@example.dk")
    mail.outbox.clear()
    page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text("The invitation with a calendar file has been sent.").wait_for()
    axe(page, "predialogue-detail-scheduled")
    invitation = next(m for m in mail.outbox if applicant.email in m.to)
    ics = invitation.attachments[0][1]
    assert "METHOD:REQUEST" in ics and "LOCATION:Njalsgade 13\\, room 2.14" in ics
    assert {to for m in mail.outbox for to in m.to} == {applicant.email, caseworker.email, "ida@example.dk"}

    # --- After the meeting: minutes ---------------------------------------------------------------------
    meeting.refresh_from_db()
    traveller = time_machine.travel(meeting.starts_at + timedelta(hours=2), tick=True)
    traveller.start()
    try:
        page.reload()
        page.get_by_role("button", name="Mark as held").click()
        page.get_by_text("The meeting is marked as held.").wait_for()
        page.get_by_role("link", name="Write the minutes").click()
        page.get_by_role("heading", name="Minutes of the pre-application meeting").wait_for()
        axe(page, "predialogue-minutes-form")
        page.get_by_label("Participants").fill("Anne Andersen (applicant); Camilla Christensen (caseworker)")
        page.get_by_label("The project as presented").fill("A two-storey extension of 60 m² towards the garden.")
        page.get_by_label("Zoning plan and need for dispensation").fill("Lokalplan 123; no dispensation needed.")
        page.get_by_label("Agreed for Structural documentation").select_option("needed")
        page.get_by_label("Note on Structural documentation").fill("From a certified structural engineer")
        page.get_by_label("Agreed for Screening and notification of building waste").select_option("not_needed")
        page.get_by_label("Indicated application type").select_option("single-family-house")
        page.get_by_label("Next steps").fill("Send the application with the drawings.")
        page.get_by_role("button", name="Save as draft").click()
        page.get_by_text("The minutes are saved as a draft.").wait_for()
        axe(page, "predialogue-minutes-draft")
        mail.outbox.clear()
        page.get_by_role("button", name="Publish the minutes").click()
        page.get_by_text("The minutes are published and locked.").wait_for()
        axe(page, "predialogue-detail-minutes-staff")
        assert Minutes.objects.get().state == "published"
        pdf_mail = mail.outbox[-1]
        assert pdf_mail.to == [applicant.email] and pdf_mail.attachments[0][2] == "application/pdf"
        log_out(page)

        # --- The applicant reads the minutes and applies from them -------------------------------------------
        log_in(page, applicant)
        page.get_by_role("link", name="Pre-application meetings").first.click()
        page.get_by_role("link", name="Read the minutes").click()
        page.get_by_role("heading", name="Minutes of the meeting").wait_for()
        minutes = page.locator("#minutes").inner_text()
        assert "Lokalplan 123; no dispensation needed." in minutes
        assert "From a certified structural engineer" in minutes
        assert "do not bind the decision" in minutes
        axe(page, "predialogue-detail-minutes-applicant")
        page.get_by_role("button", name="Start your application from these minutes").click()
        page.get_by_role("heading", name="About the project").wait_for()
        case = Case.objects.get()
        assert case.application_type.code == "single-family-house" and linked_meeting_id(case) == meeting.pk
        day = timezone.localdate(meeting.starts_at)
        assert ChecklistItem.objects.get(case=case, requirement__code="structural-docs").agreed_at_meeting == day
        page.goto(f"/cases/{case.reference}/documents/")
        agreed = page.get_by_text(re.compile(r"Agreed at the pre-application meeting on"))
        assert agreed.count() == 1 and str(day.day) in agreed.first.inner_text()
        axe(page, "predialogue-draft-documents")
    finally:
        traveller.stop()


@pytest.mark.django_db(transaction=True)
def test_open_house_and_staff_booking_pages(page, axe):
    from predialogue import services

    load_catalogue()
    prop = PropertyFactory(address="Vesterbrogade 10", postcode="1620", city="København V")
    staff = UserFactory(role="dialogue_team", full_name="Dorthe Dam", email="dorthe@example.dk")
    start = timezone.now() + timedelta(days=9)
    session = services.create_session(title="Open house: extensions and carports", starts_at=start,
                                      ends_at=start + timedelta(hours=3), place="Njalsgade 13", capacity=1,
                                      actor=staff)

    page.goto("/predialogue/open-house/")
    assert "1 place left" in page.locator("main").inner_text()
    axe(page, "predialogue-open-house")
    page.get_by_role("link", name=re.compile("^Register")).click()
    axe(page, "predialogue-open-house-register")
    page.get_by_role("button", name="Register").click()
    assert page.locator("#error-summary").is_visible()
    axe(page, "predialogue-open-house-register-errors")
    page.get_by_label("Your name").fill("Ida Holm")
    page.get_by_label("Your e-mail address").fill("ida@example.dk")
    page.get_by_label("Address of the property (optional)").fill("Vesterbrogade 10")
    page.get_by_label("What is your project about?").fill("A roof terrace on a multi-storey building.")
    page.get_by_role("button", name="Register").click()
    page.get_by_text("Almost done: open the link").wait_for()
    assert "1 place left" in page.locator("main").inner_text()  # held only once the address is confirmed
    from predialogue.models import OpenHouseRegistration

    page.goto(f"/predialogue/open-house/confirm/{OpenHouseRegistration.objects.get().token}/")
    axe(page, "predialogue-open-house-confirm")
    page.get_by_role("button", name="Confirm my place").click()
    page.get_by_text("You are registered.").wait_for()
    assert "Full: all places are taken." in page.locator("main").inner_text()

    log_in(page, staff)
    page.goto("/predialogue/staff/open-house/")
    axe(page, "predialogue-staff-sessions")
    page.get_by_role("link", name=session.title).click()
    axe(page, "predialogue-staff-session")
    page.get_by_role("link", name=re.compile("^Make a meeting request")).click()
    axe(page, "predialogue-registration-convert")
    page.get_by_role("combobox", name="Address of the property").fill("Vesterbrogade 10")
    page.get_by_role("option", name="Vesterbrogade 10, 1620 København V").click()
    page.get_by_role("button", name="Make the request").click()
    page.get_by_text("The registration is now a meeting request.").wait_for()
    assert Meeting.objects.get().property == prop

    page.goto("/predialogue/staff/new/")
    axe(page, "predialogue-staff-request-form")
    page.get_by_role("button", name="Register the request").click()
    assert page.locator("#error-summary").is_visible()
    axe(page, "predialogue-staff-request-form-errors")
