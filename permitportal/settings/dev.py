"""The embedded default for a developer's machine: ``make run``."""

from .base import *  # noqa: F401,F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)

# The console shows what a developer needs: e-mails as text with the names of their attachments, no PDF
# layout steps, no line per task run in-process (failures are still logged).
EMAIL_BACKEND = env("EMAIL_BACKEND", "permitportal.core.mail.ReadableConsoleBackend")
LOGGING = {
    **LOGGING,  # noqa: F405
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "kombu.connection": {"level": "WARNING"},
    },
}
