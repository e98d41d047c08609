"""The one table of allowed status changes of a case, and the one function that changes a case's status.

The table is a ``permitportal.core.state_machine.StateMachine``: ``Case.status`` is protected, so any
other assignment, ``.update(status=...)`` or ``bulk_update`` of it fails at run time. A change not in
the table raises ``TransitionNotAllowed`` (a ``NotAllowed``: the API answers 409, an HTML view shows
the message). Each edge names the rule it serves; ``internal`` edges are taken only by the system.
Source of the statuses and their meaning: DESIGN.md, "Status, with the only allowed transitions".
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from applications import signals
from applications.models import Case
from permitportal.core.errors import NotAllowed
from permitportal.core.state_machine import Edge, StateMachine

S = Case.Status

EDGES = (
    # A person asks for these.
    Edge(S.DRAFT, S.SUBMITTED, "The applicant sends the draft once nothing required is missing."),
    Edge(S.SUBMITTED, S.AWAITING_INFORMATION, "An information request pauses the service clock."),
    Edge(S.SUBMITTED, S.COMPLETE, "Fully informed: the service target counts from today."),
    Edge(S.SUBMITTED, S.WITHDRAWN, "Withdrawn at the applicant's request."),
    Edge(S.AWAITING_INFORMATION, S.COMPLETE, "The caseworker ends the request: the case is fully informed."),
    Edge(S.AWAITING_INFORMATION, S.IN_REVIEW, "The caseworker ends the request and starts the assessment."),
    Edge(S.AWAITING_INFORMATION, S.WITHDRAWN, "Withdrawn at the applicant's request."),
    Edge(S.COMPLETE, S.AWAITING_INFORMATION, "A further request pauses the service clock again."),
    Edge(S.COMPLETE, S.IN_REVIEW, "The caseworker starts the assessment."),
    Edge(S.COMPLETE, S.WITHDRAWN, "Withdrawn at the applicant's request."),
    Edge(S.IN_REVIEW, S.AWAITING_INFORMATION, "The assessment needs more information: the clock pauses."),
    Edge(S.IN_REVIEW, S.DECIDED, "The decision: granted, with conditions, refused or no permit needed."),
    Edge(S.IN_REVIEW, S.WITHDRAWN, "Withdrawn at the applicant's request."),
    # Only the system takes these.
    Edge(S.AWAITING_INFORMATION, S.SUBMITTED, "The applicant's reply answers the request (services.requests).",
         internal=True),
    Edge(S.DECIDED, S.CLOSED, "The appeal period (APPEAL_PERIOD_DAYS, 4 weeks) passed without an appeal: "
         "the periodic sweep closes the case (decisions.close_after_appeal_period); never with an open appeal.",
         internal=True),
    # After the decision: appeals (services.appeals; the rules and their sources in APPEAL_RULES there).
    Edge(S.DECIDED, S.APPEALED, "An appeal lodged within the appeal period (byggeloven § 23, stk. 1: 4 weeks "
         "from the decision) keeps the case open while it runs (appeals.lodge_appeal).", internal=True),
    Edge(S.APPEALED, S.DECIDED, "The last open appeal ended (upheld, overturned or withdrawn) while the appeal "
         "period still runs: others may still appeal (appeals.record_outcome).", internal=True),
    Edge(S.APPEALED, S.CLOSED, "The last open appeal ended (upheld, overturned or withdrawn) after the appeal "
         "period: the case is closed (appeals.record_outcome).", internal=True),
    Edge(S.APPEALED, S.IN_REVIEW, "The appeals body remitted the decision: the case returns to review for a new "
         "decision, with a new expected date (appeals.record_outcome).", internal=True),
    # A permit after the appeal period: in force until the work starts or it lapses (services.start_of_work).
    Edge(S.DECIDED, S.PERMITTED, "The appeal period passed without an open appeal on a permit: it is in force "
         "until the work starts or it lapses (decisions.close_after_appeal_period).", internal=True),
    Edge(S.DECIDED, S.WORK_STARTED, "The appeal period passed without an open appeal on a permit whose holder "
         "already reported the start (decisions.close_after_appeal_period).", internal=True),
    Edge(S.APPEALED, S.PERMITTED, "The last appeal on a permit ended (upheld or withdrawn) after the appeal period "
         "(appeals.record_outcome).", internal=True),
    Edge(S.APPEALED, S.WORK_STARTED, "The last appeal on a permit ended (upheld or withdrawn) after the appeal "
         "period, and the holder had reported the start (appeals.record_outcome).", internal=True),
    Edge(S.PERMITTED, S.WORK_STARTED, "The holder reports the day the work started (start_of_work.report_start)."),
    # Completion (services.completion): BR18 § 40 (completion notice), § 43 (occupancy permit).
    Edge(S.WORK_STARTED, S.COMPLETION_REPORTED, "The holder reports the work completed (færdigmelding, BR18 § 40, "
         "stk. 1; completion.report_completion)."),
    Edge(S.COMPLETION_REPORTED, S.WORK_STARTED, "The caseworker finds the completion documentation lacking: the "
         "holder completes it and reports again (completion.return_completion)."),
    Edge(S.COMPLETION_REPORTED, S.CLOSED, "The caseworker issues the occupancy permit (BR18 § 43, stk. 1) or, where "
         "none is needed (small detached buildings, demolition), closes the case (completion.finish)."),
    Edge(S.PERMITTED, S.LAPSED, "The work did not start within 1 year from the permit's date: the permit lapses "
         "(byggeloven § 16, stk. 10; start_of_work.lapse_permits).", internal=True),
)

# Who has the ball in each status: "applicant", "municipality" or None.
WAITING_FOR = {
    S.DRAFT: "applicant",
    S.SUBMITTED: "municipality",
    S.AWAITING_INFORMATION: "applicant",
    S.COMPLETE: "municipality",
    S.IN_REVIEW: "municipality",
    S.DECIDED: None,
    S.APPEALED: None,
    S.PERMITTED: "applicant",
    S.WORK_STARTED: "applicant",
    S.LAPSED: None,
    S.COMPLETION_REPORTED: "municipality",
    S.CLOSED: None,
    S.WITHDRAWN: None,
}

# After the decision only the table's own edges happen: everything else on the case answers 409.
FINISHED = frozenset({S.DECIDED, S.APPEALED, S.PERMITTED, S.WORK_STARTED, S.LAPSED, S.COMPLETION_REPORTED,
                      S.CLOSED, S.WITHDRAWN})
# Statuses in which the case has a decision to show.
AFTER_DECISION = frozenset({S.DECIDED, S.APPEALED, S.PERMITTED, S.WORK_STARTED, S.LAPSED, S.COMPLETION_REPORTED,
                            S.CLOSED})


class TransitionNotAllowed(NotAllowed):
    def __init__(self, case, to_status):
        self.case = case
        self.to_status = to_status
        super().__init__(
            _("A case that is “%(current)s” cannot become “%(target)s”.")
            % {"current": S(case.status).label, "target": S(to_status).label}
        )


class CaseFinished(NotAllowed):
    """A change to a case that has been decided, closed or withdrawn."""

    def __init__(self, case):
        self.case = case
        super().__init__(_("The case is “%(status)s”, so it can no longer be changed.")
                         % {"status": S(case.status).label}, code="case_finished")


def ensure_open(case: Case) -> None:
    """Refuse (409) any change to a case that is decided, closed or withdrawn."""
    if case.status in FINISHED:
        raise CaseFinished(case)


def _before_save(case, from_status, to_status, now, first_time):
    from applications.services import clock

    if from_status == S.APPEALED and to_status == S.IN_REVIEW:
        return clock.on_remitted(case=case, today=timezone.localdate(now))

    return clock.on_transition(case=case, from_status=from_status, to_status=to_status,
                               today=timezone.localdate(now), first_time=first_time)


def _record_event(case, from_status, to_status, actor, event_params=None, note=""):
    from applications.services import events

    events.record(case=case, kind=f"status:{to_status}", actor=actor,
                  params={"from": from_status, **(event_params or {})}, note=note)


def _signal(case, from_status, to_status, actor):
    signals.case_status_changed.send(sender=Case, case=case, actor=actor, from_status=from_status,
                                     to_status=to_status)


MACHINE = StateMachine(
    model=Case,
    edges=EDGES,
    timestamps={S.SUBMITTED: "submitted_at", S.COMPLETE: "completed_at", S.DECIDED: "decided_at",
                S.COMPLETION_REPORTED: "completion_reported_at",
                S.CLOSED: "closed_at", S.WITHDRAWN: "closed_at"},
    not_allowed=TransitionNotAllowed,
    before_save=_before_save,
    record_event=_record_event,
    on_commit=_signal,
)

TRANSITIONS: dict[str, frozenset[str]] = MACHINE.table


def is_allowed(from_status: str, to_status: str) -> bool:
    return MACHINE.is_allowed(from_status, to_status)


def allowed_targets(case: Case) -> frozenset[str]:
    return MACHINE.allowed_targets(case)


def transition(*, case: Case, to: str, actor=None, event_params: dict | None = None, note: str = "") -> Case:
    """Move ``case`` to status ``to``; lock the row, stamp the time, write the event, signal after commit."""
    return MACHINE.transition(obj=case, to=to, actor=actor, event_params=event_params, note=note)
