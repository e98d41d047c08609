"""Issue 15 item 5: the letter names the appeals body that applies to the decision, the refusal's
booking link leads to the meeting request for this case, and the caseworker sees the letter's
language and can preview the letter before recording the decision."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from applications.models import Decision
from applications.services import decisions, handling
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_text
from tests.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def in_review(language="en"):
    applicant = UserFactory(role="applicant", preferred_language=language)
    case = support.submitted_case(applicant=applicant)
    worker = UserFactory(role="caseworker", full_name="Karen Sagsbehandler", preferred_language="en")
    handling.mark_complete(case=case, actor=worker)
    handling.start_review(case=case, actor=worker)
    case.refresh_from_db()
    return case, worker


def letter(case, worker, **kwargs):
    params = {"outcome": "granted", "reasons": "The project follows the local plan.", **kwargs}
    return " ".join(pdf_text(decisions.preview_letter(case=case, actor=worker, **params)).split())


def test_a_building_act_decision_names_byggeklageenheden_only(db):
    case, worker = in_review()
    text = letter(case, worker)
    assert "Planklagenævnet / Byggeklageenheden" not in text
    assert "Planklagenævnet" not in text
    assert "to Nævnenes Hus, Byggeklageenheden, within 28 days" in text


def test_a_decision_also_under_the_planning_act_names_each_body_for_its_part(db):
    case, worker = in_review(language="da")
    text = letter(case, worker, planning_act=True)
    assert "til Nævnenes Hus, Byggeklageenheden, inden for 28 dage" in text
    assert "Den del kan du klage over til Planklagenævnet" in text
    assert "Planklagenævnet / Byggeklageenheden" not in text


def test_the_refusal_links_to_the_meeting_request_for_this_case(db, settings):
    settings.SITE_URL = "https://portal.example.dk"
    case, worker = in_review()
    text = letter(case, worker, outcome="refused", guidance="Lower the roof to 3.5 m.")
    link = f"https://portal.example.dk{reverse('predialogue:request')}?case={case.reference}"
    assert link in text.replace(" ", "")  # the PDF may break the line inside the link
    assert "Book it at https://portal.example.dk or" not in text


def test_preview_checks_like_recording_and_records_nothing(db):
    case, worker = in_review()
    with pytest.raises(decisions.CaseError):
        decisions.preview_letter(case=case, actor=worker, outcome="refused", reasons="Too high.")
    assert "The project follows the local plan." in letter(case, worker)
    case.refresh_from_db()
    assert case.status == "in_review" and not Decision.objects.exists()


def test_the_decision_form_shows_the_letter_language_and_previews_the_letter(db, client):
    case, worker = in_review(language="da")
    client.login(email=worker.email, password=PASSWORD)
    url = reverse("applications:decide", args=[case.reference])
    page = client.get(url).content.decode()
    assert "The letter is written in Danish, the applicant's language." in page
    assert 'name="preview"' in page and 'formtarget="_blank"' in page
    response = client.post(url, {"outcome": "granted", "reasons": "Projektet følger lokalplanen.", "preview": "1"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Projektet følger lokalplanen." in text and "Sådan klager du" in text
    assert not Decision.objects.exists()
    response = client.post(url, {"outcome": "granted", "reasons": "Projektet følger lokalplanen."})
    assert response.status_code == 302
    assert Decision.objects.get(case=case).language == "da"


def test_the_api_records_a_decision_under_both_acts(db):
    case, worker = in_review()
    api = APIClient()
    api.force_authenticate(worker)
    response = api.post(f"/api/v1/cases/{case.reference}/decision/",
                        {"outcome": "granted", "reasons": "Fine.", "planning_act": True}, format="json")
    assert response.status_code == 201
    assert Decision.objects.get(case=case).planning_act is True
    assert [b["name"] for b in response.json()["decision"]["appeal_bodies"]] == ["Byggeklageenheden", "Planklagenævnet"]
