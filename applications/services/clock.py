"""The service clock: one expected decision date from the minute of submission, and it never moves silently.

- On submission: submission day + screening allowance + the type's service target. That is the date we
  give (``first_expected_decision_date``, kept for good: the receipt shows it).
- While information is awaited the clock is paused; on resuming, the date moves by the paused days.
- When the case becomes complete: complete day + service target (+ any extension); fixed from then. The
  date moves by the days the check for completeness took beyond the allowance (or came in under it).
- An extension moves it by the given days, with the caseworker's reason (``extend``).
- A change of application type moves it by the difference of the two service targets (``change_target``).

Every move is a ``date_changed`` event on the timeline with the old date, the new date and its reason
(``record_date_change``), shown in the API's ``date_changes`` and e-mailed to the applicant.

``timeliness`` is the one definition of "decided by the first date we gave", "decided by the current date",
the processing time (from fully informed, pauses excluded) and "screened late": the badges on every page
call it through ``clock_state``, and the dashboard's KPI facts call it per case.

Due dates (answer-by dates, appeal deadlines) fall on a working day: ``next_working_day`` skips weekends
and Danish public holidays (the ``holidays`` package).
"""

import functools
from dataclasses import dataclass
from datetime import date, timedelta

import holidays
from django.conf import settings
from django.utils import timezone

from applications.models import Case

S = Case.Status
# Every status after the decision (appeal, permit in force, work, lapse, completion) and the ends.
FINISHED = (S.DECIDED, S.APPEALED, S.PERMITTED, S.WORK_STARTED, S.LAPSED, S.COMPLETION_REPORTED, S.CLOSED,
            S.WITHDRAWN)

# Why a date moved; the texts are in applications.texts.DATE_CHANGE_REASON.
INFORMATION, EXTENSION, SCREENING, TYPE = "information", "extension", "screening", "type"


def screening_allowance_days() -> int:
    return getattr(settings, "SCREENING_ALLOWANCE_DAYS", 5)


def target_for(*, application_type, municipality_id) -> int:
    """The service target of an application of the type in the municipality: the national target, or, for a
    type without one (``service_target_scope`` local), the municipality's own target where it has set one,
    else the catalogue's default. The one function behind the clock, the guide and the case pages."""
    from applications.models import LocalServiceTarget

    if application_type is None:
        return 0
    if application_type.has_local_target and municipality_id:
        local = (LocalServiceTarget.objects.filter(municipality_id=municipality_id, application_type=application_type)
                 .values_list("days", flat=True).first())
        if local:
            return local
    return application_type.service_target_days


def service_target_days(case: Case) -> int:
    """The target the case was given at submission (``Case.service_target_days``); before that, or on a case
    from before targets were kept, the type's."""
    if case.service_target_days is not None:
        return case.service_target_days
    return case.application_type.service_target_days if case.application_type_id else 0


# --- Working days ------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _danish_holidays(year: int) -> frozenset[date]:
    """Denmark's public holidays (helligdage) in ``year``, from the kept ``holidays`` package."""
    return frozenset(holidays.country_holidays("DK", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _danish_holidays(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, otherwise the first working day after it. A deadline that
    falls on a weekend or a public holiday runs to the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def due_in(days: int, *, start: date | None = None) -> date:
    """A due date ``days`` calendar days after ``start`` (default today), on a working day."""
    return next_working_day((start or timezone.localdate()) + timedelta(days=days))


def appeal_deadline(decided_on: date) -> date:
    """The last day to appeal: the appeal period after the decision day, on a working day."""
    return due_in(settings.APPEAL_PERIOD_DAYS, start=decided_on)


# --- Moving the date -----------------------------------------------------------------------------------------------

def record_date_change(*, case: Case, old: date | None, new: date | None, reason: str, actor=None,
                       **params) -> None:
    """The date moved from ``old`` to ``new``: a public event with the reason, and an e-mail to the applicant
    once the transaction commits. Nothing when it did not move."""
    if old is None or new is None or old == new:
        return
    from applications.services import events
    from applications.tasks import enqueue, notify_date_changes

    events.record(case=case, kind="date_changed", actor=actor,
                  params={"from_date": old.isoformat(), "to_date": new.isoformat(), "reason": reason, **params})
    enqueue(notify_date_changes, case.pk)


def _move(case: Case, by: int, reason: str, *, record: bool = True, **params) -> None:
    old = case.expected_decision_date
    if old is None or not by:
        return
    case.expected_decision_date = old + timedelta(days=by)
    if record:
        record_date_change(case=case, old=old, new=case.expected_decision_date, reason=reason, **params)


def on_transition(*, case: Case, from_status: str, to_status: str, today: date, first_time: bool) -> list[str]:
    """Adjust the clock fields for a status change (recording every move of the date); return the names of
    the fields changed."""
    changed = []
    record = to_status not in FINISHED  # a withdrawn case gets no news about its date
    if from_status == S.AWAITING_INFORMATION and case.clock_paused_since:
        paused = max((today - case.clock_paused_since).days, 0)
        case.paused_days += paused
        case.clock_paused_since = None
        if case.completed_at and not (to_status == S.COMPLETE and first_time):
            case.paused_days_after_complete += paused
        _move(case, paused, INFORMATION, record=record, days=paused)
        changed += ["paused_days", "paused_days_after_complete", "clock_paused_since", "expected_decision_date"]
    if to_status == S.SUBMITTED and from_status == S.DRAFT:
        case.service_target_days = target_for(application_type=case.application_type,
                                              municipality_id=case.property.municipality_id)
        changed.append("service_target_days")
        expected = today + timedelta(days=screening_allowance_days() + service_target_days(case))
        case.expected_decision_date = expected
        case.first_expected_decision_date = expected
        changed += ["expected_decision_date", "first_expected_decision_date"]
    elif to_status == S.AWAITING_INFORMATION:
        case.clock_paused_since = today
        changed.append("clock_paused_since")
    elif to_status == S.COMPLETE and first_time:
        # Fixed from the day the case is fully informed; later pauses and extensions move it.
        submitted = timezone.localdate(case.submitted_at) if case.submitted_at else today
        case.screening_days = max((today - submitted).days - case.paused_days, 0)
        old = case.expected_decision_date
        case.expected_decision_date = today + timedelta(days=service_target_days(case) + case.extension_days)
        if old:
            record_date_change(case=case, old=old, new=case.expected_decision_date, reason=SCREENING,
                               days=abs((case.expected_decision_date - old).days), took=case.screening_days,
                               allowance=screening_allowance_days())
        changed += ["expected_decision_date", "screening_days"]
    return changed


def on_remitted(*, case: Case, today: date) -> list[str]:
    """An appeals body remitted the decision: a new decision is due by today + the type's service target,
    and the case is decided again (``decided_at`` is stamped anew)."""
    case.expected_decision_date = today + timedelta(days=service_target_days(case))
    case.decided_at = None
    return ["expected_decision_date", "decided_at"]


def extend(*, case: Case, days: int, reason: str = "", actor=None) -> None:
    """More time, with the caseworker's reason (the applicant sees it)."""
    case.extension_days += days
    _move(case, days, EXTENSION, actor=actor, days=days, text=reason)


def change_target(*, case: Case, old_type, new_type, actor=None) -> None:
    """The application type changed: the date moves by the difference of the two service targets (each as it
    applies in the case's municipality); the case keeps the new target."""
    from applications.services import events

    if old_type is None:
        old_days = 0
    else:  # the case's own target; on a case from before targets were kept, the old type's
        old_days = case.service_target_days if case.service_target_days is not None else old_type.service_target_days
    new_days = target_for(application_type=new_type, municipality_id=case.property.municipality_id)
    case.service_target_days = new_days
    _move(case, new_days - old_days, TYPE, actor=actor, target=new_days,
          old_target=old_days, **events.names("type", [new_type], "name"))


# --- Reading the clock ---------------------------------------------------------------------------------------------

def screening_deadline(case: Case, *, today: date | None = None) -> date | None:
    """The day by which we should have found the case complete (or asked for more information): submission day
    + the allowance + the days we waited for the applicant. Only for a case in "submitted" (not yet found
    complete and not waiting for the applicant); None otherwise."""
    if case.status != S.SUBMITTED or case.submitted_at is None:
        return None
    return timezone.localdate(case.submitted_at) + timedelta(days=screening_allowance_days() + case.paused_days)


@dataclass(frozen=True)
class Timeliness:
    """How a case did against its dates; None where it does not apply (yet)."""

    by_first_date: bool | None  # decided on or before the date we gave at submission
    by_current_date: bool | None  # decided on or before the expected date as it stood at the decision
    processing_days: int | None  # from fully informed to decided, the days waiting for information excluded
    screened_late: bool | None  # finding it complete took longer than the screening allowance


def timeliness(*, decided_on: date | None, first_expected: date | None, expected: date | None,
               completed_on: date | None = None, paused_days_after_complete: int = 0,
               screening_days: int | None = None, allowance: int | None = None) -> Timeliness:
    """The one definition behind the badges (``clock_state``) and the KPIs (the dashboard's case facts)."""
    allowance = screening_allowance_days() if allowance is None else allowance
    decided = decided_on is not None
    return Timeliness(
        by_first_date=decided_on <= first_expected if decided and first_expected else None,
        by_current_date=decided_on <= expected if decided and expected else None,
        processing_days=(max((decided_on - completed_on).days - paused_days_after_complete, 0)
                         if decided and completed_on else None),
        screened_late=None if screening_days is None else screening_days > allowance,
    )


def case_timeliness(case: Case) -> Timeliness:
    return timeliness(
        decided_on=timezone.localdate(case.decided_at) if case.decided_at else None,
        first_expected=case.first_expected_decision_date, expected=case.expected_decision_date,
        completed_on=timezone.localdate(case.completed_at) if case.completed_at else None,
        paused_days_after_complete=case.paused_days_after_complete, screening_days=case.screening_days)


def clock_state(case: Case, *, today: date) -> dict:
    """Everything a view needs to show the date: expected, on track, days left, elapsed, paused."""
    expected = case.expected_decision_date
    submitted = timezone.localdate(case.submitted_at) if case.submitted_at else None
    at_risk_days = getattr(settings, "TARGET_AT_RISK_DAYS", 5)
    paused = case.status == S.AWAITING_INFORMATION
    finished = case.status in FINISHED
    end = timezone.localdate(case.decided_at) if case.decided_at else today
    days_left = (expected - today).days if expected else None
    # The badge needs only the two verdicts on the dates; the list and lookup rows carry just those fields.
    verdict = timeliness(decided_on=end if case.decided_at else None,
                         first_expected=case.first_expected_decision_date, expected=expected)
    if expected is None:
        state = "none"
    elif finished:
        state = "met" if verdict.by_current_date else "missed"
    elif paused:
        state = "paused"
    elif days_left < 0:
        state = "overdue"
    elif days_left <= at_risk_days:
        state = "at_risk"
    else:
        state = "on_track"
    return {
        "expected": expected,
        "first_expected": case.first_expected_decision_date,
        "state": state,
        "on_track": None if expected is None else state in ("on_track", "at_risk", "paused", "met"),
        "met_first_date": verdict.by_first_date,
        "days_left": days_left,
        "elapsed_days": (end - submitted).days if submitted else None,
        "paused_days": case.paused_days + ((today - case.clock_paused_since).days if case.clock_paused_since else 0),
        "extension_days": case.extension_days,
        "screening_allowance_days": screening_allowance_days(),
        "service_target_days": service_target_days(case),
        "screening_deadline": screening_deadline(case, today=today),
    }
