"""The audit log: one function writes every staff read or action."""

from .models import AuditEntry


def record(*, actor, action: str, object_type: str, object_id, detail: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        detail=detail[:500],
    )
