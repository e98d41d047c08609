"""Assertions that only PostgreSQL can answer (its plans, its indexes) end in an explicit skip
elsewhere, with the reason; a run with REQUIRE_POSTGRESQL=1 (``.ci/run``) fails if any test was
skipped this way (``tests/conftest.py``), so that CI cannot pass them silently."""

import pytest
from django.db import connection

REASON_PREFIX = "PostgreSQL only:"


def postgresql_only(reason: str) -> None:
    """Skip the rest of this test unless the database is PostgreSQL, saying what it checks there."""
    if connection.vendor != "postgresql":
        pytest.skip(f"{REASON_PREFIX} {reason}")
