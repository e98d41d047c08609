"""The hearing screens: the caseworker's (start from the workspace, the hearing, close early, extend,
weigh) and the party's link, with bounds on their queries; the applicant's case page shows the hearing
without the parties' names or contact data."""

import datetime as dt

import pytest
from django.core import mail

from hearings.models import Hearing, HearingEvent, Party
from hearings.services import answers
from tests.applications.pdfs import pdf_upload
from tests.factories import UserFactory


def test_the_workspace_offers_a_hearing_on_a_case_in_review(client, review_case, caseworker):
    client.force_login(caseworker)
    page = client.get(f"/work/cases/{review_case.reference}/").content.decode()
    assert f"/hearings/cases/{review_case.reference}/start/" in page


def test_the_caseworker_starts_a_hearing_with_two_documents(client, review_case, caseworker,
                                                             django_capture_on_commit_callbacks,
                                                             django_assert_max_num_queries):
    client.force_login(caseworker)
    url = f"/hearings/cases/{review_case.reference}/start/"
    with django_assert_max_num_queries(12):
        form = client.get(url)
    assert form.status_code == 200 and "neighbour" in form.content.decode().lower()
    docs = list(review_case.documents.values_list("pk", flat=True)[:2])
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(url, {"kind": "neighbours", "message": "Please comment.", "documents": docs,
                                   "parties": "Ada Jensen, ada@example.dk\nBo Hansen, bo@example.dk"})
    hearing = Hearing.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/hearings/cases/{review_case.reference}/{hearing.pk}/"
    assert hearing.documents.count() == 2 and hearing.parties.count() == 2
    assert len(mail.outbox) == 2


def test_a_bad_party_line_is_shown_on_the_form(client, review_case, caseworker):
    client.force_login(caseworker)
    page = client.post(f"/hearings/cases/{review_case.reference}/start/",
                       {"kind": "neighbours", "message": "m", "parties": "Ada Jensen without address"})
    assert page.status_code == 200 and "is not an e-mail address" in page.content.decode()
    assert not Hearing.objects.exists()


def test_the_hearing_screen_has_bounded_queries(client, hearing, caseworker, django_assert_max_num_queries):
    for party in hearing.parties.all():
        answers.answer(party=party, comment="Too high.", files=[pdf_upload("why.pdf")])
    client.force_login(caseworker)
    with django_assert_max_num_queries(14):
        page = client.get(f"/hearings/cases/{hearing.case.reference}/{hearing.pk}/")
    text = page.content.decode()
    assert page.status_code == 200 and "ada@example.dk" in text and "why.pdf" in text and "Objection" in text


def test_close_extend_and_weigh_from_the_screen(client, hearing, caseworker):
    client.force_login(caseworker)
    base = f"/hearings/cases/{hearing.case.reference}/{hearing.pk}/"
    refused = client.post(f"{base}close/", HTTP_REFERER=f"http://testserver{base}")
    assert refused.status_code == 303  # not all answered: the message, back on the page
    later = hearing.deadline + dt.timedelta(days=7)
    client.post(f"{base}extend/", {"deadline": later.isoformat(), "reason": "Holidays."})
    hearing.refresh_from_db()
    assert hearing.deadline == later
    ada, bo = hearing.parties.order_by("id")
    answers.answer(party=ada, comment="No.")
    answers.answer(party=bo, no_objection=True)
    client.post(f"{base}parties/{ada.pk}/weigh/", {"text": "Within the local plan."})
    ada.refresh_from_db()
    assert ada.weighing == "Within the local plan."
    client.post(f"{base}close/")
    hearing.refresh_from_db()
    assert hearing.status == "closed"


def test_applicants_and_the_dialogue_team_cannot_open_the_hearing_screen(client, hearing, dialogue_member):
    client.force_login(hearing.case.applicant)
    assert client.get(f"/hearings/cases/{hearing.case.reference}/{hearing.pk}/").status_code == 403
    client.force_login(UserFactory(role="applicant"))
    assert client.get(f"/hearings/cases/{hearing.case.reference}/{hearing.pk}/").status_code == 404


def test_the_applicants_case_page_shows_the_hearing_without_parties(client, hearing):
    client.force_login(hearing.case.applicant)
    page = client.get(f"/cases/{hearing.case.reference}/").content.decode()
    assert "The neighbours are being heard until" in page
    assert "0 of 2 have answered" in page
    assert "ada@example.dk" not in page and "Ada Neighbour" not in page


def test_the_party_page_logs_the_opening_and_takes_an_objection_with_an_attachment(
        client, hearing, django_assert_max_num_queries):
    ada = hearing.parties.get(email="ada@example.dk")
    link = f"/hearings/answer/{answers.token_for(ada)}/"
    with django_assert_max_num_queries(10):
        page = client.get(link)
    assert page.status_code == 200 and hearing.message in page.content.decode()
    assert HearingEvent.objects.filter(party=ada, kind="opened").exists()
    doc = hearing.documents.first()
    assert client.get(f"{link}documents/{doc.pk}/").status_code == 200
    other = hearing.case.documents.exclude(pk__in=hearing.documents.all()).first()
    assert client.get(f"{link}documents/{other.pk}/").status_code == 404
    answer = client.post(link, {"comment": "It blocks the light.", "attachments": [pdf_upload("light.pdf")]})
    assert answer.status_code == 302
    ada.refresh_from_db()
    assert ada.status == Party.Status.ANSWERED and ada.objected and ada.attachments.count() == 1


def test_the_party_page_refuses_a_bad_file_on_the_form(client, hearing):
    from django.core.files.uploadedfile import SimpleUploadedFile

    ada = hearing.parties.first()
    page = client.post(f"/hearings/answer/{answers.token_for(ada)}/",
                       {"comment": "x", "attachments": [SimpleUploadedFile("a.pdf", b"GIF89a....")]})
    assert page.status_code == 200 and "There is a problem" in page.content.decode()


@pytest.mark.parametrize("token", ["nonsense", "a" * 40])
def test_an_unknown_link_is_404(client, db, token):
    assert client.get(f"/hearings/answer/{token}/").status_code == 404


def test_the_dialogue_teams_case_card_shows_the_hearing_without_contact_data(client, hearing, dialogue_member):
    client.force_login(dialogue_member)
    page = client.get(f"/dialogue/cases/{hearing.case.reference}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "The neighbours are being heard until" in text and "0 of 2 have answered" in text
    assert "ada@example.dk" not in text


def test_the_hearing_letter_for_paper_carries_the_message_and_the_personal_link(client, hearing, caseworker):
    from tests.applications.pdfs import pdf_text

    bo = hearing.parties.get(email="bo@example.dk")  # Bo reads English
    client.force_login(caseworker)
    answer = client.get(f"/hearings/cases/{hearing.case.reference}/{hearing.pk}/parties/{bo.pk}/letter.pdf")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(answer.content).split())
    assert hearing.message in text and "15 December 2026" in text
    assert answers.token_for(bo)[:20] in text.replace(" ", "")
    client.force_login(hearing.case.applicant)
    assert client.get(f"/hearings/cases/{hearing.case.reference}/{hearing.pk}/parties/{bo.pk}/letter.pdf"
                      ).status_code == 403


# --- The neighbour picker (issue 17 item 1): neighbours picked from the property register by address --------------

def _start_url(case, **query):
    from urllib.parse import urlencode

    return f"/hearings/cases/{case.reference}/start/" + (f"?{urlencode(query)}" if query else "")


def test_the_start_form_lists_the_register_s_properties_on_the_case_s_street(client, review_case, caseworker,
                                                                              django_assert_max_num_queries):
    from tests.applications.factories import PropertyFactory

    next_door = PropertyFactory(address="Testvej 901")
    elsewhere = PropertyFactory(address="Andevej 3")
    client.force_login(caseworker)
    with django_assert_max_num_queries(13):
        page = client.get(_start_url(review_case)).content.decode()
    picker = page.split('id="neighbour-picker"')[1].split("</table>")[0]
    assert f'value="{next_door.pk}"' in picker and "Testvej 901, 2100 København Ø" in picker
    assert f'value="{review_case.property_id}"' not in picker  # not the case's own property
    assert "Andevej 3" not in picker
    page = client.get(_start_url(review_case, street="Andevej")).content.decode()
    assert f'value="{elsewhere.pk}"' in page.split('id="neighbour-picker"')[1]


def test_picked_neighbours_and_a_free_entry_are_heard(client, review_case, caseworker,
                                                      django_capture_on_commit_callbacks):
    from tests.applications.factories import PropertyFactory

    next_door = PropertyFactory(address="Testvej 901")
    client.force_login(caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(_start_url(review_case), {
            "kind": "neighbours", "message": "Please comment.", "street": "Testvej",
            "neighbours": [next_door.pk], f"neighbour_name_{next_door.pk}": "Ada Nabo",
            f"neighbour_email_{next_door.pk}": "ada@example.dk", "parties": "Bo Hansen, bo@example.dk"})
    assert answer.status_code == 302, answer.content.decode()[:500]
    parties = {p.email: p for p in Party.objects.all()}
    assert set(parties) == {"ada@example.dk", "bo@example.dk"}
    assert parties["ada@example.dk"].property == next_door and parties["ada@example.dk"].name == "Ada Nabo"
    assert parties["bo@example.dk"].property is None
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("name, email, says", [
    ("Ada Nabo", "", "Give the e-mail address of each neighbour you picked."),
    ("Ada Nabo", "not-an-address", "is not an e-mail address"),
    ("A" * 201, "ada@example.dk", "too long or has a control character"),
])
def test_a_picked_neighbour_needs_a_good_e_mail_address(client, review_case, caseworker, name, email, says):
    from tests.applications.factories import PropertyFactory

    next_door = PropertyFactory(address="Testvej 901")
    client.force_login(caseworker)
    page = client.post(_start_url(review_case), {
        "kind": "neighbours", "message": "Please comment.", "street": "Testvej", "neighbours": [next_door.pk],
        f"neighbour_name_{next_door.pk}": name, f"neighbour_email_{next_door.pk}": email})
    assert page.status_code == 200 and says in page.content.decode()
    assert not Hearing.objects.exists()


def test_an_address_not_listed_cannot_be_picked_and_a_bad_search_is_explained(client, review_case, caseworker):
    from tests.applications.factories import PropertyFactory

    far_away = PropertyFactory(address="Andevej 3")
    client.force_login(caseworker)
    page = client.post(_start_url(review_case), {
        "kind": "neighbours", "message": "Please comment.", "street": "Testvej", "neighbours": [far_away.pk],
        f"neighbour_name_{far_away.pk}": "Cy", f"neighbour_email_{far_away.pk}": "cy@example.dk"})
    assert page.status_code == 200 and not Hearing.objects.exists()
    page = client.get(_start_url(review_case, street="vej " * 300))
    assert page.status_code == 200
    assert 'id="street-error"' in page.content.decode() and 'aria-invalid="true"' in page.content.decode()
