"""Prepared statements on PostgreSQL, for hot read paths whose SQL is built by hand (the lookup).

PostgreSQL plans every statement it is sent. For the lookup's joins planning costs 1 to 1.5 ms,
more than running them (a reference: 0.1 ms). ``prepared(sql, params)`` gives back SQL that runs
the same statement as a prepared statement of the current connection: the first time a connection
sees a statement it is prepared (one extra round trip), after that it runs without planning. The
connections are opened with ``plan_cache_mode=force_generic_plan`` (settings), so the plan is made
once rather than re-made for each call; the lookup's statements have one sensible plan whatever
their values (index scans driven by the words searched for).

Prepared statements belong to a database session: a new connection starts with none (the registry
is emptied on ``connection_created``), and they survive a rolled-back transaction. Behind a pooler
in transaction mode (PgBouncer, ``DATABASE_POOLER=transaction``) the next transaction may run on another
server session that never saw the PREPARE ("prepared statement ... does not exist"), so there the SQL is
returned as it is and PostgreSQL plans each lookup: 3 to 7 times the statement's time for fragments
(benchmarks/lookup/README.md, ``--compare-prepared``; name lookups then miss 3x the bare view).
PgBouncer 1.21's ``max_prepared_statements`` tracks protocol-level prepared statements only, which
psycopg2 does not send. Elsewhere (SQLite) the SQL is returned as it is too.
"""

import hashlib

from django.conf import settings
from django.db import connection
from django.db.backends.signals import connection_created

# A connection keeps at most this many; beyond it they are all deallocated and prepared afresh.
MAX_PER_CONNECTION = 200
_ATTRIBUTE = "prepared_statements"


def _forget(sender, connection, **kwargs):
    setattr(connection, _ATTRIBUTE, set())


connection_created.connect(_forget, dispatch_uid="permitportal.core.prepared.forget")


def _numbered(sql: str) -> str:
    """``%s`` placeholders as ``$1``, ``$2``, ... and ``%%`` as ``%``: the text PREPARE wants."""
    pieces = sql.split("%s")
    out = [pieces[0].replace("%%", "%")]
    for number, piece in enumerate(pieces[1:], start=1):
        out.append(f"${number}{piece.replace('%%', '%')}")
    return "".join(out)


def statement_name(sql: str) -> str:
    return "pp_" + hashlib.sha1(sql.encode()).hexdigest()[:20]


def prepared(sql: str, params) -> tuple[str, list]:
    """SQL and parameters that run ``sql`` as a prepared statement of this connection (PostgreSQL).

    Every placeholder in ``sql`` must be one that PostgreSQL can type from where it stands (cast it
    where it cannot: ``%s::text``); no ``%%`` may stand for anything but a literal percent sign."""
    params = list(params)
    if connection.vendor != "postgresql" or settings.DATABASE_POOLER == "transaction":
        return sql, params
    name = statement_name(sql)
    connection.ensure_connection()
    known = getattr(connection, _ATTRIBUTE, None)
    if known is None:  # the connection was opened before this module was first imported
        known = set()
        setattr(connection, _ATTRIBUTE, known)
    if name not in known:
        with connection.cursor() as cursor:
            if len(known) >= MAX_PER_CONNECTION:
                cursor.execute("DEALLOCATE ALL")
                known.clear()
            cursor.execute(f"PREPARE {name} AS {_numbered(sql)}")
        known.add(name)
    placeholders = ", ".join(["%s"] * len(params))
    return (f"EXECUTE {name} ({placeholders})" if params else f"EXECUTE {name}"), params
