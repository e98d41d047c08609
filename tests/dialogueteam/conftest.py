import pytest
from rest_framework.test import APIClient

from tests.applications.factories import CaseFactory, PropertyFactory
from tests.factories import UserFactory


@pytest.fixture
def make_case(db):
    """``make_case(status="in_review", address="Nørrebrogade 12", name="Søren Ærø")``: a case with a
    property and applicant as given, walked to the status through the transition table."""

    def make(status="submitted", address=None, name=None, postcode="2200", city="København N", caseworker=None,
             **kwargs):
        prop_kwargs = {"postcode": postcode, "city": city}
        if address:
            prop_kwargs["address"] = address
        applicant_kwargs = {"role": "applicant"}
        if name:
            applicant_kwargs["full_name"] = name
        for key in ("email", "phone"):
            if key in kwargs:
                applicant_kwargs[key] = kwargs.pop(key)
        case = CaseFactory(property=PropertyFactory(**prop_kwargs), applicant=UserFactory(**applicant_kwargs),
                           caseworker=caseworker, status=status, **kwargs)
        return case

    return make


@pytest.fixture
def api_for():
    def make(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


@pytest.fixture(autouse=True)
def _the_indexes_way(settings):
    """The search engine's tests check the way of a large scope (the word and pair indexes): the test data is
    one small municipality, which the lookup would otherwise read entry by entry. test_small_scope.py checks
    that way against this one."""
    settings.LOOKUP_SMALL_SCOPE = 0
