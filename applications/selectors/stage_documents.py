"""Reads for the documents sent at the start of work and at completion (issue 18): what each stage asks for,
what was sent and how it was checked, for the holder's page, the caseworker's workspace and the API."""

from applications.models import Case, StageDocument

STAGES = (StageDocument.Stage.START, StageDocument.Stage.COMPLETION)


def stage_document_data(*, doc: StageDocument, include_staff: bool = False) -> dict:
    data = {"id": doc.pk, "stage": doc.stage, "requirement": doc.requirement.code,
            "title": str(doc.requirement.title), "name": doc.document.original_name,
            "document": doc.document_id, "uploaded_at": doc.uploaded_at, "status": doc.status,
            "status_text": str(doc.get_status_display()), "reason": doc.reason, "checked_at": doc.checked_at}
    if include_staff:
        data["checked_by"] = doc.checked_by.get_full_name() or doc.checked_by.email if doc.checked_by_id else None
    return data


def stage_documents_of(*, case: Case) -> list[StageDocument]:
    """Every document sent at a stage, oldest first (one query)."""
    return list(StageDocument.objects.filter(case=case).select_related("requirement", "document", "checked_by")
                .order_by("uploaded_at", "pk"))


def stages(*, case: Case, docs: list[StageDocument] | None = None) -> list[dict]:
    """Per stage that asks for documents: ``{stage, title, items: [{requirement, current, history, status}]}``;
    ``current`` is the newest document sent for the requirement (None: nothing yet), ``history`` the ones before."""
    from applications.services.stage_documents import required_by_stage

    if docs is None:  # documents are sent with the start report at the earliest
        docs = stage_documents_of(case=case) if case.started_on else []
    required_now = required_by_stage(case=case)
    result = []
    for stage in STAGES:
        required = required_now[stage]
        sent = [d for d in docs if d.stage == stage]
        if not required and not sent:
            continue
        items = []
        for requirement in required:
            mine = [d for d in sent if d.requirement_id == requirement.pk]
            items.append({"requirement": requirement, "current": mine[-1] if mine else None,
                          "history": mine[:-1]})
        result.append({"stage": stage, "title": StageDocument.Stage(stage).label, "items": items,
                       "all_accepted": all(i["current"] and i["current"].status == StageDocument.Status.ACCEPTED
                                           for i in items)})
    return result
