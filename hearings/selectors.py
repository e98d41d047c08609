"""Reads of the hearings: the case's hearings for the caseworker and (without contact data) for the
applicant, and the note the one status-text function adds while a hearing is open."""

from django.db.models import Count, Prefetch, Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from applications.models import Case, Document

from .models import Hearing, HearingEvent, Party

BEING_HEARD = {
    Hearing.Kind.NEIGHBOURS: lambda day: _("The neighbours are being heard until %(date)s.") % {"date": day},
    Hearing.Kind.PARTIES: lambda day: _("The parties are being heard until %(date)s.") % {"date": day},
    Hearing.Kind.AUTHORITY: lambda day: _("Other authorities are being heard until %(date)s.") % {"date": day},
}


def authorities_for(*, case: Case):
    """The authorities the case's municipality hears (its own list, issue 19): the form's choices and the
    service's check read the same rows."""
    from .models import Authority

    return Authority.objects.filter(is_active=True, municipality_id=case.property.municipality_id)


def open_hearings(case: Case) -> list[Hearing]:
    if hasattr(case, "_open_hearings"):
        return case._open_hearings
    if case.pk is None:  # a case not saved has no hearings
        return []
    return list(Hearing.objects.filter(case=case, status=Hearing.Status.OPEN).order_by("deadline", "id"))


def preload_open_hearings(cases: list[Case]) -> None:
    """Registered in ``applications.hooks.list_preloaders``: the open hearings of every case in review in the list,
    in one query, so that a list's status texts do not ask case by case (cases that came with them skipped)."""
    cases = [case for case in cases if not hasattr(case, "_open_hearings")]
    in_review = {case.pk: case for case in cases if case.status == Case.Status.IN_REVIEW and case.pk}
    for case in cases:
        case._open_hearings = []
    if not in_review:
        return
    for hearing in Hearing.objects.filter(case_id__in=list(in_review), status=Hearing.Status.OPEN).order_by(
            "deadline", "id"):
        in_review[hearing.case_id]._open_hearings.append(hearing)


class OpenHearingsColumn:
    """Registered in ``applications.hooks.list_columns``: the open hearings' kinds and deadlines as one text
    column of a list's own statement (the lookup's), on PostgreSQL; elsewhere the preloader reads them."""

    @staticmethod
    def sql(alias: str, vendor: str) -> str | None:
        if vendor != "postgresql":
            return None
        return (f"(SELECT string_agg(h.kind || ' ' || h.deadline::text, ',' ORDER BY h.deadline, h.id) "
                f"FROM {Hearing._meta.db_table} h WHERE h.case_id = {alias}.id "
                f"AND h.status = '{Hearing.Status.OPEN.value}')")

    @staticmethod
    def apply(case: Case, value: str | None) -> None:
        import datetime

        case._open_hearings = [Hearing(case_id=case.pk, kind=kind, deadline=datetime.date.fromisoformat(day))
                               for kind, day in (part.split(" ") for part in (value or "").split(",") if part)]


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


def case_detail_fields(case: Case, include_staff: bool) -> dict:
    """Registered in ``applications.hooks.detail_fields``: the case detail's ``hearings`` (DESIGN.md, "The second
    wave"): the public summary, and for staff the parties heard without their contact data. One query, two
    for staff."""
    rows = public_summary(case=case)
    if include_staff and rows:
        parties: dict[int, list] = {}
        for p in Party.objects.filter(hearing__case=case).order_by("id"):
            parties.setdefault(p.hearing_id, []).append(
                {"id": p.pk, "name": p.name, "status": p.status, "answered_at": p.answered_at, "late": p.late})
        for row in rows:
            row["parties"] = parties.get(row["id"], [])
    return {"hearings": rows}


def is_heard_party(case: Case, user) -> bool:
    """Registered in ``applications.hooks.appeal_party_checkers``: a person heard in one of the case's hearings
    (invited as a party, under the e-mail address of their verified account) may appeal its decision as a
    party to the case (the hearing found them to have an individual, substantial interest)."""
    email = getattr(user, "email", "")
    if not email or not getattr(user, "email_verified", False):
        return False
    return Party.objects.filter(hearing__case=case, email__iexact=email).exists()


def objections(*, case: Case) -> list[Party]:
    """Every answer given in the case's hearings, objections first, for the decision screen."""
    return list(Party.objects.filter(hearing__case=case, status=Party.Status.ANSWERED)
                .select_related("hearing").prefetch_related("attachments").order_by("no_objection", "answered_at"))


def hearing_for_screen(*, case: Case, hearing_id) -> Hearing | None:
    """One hearing with its parties, their attachments, its documents and its log, in five queries."""
    return (Hearing.objects.filter(case=case, pk=hearing_id)
            .prefetch_related(Prefetch("parties", queryset=Party.objects.prefetch_related("attachments")),
                              "documents", Prefetch("events", queryset=HearingEvent.objects.select_related("party")))
            .first())


MAX_NEIGHBOUR_CHOICES = 40  # addresses the picker lists for one search


def street_of(address: str) -> str:
    """The street of an address: "Testvej 55, 2. th" -> "Testvej" (the words before the first house number)."""
    words = []
    for word in address.replace(",", " ").split():
        if word[:1].isdigit():
            break
        words.append(word)
    return " ".join(words) or address


def neighbour_candidates(*, case: Case, street: str) -> list:
    """The property register's properties at the searched address or street (by default the case's own
    street), the case's own property left out, for the caseworker to pick the neighbours to hear. One query;
    ``street`` is bounded by the caller (``permitportal.core.search_input.bounded_search``)."""
    from applications.selectors.properties import is_search_long_enough, search_properties

    if not is_search_long_enough(street):
        return []
    found = search_properties(query=street, limit=MAX_NEIGHBOUR_CHOICES + 1)
    return [p for p in found if p.pk != case.property_id][:MAX_NEIGHBOUR_CHOICES]


def current_documents(*, case: Case) -> list:
    return list(Document.objects.filter(case=case, superseded_at__isnull=True).order_by("uploaded_at", "id"))


def page_section(page: str, case: Case | None, user, **context) -> dict | None:
    """Registered in ``applications.hooks.page_sections``: the hearings on the caseworker's workspace (with
    the parties' names, and a start button while the case is in review) and on the applicant's case page
    (kind, deadline, invited and answered; never the parties' contact data)."""
    from permitportal.accounts import roles

    if page == "workspace" and roles.has_role(user, roles.CASEWORKER, roles.MANAGER):
        return {"template": "hearings/includes/workspace_section.html", "hearings": hearings_of_case(case=case),
                "can_start": case.status == Case.Status.IN_REVIEW}
    if page in ("case", "card"):  # the applicant's case page and the dialogue team's case card
        rows = public_summary(case=case)
        return {"template": "hearings/includes/case_section.html", "hearings": rows} if rows else None
    if page == "decision" and roles.has_role(user, roles.CASEWORKER, roles.MANAGER):
        given = objections(case=case)
        return {"template": "hearings/includes/decision_section.html", "answers": given} if given else None
    if page == "dashboard":
        from .figures import figures

        return {"template": "hearings/includes/dashboard_section.html", **figures(period=context["period"],
                                                                           municipalities=context["municipalities"])}
    if page == "letter":
        weighed = [p for p in objections(case=case) if p.objected]
        return {"template": "hearings/includes/letter_section.html", "objections": weighed} if weighed else None
    return None
