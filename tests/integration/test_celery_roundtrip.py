import uuid

from permitportal.core.models import HealthPing
from permitportal.core.tasks import record_ping
from tests.integration.conftest import wait_for


def test_a_task_travels_through_redis_to_a_worker_that_writes_to_postgres(celery_worker_process):
    token = uuid.uuid4().hex
    record_ping.delay(token)
    assert wait_for(lambda: HealthPing.objects.filter(token=token).exists(), timeout=60), (
        celery_worker_process.log_path.read_text()
    )
    ping = HealthPing.objects.get(token=token)
    assert ping.worker


def test_healthz_reports_the_real_broker(client, postgres, real_broker):
    data = client.get("/healthz").json()
    assert data == {"status": "ok", "database": "ok", "broker": "ok", "database_engine": "postgresql"}
