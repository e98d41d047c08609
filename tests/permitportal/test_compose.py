"""Docker does not run here, so the compose file is checked by reading it."""

import importlib
import re
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_five_services_with_health_checks_and_volumes():
    compose = _compose()
    assert set(compose["services"]) >= {"web", "worker", "worker-casework", "worker-letters", "beat", "pgbouncer",
                                        "db", "redis"}
    for name, service in compose["services"].items():
        assert "healthcheck" in service, f"{name} has no health check"
    assert {"pgdata", "media"} <= set(compose["volumes"])


def test_each_service_command_names_modules_and_settings_that_exist():
    compose = _compose()
    for name in ("web", "worker", "beat"):
        service = compose["services"][name]
        command = service["command"] if isinstance(service["command"], str) else " ".join(service["command"])
        env = service.get("environment", {})
        module = env.get("DJANGO_SETTINGS_MODULE")
        assert module, f"{name} sets no DJANGO_SETTINGS_MODULE"
        assert importlib.util.find_spec(module), module
        for target in re.findall(r"([a-z_.]+):application", command):
            assert hasattr(importlib.import_module(target), "application")
        for app_name in re.findall(r"-A ([a-z_.]+)", command):
            assert hasattr(importlib.import_module(app_name), "celery_app")
    assert (ROOT / "Dockerfile").exists()
    assert settings.ROOT_URLCONF


def test_the_database_gets_memory_for_what_lookups_read():
    command = _compose()["services"]["db"]["command"]
    assert "shared_buffers=${PG_SHARED_BUFFERS:-2GB}" in command


def test_the_portal_reaches_postgresql_through_pgbouncer_in_transaction_mode():
    compose = _compose()
    services = compose["services"]
    assert "pgbouncer" in services and "healthcheck" in services["pgbouncer"]
    ini = (ROOT / "deploy/pgbouncer/pgbouncer.ini").read_text()
    assert re.search(r"^pool_mode = transaction$", ini, re.M)
    assert re.search(r"^portal = host=db port=5432 dbname=portal", ini, re.M)
    for name, service in services.items():
        if name in ("web", "beat") or name.startswith("worker"):
            env = service["environment"]
            assert env["DATABASE_URL"].endswith("@pgbouncer:6432/portal"), name
            assert env["DATABASE_POOLER"] == "transaction", name
    for name in [n for n in services if n == "web" or n.startswith("worker")]:
        assert "pgbouncer" in services[name]["depends_on"], name


def test_transaction_pooler_settings(monkeypatch):
    """DATABASE_POOLER=transaction: no server-side cursors, no startup options (PgBouncer refuses them)."""
    from permitportal.settings import base

    monkeypatch.setenv("DATABASE_URL", "postgres://portal:portal@pgbouncer:6432/portal")
    monkeypatch.setenv("DATABASE_POOLER", "transaction")
    pooled = importlib.reload(base).DATABASES["default"]
    monkeypatch.setenv("DATABASE_POOLER", "")
    direct = importlib.reload(base).DATABASES["default"]
    monkeypatch.undo()
    importlib.reload(base)
    assert pooled["DISABLE_SERVER_SIDE_CURSORS"] is True and "options" not in pooled.get("OPTIONS", {})
    assert not direct.get("DISABLE_SERVER_SIDE_CURSORS") and "plan_cache_mode" in direct["OPTIONS"]["options"]
