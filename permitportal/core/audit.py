"""The audit log: one function writes every staff read or action, and one middleware makes sure every
page, file and API answer a staff member reads is in it."""

import contextvars

from .models import AuditEntry

# Whether this request has written its audit entry (a view that logs its read with more detail, or the
# lookup's statement that logs itself): StaffReadAuditMiddleware then writes none of its own.
_recorded = contextvars.ContextVar("audit_recorded", default=False)

# Pages that show no one's data: the public guide and guidance, the property register (public), the
# catalogue, the person's own account pages, the API's schema and the admin's frame.
NOT_READS = {"home", "healthz", "api-schema", "api-docs", "api-token", "api-application-types", "api-guide",
             "api-properties", "api-property-detail", "applications:property_autocomplete",
             "admin:index", "admin:jsi18n", "admin:login", "admin:logout", "admin:app_list",
             "admin:password_change", "admin:password_change_done"}
NOT_READ_PREFIXES = ("accounts:", "applications:guide", "applications:guidance")
OBJECT_KEYS = ("reference", "object_id", "pk", "code")


def record(*, actor, action: str, object_type: str, object_id, detail: str = "") -> AuditEntry:
    _recorded.set(True)
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

    _recorded.set(True)
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


def logged_by_the_view(view):
    """Marks a view that writes its own audit entries, exactly when something was read (the lookup:
    one per search, in the search's own statement); the middleware then writes none for it."""
    view.audit_logged_by_the_view = True
    return view


def is_a_read(view_name: str) -> bool:
    return view_name not in NOT_READS and not view_name.startswith(NOT_READ_PREFIXES)


class StaffReadAuditMiddleware:
    """Every successful GET by a staff member (caseworker, dialogue team, manager, admin user) is in the
    audit log: the HTML pages and files, the API (whose token user DRF sets on the request) and the
    Django admin. A view that logs its read itself (with more detail) is not logged twice; a new view
    cannot forget it. What is read is named by the URL's name and object, with the full path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from permitportal.accounts.roles import is_staff_member

        token = _recorded.set(False)
        try:
            response = self.get_response(request)
            match = request.resolver_match
            user = getattr(request, "user", None)
            if (request.method in ("GET", "HEAD") and response.status_code == 200 and not _recorded.get()
                    and match is not None and is_a_read(match.view_name)
                    and not getattr(match.func, "audit_logged_by_the_view", False)
                    and getattr(user, "is_authenticated", False) and (user.is_staff or is_staff_member(user))):
                object_id = next((match.kwargs[k] for k in OBJECT_KEYS if k in match.kwargs), "")
                record(actor=user, action="read", object_type=match.view_name[:60], object_id=str(object_id)[:60],
                       detail=request.get_full_path())
        finally:
            _recorded.reset(token)
        return response
