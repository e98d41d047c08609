"""A list's status texts say who is being heard (hooks.status_notes) without a query per case: the hearings app
preloads the open hearings of the whole list (hooks.list_preloaders)."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.services import handling
from hearings.services import hearings
from tests.applications import caseworker_support as support
from tests.factories import UserFactory
from tests.hearings.conftest import TODAY
from tests.postgresql import postgresql_only


def _heard_case(applicant, caseworker):
    case = support.submitted_case(applicant=applicant)
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    hearings.start_hearing(case=case, actor=caseworker, kind="neighbours", message="A dispensation.", today=TODAY,
                           deadline=TODAY + dt.timedelta(days=14),
                           parties=[{"name": "Ada Neighbour", "email": "ada@example.dk"}])
    return case


def _queries(client, url, **params) -> tuple[int, str]:
    client.get(url, params)  # the first search of a form prepares its statement (PostgreSQL): one query more
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(url, params).content.decode()
    return len(ctx.captured_queries), body


def test_my_applications_and_the_lookup_read_the_hearings_once(client, review_case, caseworker, dialogue_member):
    applicant = review_case.applicant
    first = _heard_case(applicant, caseworker)
    client.force_login(applicant)
    one, body = _queries(client, reverse("applications:my_applications"))
    assert "The neighbours are being heard until" in body
    client.force_login(dialogue_member)
    lookup_one, found = _queries(client, reverse("api-lookup"), q=first.reference)
    assert "being heard" in found
    for _ in range(3):
        _heard_case(applicant, caseworker)
    client.force_login(applicant)
    assert _queries(client, reverse("applications:my_applications"))[0] == one
    client.force_login(dialogue_member)
    many, found = _queries(client, reverse("api-lookup"), q=applicant.email)
    assert found.count("being heard") == 4 and many == lookup_one
    postgresql_only("the lookup's one statement carries the open hearings (hooks.list_columns)")
    plain = support.submitted_case(applicant=UserFactory(role="applicant", full_name="Plain Applicant"))
    without, found = _queries(client, reverse("api-lookup"), q=plain.reference)
    assert "being heard" not in found and many == without  # not one query more for the hearings
