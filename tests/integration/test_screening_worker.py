"""Screening with PostgreSQL, Redis and a real Celery worker: within a minute of submission, and
nothing lost when the broker is down at submission."""

import time

import pytest

from applications.models import Advisory, Case, ScreeningRun
from applications.services import cases as case_services
from applications.tasks import sweep_unscreened_cases
from permitportal.celery import app as celery_app
from tests.applications import caseworker_support as support
from tests.integration.conftest import wait_for

UNREACHABLE = "redis://127.0.0.1:1/0"


def _use_broker(url):
    """Point publishing at ``url`` (None: back to the configured broker), dropping cached connections.

    broker_write_url is set because the CELERY_BROKER_URL environment variable wins over broker_url."""
    celery_app.conf.broker_write_url = url
    if url:
        celery_app.conf.broker_url = url
    celery_app._pool = None  # kombu keeps one pool per URL; the next publish picks the pool for ``url``
    celery_app.amqp._producer_pool = None


@pytest.fixture(autouse=True)
def _files_the_worker_can_read(settings):
    """The worker process reads documents from the test settings' private folder, not from this test's own."""
    from permitportal.settings import test as test_settings

    settings.STORAGES = test_settings.STORAGES


@pytest.fixture
def restore_broker(real_broker):
    yield
    _use_broker(None)
    celery_app.conf.broker_url = real_broker


def _ready_to_submit():
    case = support.draft_with_checklist()
    for code in support.REQUIRED:
        support.upload(case, code)
    return case


def test_a_submitted_case_is_screened_by_the_worker_within_a_minute(celery_worker_process):
    case = _ready_to_submit()
    started = time.monotonic()
    case_services.submit(case=case, actor=case.applicant)
    assert wait_for(lambda: ScreeningRun.objects.filter(case=case).exists(), timeout=60), (
        celery_worker_process.log_path.read_text())
    assert time.monotonic() - started < 60
    run = ScreeningRun.objects.get(case=case)
    assert run.trigger == "submission"
    assert (run.ok_count, run.total_count) == (4, 4), [(r.result, r.message) for r in run.results.all()]
    assert Advisory.objects.filter(case=case, kind=Advisory.Kind.CASE_SCREENED).count() == 1


def test_nothing_is_lost_when_the_broker_is_down_at_submission(celery_worker_process, restore_broker, settings):
    case = _ready_to_submit()
    _use_broker(UNREACHABLE)
    started = time.monotonic()
    case_services.submit(case=case, actor=case.applicant)  # must not fail, nor hang
    assert time.monotonic() - started < 20
    _use_broker(None)

    stored = Case.objects.get(pk=case.pk)  # committed, with its expected date
    assert stored.status == Case.Status.SUBMITTED and stored.expected_decision_date
    time.sleep(3)
    assert not ScreeningRun.objects.filter(case=case).exists(), "the screening task was never sent"

    # The periodic sweep (as beat runs it) re-enqueues the case; the worker screens it.
    settings.SCREENING_SWEEP_MINUTES = 0
    assert sweep_unscreened_cases() == 1
    assert wait_for(lambda: ScreeningRun.objects.filter(case=case).exists(), timeout=60), (
        celery_worker_process.log_path.read_text())
    run = ScreeningRun.objects.get(case=case)
    assert run.trigger == "sweep" and run.ok_count == run.total_count == 4
    assert sweep_unscreened_cases() == 0  # screened cases are not sent again


SUBMISSIONS = 20
SUBMISSION_INTERVAL_SECONDS = 1.0  # a steady stream; a burst of 20 at once queues behind one solo worker
TARGET_P95_SECONDS = 5.0


def _percentile(values, share):
    """Nearest-rank percentile: the smallest value with at least ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * share // 100) - 1)]


def test_screening_latency_over_twenty_submissions(celery_worker_process, capsys):
    """Submit → screened (the screening committed, as a caseworker's queue sees it) for 20 submissions, one
    a second, with one real worker (solo pool) on every queue, so receipts and notices compete with screening
    as on a single-worker installation (issue 19 item 6). Latencies are seen by polling every 50 ms; the p50/p95
    line is printed in CI's output."""
    cases = [_ready_to_submit() for _ in range(SUBMISSIONS)]
    submitted, screened = {}, {}

    def watch(until):
        while len(screened) < SUBMISSIONS and time.monotonic() < until:
            pending = [pk for pk in submitted if pk not in screened]
            now = time.monotonic()
            for pk in ScreeningRun.objects.filter(case_id__in=pending).values_list("case_id", flat=True):
                screened[pk] = now
            time.sleep(0.05)

    for case in cases:
        submitted[case.pk] = time.monotonic()  # the applicant presses "submit"
        next_at = submitted[case.pk] + SUBMISSION_INTERVAL_SECONDS
        case_services.submit(case=case, actor=case.applicant)
        watch(next_at)
    watch(time.monotonic() + 120)
    assert len(screened) == SUBMISSIONS, celery_worker_process.log_path.read_text()[-5000:]
    latencies = [screened[pk] - submitted[pk] for pk in submitted]
    p50, p95 = _percentile(latencies, 50), _percentile(latencies, 95)
    with capsys.disabled():
        print(f"\nscreening latency, submit -> screened, {SUBMISSIONS} submissions one per "
              f"{SUBMISSION_INTERVAL_SECONDS:.0f} s: p50 {p50:.2f} s, "
              f"p95 {p95:.2f} s, max {max(latencies):.2f} s (target p95 <= {TARGET_P95_SECONDS:.0f} s: "
              f"{'met' if p95 <= TARGET_P95_SECONDS else 'MISSED'})")
    # The figure is reported, not asserted: a speed target is measured, not timed in a test that a busy CI
    # machine could fail (the project's rule). What the test asserts is that every submission was screened.
