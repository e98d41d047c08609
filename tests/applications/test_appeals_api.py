"""Issue 18 item 1 through the API and the pages: lodging (201, 409 with the period's last day, 403, 404),
staff records from a letter, forwarding and outcomes, the case detail's appeals, the pages and their
query counts."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from applications import hooks
from applications.models import Appeal, Case, CaseEvent
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_upload
from tests.applications.test_appeals import decided_case
from tests.factories import UserFactory

S = Case.Status
IN_TIME = dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
LATE = dt.datetime(2026, 4, 2, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811
    return private_storage


@pytest.fixture
def worker(db):
    return UserFactory(role="caseworker")


@pytest.fixture
def case(worker):
    return decided_case(worker)


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def url(case, rest=""):
    return f"/api/v1/cases/{case.reference}/appeals/{rest}"


def test_the_applicant_lodges_in_time_and_the_case_detail_shows_it(case):
    with time_machine.travel(IN_TIME, tick=False):
        response = api(case.applicant).post(url(case), {"grounds": "The condition on the roof is unlawful."},
                                            format="json")
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["status"] == "lodged" and body["received_on"] == "2026-03-10" and "appellant_name" not in body
        detail = api(case.applicant).get(f"/api/v1/cases/{case.reference}/").json()
    assert detail["status"] == "appealed"
    assert detail["status_text"].startswith("The decision has been appealed")
    assert detail["appeals"][0]["status_text"].startswith("We have received the appeal")
    assert detail["appeal_window"] == {"deadline": "2026-03-30", "open": True}
    assert detail["permit_lapses_on"] == "2027-03-02"


def test_after_the_period_409_with_the_day_it_ended(case):
    with time_machine.travel(LATE, tick=False):
        response = api(case.applicant).post(url(case), {"grounds": "Late."}, format="json")
    assert response.status_code == 409
    assert "30 March 2026" in response.json()["message"]


def test_a_stranger_gets_404_and_a_registered_party_may_appeal_with_an_attachment(case, monkeypatch):
    neighbour = UserFactory(role="applicant")
    with time_machine.travel(IN_TIME, tick=False):
        assert api(neighbour).post(url(case), {"grounds": "x"}, format="json").status_code == 404
        monkeypatch.setattr(hooks, "appeal_party_checkers", [lambda c, u: u.pk == neighbour.pk])
        pdf = pdf_upload("photo.pdf")
        response = api(neighbour).post(url(case), {"grounds": "It shades my garden.", "attachments": [pdf]},
                                       format="multipart")
        assert response.status_code == 201, response.content
        assert api(neighbour).get(url(case)).json()[0]["role"] == "party"
    appeal = Appeal.objects.get()
    assert appeal.attachments.count() == 1 and appeal.attachments.get().requirement is None


def test_grounds_are_bounded(case):
    with time_machine.travel(IN_TIME, tick=False):
        response = api(case.applicant).post(url(case), {"grounds": "x" * 10_001}, format="json")
    assert response.status_code == 400


def test_staff_record_a_letter_forward_it_and_record_a_remit(case, worker):
    with time_machine.travel(IN_TIME, tick=False):
        response = api(worker).post(url(case), {"grounds": "By post.", "appellant_name": "Nina Nabo",
                                                "received_on": "2026-03-09"}, format="json")
        assert response.status_code == 201 and response.json()["channel"] == "letter"
        pk = response.json()["id"]
        assert api(case.applicant).post(url(case, f"{pk}/forwarded/"), {"sent_on": "2026-03-10"},
                                        format="json").status_code == 403
        assert api(worker).post(url(case, f"{pk}/outcome/"), {"outcome": "upheld"},
                                format="json").status_code == 409
        assert api(worker).post(url(case, f"{pk}/forwarded/"), {"sent_on": "2026-03-10"},
                                format="json").status_code == 200
        assert api(worker).post(url(case, f"{pk}/outcome/"), {"outcome": "granted"},
                                format="json").status_code == 400
        response = api(worker).post(url(case, f"{pk}/outcome/"), {"outcome": "remitted", "note": "Not heard."},
                                    format="json")
        assert response.status_code == 200 and response.json()["status"] == "remitted"
        assert api(worker).post(url(case, "999/outcome/"), {"outcome": "upheld"}, format="json").status_code == 404
    case.refresh_from_db()
    assert case.status == S.IN_REVIEW
    assert CaseEvent.objects.filter(case=case, params__variant="appeal_remitted").exists()


# --- Pages ---------------------------------------------------------------------------------------

def test_the_applicant_appeals_on_the_page_and_the_case_page_says_so(case, client):
    client.force_login(case.applicant)
    with time_machine.travel(IN_TIME, tick=False):
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
        assert reverse("applications:appeal", args=[case.reference]) in page
        form = client.get(reverse("applications:appeal", args=[case.reference])).content.decode()
        assert "You can appeal until 30 March 2026." in form and "Byggeklageenheden" in form
        response = client.post(reverse("applications:appeal", args=[case.reference]), {"grounds": "Unlawful."})
        assert response.status_code == 302
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert "Appeal received on 10 March 2026" in page
    assert "The decision has been appealed" in page
    with time_machine.travel(LATE, tick=False):
        form = client.get(reverse("applications:appeal", args=[case.reference])).content.decode()
    assert "The time to appeal ended on 30 March 2026." in form and 'name="grounds"' not in form


def test_a_stranger_cannot_open_the_appeal_page(case, client):
    client.force_login(UserFactory(role="applicant"))
    assert client.get(reverse("applications:appeal", args=[case.reference])).status_code == 404


def test_the_workspace_records_forwarding_and_outcome(case, worker, client):
    client.force_login(worker)
    with time_machine.travel(IN_TIME, tick=False):
        client.post(reverse("applications:appeal_letter", args=[case.reference]),
                    {"appellant_name": "Nina Nabo", "received_on": "2026-03-09", "grounds": "By post."})
        appeal = Appeal.objects.get()
        page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
        assert "Nina Nabo" in page and "Record as sent" in page
        client.post(reverse("applications:appeal_forwarded", args=[case.reference, appeal.pk]),
                    {"sent_on": "2026-03-10"})
        client.post(reverse("applications:appeal_outcome", args=[case.reference, appeal.pk]),
                    {"outcome": "withdrawn"})
    appeal.refresh_from_db()
    case.refresh_from_db()
    assert appeal.status == "withdrawn" and appeal.sent_on == dt.date(2026, 3, 10)
    assert case.status == S.DECIDED


def test_the_appeal_pages_run_a_bounded_number_of_queries(case, worker, client, django_assert_max_num_queries):
    from applications.services import appeals

    with time_machine.travel(IN_TIME, tick=False):
        for n in range(5):
            appeals.lodge_appeal(case=case, actor=worker, by_letter=True, appellant_name=f"N{n}", grounds="g",
                                 received_on=dt.date(2026, 3, 9))
        client.force_login(worker)
        with django_assert_max_num_queries(45):
            assert client.get(reverse("applications:workspace", args=[case.reference])).status_code == 200
        client.force_login(case.applicant)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("applications:appeal", args=[case.reference])).status_code == 200
        with django_assert_max_num_queries(14):
            assert api(case.applicant).get(url(case)).status_code == 200
