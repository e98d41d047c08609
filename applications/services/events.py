"""The case timeline: one function writes an event.

An event keeps what its text names (a document, an application type) in both languages: ``key`` in
English and ``key_da`` in Danish (``names``). ``selectors.status.event_text`` shows the reader's.
"""

from applications.models import Case, CaseEvent


def record(*, case: Case, kind: str, actor=None, params: dict | None = None, note: str = "",
           is_public: bool = True) -> CaseEvent:
    return CaseEvent.objects.create(case=case, kind=kind, actor=actor if getattr(actor, "pk", None) else None,
                                    params=params or {}, internal_note=note, is_public=is_public)


def names(key: str, objects, field: str) -> dict:
    """``{key: "Site plan, Floor plans", key + "_da": "Situationsplan, Plantegninger"}``: the ``field`` of
    bilingual catalogue objects (``title``, ``name``), joined, in English and in Danish."""
    objects = list(objects)
    return {key: ", ".join(getattr(o, f"{field}_en") for o in objects),
            f"{key}_da": ", ".join(getattr(o, f"{field}_da") or getattr(o, f"{field}_en") for o in objects)}
