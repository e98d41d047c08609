import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_with_production_settings_reports_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING",
                     "--settings", "permitportal.settings.production",
                     env_extra={"SECRET_KEY": "q8Zr-production-Secret-for-THE-check-7731-abcdefghijklmnopQRSTUV",
                                "ALLOWED_HOSTS": "portal.example.dk"})
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output


def test_production_settings_refuse_a_missing_secret_key():
    result = _manage("check", "--settings", "permitportal.settings.production", env_extra={"SECRET_KEY": ""})
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_seed_demo_refuses_to_run_with_debug_off():
    result = _manage("seed_demo", "--settings", "permitportal.settings.test")
    assert result.returncode != 0
    assert "refuses to run with DEBUG off" in result.stderr
