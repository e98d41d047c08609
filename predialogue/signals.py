"""What happened in predialogue, for the other apps to hear (a survey after the meeting, for example).

Sent after the transaction that caused it has committed.
"""

from django.dispatch import Signal

# sender=Meeting class; kwargs: meeting, actor
meeting_held = Signal()
