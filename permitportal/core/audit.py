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


def records_in_statement() -> bool:
    """Whether ``select_and_record`` can be used: a data-modifying WITH needs PostgreSQL."""
    from django.db import connection

    return connection.vendor == "postgresql"


def select_and_record(sql: str, params, *, actor, action: str, object_type: str, object_id, listed: str,
                      limit: int, prefix: str, empty: str) -> tuple[str, list]:
    """PostgreSQL: a statement returning the rows of ``sql`` (a SELECT with a ``rank`` column, 1 the
    first) ordered by rank, which writes in the same statement the audit entry ``record`` would write,
    with the detail ``prefix`` followed by the ``listed`` column of the first ``limit`` rows
    (``empty`` when there are none).

    A read and its log are then one round trip and one commit, and cannot part: a read whose entry
    could not be written fails with it."""
    from django.db import connection

    table = AuditEntry._meta.db_table
    actor_type = AuditEntry._meta.get_field("actor").db_type(connection)
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    statement = (
        f"WITH shown AS ({sql}), logged AS ("
        f"INSERT INTO {table} (at, actor_id, action, object_type, object_id, detail) "
        f"SELECT now(), %s::{actor_type}, %s::text, %s::text, %s::text, "
        f"LEFT(COALESCE(%s::text || string_agg({listed}::text, ' ' ORDER BY rank), %s::text), 500) "
        f"FROM (SELECT {listed}, rank FROM shown WHERE rank <= {int(limit)}) listed) "
        "SELECT * FROM shown ORDER BY rank"
    )
    return statement, [*params, actor_id, action, object_type, str(object_id), prefix, empty]
