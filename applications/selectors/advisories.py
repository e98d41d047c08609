"""Reads of the advisory inbox."""

from django.db.models import Case, Q, QuerySet, When

from applications.models import Advisory
from applications.selectors.status import readers_params
from applications.texts import ADVISORY_TEXT
from permitportal.accounts import roles


def inbox_queryset(*, user) -> QuerySet[Advisory]:
    """A caseworker's own advisories plus the triage queue's (no recipient) about cases of the
    municipalities they work for."""
    from applications.selectors.municipalities import member_municipality_ids

    if not roles.has_role(user, roles.CASEWORKER, roles.MANAGER):
        return Advisory.objects.none()
    return Advisory.objects.filter(Q(recipient=user) | Q(
        recipient__isnull=True, municipality__in=member_municipality_ids(user=user)))


def unread_count(*, user) -> int:
    return inbox_queryset(user=user).filter(read_at__isnull=True).count()


def advisory_text(advisory: Advisory) -> str:
    template = ADVISORY_TEXT.get(advisory.params.get("text") or advisory.kind, "")
    params = {"reference": advisory.case.reference if advisory.case_id else "", **readers_params(advisory.params)}
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template)


def inbox_for_display(*, user, limit: int = 100, unread_only: bool = False) -> list[dict]:
    qs = (inbox_queryset(user=user).select_related("case")
          .order_by(Case(When(read_at__isnull=True, then=0), default=1), "-created_at", "-id"))  # unread first
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return [{"id": a.pk, "kind": a.kind, "kind_label": str(a.get_kind_display()),
             "case": a.case.reference if a.case_id else None,
             "message": advisory_text(a), "created_at": a.created_at, "read_at": a.read_at,
             "to_triage": a.recipient_id is None, "answer_url": _safe_local(a.params.get("answer_url"))}
            for a in qs[:limit]]


def _safe_local(url):
    """Only a path on this site (advisory params are data, never trusted as an outside link)."""
    return url if isinstance(url, str) and url.startswith("/") and not url.startswith("//") else None


def get_advisory_for_user(*, user, pk: int) -> Advisory:
    """One advisory from the user's inbox, or Http404 (someone else's advisory is not found)."""
    from django.http import Http404

    try:
        return inbox_queryset(user=user).select_related("case").get(pk=pk)
    except Advisory.DoesNotExist as exc:
        raise Http404("No such advisory") from exc
