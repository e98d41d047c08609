"""What happened in a hearing, for the other apps to hear (surveys). Sent after the transaction has committed."""

from django.dispatch import Signal

# sender=Party class; kwargs: party. A party answered for the first time (a changed answer is not sent again).
party_answered = Signal()
