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
    assert set(compose["services"]) >= {"web", "worker", "beat", "db", "redis"}
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
