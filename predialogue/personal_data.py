"""What the predialogue app holds about a person: the meetings they asked for or were the person of,
and their open-house registrations. Registered with ``permitportal.accounts.personal_data`` in
``PredialogueConfig.ready``. A meeting they asked for is a record the authority keeps."""

from django.db.models import Q
from django.utils.translation import gettext as _

from permitportal.accounts.personal_data import Holder, iso

from .models import Meeting, OpenHouseRegistration


def export(user) -> dict:
    email = user.email.lower()
    meetings = (Meeting.objects.filter(Q(applicant=user) | Q(requested_by=user) | Q(on_behalf_of_email__iexact=email))
                .select_related("property").order_by("created_at"))
    registrations = (OpenHouseRegistration.objects.filter(Q(user=user) | Q(email__iexact=email))
                     .select_related("session").order_by("created_at"))
    return {
        "meetings": [{"status": m.status, "address": m.property.address, "description": m.description,
                      "questions": m.questions, "preferred_times": m.preferred_times,
                      "starts_at": iso(m.starts_at), "place": m.place, "created_at": iso(m.created_at)}
                     for m in meetings],
        "open_house_registrations": [{"session": r.session.title, "starts_at": iso(r.session.starts_at),
                                      "name": r.name, "email": r.email, "phone": r.phone,
                                      "description": r.description, "created_at": iso(r.created_at)}
                                     for r in registrations],
    }


def blockers(user) -> list[str]:
    if not Meeting.objects.filter(requested_by=user).exists():
        return []
    return [_("You have asked for a pre-application meeting. We keep the meeting record, so the "
              "account cannot be deleted here. Call the dialogue team if you want it removed.")]


HOLDER = Holder(name="predialogue", export=export, blockers=blockers)
