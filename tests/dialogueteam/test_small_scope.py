"""Issue 19 item 5: a member of a small municipality is searched by reading the scope's entries and checking
each (``search.candidates.small_scope``, PostgreSQL); it finds the same cases, in the same order, as the
indexes' way, and never another municipality's."""

import pytest
from django.db import connection

from applications.models import Municipality
from dialogueteam import search
from tests.factories import UserFactory
from tests.postgresql import postgresql_only

QUERIES = ["nørrebrogade 12", "norrebrogade", "søren ærø", "soren", "jensen", "hanne jens", "B-2026",
           "2200", "ærøgade 3", "kongens nytorv", "anne", "ny kongensgade 5"]


@pytest.fixture
def world(make_case):
    """Cases in the member's municipality and, with the same words, in another one."""
    other = Municipality.objects.create(code="0147", name="Frederiksberg")
    made = []
    for n, (address, name) in enumerate([("Nørrebrogade 12", "Søren Ærø"), ("Nørrebrogade 120", "Hanne Jensen"),
                                         ("Ærøgade 3", "Anne Jensen"), ("Kongens Nytorv 2", "Hans Jensen"),
                                         ("Ny Kongensgade 5", "Sørine Nielsen"), ("Nørrebrogade 12A", "Soren Aro")]):
        made.append(make_case(address=address, name=name, status="in_review" if n % 2 else "submitted"))
        elsewhere = make_case(address=address, name=name)
        elsewhere.property.municipality = other
        elsewhere.property.save()
    return made


def _search(settings, query, small):
    settings.LOOKUP_SMALL_SCOPE = small
    member = UserFactory(role="dialogue_team")
    return [case.reference for case in search.search_cases(user=member, query=query).cases]


@pytest.mark.parametrize("query", QUERIES)
def test_the_small_scope_finds_what_the_indexes_find(settings, world, query):
    postgresql_only("the scope's own way exists on PostgreSQL only (SQLite checks every entry by LIKE anyway)")
    mine = {case.reference for case in world}
    by_indexes = _search(settings, query, 0)
    by_scope = _search(settings, query, 2000)
    assert by_indexes and by_scope == by_indexes
    assert set(by_scope) <= mine  # never another municipality's, though the same words are there


def test_the_small_scope_reads_the_scope_and_not_the_word_indexes(settings, world):
    """The word and pair indexes are never read for a small scope; a large one (0 here) reads them."""
    postgresql_only("the plan of a small scope reads the municipality's entries, not the word index")
    member = UserFactory(role="dialogue_team")
    for small, word_index_read in ((2000, False), (0, True)):
        settings.LOOKUP_SMALL_SCOPE = small
        _, text, params = search.search_statement(user=member, query="jensen")
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")  # a handful of rows: let the plan show the indexes
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + text, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
        scans = [line for line in plan.splitlines() if "dialogue_search_" in line and "Index Scan" in line]
        assert any("never executed" not in line for line in scans) is word_index_read, plan
