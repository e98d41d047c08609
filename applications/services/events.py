"""The case timeline: one function writes an event."""

from applications.models import Case, CaseEvent


def record(*, case: Case, kind: str, actor=None, params: dict | None = None, note: str = "",
           is_public: bool = True) -> CaseEvent:
    return CaseEvent.objects.create(case=case, kind=kind, actor=actor if getattr(actor, "pk", None) else None,
                                    params=params or {}, internal_note=note, is_public=is_public)
