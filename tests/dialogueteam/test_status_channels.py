"""One status truth: for every status, the lookup page, the case card, the lookup API and the case
API say exactly what ``applications.selectors.status.status_text`` says, in English and Danish."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from applications.models import Case
from applications.selectors.status import status_text, waiting_for, waiting_for_text

VISIBLE_TO_STAFF = [s for s in Case.Status.values if s != "draft"]


def test_every_status_but_draft_is_checked():
    assert set(VISIBLE_TO_STAFF) | {"draft"} == set(Case.Status.values)


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("status", VISIBLE_TO_STAFF)
def test_status_text_is_the_same_in_every_channel(client, api_for, make_case, dialogue_member, caseworker, status,
                                                  language):
    case = make_case(status=status, address="Sankt Hans Torv 3", caseworker=caseworker)
    dialogue_member.preferred_language = language
    dialogue_member.save(update_fields=["preferred_language"])
    with translation.override(language):
        expected = status_text(case)
        expected_ball = waiting_for_text(case)
    client.force_login(dialogue_member)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    client.cookies["django_language"] = language

    page = client.get(reverse("dialogueteam:lookup"), {"q": "sankt hans torv"}, **headers).content.decode()
    assert escape(expected) in page
    assert escape(expected_ball) in page

    card = client.get(reverse("dialogueteam:card", args=[case.reference]), **headers).content.decode()
    assert escape(expected) in card
    assert escape(expected_ball) in card

    api = api_for(dialogue_member)
    found = api.get("/api/v1/lookup/", {"q": case.reference}, HTTP_ACCEPT_LANGUAGE=language).json()["results"]
    assert [(r["reference"], r["status"], r["status_text"], r["waiting_for"]) for r in found] == [
        (case.reference, status, expected, waiting_for(case))]

    detail = api.get(f"/api/v1/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE=language)
    assert detail.status_code == 200, "staff read the case through the core's API"
    assert detail.json()["status_text"] == expected


def test_statuses_have_different_texts():
    texts = set()
    for status in Case.Status.values:
        texts.add(status_text(Case(status=status)))
    assert len(texts) == len(Case.Status.values)
