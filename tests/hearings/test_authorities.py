"""Issue 17 item 1 with issue 19: the authorities heard come from the list the case's municipality keeps;
another municipality's authorities can be neither picked nor posted, and the admin shows each municipality
its own list."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from applications.models import Municipality
from hearings.models import Authority
from hearings.selectors import authorities_for
from hearings.services import hearings
from hearings.services.errors import HearingInvalid
from tests.factories import UserFactory
from tests.hearings.conftest import TODAY


@pytest.fixture
def lists(review_case):
    own = review_case.property.municipality
    other = Municipality.objects.create(code="0147", name="Frederiksberg")
    return {
        "fire": Authority.objects.create(municipality=own, name="Beredskab", email="brand@example.dk"),
        "retired": Authority.objects.create(municipality=own, name="Old office", email="old@example.dk",
                                            is_active=False),
        "elsewhere": Authority.objects.create(municipality=other, name="Frederiksberg Miljø",
                                              email="miljo.frb@example.dk"),
        "other": other,
    }


def test_the_case_s_municipality_s_active_authorities_only(review_case, lists):
    assert list(authorities_for(case=review_case)) == [lists["fire"]]


def test_another_municipality_s_authority_is_refused(review_case, caseworker, lists):
    with pytest.raises(HearingInvalid, match="Choose an authority from the list"):
        hearings.start_hearing(case=review_case, actor=caseworker, kind="authority", message="Your statement?",
                               today=TODAY, deadline=TODAY + dt.timedelta(days=14),
                               parties=[{"authority": lists["elsewhere"].pk}])
    hearing = hearings.start_hearing(case=review_case, actor=caseworker, kind="authority",
                                     message="Your statement?", today=TODAY,
                                     deadline=TODAY + dt.timedelta(days=14), parties=[{"authority": lists["fire"].pk}])
    assert [(p.name, p.email) for p in hearing.parties.all()] == [("Beredskab", "brand@example.dk")]


def test_the_start_form_lists_the_municipality_s_own(client, review_case, caseworker, lists):
    client.force_login(caseworker)
    page = client.get(reverse("hearings:start", args=[review_case.reference])).content.decode()
    assert "Beredskab" in page and "Frederiksberg Miljø" not in page and "Old office" not in page


def test_the_admin_shows_each_municipality_its_own_list(client, lists):
    view = Permission.objects.filter(codename__in=["view_authority", "change_authority"])
    outsider = UserFactory(role="manager", municipality=lists["other"], is_staff=True)
    outsider.user_permissions.add(*view)
    client.force_login(outsider)
    listing = client.get(reverse("admin:hearings_authority_changelist")).content.decode()
    assert "Frederiksberg Miljø" in listing and "Beredskab" not in listing
    assert client.get(reverse("admin:hearings_authority_change", args=[lists["fire"].pk])).status_code == 302
    form = client.get(reverse("admin:hearings_authority_change", args=[lists["elsewhere"].pk])).content.decode()
    assert "Frederiksberg" in form and f'value="{lists["fire"].municipality_id}"' not in form
