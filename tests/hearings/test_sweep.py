"""The reminder sweep (a Celery beat task): reminders before the deadline, the caseworker's advisory,
closing after the grace period; run twice, it does nothing twice."""

import datetime as dt

from django.conf import settings
from django.core import mail

from applications.models import Advisory
from applications.selectors.advisories import advisory_text
from hearings.models import Hearing, HearingEvent
from hearings.services import answers, sweep

from .conftest import TODAY

DEADLINE = TODAY + dt.timedelta(days=14)


def test_the_sweep_is_a_beat_task():
    assert settings.CELERY_BEAT_SCHEDULE["sweep-hearings"]["task"] == "hearings.tasks.sweep_hearings"


def test_reminders_go_once_to_those_who_have_not_answered(hearing, settings, django_capture_on_commit_callbacks):
    settings.HEARING_REMINDER_DAYS = 3
    ada, bo = hearing.parties.order_by("id")
    answers.answer(party=ada, comment="No thanks.", today=TODAY)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep.send_reminders(today=DEADLINE - dt.timedelta(days=4)) == 0  # not yet
        assert sweep.send_reminders(today=DEADLINE - dt.timedelta(days=3)) == 1
        assert sweep.send_reminders(today=DEADLINE - dt.timedelta(days=3)) == 0  # the second run sends nothing
        assert sweep.sweep(today=DEADLINE - dt.timedelta(days=2))["reminded"] == 0
    assert [m.to for m in mail.outbox] == [["bo@example.dk"]]
    assert "Reminder" in mail.outbox[0].subject
    assert HearingEvent.objects.filter(party=bo, kind="reminded").count() == 1


def test_one_advisory_when_all_have_answered(hearing):
    for party in hearing.parties.all():
        answers.answer(party=party, no_objection=True, today=TODAY)
    assert sweep.advise_ready(today=TODAY) == 1
    assert sweep.advise_ready(today=TODAY) == 0
    advisory = Advisory.objects.get(kind=Advisory.Kind.HEARING_READY)
    assert advisory.recipient == hearing.case.caseworker
    assert advisory_text(advisory) == f"Every party heard on {hearing.case.reference} has answered."


def test_one_advisory_when_the_deadline_has_passed(hearing):
    assert sweep.advise_ready(today=DEADLINE) == 0
    assert sweep.advise_ready(today=DEADLINE + dt.timedelta(days=1)) == 1
    assert sweep.advise_ready(today=DEADLINE + dt.timedelta(days=2)) == 0
    assert "passed its deadline 15 December 2026" in advisory_text(Advisory.objects.get())


def test_the_sweep_closes_a_hearing_after_the_grace_period_twice_run_once_closed(hearing, settings):
    settings.HEARING_GRACE_DAYS = 7
    assert sweep.sweep(today=DEADLINE + dt.timedelta(days=7)) == {"reminded": 0, "advised": 1, "closed": 0}
    first = sweep.sweep(today=DEADLINE + dt.timedelta(days=8))
    second = sweep.sweep(today=DEADLINE + dt.timedelta(days=8))
    assert first == {"reminded": 0, "advised": 0, "closed": 1}
    assert second == {"reminded": 0, "advised": 0, "closed": 0}
    hearing.refresh_from_db()
    assert hearing.status == Hearing.Status.CLOSED and not hearing.closed_early
