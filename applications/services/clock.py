"""The service clock: one expected decision date from the minute of submission.

- On submission: submission day + screening allowance + the type's service target.
- While information is awaited the clock is paused; on resuming, the date moves by the paused days.
- When the case becomes complete: complete day + service target (+ any extension); fixed from then.
- An extension moves it by the given days, with a reason the applicant sees (services.cases).
"""

from datetime import date, timedelta

from django.conf import settings

from applications.models import Case

S = Case.Status


def screening_allowance_days() -> int:
    return getattr(settings, "SCREENING_ALLOWANCE_DAYS", 5)


def service_target_days(case: Case) -> int:
    return case.application_type.service_target_days if case.application_type_id else 0


def on_transition(*, case: Case, from_status: str, to_status: str, today: date, first_time: bool) -> list[str]:
    """Adjust the clock fields for a status change; return the names of the fields changed."""
    changed = []
    if from_status == S.AWAITING_INFORMATION and case.clock_paused_since:
        paused = max((today - case.clock_paused_since).days, 0)
        case.paused_days += paused
        case.clock_paused_since = None
        if case.expected_decision_date:
            case.expected_decision_date += timedelta(days=paused)
        changed += ["paused_days", "clock_paused_since", "expected_decision_date"]
    if to_status == S.SUBMITTED and from_status == S.DRAFT:
        expected = today + timedelta(days=screening_allowance_days() + service_target_days(case))
        case.expected_decision_date = expected
        case.first_expected_decision_date = expected
        changed += ["expected_decision_date", "first_expected_decision_date"]
    elif to_status == S.AWAITING_INFORMATION:
        case.clock_paused_since = today
        changed.append("clock_paused_since")
    elif to_status == S.COMPLETE and first_time:
        # Fixed from the day the case is fully informed; later pauses and extensions move it.
        case.expected_decision_date = today + timedelta(days=service_target_days(case) + case.extension_days)
        changed.append("expected_decision_date")
    return changed


def on_remitted(*, case: Case, today: date) -> list[str]:
    """An appeals body remitted the decision: a new decision is due by today + the type's service target,
    and the case is decided again (``decided_at`` is stamped anew)."""
    case.expected_decision_date = today + timedelta(days=service_target_days(case))
    case.decided_at = None
    return ["expected_decision_date", "decided_at"]


def extend(*, case: Case, days: int) -> None:
    case.extension_days += days
    if case.expected_decision_date:
        case.expected_decision_date += timedelta(days=days)


def clock_state(case: Case, *, today: date) -> dict:
    """Everything a view needs to show the date: expected, on track, days left, elapsed, paused."""
    expected = case.expected_decision_date
    submitted = case.submitted_at.date() if case.submitted_at else None
    at_risk_days = getattr(settings, "TARGET_AT_RISK_DAYS", 5)
    paused = case.status == S.AWAITING_INFORMATION
    finished = case.status in (S.DECIDED, S.APPEALED, S.PERMITTED, S.WORK_STARTED, S.LAPSED,
                               S.COMPLETION_REPORTED, S.CLOSED, S.WITHDRAWN)
    end = case.decided_at.date() if case.decided_at else today
    days_left = (expected - today).days if expected else None
    if expected is None:
        state = "none"
    elif finished:
        state = "met" if case.decided_at and case.decided_at.date() <= expected else "missed"
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
        "days_left": days_left,
        "elapsed_days": (end - submitted).days if submitted else None,
        "paused_days": case.paused_days + ((today - case.clock_paused_since).days if case.clock_paused_since else 0),
        "extension_days": case.extension_days,
        "screening_allowance_days": screening_allowance_days(),
        "service_target_days": service_target_days(case),
    }
