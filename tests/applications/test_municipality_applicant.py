"""Issue 19, item 3: one applicant across municipalities. The guide names the municipality that will
handle the case as soon as the property is chosen, with its contact points; every page of a case shows
them; the applicant's list and the API span municipalities."""

import pytest
from django.urls import reverse

from applications.models import Municipality
from tests.applications.factories import CaseFactory, PropertyFactory


@pytest.fixture
def frederiksberg(db):
    return Municipality.objects.create(code="0147", name="Frederiksberg", phone="+45 38 21 21 21",
                                       email="byggesag@frb.example.dk", opening_hours="Mandag-torsdag 10-15",
                                       address="Smallegade 1, 2000 Frederiksberg", colour="#1d6b3a")


def test_the_guide_names_the_municipality_as_soon_as_the_property_is_chosen(client, catalogue, frederiksberg):
    prop = PropertyFactory(address="Godthåbsvej 87", postcode="2000", city="Frederiksberg",
                           municipality=frederiksberg)
    client.post(reverse("applications:guide_start"), {"applying_for": "self"})
    client.post(reverse("applications:guide_property"), {"property": prop.pk})
    for url in (reverse("applications:guide_property"), reverse("applications:guide_question", args=["project"])):
        body = client.get(url).content.decode()
        assert "The municipality that will handle your case: Frederiksberg" in body, url
        assert "+45 38 21 21 21" in body and "byggesag@frb.example.dk" in body and 'fill="#1d6b3a"' in body


def test_every_page_of_a_case_shows_its_municipality(client, applicant, frederiksberg):
    draft = CaseFactory(applicant=applicant, property=PropertyFactory(municipality=frederiksberg))
    sent = CaseFactory(applicant=applicant, status="submitted", property=PropertyFactory(municipality=frederiksberg))
    client.force_login(applicant)
    for url in (reverse("applications:draft_edit", args=[draft.reference]),
                reverse("applications:draft_documents", args=[draft.reference]),
                reverse("applications:draft_check", args=[draft.reference]),
                reverse("applications:case_detail", args=[sent.reference]),
                reverse("applications:appeal", args=[sent.reference])):
        body = client.get(url).content.decode()
        assert "The municipality that handles your case: Frederiksberg" in body, url
        assert "Smallegade 1, 2000 Frederiksberg" in body and "Mandag-torsdag 10-15" in body, url


def test_the_applicants_list_and_the_api_span_municipalities(client, applicant, frederiksberg,
                                                             django_assert_max_num_queries):
    here = CaseFactory(applicant=applicant, status="submitted", property=PropertyFactory(municipality=frederiksberg))
    there = CaseFactory(applicant=applicant, status="submitted")
    client.force_login(applicant)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("applications:my_applications")).content.decode()
    assert here.reference in body and there.reference in body and "Frederiksberg" in body
    listed = {row["reference"]: row["municipality"] for row in client.get(reverse("api-cases")).json()}
    assert listed == {here.reference: "0147", there.reference: there.property.municipality.code}
    detail = client.get(reverse("api-case-detail", args=[here.reference])).json()
    assert detail["municipality"]["code"] == "0147" and detail["municipality"]["phone"] == "+45 38 21 21 21"


def test_the_register_and_the_municipalities_in_the_api(client, frederiksberg):
    PropertyFactory(address="Godthåbsvej 87", municipality=frederiksberg)
    found = client.get(reverse("api-properties"), {"q": "godthåbsvej"}).json()
    assert [row["municipality"] for row in found] == ["0147"]
    codes = {row["code"]: row for row in client.get(reverse("api-municipalities")).json()}
    assert codes["0147"]["name"] == "Frederiksberg" and codes["0147"]["email"] == "byggesag@frb.example.dk"
