"""Prepared statements: the lookup's SQL is planned once per connection on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from permitportal.core import prepared as prep

pytestmark = pytest.mark.django_db


def run(sql, params):
    text, values = prep.prepared(sql, params)
    with connection.cursor() as cursor:
        cursor.execute(text, values)
        return text, cursor.fetchall()


def test_placeholders_are_numbered_and_percent_signs_unescaped():
    assert prep._numbered("SELECT %s, x LIKE '%%a' || %s") == "SELECT $1, x LIKE '%a' || $2"
    assert prep._numbered("SELECT 1") == "SELECT 1"


def test_the_same_sql_gets_the_same_name_and_other_sql_another():
    assert prep.statement_name("SELECT 1") == prep.statement_name("SELECT 1")
    assert prep.statement_name("SELECT 1") != prep.statement_name("SELECT 2")


def test_a_statement_is_prepared_once_per_connection_then_executed():
    sql = "SELECT CAST(%s AS integer) + CAST(%s AS integer), 'a%%b'"
    with CaptureQueriesContext(connection) as first:
        text, rows = run(sql, [2, 3])
    assert rows == [(5, "a%b")]
    with CaptureQueriesContext(connection) as second:
        assert run(sql, [4, 5])[1] == [(9, "a%b")]
    if connection.vendor == "postgresql":
        assert text.startswith("EXECUTE pp_")
        assert [q["sql"].split()[0] for q in first.captured_queries] == ["PREPARE", "EXECUTE"]
        assert [q["sql"].split()[0] for q in second.captured_queries] == ["EXECUTE"]
    else:  # SQLite runs the SQL as it is
        assert text == sql and len(second.captured_queries) == 1


def prepared_on_server() -> int:
    """How many statements this database session holds prepared (PostgreSQL); SQLite prepares none."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)  # closing the connection inside a test's transaction would end it
def test_a_new_connection_prepares_again_and_the_plan_is_generic():
    sql = "SELECT CAST(%s AS text) || 'x'"
    assert run(sql, ["a"])[1] == [("ax",)]
    connection.close()
    assert run(sql, ["b"])[1] == [("bx",)]  # the new session has no statements: prepared again (PostgreSQL)
    assert prepared_on_server() == (1 if connection.vendor == "postgresql" else 0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW plan_cache_mode")
            assert cursor.fetchone()[0] == "force_generic_plan"
            cursor.execute("SHOW jit")
            assert cursor.fetchone()[0] == "off"
    else:
        assert len(getattr(connection, prep._ATTRIBUTE, set())) == 0  # SQLite: nothing is kept


def test_a_connection_keeps_a_bounded_number(monkeypatch):
    monkeypatch.setattr(prep, "MAX_PER_CONNECTION", 3)
    for n in range(7):
        assert run(f"SELECT {n} + CAST(%s AS integer)", [1])[1] == [(n + 1,)]
    assert prepared_on_server() <= 3
    kept = len(getattr(connection, prep._ATTRIBUTE, set()))
    assert kept <= 3 and (kept > 0) == (connection.vendor == "postgresql")


def test_a_prepared_statement_survives_a_rolled_back_transaction():
    from django.db import transaction

    sql = "SELECT CAST(%s AS integer) * 2"
    with pytest.raises(RuntimeError), transaction.atomic():
        assert run(sql, [2])[1] == [(4,)]
        raise RuntimeError("roll back")
    assert run(sql, [3])[1] == [(6,)]  # on PostgreSQL the EXECUTE of the statement prepared inside it
