"""predialogue 0003_onelink: the plain integer ``Case.predialogue_meeting_id`` becomes a ``LinkedMeeting``
(applications 0006_onelink then drops the column), and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from predialogue.models import LinkedMeeting
from tests.applications.factories import CaseFactory
from tests.predialogue.helpers import request_meeting

BEFORE = [("applications", "0005_date_clock_fields"), ("predialogue", "0002_sec_registration_confirmation")]
AFTER = [("applications", "0006_onelink_remove_predialogue_meeting_id"), ("predialogue", "0003_onelink_linked_meeting")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_integer_becomes_a_link_and_back(applicant, prop):
    meeting = request_meeting(applicant=applicant, prop=prop)
    linked, dangling, other = (CaseFactory(applicant=applicant, property=prop) for _ in range(3))
    LinkedMeeting.objects.create(case=linked, meeting=meeting)
    try:
        old = _migrate(BEFORE)
        Case = old.get_model("applications", "Case")
        assert Case.objects.get(pk=linked.pk).predialogue_meeting_id == meeting.pk  # the way back copies it
        Case.objects.filter(pk=dangling.pk).update(predialogue_meeting_id=987654)  # the integer had no constraint
        Case.objects.filter(pk=linked.pk).update(predialogue_meeting_id=None)
        Case.objects.filter(pk=other.pk).update(predialogue_meeting_id=meeting.pk)
    finally:
        _migrate(AFTER)
    assert list(LinkedMeeting.objects.values_list("case_id", "meeting_id")) == [(other.pk, meeting.pk)]
