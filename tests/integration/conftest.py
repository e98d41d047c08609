"""Integration tests: PostgreSQL, Redis and a real Celery worker.

They need DATABASE_URL on PostgreSQL and CELERY_BROKER_URL on Redis. Without them they are
skipped, except with REQUIRE_INTEGRATION=1 (CI), where that is a failure.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from permitportal.celery import app as celery_app
from tests.conftest import REQUIRE_INTEGRATION

ROOT = Path(__file__).resolve().parents[2]


def _unavailable(reason):
    if REQUIRE_INTEGRATION:
        pytest.fail(f"integration environment missing: {reason}")
    pytest.skip(reason)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def real_broker():
    """Route this test's task publishing through the real broker instead of in-process."""
    url = settings.REAL_CELERY_BROKER_URL
    if not url or not url.startswith("redis"):
        _unavailable("CELERY_BROKER_URL does not point to Redis")
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = url
    yield url
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        _unavailable("DATABASE_URL does not point to PostgreSQL")
    return connection


def _worker_env(db_name):
    env = dict(os.environ)
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    env["DATABASE_URL"] = f"{base}/{db_name}"
    env["DJANGO_SETTINGS_MODULE"] = "permitportal.settings.test"
    env["CELERY_BROKER_URL"] = settings.REAL_CELERY_BROKER_URL
    return env


@pytest.fixture
def celery_worker_process(postgres, real_broker, tmp_path):
    """A real `celery worker` process on the test database, stopped after the test."""
    log = tmp_path / "worker.log"
    hostname = f"it-{os.getpid()}-{time.time_ns()}@localhost"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "permitportal", "worker", "--pool=solo",
             "--concurrency=1", "--loglevel=INFO", "--without-gossip", "--without-mingle",
             "--without-heartbeat", "-n", hostname, "-Q", ",".join(settings.CELERY_ALL_QUEUES)],
            cwd=ROOT, env=_worker_env(connection.settings_dict["NAME"]), stdout=fh, stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"worker exited early:\n{log.read_text()}")
        if "ready." in log.read_text():
            break
        time.sleep(0.2)
    else:
        proc.terminate()
        pytest.fail(f"worker did not become ready:\n{log.read_text()}")
    proc.log_path = log
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def wait_for(predicate, *, timeout=60, interval=0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
