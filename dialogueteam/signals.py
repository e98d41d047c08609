"""What happened in the dialogue team, for the other apps to hear (the satisfaction survey, for one).

``contact_logged`` is sent after the transaction that wrote the contact has committed, with
``sender=Contact`` and the keyword arguments ``contact`` and ``actor`` (the staff member). It is
sent when a contact is logged (phone, e-mail, desk, and from the API), and when the dialogue team
answers a question an applicant asked in the portal.
"""

from django.dispatch import Signal

# sender=Contact; kwargs: contact, actor
contact_logged = Signal()
