"""The demo data loads, and loading it twice adds nothing."""

import io

from predialogue import demo
from predialogue.models import Meeting, OpenHouseSession
from tests.applications.factories import PropertyFactory
from tests.factories import UserFactory


def test_demo_loads_once(db):
    assert demo.load(stdout=io.StringIO()) == ["Pre-application meetings: skipped (no demo users or properties)."]
    UserFactory(email="applicant@example.dk", role="applicant")
    UserFactory(email="caseworker@example.dk", role="caseworker")
    PropertyFactory.create_batch(2)
    lines = demo.load(stdout=io.StringIO())
    assert len(lines) == 2
    assert sorted(Meeting.objects.values_list("status", flat=True)) == ["requested", "scheduled"]
    session = OpenHouseSession.objects.get()
    assert session.starts_at.weekday() == 5
    assert session.title == "Åbent hus: tilbygninger, carporte og kviste"  # in Danish, as the cases are
    assert demo.load(stdout=io.StringIO()) == []
    assert Meeting.objects.count() == 2
