"""Firms' cases (issue 20, item 3): a case made on a firm's behalf belongs to the firm; every current member sees
and works on it, in one list; a member who leaves loses access at once (the URL sweep as a former member)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from applications.models import ApplicationType, Case
from applications.selectors import cases as case_selectors
from applications.services import cases as case_services
from applications.services.documents import add_document
from permitportal.accounts import services_firms
from permitportal.accounts.models import FirmMembership, NationalIdentity
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_upload
from tests.applications.test_access import CASE_URLS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def firm(applicant, other_applicant):
    NationalIdentity.objects.create(user=applicant, subject_hash="h1", verified_name="Anna", cvr="87654321")
    firm = services_firms.create_firm(user=applicant, name="Byg & Co ApS")
    services_firms.add_member(firm=firm, actor=applicant, email=other_applicant.email)
    return firm


def _firm_case(firm, member, **kwargs):
    return case_services.create_draft(applicant=member, property=PropertyFactory(), firm=firm,
                                      application_type=ApplicationType.objects.get(code="small-building"), **kwargs)


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_firm_case_is_every_members_and_professional(catalogue, firm, applicant, other_applicant):
    case = _firm_case(firm, applicant)
    assert case.firm == firm and case.customer_group == Case.CustomerGroup.PROFESSIONAL
    case_services.update_draft(case=case, actor=other_applicant, description="Carport", customer_group="private")
    case.refresh_from_db()
    assert case.customer_group == Case.CustomerGroup.PROFESSIONAL  # the dashboard's group follows the firm
    assert list(case_selectors.my_cases(user=other_applicant)) == [case]
    assert case_selectors.get_case_for_user(user=other_applicant, reference=case.reference, owner_only=True) == case
    stranger = UserFactory(role="applicant")
    assert not case_selectors.cases_visible_to(user=stranger).exists()


def test_only_a_current_member_applies_on_the_firms_behalf(catalogue, firm, applicant):
    stranger = UserFactory(role="applicant")
    with pytest.raises(case_services.CaseError):
        _firm_case(firm, stranger)
    response = _api(stranger).post("/api/v1/cases/", {"property": PropertyFactory().pk, "firm": firm.pk,
                                                      "application_type": "small-building"}, format="json")
    assert response.status_code == 400 and not Case.objects.exists()
    response = _api(applicant).post("/api/v1/cases/", {"property": PropertyFactory().pk, "firm": firm.pk,
                                                       "application_type": "small-building"}, format="json")
    assert response.status_code == 201
    assert Case.objects.get(reference=response.json()["reference"]).firm == firm
    assert response.json()["firm"] == {"id": firm.pk, "name": "Byg & Co ApS", "cvr": "87654321"}


def test_the_html_start_on_the_firms_behalf_and_the_list_names_the_firm(catalogue, client, firm, applicant,
                                                                         other_applicant):
    client.force_login(applicant)
    response = client.post(reverse("applications:draft_create"), {
        "property": PropertyFactory().pk, "application_type": "small-building", "firm": str(firm.pk)})
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.firm == firm
    client.force_login(other_applicant)
    page = client.get(reverse("applications:my_applications")).content.decode()
    assert case.reference in page and "On behalf of Byg &amp; Co ApS" in page
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 200
    # Someone else's firm cannot be named.
    client.force_login(UserFactory(role="applicant"))
    assert client.post(reverse("applications:draft_create"), {
        "property": PropertyFactory().pk, "application_type": "small-building", "firm": str(firm.pk)}
    ).status_code == 404
    assert client.post(reverse("applications:draft_create"), {
        "property": PropertyFactory().pk, "application_type": "small-building", "firm": "9" * 40}).status_code == 404


def test_the_firms_cases_in_the_api(catalogue, firm, applicant, other_applicant):
    mine, theirs = _firm_case(firm, applicant), _firm_case(firm, other_applicant)
    private = case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                         application_type=ApplicationType.objects.get(code="small-building"))
    body = _api(other_applicant).get(f"/api/v1/firms/{firm.pk}/cases/").json()
    assert body["firm"] == {"id": firm.pk, "cvr": "87654321", "name": "Byg & Co ApS"}
    assert {c["reference"] for c in body["cases"]} == {mine.reference, theirs.reference}
    assert all(c["municipality"] == mine.property.municipality.code for c in body["cases"])
    assert private.reference not in {c["reference"] for c in _api(other_applicant).get("/api/v1/cases/").json()}
    assert _api(UserFactory(role="applicant")).get(f"/api/v1/firms/{firm.pk}/cases/").status_code == 404


@pytest.mark.parametrize("status", ["draft", "submitted"])
def test_a_member_who_leaves_gets_404_everywhere(catalogue, client, firm, applicant, other_applicant, status):
    """The sweep of tests/applications/test_access.py, as a former member: every applicant-side case URL and API
    path answers 404 (or 405), and the firm's list too."""
    case = _firm_case(firm, applicant)
    doc = add_document(case=case, requirement=case.checklist.first().requirement, uploaded_file=pdf_upload(),
                       actor=applicant)
    if status == "submitted":
        case_services.update_draft(case=case, actor=applicant, description="Carport")
        for item in case.checklist.filter(required=True, is_active=True, state="missing"):
            case_services.mark_not_relevant(case=case, requirement_code=item.requirement.code,
                                            reason="Not relevant for a carport of this size.", actor=applicant)
        case_services.submit(case=case, actor=applicant)
    client.force_login(other_applicant)
    assert client.get(reverse("applications:case_detail", args=[case.reference])).status_code in (200, 302)
    assert client.get(f"/api/v1/cases/{case.reference}/").status_code == 200
    membership = FirmMembership.objects.get(firm=firm, user=other_applicant)
    services_firms.remove_member(membership=membership, actor=applicant)

    leaks = []
    for name, keys in CASE_URLS:
        kwargs = {"reference": case.reference}
        if "pk" in keys:
            kwargs["pk"] = doc.pk
        if "code" in keys:
            kwargs["code"] = "site-plan"
        url = reverse(name, kwargs=kwargs)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code not in (404, 405):
                leaks.append(f"{method.upper()} {url} -> {response.status_code}")
    for url in (f"/api/v1/firms/{firm.pk}/cases/", reverse("accounts:firm", args=[firm.pk])):
        if client.get(url).status_code != 404:
            leaks.append(f"GET {url}")
    assert not leaks, leaks
    assert case.reference not in client.get(reverse("applications:my_applications")).content.decode()
    assert Case.objects.get(pk=case.pk).status == status


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _heard_case(firm, applicant):
    """A firm's case in review with an open hearing: its status text names the hearing."""
    import datetime as dt

    from django.utils import timezone

    from hearings.models import Hearing
    from tests.applications.factories import CaseFactory

    case = CaseFactory(applicant=applicant, firm=firm, status="in_review")
    Hearing.objects.create(case=case, kind="neighbours", deadline=timezone.localdate() + dt.timedelta(days=14),
                           message="Please comment.")
    return case


def test_the_firm_lists_do_not_grow_with_the_cases(catalogue, client, firm, applicant, other_applicant):
    _firm_case(firm, applicant)
    _heard_case(firm, applicant)
    client.force_login(other_applicant)
    api = _api(other_applicant)
    urls = [reverse("applications:my_applications")]
    few = [_count(client, u) for u in urls] + [len(_queries(api, f"/api/v1/firms/{firm.pk}/cases/"))]
    for _ in range(3):
        _firm_case(firm, applicant)
        _heard_case(firm, applicant)
    many = [_count(client, u) for u in urls] + [len(_queries(api, f"/api/v1/firms/{firm.pk}/cases/"))]
    assert many == few
    assert few[-1] <= 6


def _queries(api, url):
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return queries
