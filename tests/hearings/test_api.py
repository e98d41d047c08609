"""The hearings' API (DESIGN.md): start, list (the owner without contact data), close, extend, and the
party's link; 409 for a state the tables do not allow, 400 for bad input, never 500."""

import datetime as dt

import pytest
from django.utils import timezone

from hearings.models import Hearing, HearingEvent, Party
from hearings.services import answers
from tests.applications import caseworker_support as support
from tests.applications.pdfs import pdf_upload
from tests.factories import UserFactory

from .conftest import api


def url(case, rest=""):
    return f"/api/v1/cases/{case.reference}/hearings/{rest}"


def body(case, **extra):
    return {"kind": "neighbours", "message": "We plan to grant a dispensation for the height.",
            "parties": [{"name": "Ada", "email": "ada@example.dk"}, {"name": "Bo", "email": "bo@example.dk"}],
            "documents": list(case.documents.values_list("pk", flat=True)[:2]), **extra}


def test_the_caseworker_starts_a_hearing_and_the_owner_sees_it_without_contact_data(review_case, caseworker):
    answer = api(caseworker).post(url(review_case), body(review_case), format="json")
    assert answer.status_code == 201, answer.content
    data = answer.json()
    assert data["kind"] == "neighbours" and data["status"] == "open"
    assert data["deadline"] == (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    assert [p["name"] for p in data["parties"]] == ["Ada", "Bo"]
    assert {"id", "name", "answered_at", "late"} <= set(data["parties"][0])

    owner = api(review_case.applicant).get(url(review_case))
    assert owner.status_code == 200
    assert owner.json()[0]["invited"] == 2 and owner.json()[0]["answered"] == 0
    assert "ada@example.dk" not in owner.content.decode() and "Ada" not in owner.content.decode()


def test_the_case_detail_status_text_names_the_hearing(review_case, caseworker):
    api(caseworker).post(url(review_case), body(review_case), format="json")
    detail = api(review_case.applicant).get(f"/api/v1/cases/{review_case.reference}/")
    assert "The neighbours are being heard until" in detail.content.decode()


def test_the_case_detail_lists_the_hearings_and_its_queries_do_not_grow(review_case, caseworker,
                                                                        django_assert_num_queries):
    """DESIGN.md, "The second wave": the case detail adds ``hearings``; the owner never sees who is heard,
    staff see the parties' names but not their contact data (that is GET cases/{ref}/hearings/)."""
    detail = f"/api/v1/cases/{review_case.reference}/"
    assert api(review_case.applicant).get(detail).json()["hearings"] == []
    api(caseworker).post(url(review_case), body(review_case), format="json")

    def read(user):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            answer = api(user).get(detail)
        assert answer.status_code == 200
        return answer, len(queries)

    owner, owner_queries = read(review_case.applicant)
    [hearing] = owner.json()["hearings"]
    assert hearing["kind"] == "neighbours" and hearing["status"] == "open"
    assert hearing["invited"] == 2 and hearing["answered"] == 0 and "parties" not in hearing
    assert "ada@example.dk" not in owner.content.decode() and '"Ada"' not in owner.content.decode()
    staff, staff_queries = read(caseworker)
    [seen] = staff.json()["hearings"]
    assert [p["name"] for p in seen["parties"]] == ["Ada", "Bo"] and "email" not in seen["parties"][0]
    assert "ada@example.dk" not in staff.content.decode()

    for more in range(2):  # two more hearings with three parties each: not one query more
        api(caseworker).post(url(review_case), body(review_case, parties=[
            {"name": f"P{more}{i}", "email": f"p{more}{i}@example.dk"} for i in range(3)]), format="json")
    with django_assert_num_queries(owner_queries):
        assert len(api(review_case.applicant).get(detail).json()["hearings"]) == 3
    with django_assert_num_queries(staff_queries):
        assert len(api(caseworker).get(detail).json()["hearings"]) == 3


def test_others_are_refused(review_case, caseworker):
    assert api(review_case.applicant).post(url(review_case), body(review_case), format="json").status_code == 403
    stranger = UserFactory(role="applicant")
    assert api(stranger).get(url(review_case)).status_code == 404
    assert api().get(url(review_case)).status_code in (401, 403)


@pytest.mark.parametrize("change", [{"parties": []}, {"kind": "cats"}, {"documents": [10**9]},
                                    {"deadline": "2020-01-01"}, {"parties": [{"name": "A", "email": "x"}]},
                                    {"message": "x" * 20000}])
def test_bad_input_is_400(review_case, caseworker, change):
    assert api(caseworker).post(url(review_case), body(review_case, **change), format="json").status_code == 400


def test_a_case_not_in_review_is_409(db, caseworker):
    case = support.submitted_case()
    answer = api(caseworker).post(url(case), body(case), format="json")
    assert answer.status_code == 409


def test_close_and_extend(hearing, caseworker):
    case = hearing.case
    cw = api(caseworker)
    assert cw.post(url(case, f"{hearing.pk}/close/")).status_code == 409  # not all answered
    later = (hearing.deadline + dt.timedelta(days=7)).isoformat()
    assert cw.post(url(case, f"{hearing.pk}/extend/"), {"deadline": later}, format="json").status_code == 400
    answer = cw.post(url(case, f"{hearing.pk}/extend/"), {"deadline": later, "reason": "Summer holidays."},
                     format="json")
    assert answer.status_code == 200 and answer.json()["deadline"] == later
    assert api(case.applicant).get(url(case)).json()[0]["extension_reason"] == "Summer holidays."
    for party in hearing.parties.all():
        answers.answer(party=party, no_objection=True)
    assert cw.post(url(case, f"{hearing.pk}/close/")).json()["status"] == "closed"
    assert cw.post(url(case, f"{hearing.pk}/close/")).status_code == 409
    assert cw.post(url(case, "999999/close/")).status_code == 404


def test_the_party_link_shows_the_material_logs_the_opening_and_takes_an_answer(hearing):
    ada = hearing.parties.get(email="ada@example.dk")
    link = f"/api/v1/hearing-answers/{answers.token_for(ada)}/"
    shown = api().get(link)
    assert shown.status_code == 200
    data = shown.json()
    assert data["message"] == hearing.message and len(data["documents"]) == 2 and data["link_state"] == "open"
    assert "bo@example.dk" not in shown.content.decode()
    assert HearingEvent.objects.filter(party=ada, kind="opened").count() == 1
    answer = api().post(link, {"comment": "It takes my light.", "attachments": [pdf_upload("shadow.pdf")]},
                        format="multipart")
    assert answer.status_code == 200, answer.content
    ada.refresh_from_db()
    assert ada.status == Party.Status.ANSWERED and ada.attachments.count() == 1
    assert api().post(link, {"no_objection": True}, format="json").json()["answer"]["no_objection"] is True


def test_a_bad_token_is_404_and_a_closed_hearing_409(hearing, caseworker):
    assert api().get("/api/v1/hearing-answers/nonsense/").status_code == 404
    for party in hearing.parties.all():
        answers.answer(party=party, no_objection=True)
    from hearings.services import hearings

    hearings.close_early(hearing=hearing, actor=caseworker)
    party = hearing.parties.first()
    link = f"/api/v1/hearing-answers/{answers.token_for(party)}/"
    assert api().get(link).json()["link_state"] == "read_only"
    assert api().post(link, {"comment": "again"}, format="json").status_code == 409
    assert Hearing.objects.get().status == "closed"
