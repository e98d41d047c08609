"""Faults, with PostgreSQL, Redis and real worker processes: the portal keeps working and loses nothing.

- Redis down while an applicant submits and while they upload: the request succeeds; the sweeps finish the
  work with a real worker once Redis is back.
- A worker killed (SIGKILL) in the middle of a screening: the task runs again and the result is stored once.
- PostgreSQL restarted under a running gunicorn: requests fail cleanly, then work again without restarting
  the portal. It restarts the shared database server, so it runs only with REQUIRE_INTEGRATION=1 (CI) or
  FAULTS_RESTART_POSTGRES=1.
- A file that cannot be written: the applicant is told so, and no row points at a missing file.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from applications.models import Case, Document, ScreeningRun
from applications.services import screening
from applications.tasks import sweep_unscreened_cases, sweep_unscreened_uploads
from permitportal.accounts.services import issue_api_token
from permitportal.celery import app as celery_app
from tests.applications import caseworker_support as support
from tests.applications.pdfs import pdf_upload
from tests.conftest import REQUIRE_INTEGRATION
from tests.integration.conftest import ROOT, _worker_env, wait_for

UNREACHABLE = "redis://127.0.0.1:1/0"


def _use_broker(url):
    """Point publishing at ``url`` (None: back to the configured broker), dropping cached connections."""
    celery_app.conf.broker_write_url = url
    if url:
        celery_app.conf.broker_url = url
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture(autouse=True)
def _files_the_worker_can_read(settings):
    """Worker processes read documents from the test settings' private folder, not from this test's own."""
    from permitportal.settings import test as test_settings

    settings.STORAGES = test_settings.STORAGES


@pytest.fixture
def broker_down(real_broker):
    """Call ``broker_down()`` to cut the broker off for publishing; it is restored after the test."""
    yield lambda: _use_broker(UNREACHABLE)
    _use_broker(None)
    celery_app.conf.broker_url = real_broker


def _ready_to_submit():
    case = support.draft_with_checklist()
    for code in support.REQUIRED:
        support.upload(case, code)
    return case


def _api_client(client, user):
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {issue_api_token(user=user)[0]}"
    return client


# --- Redis down ---------------------------------------------------------------------------------------------------

def test_redis_down_during_submission(client, celery_worker_process, broker_down, settings):
    case = _ready_to_submit()
    api = _api_client(client, case.applicant)
    broker_down()
    started = time.monotonic()
    response = api.post(reverse("api-case-submit", args=[case.reference]), content_type="application/json")
    assert response.status_code == 200, response.content
    assert time.monotonic() - started < 20, "a broker that is down must not hang the request"
    _use_broker(None)
    assert Case.objects.get(pk=case.pk).status == Case.Status.SUBMITTED
    time.sleep(2)
    assert not ScreeningRun.objects.filter(case=case).exists(), "the screening task should have been lost"

    settings.SCREENING_SWEEP_MINUTES = 0
    assert sweep_unscreened_cases() == 1
    assert wait_for(lambda: ScreeningRun.objects.filter(case=case).exists(), timeout=60), (
        celery_worker_process.log_path.read_text())
    assert ScreeningRun.objects.get(case=case).trigger == "sweep"


def test_redis_down_during_an_upload(client, celery_worker_process, broker_down, settings):
    from applications.services import cases as case_services

    case = _ready_to_submit()
    case_services.submit(case=case, actor=case.applicant)  # screened by the worker
    assert wait_for(lambda: ScreeningRun.objects.filter(case=case).exists(), timeout=60), (
        celery_worker_process.log_path.read_text())
    first = ScreeningRun.objects.get(case=case)

    api = _api_client(client, case.applicant)
    broker_down()
    started = time.monotonic()
    response = api.post(reverse("api-case-documents", args=[case.reference]),
                        {"requirement": "sections", "file": pdf_upload("sections.pdf")})
    assert response.status_code == 201, response.content
    assert time.monotonic() - started < 20
    _use_broker(None)
    doc = Document.objects.get(pk=response.json()["id"])
    assert Path(doc.file.path).exists()
    time.sleep(2)
    assert ScreeningRun.objects.filter(case=case).count() == 1, "the re-screening task should have been lost"

    settings.SCREENING_SWEEP_MINUTES = 0
    assert sweep_unscreened_cases() == 0  # the case has a screening: this sweep does not see it
    assert sweep_unscreened_uploads() == 1
    assert wait_for(lambda: ScreeningRun.objects.filter(case=case).count() == 2, timeout=60), (
        celery_worker_process.log_path.read_text())
    latest = ScreeningRun.objects.exclude(pk=first.pk).get(case=case)
    assert latest.trigger == "sweep"
    assert latest.results.filter(requirement__code="sections", result="ok").exists()
    assert sweep_unscreened_uploads() == 0  # nothing left: not sent again


# --- A worker killed in the middle of a screening ----------------------------------------------------------------

def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


@pytest.fixture
def slow_prefork_worker(postgres, real_broker, tmp_path):
    """A prefork worker (one child) whose screening pauses half-way for a few seconds."""
    log = tmp_path / "worker.log"
    env = _worker_env(connection.settings_dict["NAME"])
    env["SCREENING_TEST_DELAY_SECONDS"] = "4"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "permitportal", "worker", "--pool=prefork", "--concurrency=1",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-n", f"kill-{os.getpid()}-{time.time_ns()}@localhost", "-Q", ",".join(settings.CELERY_ALL_QUEUES)],
            cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    proc.log_path = log
    if not wait_for(lambda: "ready." in log.read_text() or proc.poll() is not None, timeout=60) \
            or proc.poll() is not None:
        proc.kill()
        pytest.fail(f"worker did not start:\n{log.read_text()}")
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_a_worker_killed_mid_screening_runs_it_again_and_stores_it_once(slow_prefork_worker):
    from applications.services import cases as case_services

    worker = slow_prefork_worker
    case = _ready_to_submit()
    case_services.submit(case=case, actor=case.applicant)
    paused = "screening of case %s paused" % case.pk
    assert wait_for(lambda: paused in worker.log_path.read_text(), timeout=60), worker.log_path.read_text()
    children = _children(worker.pid)
    assert len(children) == 1, children
    os.kill(children[0], signal.SIGKILL)  # the child dies inside the screening's transaction

    assert wait_for(lambda: worker.log_path.read_text().count(paused) >= 2, timeout=60), (
        worker.log_path.read_text())  # the message was given back and the task runs again
    assert "WorkerLostError" in worker.log_path.read_text()
    assert wait_for(lambda: ScreeningRun.objects.filter(case=case, total_count__gt=0).exists(), timeout=60), (
        worker.log_path.read_text())
    run = ScreeningRun.objects.get(case=case)  # exactly one run
    assert (run.ok_count, run.total_count) == (4, 4)
    assert run.results.count() == 4
    assert case.events.filter(kind="screened").count() == 1
    assert screening.run_screening(case_id=case.pk).pk == run.pk  # the same input is not screened twice
    assert ScreeningRun.objects.filter(case=case).count() == 1


# --- PostgreSQL restarted under a running portal -----------------------------------------------------------------

RESTART_ALLOWED = REQUIRE_INTEGRATION or os.environ.get("FAULTS_RESTART_POSTGRES") == "1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url, timeout=10):
    try:
        with urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode()
    except HTTPError as exc:
        return exc.code, exc.read().decode()
    except (URLError, ConnectionError, TimeoutError) as exc:
        return None, str(exc)


def _pg_cluster(action: str) -> None:
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action], check=True,
                   capture_output=True, timeout=120)


def _pg_ready() -> bool:
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0


@pytest.fixture
def gunicorn_portal(postgres, tmp_path):
    port = _free_port()
    env = _worker_env(connection.settings_dict["NAME"])
    env.pop("CELERY_BROKER_URL", None)  # in-process tasks: this test is about the database
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "permitportal.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--timeout", "30"],
            cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    if not wait_for(lambda: _get(f"{base}/healthz")[0] == 200, timeout=60):
        proc.kill()
        pytest.fail(f"gunicorn did not start:\n{log.read_text()}")
    proc.base, proc.log_path = base, log
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.mark.skipif(not RESTART_ALLOWED, reason="restarts the shared PostgreSQL server: set "
                                               "FAULTS_RESTART_POSTGRES=1 (CI runs it with REQUIRE_INTEGRATION=1)")
def test_postgresql_restart_under_a_running_portal(gunicorn_portal):
    base = gunicorn_portal.base
    pages = [f"{base}/", f"{base}/guidance/", f"{base}/healthz"]
    for url in pages:  # warm: every gunicorn worker holds a persistent connection
        for _ in range(4):
            assert _get(url)[0] == 200, url
    try:
        _pg_cluster("stop")
        for url in pages:
            status, body = _get(url)
            if url == f"{base}/":  # the anonymous home page needs no database: it may keep working
                assert status in (200, 500, 503), (url, status)
            else:
                assert status in (500, 503), (url, status, body[:500])
            assert "Traceback" not in body and "psycopg2" not in body and "OperationalError" not in body, body
            if url.endswith("/healthz"):
                assert '"database": "down"' in body and status == 503, body
            else:
                assert "5432" not in body and "127.0.0.1" not in body, body
                if status == 500:
                    assert "Something went wrong on our side" in body and "try again" in body, body
    finally:
        _pg_cluster("start")
        assert wait_for(_pg_ready, timeout=120), "PostgreSQL did not come back"
        connection.close()  # this test process's own connection died with the server
    for url in pages:  # the same gunicorn, no restart: the health checks drop the dead connections
        assert wait_for(lambda u=url: _get(u)[0] == 200, timeout=30), (url, _get(url))
    assert gunicorn_portal.poll() is None, "the portal must not have restarted"
    status, body = _get(f"{base}/healthz")
    assert status == 200 and '"database": "ok"' in body


# --- A file that cannot be written ------------------------------------------------------------------------------

def test_a_file_that_cannot_be_written_leaves_no_row_and_tells_the_applicant(client, db, monkeypatch, tmp_path):
    from django.core.files.storage import FileSystemStorage

    case = support.draft_with_checklist()
    client.force_login(case.applicant)

    def disk_full(self, name, content):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", disk_full)
    response = client.post(reverse("applications:upload", args=[case.reference]),
                           {"requirement": "site-plan", "file": pdf_upload("site-plan.pdf")}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "could not be saved because of a problem on our side" in page and "Nothing was uploaded" in page
    assert "Traceback" not in page
    assert not Document.objects.filter(case=case).exists()
    assert case.checklist.get(requirement__code="site-plan").state == "missing"


def test_a_database_failure_after_the_write_removes_the_file(client, db, monkeypatch, settings):
    """The reverse order: the bytes are written, then the row cannot be: the bytes are removed again."""
    from applications.services import events

    case = support.draft_with_checklist()
    client.force_login(case.applicant)
    root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    before = {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()

    def broken(**kwargs):
        raise OSError("the database went away")

    monkeypatch.setattr(events, "record", broken)
    with pytest.raises(OSError):
        client.post(reverse("applications:upload", args=[case.reference]),
                    {"requirement": "site-plan", "file": pdf_upload("site-plan.pdf")})
    assert not Document.objects.filter(case=case).exists()
    after = {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()
    assert after == before, "an orphan file was left behind"
