"""Requests: from an applicant, from a refused case (?case=), and from the dialogue team for a caller."""

from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from predialogue import services
from predialogue.models import Meeting, Sketch
from tests.applications.factories import CaseFactory, PropertyFactory
from tests.applications.files import corpus
from tests.factories import UserFactory
from tests.predialogue.helpers import request_meeting


def _stored_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_an_applicant_requests_a_meeting_with_sketches(applicant, prop, django_capture_on_commit_callbacks,
                                                      sketch_storage):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = request_meeting(applicant=applicant, prop=prop,
                                  sketches=[corpus.good_pdf(name="skitse.pdf"), corpus.good_png()])
    assert meeting.status == Meeting.Status.REQUESTED
    assert meeting.applicant == applicant and meeting.requested_by == applicant
    assert meeting.source == Meeting.Source.APPLICANT
    sketches = list(meeting.sketches.order_by("id"))
    assert [s.original_name for s in sketches] == ["skitse.pdf", "facade.png"]
    assert [s.kind for s in sketches] == ["pdf", "png"]
    for sketch in sketches:
        stored = Path(sketch.file.path)
        assert stored.exists() and stored.name not in ("skitse.pdf", "facade.png")
        assert stored.is_relative_to(sketch_storage) and stored.parts[-4] == "predialogue"
        assert len(stored.name) == 32  # a random hex name
    assert mail.outbox[-1].to == [applicant.email]
    assert "received your request" in mail.outbox[-1].subject


def test_a_refused_sketch_stops_the_request_and_nothing_is_stored(applicant, prop, sketch_storage):
    with pytest.raises(services.PredialogueError) as info:
        request_meeting(applicant=applicant, prop=prop,
                        sketches=[corpus.good_pdf(), corpus.zip_word_document()])
    assert "was not accepted" in info.value.message and "Word document" in info.value.message
    assert not Meeting.objects.exists() and not Sketch.objects.exists()
    assert _stored_files(sketch_storage) == []


@pytest.mark.parametrize("description", ["", "too short"])
def test_a_request_needs_a_description(applicant, prop, description):
    with pytest.raises(services.PredialogueError, match="Describe your project"):
        request_meeting(applicant=applicant, prop=prop, description=description)


def test_the_dialogue_team_books_for_a_caller(dialogue_member, prop):
    caller = UserFactory(role="applicant", email="caller@example.dk", preferred_language="da")
    meeting = services.create_request(
        requested_by=dialogue_member, property=prop, description="Carport of 40 m² by the road.", questions="",
        preferred_times="", on_behalf_of_name="Carl Caller", on_behalf_of_email="Caller@Example.dk",
        on_behalf_of_phone="+45 11 22 33 44")
    assert meeting.source == Meeting.Source.DIALOGUE_TEAM
    assert meeting.applicant == caller  # the caller's account: they see it on the portal
    assert (meeting.contact_name, meeting.contact_email) == ("Carl Caller", "caller@example.dk")
    assert meeting.language == "da"


def test_the_dialogue_team_must_say_who_the_caller_is(dialogue_member, prop):
    with pytest.raises(services.PredialogueError, match="caller's name"):
        services.create_request(requested_by=dialogue_member, property=prop, description="Carport of 40 m².",
                                questions="", preferred_times="")
    with pytest.raises(services.PredialogueError, match="e-mail address or phone"):
        services.create_request(requested_by=dialogue_member, property=prop, description="Carport of 40 m².",
                                questions="", preferred_times="", on_behalf_of_name="Carl")


def test_request_page_from_a_refusal_prefills_the_property_and_links_the_case(client, applicant):
    case = CaseFactory(applicant=applicant, status="decided")
    client.force_login(applicant)
    url = reverse("predialogue:request") + f"?case={case.reference}"
    page = client.get(url)
    assert page.status_code == 200
    assert case.property.address in page.content.decode()
    response = client.post(url, {"case": case.reference, "address": str(case.property),
                                 "property": case.property_id,
                                 "description": "I want to change the design after the refusal.",
                                 "questions": "What height is acceptable?", "preferred_times": ""})
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == reverse("predialogue:meeting_detail", args=[meeting.pk])
    assert (meeting.case, meeting.property, meeting.source) == (case, case.property, Meeting.Source.REFUSAL)


def test_another_applicants_case_cannot_be_used(client, applicant, other_applicant):
    case = CaseFactory(applicant=other_applicant, status="decided")
    client.force_login(applicant)
    assert client.get(reverse("predialogue:request") + f"?case={case.reference}").status_code == 404


def test_request_form_finds_the_address_without_javascript(client, applicant, prop):
    PropertyFactory(address="Æbeløgade 40")
    client.force_login(applicant)
    data = {"address": "Æbeløgade", "description": "A new carport of 30 m² next to the house.", "questions": "",
            "preferred_times": ""}
    page = client.post(reverse("predialogue:request"), data)
    html = page.content.decode()
    assert page.status_code == 200 and "Several addresses match" in html
    assert 'type="radio" name="property"' in html
    data["address"] = "Æbeløgade 4, 2100 København Ø"  # the address as the autocomplete writes it
    data["property"] = ""
    response = client.post(reverse("predialogue:request"), data)
    assert response.status_code == 302
    assert Meeting.objects.get().property == prop


def test_request_form_shows_what_is_wrong(client, applicant):
    client.force_login(applicant)
    page = client.post(reverse("predialogue:request"), {"address": "", "description": ""})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="error-summary"' in html and "Enter the address of the property" in html
    assert not Meeting.objects.exists()


def test_request_form_refuses_a_bad_sketch_with_its_reason(client, applicant, prop):
    client.force_login(applicant)
    page = client.post(reverse("predialogue:request"), {
        "address": str(prop), "property": prop.pk, "description": "A new carport of 30 m² next to the house.",
        "sketches": [corpus.html_renamed_pdf()]})
    assert page.status_code == 200
    assert "was not accepted" in page.content.decode()
    assert not Meeting.objects.exists()


def test_staff_form_books_for_a_caller(client, dialogue_member, prop):
    client.force_login(dialogue_member)
    assert client.get(reverse("predialogue:request")).url == reverse("predialogue:staff_request_create")
    response = client.post(reverse("predialogue:staff_request_create"), {
        "on_behalf_of_name": "Carl Caller", "on_behalf_of_email": "", "on_behalf_of_phone": "+45 11 22 33 44",
        "language": "en", "address": str(prop), "property": prop.pk,
        "description": "Carport of 40 m² by the road.", "questions": "", "preferred_times": "Mornings"})
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.on_behalf_of_name, meeting.on_behalf_of_phone, meeting.language) == (
        "Carl Caller", "+45 11 22 33 44", "en")
    assert meeting.applicant is None and meeting.requested_by == dialogue_member


def test_applicants_cannot_use_the_staff_form(client, applicant):
    client.force_login(applicant)
    assert client.get(reverse("predialogue:staff_request_create")).status_code == 403
    assert client.get(reverse("predialogue:staff_requests")).status_code == 403


def test_the_public_page_says_what_a_meeting_can_and_cannot_settle(client, db):
    html = client.get(reverse("predialogue:index")).content.decode()
    for text in ("What a meeting can settle", "What a meeting cannot settle", "What to bring",
                 "do not bind the decision"):
        assert text in html


def test_the_applicant_sees_the_state_of_the_request(client, applicant, prop, caseworker):
    from tests.predialogue.helpers import schedule

    meeting = request_meeting(applicant=applicant, prop=prop)
    client.force_login(applicant)
    html = client.get(reverse("predialogue:my_meetings")).content.decode()
    assert "Requested" in html and "We will contact you with a time." in html
    schedule(meeting, caseworker=caseworker, place="Njalsgade 13, room 2.14")
    html = client.get(reverse("predialogue:my_meetings")).content.decode()
    assert "Scheduled" in html and "Njalsgade 13, room 2.14" in html
    detail = client.get(reverse("predialogue:meeting_detail", args=[meeting.pk])).content.decode()
    assert "The meeting was scheduled for" in detail and caseworker.get_full_name() in detail


def test_sketches_are_served_as_attachments_to_the_owner(client, applicant, prop):
    meeting = request_meeting(applicant=applicant, prop=prop, sketches=[corpus.good_pdf(name="skitse.pdf")])
    sketch = meeting.sketches.get()
    client.force_login(applicant)
    response = client.get(reverse("predialogue:sketch_download", args=[meeting.pk, sketch.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment") and "skitse.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
