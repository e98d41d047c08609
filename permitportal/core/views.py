from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from permitportal.celery import app as celery_app


def home(request):
    return render(request, "home.html")


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception:  # noqa: BLE001 - any failure is "down" for a health check
        return "down"


def _broker_state() -> str:
    if celery_app.conf.task_always_eager:
        return "in-process"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:  # noqa: BLE001
        return "down"


@never_cache
def healthz(request):
    database = _database_state()
    broker = _broker_state()
    healthy = database == "ok" and broker in ("ok", "in-process")
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "database": database, "broker": broker,
         "database_engine": connection.vendor},
        status=200 if healthy else 503,
    )
