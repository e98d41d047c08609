"""make run: PORT and HOST reach the links in e-mails, letters and surveys; the console shows what a developer
needs (e-mails as text with the names of their attachments, no PDF layout steps, no SQLite index warning)."""

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

from django.core.mail import EmailMessage

from permitportal.core.mail import ReadableConsoleBackend

ROOT = Path(__file__).resolve().parents[2]


def _make_n(*args):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    return subprocess.run(["make", "-n", "run", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60).stdout


def test_links_follow_the_port_and_host_make_run_serves_on():
    commands = _make_n("PORT=8123", "HOST=localhost")
    assert "SITE_URL=http://localhost:8123 .venv/bin/python manage.py seed_demo" in commands
    assert "SITE_URL=http://localhost:8123 .venv/bin/python manage.py runserver localhost:8123" in commands
    # On every address, the links point at this machine.
    assert "SITE_URL=http://127.0.0.1:8000 .venv/bin/python manage.py runserver 0.0.0.0:8000" in _make_n("HOST=0.0.0.0")


def test_the_readme_names_port_and_host():
    readme = (ROOT / "README.md").read_text()
    assert "make run PORT=" in readme and "HOST=" in readme


def test_an_e_mail_on_the_console_is_its_text_and_the_names_of_its_attachments():
    stream = io.StringIO()
    message = EmailMessage(subject="Kvittering for B-2026-00001", body="Tak for din ansøgning.\n",
                           to=["anne@example.dk"])
    message.attach("kvittering.pdf", b"%PDF-1.7 " + b"x" * 5000, "application/pdf")
    ReadableConsoleBackend(stream=stream).send_messages([message])
    shown = stream.getvalue()
    assert "E-mail to anne@example.dk: Kvittering for B-2026-00001" in shown
    assert "Tak for din ansøgning." in shown
    assert "[attached: kvittering.pdf (application/pdf, 5 kB)]" in shown
    assert "base64" not in shown and "Content-Type" not in shown


def test_the_development_console_is_quiet_about_pdf_layout_and_sqlite_indexes():
    code = ("import django, logging; django.setup(); "
            "from django.core.management import call_command; call_command('check'); "
            "print(logging.getLogger('weasyprint.progress').getEffectiveLevel(), "
            "logging.getLogger('celery.app.trace').getEffectiveLevel())")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["DJANGO_SETTINGS_MODULE"] = "permitportal.settings.dev"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "W040" not in result.stdout + result.stderr
    assert result.stdout.split()[-2:] == [str(logging.WARNING), str(logging.WARNING)]
