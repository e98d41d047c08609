"""What the dialogue team's app holds about a person: the contacts where they are the person (their
questions in the portal, calls and mails logged under their e-mail address). Registered with
``permitportal.accounts.personal_data`` in ``DialogueteamConfig.ready``."""

from django.db.models import Q

from permitportal.accounts.personal_data import Holder, iso

from .models import Contact


def export(user) -> dict:
    contacts = (Contact.objects.filter(Q(asked_by=user) | Q(caller_email__iexact=user.email.lower()))
                .select_related("case").order_by("created_at"))
    return {"contacts": [{"at": iso(c.created_at), "channel": c.channel, "topic": c.topic,
                          "case": c.case.reference if c.case_id else None, "text": c.summary, "answer": c.answer,
                          "answered_at": iso(c.answered_at)} for c in contacts]}


HOLDER = Holder(name="dialogueteam", export=export)
