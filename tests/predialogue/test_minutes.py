"""Minutes: one fixed template with every section; publishing locks them and sends a PDF in the applicant's
language; a correction makes a new version and keeps the old one."""

from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from predialogue import selectors, services
from predialogue.models import LinkedMeeting, Minutes
from predialogue.notices import render_minutes_pdf
from tests.applications.pdfs import assert_tagged, pdf_text
from tests.predialogue.helpers import (
    MINUTES_SECTIONS,
    after_the_meeting,
    hold,
    published_meeting,
    request_meeting,
    schedule,
    write_and_publish,
)

EVERY_SECTION = ["participants", "project", "zoning_plan", "practice", "placement_and_design", "infrastructure",
                 "other_authorities", "process", "documentation", "application_type", "open_questions",
                 "next_steps", "caveat"]


@pytest.fixture
def held(applicant, prop, caseworker, catalogue):
    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    hold(meeting, caseworker=caseworker)
    return meeting


def test_the_template_has_every_section_in_order():
    assert [name for name, _title, _help in selectors.MINUTES_SECTIONS] == EVERY_SECTION
    assert "do not bind the decision" in str(selectors.CAVEAT)


def test_the_edit_page_has_a_field_for_every_section(client, held, caseworker):
    client.force_login(caseworker)
    html = unescape(client.get(reverse("predialogue:minutes_edit", args=[held.pk])).content.decode())
    for name in Minutes.TEXT_SECTIONS:
        assert f'name="{name}"' in html
    for _name, title, _help in selectors.MINUTES_SECTIONS:
        assert str(title) in html
    assert 'name="doc_site-plan"' in html and 'name="note_site-plan"' in html  # picked from the catalogue
    assert 'name="application_type"' in html and 'value="single-family-house"' in html  # from the type catalogue
    assert str(selectors.CAVEAT) in html


def test_every_section_is_in_the_published_minutes_and_the_pdf(held, caseworker):
    minutes = write_and_publish(held, caseworker=caseworker)
    sections = selectors.minutes_sections(minutes=minutes)
    assert [s["name"] for s in sections] == EVERY_SECTION
    documentation = sections[EVERY_SECTION.index("documentation")]
    assert [d.requirement.code for d in documentation["needed"]] == ["site-plan", "structural-docs"]
    assert [d.requirement.code for d in documentation["not_needed"]] == ["waste-screening"]
    assert sections[EVERY_SECTION.index("application_type")]["application_type"].code == "single-family-house"
    text = " ".join(pdf_text(render_minutes_pdf(minutes=minutes, language="en")).split())
    for _name, title, _help in selectors.MINUTES_SECTIONS:
        assert str(title) in text
    for value in MINUTES_SECTIONS.values():
        assert value in text
    assert "do not bind the decision" in text and "Note on site-plan" in text


def test_a_draft_can_be_saved_again_and_again(held, caseworker):
    services.save_minutes(meeting=held, actor=caseworker, sections={"participants": "A"},
                          required_documents=[{"requirement": "site-plan", "note": ""}])
    minutes = services.save_minutes(meeting=held, actor=caseworker, sections={"participants": "A and B"},
                                    required_documents=[{"requirement": "facades", "note": "All four"}])
    assert Minutes.objects.filter(meeting=held).count() == 1
    assert (minutes.version, minutes.state, minutes.participants) == (1, "draft", "A and B")
    assert [(d.requirement.code, d.note) for d in minutes.documents.all()] == [("facades", "All four")]


def test_publishing_locks_the_minutes(held, caseworker):
    minutes = write_and_publish(held, caseworker=caseworker)
    assert minutes.state == Minutes.State.PUBLISHED and minutes.published_at and minutes.published_by == caseworker
    with pytest.raises(services.MinutesLocked, match="published and locked"):
        services.save_minutes(meeting=held, actor=caseworker, sections={"participants": "Someone else"})
    with pytest.raises(services.MinutesLocked):
        services.publish_minutes(meeting=held, actor=caseworker)
    minutes.refresh_from_db()
    assert minutes.participants == MINUTES_SECTIONS["participants"]


def test_the_edit_page_refuses_published_minutes(client, held, caseworker):
    write_and_publish(held, caseworker=caseworker)
    client.force_login(caseworker)
    response = client.post(reverse("predialogue:minutes_edit", args=[held.pk]),
                           {"participants": "Changed", "action": "save"})
    assert response.status_code == 302
    assert Minutes.objects.get(meeting=held).participants == MINUTES_SECTIONS["participants"]


def test_a_correction_is_a_new_version_and_the_old_one_is_kept(held, caseworker, applicant, client):
    first = write_and_publish(held, caseworker=caseworker)
    draft = services.start_correction(meeting=held, actor=caseworker)
    assert (draft.version, draft.state) == (2, "draft")
    assert draft.participants == first.participants
    assert [d.requirement.code for d in draft.documents.all()] == ["site-plan", "structural-docs", "waste-screening"]
    services.save_minutes(meeting=held, actor=caseworker, sections={**MINUTES_SECTIONS, "next_steps": "Call us."},
                          required_documents=[{"requirement": "site-plan", "note": ""}])
    # The applicant still sees version 1 while the correction is a draft.
    assert selectors.current_minutes(meeting=held).version == 1
    with pytest.raises(services.PredialogueError, match="what this correction changes"):
        services.publish_minutes(meeting=held, actor=caseworker)
    second = services.publish_minutes(meeting=held, actor=caseworker, correction_note="Next steps corrected.")
    assert (second.version, second.state) == (2, "published")
    first.refresh_from_db()
    assert first.state == "published" and first.next_steps == MINUTES_SECTIONS["next_steps"]
    assert [d.requirement.code for d in first.documents.all()] == ["site-plan", "structural-docs", "waste-screening"]
    assert selectors.current_minutes(meeting=held).version == 2
    client.force_login(applicant)
    old_pdf = client.get(reverse("predialogue:minutes_pdf", args=[held.pk]) + "?version=1")
    assert old_pdf.status_code == 200 and "The applicant sends the application" in pdf_text(old_pdf.content)


def test_publishing_needs_participants_and_the_project(held, caseworker):
    services.save_minutes(meeting=held, actor=caseworker, sections={"zoning_plan": "Lokalplan 123"})
    with pytest.raises(services.PredialogueError, match="Participants; The project as presented"):
        services.publish_minutes(meeting=held, actor=caseworker)


def test_unknown_documents_and_types_are_refused(held, caseworker):
    with pytest.raises(services.PredialogueError, match="Unknown documents: no-such-doc"):
        services.save_minutes(meeting=held, actor=caseworker, required_documents=[{"requirement": "no-such-doc"}])
    with pytest.raises(services.PredialogueError, match="Unknown application type"):
        services.save_minutes(meeting=held, actor=caseworker, application_type="castle")
    with pytest.raises(services.PredialogueError, match="both as needed and as not needed"):
        services.save_minutes(meeting=held, actor=caseworker, required_documents=["site-plan"],
                              not_needed_documents=["site-plan"])


def test_minutes_cannot_be_published_before_the_meeting(applicant, prop, caseworker, catalogue):
    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    services.save_minutes(meeting=meeting, actor=caseworker, sections=MINUTES_SECTIONS)
    with pytest.raises(services.PredialogueError, match="has not taken place yet"):
        services.publish_minutes(meeting=meeting, actor=caseworker)
    # After the meeting, publishing marks a scheduled meeting held (through the table).
    with after_the_meeting(meeting):
        services.publish_minutes(meeting=meeting, actor=caseworker)
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_publishing_e_mails_a_pdf_in_the_applicants_language(applicant, prop, caseworker, catalogue,
                                                             django_capture_on_commit_callbacks):
    applicant.preferred_language = "da"
    applicant.save()
    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    hold(meeting, caseworker=caseworker)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        write_and_publish(meeting, caseworker=caseworker)
    message = mail.outbox[-1]
    assert message.to == [applicant.email]
    assert message.subject == "Referat af dit forhåndsmøde"
    name, content, mimetype = message.attachments[0]
    assert mimetype == "application/pdf" and name.endswith("-v1.pdf")
    text = " ".join(pdf_text(content).split())
    assert "Referat af forhåndsmødet" in text and "Deltagere" in text and "binder ikke afgørelsen" in text
    assert Minutes.objects.get(meeting=meeting).emailed_at is not None


def test_the_applicant_sees_published_minutes_but_not_a_draft(client, applicant, prop, caseworker, catalogue):
    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    hold(meeting, caseworker=caseworker)
    services.save_minutes(meeting=meeting, actor=caseworker, sections=MINUTES_SECTIONS,
                          application_type="single-family-house")
    client.force_login(applicant)
    url = reverse("predialogue:meeting_detail", args=[meeting.pk])
    html = client.get(url).content.decode()
    assert MINUTES_SECTIONS["practice"] not in html and "draft" not in html
    assert client.get(reverse("predialogue:minutes_pdf", args=[meeting.pk])).status_code == 404
    services.publish_minutes(meeting=meeting, actor=caseworker)
    html = client.get(url).content.decode()
    assert MINUTES_SECTIONS["practice"] in html and "Start your application from these minutes" in html
    response = client.get(reverse("predialogue:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_the_caseworker_writes_and_publishes_on_the_page(client, held, caseworker):
    client.force_login(caseworker)
    url = reverse("predialogue:minutes_edit", args=[held.pk])
    data = {**MINUTES_SECTIONS, "doc_site-plan": "needed", "note_site-plan": "Show the distance to the boundary",
            "doc_waste-screening": "not_needed", "application_type": "single-family-house", "action": "save"}
    assert client.post(url, data).status_code == 302
    minutes = Minutes.objects.get(meeting=held)
    assert minutes.state == "draft"
    assert [(d.requirement.code, d.needed, d.note) for d in minutes.documents.all()] == [
        ("site-plan", True, "Show the distance to the boundary"), ("waste-screening", False, "")]
    response = client.post(url, {**data, "action": "publish"})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.state == "published"


def test_the_caseworkers_panel_on_the_case_shows_the_minutes(caseworker, applicant, prop, catalogue, rf):
    from django.template.loader import render_to_string

    from tests.applications.factories import CaseFactory

    meeting = published_meeting(applicant=applicant, prop=prop, caseworker=caseworker)
    case = CaseFactory(applicant=applicant, property=prop, status="submitted")
    LinkedMeeting.objects.create(case=case, meeting=meeting)
    request = rf.get("/")
    request.user = caseworker
    html = render_to_string("applications/caseworker/includes/minutes_panel.html", {"case": case}, request=request)
    assert MINUTES_SECTIONS["zoning_plan"] in html and "Documentation the application must include" in html
    assert reverse("predialogue:minutes_pdf", args=[meeting.pk]) in html
    unlinked = CaseFactory(applicant=applicant, property=prop, status="submitted")
    html = render_to_string("applications/caseworker/includes/minutes_panel.html", {"case": unlinked},
                            request=request)
    assert MINUTES_SECTIONS["zoning_plan"] not in html


def test_the_minutes_pdf_is_tagged(held, caseworker):
    minutes = write_and_publish(held, caseworker=caseworker)
    assert_tagged(render_minutes_pdf(minutes=minutes, language="en"), language="en")
