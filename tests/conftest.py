import os

import pytest
from django.db import connection

from tests import factories
from tests.postgresql import REASON_PREFIX

REQUIRE_INTEGRATION = os.environ.get("REQUIRE_INTEGRATION") == "1"
REQUIRE_POSTGRESQL = os.environ.get("REQUIRE_POSTGRESQL") == "1"


@pytest.fixture(autouse=True)
def _media_and_language(settings, tmp_path):
    """Each test gets its own private-file folder and starts in English."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}},
    }
    settings.LANGUAGE_CODE = "en"
    yield


@pytest.fixture
def applicant(db):
    return factories.UserFactory(role="applicant")


@pytest.fixture
def other_applicant(db):
    return factories.UserFactory(role="applicant")


@pytest.fixture
def caseworker(db):
    return factories.UserFactory(role="caseworker")


@pytest.fixture
def dialogue_member(db):
    return factories.UserFactory(role="dialogue_team")


@pytest.fixture
def manager(db):
    return factories.UserFactory(role="manager")


def pytest_report_header(config):
    return [f"database: {os.environ.get('DATABASE_URL', 'sqlite (embedded default)')}",
            f"broker: {os.environ.get('CELERY_BROKER_URL', 'in-process (embedded default)')}",
            f"integration tests required: {REQUIRE_INTEGRATION}",
            f"PostgreSQL-only assertions required: {REQUIRE_POSTGRESQL}"]


def _postgresql_only_skips(reporter) -> list[str]:
    """The tests that skipped their PostgreSQL-only assertions (``tests.postgresql.postgresql_only``)."""
    found = []
    for report in reporter.stats.get("skipped", []) if reporter else []:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if REASON_PREFIX in reason:
            found.append(report.nodeid)
    return found


def pytest_sessionfinish(session, exitstatus):
    """With REQUIRE_POSTGRESQL=1 (CI) a run in which a test skipped its PostgreSQL-only assertions
    fails; with REQUIRE_INTEGRATION=1 (CI) a run in which no integration test passed fails."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if REQUIRE_POSTGRESQL:
        skipped = _postgresql_only_skips(reporter)
        if skipped:
            if reporter:
                reporter.write_line(f"REQUIRE_POSTGRESQL=1 but {len(skipped)} test(s) skipped their PostgreSQL-only "
                                    f"assertions: failing the run. {', '.join(skipped[:5])}", red=True)
            session.exitstatus = 1
    if not REQUIRE_INTEGRATION or exitstatus != 0:
        return
    passed = reporter.stats.get("passed", []) if reporter else []
    integration_passed = [r for r in passed if "integration" in r.keywords]
    if not integration_passed:
        if reporter:
            reporter.write_line("REQUIRE_INTEGRATION=1 but no integration test passed: failing the run.", red=True)
        session.exitstatus = 1


@pytest.fixture
def db_vendor(db):
    return connection.vendor
