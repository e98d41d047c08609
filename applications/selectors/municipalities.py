"""Reads about municipalities, and the one filter that keeps staff to their own municipalities' rows.

Every staff read of a case, or of something that hangs on a case or a property, goes through
``scoped_to_member`` (``cases_visible_to`` and the other apps' selectors that take the actor): a row
of another municipality is not there, so a page answers 404 as for a row that does not exist, and
counts, searches and exports never see it. The membership is a subquery, so the scoped read stays one
statement."""

from django.db.models import QuerySet

from applications.models import Municipality


def member_municipality_ids(*, user) -> QuerySet:
    """The ids of the municipalities the user works for, as a subquery (not evaluated here)."""
    return Municipality.staff.through.objects.filter(user_id=getattr(user, "pk", None)).values("municipality_id")


def scoped_to_member(qs: QuerySet, *, user, field: str = "property__municipality") -> QuerySet:
    """``qs`` without the rows of municipalities the user does not work for; ``field`` leads from a
    row to its municipality."""
    return qs.filter(**{f"{field}__in": member_municipality_ids(user=user)})


def municipalities_of(*, user) -> list[Municipality]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Municipality.objects.filter(staff=user).order_by("code"))


def all_municipalities() -> list[Municipality]:
    return list(Municipality.objects.order_by("code"))


def contact_points(municipality: Municipality | None) -> dict | None:
    """What an applicant needs to reach the municipality that handles their case."""
    if municipality is None:
        return None
    return {"code": municipality.code, "name": municipality.name, "email": municipality.email,
            "phone": municipality.phone, "address": municipality.address, "website": municipality.website,
            "opening_hours": municipality.opening_hours, "colour": municipality.colour, "logo": municipality.logo,
            "guidance": municipality.guidance}
