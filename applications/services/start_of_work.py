"""Start of work and the permit's lapse (issue 18 item 3).

- The holder (the applicant or an accepted representative) reports the day the work started, once, on a
  granted permit that has not lapsed (``report_start``); in the appeal period it is kept on the case and
  the case becomes "work started" when the period ends (``after_decision.status_after_appeal_period``).
- A permit lapses if the work has not started within 1 year from its date (byggeloven § 16, stk. 10;
  ``after_decision.permit_lapses_on``). The holder is reminded ``settings.PERMIT_LAPSE_REMINDER_DAYS``
  before (``send_lapse_reminders``, once per reminder); on the lapse day the case becomes "lapsed"
  (``lapse_permits``), which every channel shows through the status text.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from applications.models import Case, Decision
from applications.services import events
from applications.services.after_decision import GRANTED, permit_lapses_on
from applications.services.transitions import transition
from permitportal.core.errors import Invalid, NotAllowed

S = Case.Status
STARTABLE = (S.DECIDED, S.APPEALED, S.PERMITTED)


class StartNotAllowed(NotAllowed):
    pass


@transaction.atomic
def report_start(*, case: Case, actor, start_date: date, files: dict | None = None) -> Case:
    """The holder reports the day the work started, with the documents the type asks for at the start
    (``files``: {requirement code: uploaded file}; a missing one refuses the report, see ``stage_documents``)."""
    from applications.selectors.cases import cases_owned_by

    if not cases_owned_by(user=actor).filter(pk=case.pk).exists():
        raise PermissionError(_("Only the permit's holder can report the start of work."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    decision = Decision.objects.filter(case=case).first()
    if decision is None or decision.outcome not in GRANTED or case.status not in STARTABLE:
        raise StartNotAllowed(_("The start of work can only be reported on a permit in force."), code="no_permit")
    if case.started_on:
        raise StartNotAllowed(_("The start of work was already reported: %(date)s.")
                              % {"date": date_format(case.started_on, "j F Y")}, code="already_started")
    today = timezone.localdate()
    lapses_on = permit_lapses_on(decision=decision)
    if start_date is None or start_date > today:
        raise Invalid(_("Give the day the work started; it cannot be in the future."))
    if start_date < timezone.localdate(decision.decided_at):
        raise Invalid(_("The work cannot have started before the permit was given."))
    if start_date >= lapses_on:
        raise Invalid(_("The permit lapsed on %(date)s.") % {"date": date_format(lapses_on, "j F Y")})
    from applications.services import stage_documents

    stage_documents.attach_with_report(case=case, stage="start", files=files, actor=actor)
    Case.objects.filter(pk=case.pk).update(started_on=start_date)
    case.started_on = start_date
    events.record(case=case, kind="work_started", actor=actor, params={"date": start_date.isoformat()})
    if case.status == S.PERMITTED:
        transition(case=case, to=S.WORK_STARTED, actor=actor)
    return case


def _unstarted_permits():
    return Case.objects.filter(status__in=STARTABLE, started_on__isnull=True,
                               decision__outcome__in=list(GRANTED)).select_related("decision", "applicant")


def send_lapse_reminders(*, today: date | None = None) -> int:
    """Remind the holder of each unstarted permit ``PERMIT_LAPSE_REMINDER_DAYS`` before its lapse day (each
    reminder once; a reminder missed while the sweep did not run is sent late, never twice)."""
    from applications.services.notify import recipients, send_once

    today = today or timezone.localdate()
    days = sorted(settings.PERMIT_LAPSE_REMINDER_DAYS)
    if not days:
        return 0
    sent = 0
    for case in _unstarted_permits():
        lapses_on = permit_lapses_on(decision=case.decision)
        left = (lapses_on - today).days
        due = [d for d in days if 0 < left <= d]
        if not due:
            continue
        link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
        for person in recipients(case):
            sent += send_once(key=f"lapse:{case.pk}:{min(due)}:{person.pk}", case=case, person=person,
                              template="applications/email/lapse_reminder",
                              context={"case": case, "lapses_on": lapses_on, "link": link})
    return sent


def lapse_permits(*, today: date | None = None) -> int:
    """On its lapse day a permit in force whose work has not started lapses (permitted → lapsed)."""
    today = today or timezone.localdate()
    count = 0
    for case in Case.objects.filter(status=S.PERMITTED, started_on__isnull=True).select_related("decision"):
        lapses_on = permit_lapses_on(decision=case.decision)
        if lapses_on is not None and lapses_on <= today:
            transition(case=case, to=S.LAPSED, event_params={"date": lapses_on.isoformat()})
            count += 1
    return count
