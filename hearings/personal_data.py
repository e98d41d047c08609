"""What the hearings hold about a person with an account: parties heard with their e-mail address.
Registered with ``permitportal.accounts.personal_data`` in ``HearingsConfig.ready``; an answer is a
record of the case, kept with it."""

from permitportal.accounts.personal_data import Holder, iso

from .models import Party


def export(user) -> dict:
    parties = Party.objects.filter(email__iexact=user.email).select_related("hearing__case").order_by("id")
    return {"hearings": [{"case": p.hearing.case.reference, "kind": p.hearing.kind, "name": p.name, "email": p.email,
                          "comment": p.comment, "no_objection": p.no_objection, "answered_at": iso(p.answered_at),
                          "late": p.late} for p in parties]}


HOLDER = Holder(name="hearings", export=export)
