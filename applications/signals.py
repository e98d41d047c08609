"""What happened in the core, for the other apps to hear (surveys, dialogue team, predialogue).

Each is sent after the transaction that caused it has committed.
"""

from django.dispatch import Signal

# sender=Case class; kwargs: case, actor
case_submitted = Signal()
# kwargs: case, actor, from_status, to_status
case_status_changed = Signal()
# kwargs: case, actor, request (the information request)
information_requested = Signal()
# kwargs: case, actor, decision
case_decided = Signal()
