"""Every list and detail view answers in a bounded number of queries that does not grow with the rows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from predialogue import services
from predialogue.models import Sketch
from tests.applications.factories import PropertyFactory
from tests.factories import UserFactory
from tests.predialogue.helpers import published_meeting, request_meeting, schedule


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def _grow(*, applicant, caseworker, n):
    """n more meetings (some scheduled), n sketches and events on the first, n open-house registrations."""
    for i in range(n):
        meeting = request_meeting(applicant=applicant, prop=PropertyFactory())
        if i % 2:
            schedule(meeting, caseworker=caseworker)
    start = timezone.now() + timedelta(days=7 + n)
    session = services.create_session(title=f"Session {n}", starts_at=start, ends_at=start + timedelta(hours=2),
                                      place="Njalsgade 13", capacity=100, actor=caseworker)
    for i in range(n):
        registration = services.register_for_session(session=session, name=f"P{i}", email=f"p{n}-{i}@example.dk",
                                                      description="A carport of 30 m² by the road.")
        services.confirm_registration(token=registration.token)
    return session


@pytest.fixture
def world(applicant, caseworker, prop, catalogue):
    meeting = published_meeting(applicant=applicant, prop=prop, caseworker=caseworker)
    return meeting


def _add_detail_rows(meeting, caseworker, n):
    for i in range(n):
        Sketch.objects.create(meeting=meeting, file=f"predialogue/x/{meeting.pk}-{i}", original_name=f"s{i}.pdf",
                              content_type="application/pdf", kind="pdf", size=10, sha256="0" * 64)
    for _ in range(n):
        services.start_correction(meeting=meeting, actor=caseworker)
        services.publish_minutes(meeting=meeting, actor=caseworker, correction_note="More detail.")


PAGES = {
    "applicant": ["predialogue:index", "predialogue:open_house", "predialogue:my_meetings", "predialogue:request",
                  "open_house_register", "meeting_detail", "api_list", "api_detail", "api_minutes"],
    "caseworker": ["predialogue:staff_requests", "predialogue:staff_sessions", "staff_session", "registration_convert",
                   "predialogue:staff_request_create", "meeting_detail", "schedule", "minutes_edit", "api_list",
                   "api_detail", "api_minutes"],
}


def _url(name, meeting, session):
    return {
        "meeting_detail": reverse("predialogue:meeting_detail", args=[meeting.pk]),
        "staff_session": reverse("predialogue:staff_session", args=[session.pk]),
        "open_house_register": reverse("predialogue:open_house_register", args=[session.pk]),
        "registration_convert": reverse("predialogue:registration_convert",
                                        args=[session.pk, session.registrations.order_by("id").first().pk]),
        "schedule": reverse("predialogue:schedule", args=[meeting.pk]),
        "minutes_edit": reverse("predialogue:minutes_edit", args=[meeting.pk]),
        "api_list": "/api/v1/predialogue/meetings/?status=all",
        "api_detail": f"/api/v1/predialogue/meetings/{meeting.pk}/",
        "api_minutes": f"/api/v1/predialogue/meetings/{meeting.pk}/minutes/",
    }.get(name) or reverse(name)


@pytest.mark.parametrize("role", ["applicant", "caseworker"])
def test_query_counts_do_not_grow_with_the_rows(client, world, applicant, caseworker, role,
                                                django_assert_max_num_queries):
    meeting = world
    user = applicant if role == "applicant" else caseworker
    client.force_login(user)
    if role == "caseworker":
        # The caseworker's pages need a meeting they can schedule and minutes they can edit.
        meeting = request_meeting(applicant=applicant, prop=PropertyFactory())
        schedule(meeting, caseworker=caseworker)
        services.save_minutes(meeting=meeting, actor=caseworker, sections={"participants": "A"})
    session = _grow(applicant=applicant, caseworker=caseworker, n=2)
    if role == "applicant":
        _add_detail_rows(meeting, caseworker, 1)
    small = {name: _queries(client, _url(name, meeting, session)) for name in PAGES[role]}

    session = _grow(applicant=applicant, caseworker=caseworker, n=8)
    UserFactory.create_batch(5, role="caseworker")
    if role == "applicant":
        _add_detail_rows(meeting, caseworker, 4)
    for name in PAGES[role]:
        url = _url(name, meeting, session)
        with django_assert_max_num_queries(small[name]):
            client.get(url)
        assert small[name] <= 25, (name, small[name])
