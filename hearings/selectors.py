"""Reads of the hearings: the case's hearings for the caseworker and (without contact data) for the
applicant, and the note the one status-text function adds while a hearing is open."""

from django.db.models import Count, Prefetch, Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from applications.models import Case

from .models import Hearing, Party

BEING_HEARD = {
    Hearing.Kind.NEIGHBOURS: lambda day: _("The neighbours are being heard until %(date)s.") % {"date": day},
    Hearing.Kind.PARTIES: lambda day: _("The parties are being heard until %(date)s.") % {"date": day},
    Hearing.Kind.AUTHORITY: lambda day: _("Other authorities are being heard until %(date)s.") % {"date": day},
}


def open_hearings(case: Case) -> list[Hearing]:
    if hasattr(case, "_open_hearings"):
        return case._open_hearings
    return list(Hearing.objects.filter(case=case, status=Hearing.Status.OPEN).order_by("deadline", "id"))


def hearing_status_note(case: Case, language: str | None = None) -> str | None:
    """Registered in ``applications.hooks.status_notes``: who is being heard and until when."""
    if case.status != Case.Status.IN_REVIEW:
        return None
    hearings = open_hearings(case)
    if not hearings:
        return None
    with translation.override(language or translation.get_language()):
        return " ".join(BEING_HEARD[h.kind](date_format(h.deadline, "j F Y")) for h in hearings)


def hearings_of_case(*, case: Case) -> list[Hearing]:
    """Every hearing of the case with its parties, documents and counts, in three queries."""
    return list(Hearing.objects.filter(case=case)
                .annotate(invited=Count("parties"),
                          answered=Count("parties", filter=Q(parties__status=Party.Status.ANSWERED)))
                .prefetch_related(Prefetch("parties", queryset=Party.objects.prefetch_related("attachments")),
                                  "documents")
                .order_by("-created_at", "-id"))


def hearing_of_case(*, case: Case, hearing_id) -> Hearing | None:
    return Hearing.objects.filter(case=case, pk=hearing_id).first()


def public_summary(*, case: Case) -> list[dict]:
    """What the applicant and the dialogue team see: kind, deadline, number invited and answered, an
    extension's reason; never the parties' names or contact data."""
    rows = (Hearing.objects.filter(case=case)
            .annotate(invited=Count("parties"),
                      answered=Count("parties", filter=Q(parties__status=Party.Status.ANSWERED)))
            .order_by("-created_at", "-id"))
    return [{"id": h.pk, "kind": h.kind, "kind_label": str(h.get_kind_display()), "status": h.status,
             "deadline": h.deadline, "invited": h.invited, "answered": h.answered,
             "extension_reason": h.extension_reason} for h in rows]


def objections(*, case: Case) -> list[Party]:
    """Every answer given in the case's hearings, objections first, for the decision screen."""
    return list(Party.objects.filter(hearing__case=case, status=Party.Status.ANSWERED)
                .select_related("hearing").prefetch_related("attachments").order_by("no_objection", "answered_at"))
