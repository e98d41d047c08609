"""Receivers of the other apps' signals: each touchpoint invites to its survey.

The signals are sent after the transaction that caused them has committed. A receiver never raises:
a survey must never break a submission, a decision, a contact or a meeting.
"""

import logging

from satisfaction import facts, services

logger = logging.getLogger(__name__)


def _safely(what: str, function, **kwargs):
    try:
        return function(**kwargs)
    except Exception:  # noqa: BLE001 - logged; the touchpoint itself has already succeeded
        logger.exception("Could not invite to the survey %s", what)
        return None


def on_case_submitted(sender, case, actor=None, **kwargs):
    return _safely("after submission", services.invite_after_submission, case=case)


def on_case_decided(sender, case, actor=None, decision=None, **kwargs):
    return _safely("after the decision", services.invite_after_decision, case=case)


def on_contact_logged(sender, contact, actor=None, **kwargs):
    return _safely("after a dialogue-team contact", services.invite_after_contact, contact=contact)


def on_meeting_held(sender, meeting, actor=None, **kwargs):
    return _safely("after a pre-application meeting", services.invite_after_meeting, meeting=meeting)


def on_party_answered(sender, party, **kwargs):
    return _safely("after a hearing answer", services.invite_after_hearing_answer, party=party)


def on_case_event(sender, instance, created=False, raw=False, **kwargs):
    """Anything that happens to a case writes an event on its timeline: its KPI facts follow after commit."""
    if created and not raw:
        facts.mark_case_changed(instance.case_id)


def connect() -> list[str]:
    """Connect each touchpoint's receiver to its app's signal (``SatisfactionConfig.ready``), and the
    case facts to every new case event; returns the names connected."""
    from django.db.models.signals import post_save

    from applications import signals as application_signals
    from dialogueteam import signals as dialogue_signals
    from hearings import signals as hearing_signals
    from predialogue import signals as predialogue_signals

    connections = [
        (application_signals, "case_submitted", on_case_submitted),
        (application_signals, "case_decided", on_case_decided),
        (dialogue_signals, "contact_logged", on_contact_logged),
        (predialogue_signals, "meeting_held", on_meeting_held),
        (hearing_signals, "party_answered", on_party_answered),
    ]
    connected = []
    for module, signal_name, receiver in connections:
        getattr(module, signal_name).connect(receiver, dispatch_uid=f"satisfaction.{signal_name}")
        connected.append(f"{module.__name__}.{signal_name}")
    post_save.connect(on_case_event, sender="applications.CaseEvent", dispatch_uid="satisfaction.case_facts")
    connected.append("post_save applications.CaseEvent")
    return connected
