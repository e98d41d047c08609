"""Reads of a case's documents."""

from django.db.models import QuerySet
from django.http import Http404

from applications.models import Case, Document
from applications.selectors.cases import get_case_for_user


def current_documents(*, case: Case) -> QuerySet[Document]:
    """The case's documents that have not been replaced, by requirement, oldest first."""
    return (Document.objects.filter(case=case, superseded_at__isnull=True)
            .select_related("requirement", "uploaded_by")
            .order_by("requirement__order", "requirement__code", "uploaded_at", "id"))


def document_history(*, case: Case, requirement) -> QuerySet[Document]:
    """Every version uploaded for one requirement (``None``: documents without a requirement), newest first."""
    qs = Document.objects.filter(case=case)
    qs = qs.filter(requirement__isnull=True) if requirement is None else qs.filter(requirement=requirement)
    return qs.select_related("uploaded_by", "superseded_by").order_by("-uploaded_at", "-id")


def documents_by_requirement(*, case: Case) -> dict:
    """Current documents grouped by requirement id (``None`` for those without one), in one query."""
    grouped: dict = {}
    for document in current_documents(case=case):
        grouped.setdefault(document.requirement_id, []).append(document)
    return grouped


def get_document_for_user(*, user, reference: str, pk: int) -> tuple[Case, Document]:
    """The case and one of its documents (current or replaced), or Http404 when the user may not see the case."""
    case = get_case_for_user(user=user, reference=reference)
    try:
        document = Document.objects.select_related("requirement").get(case=case, pk=pk)
    except Document.DoesNotExist as exc:
        raise Http404("No such document") from exc
    return case, document
