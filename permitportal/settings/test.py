"""Settings for the test suite: the same database and broker the environment names.

Unit tests run Celery tasks in-process; the integration tests switch the Celery app to the real
broker themselves (tests/integration).
"""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, CELERY_BROKER_URL, DATABASES

# SQLite: a file, as `make run` uses, not Django's shared in-memory database, whose table locks ignore
# the busy timeout (tests/applications/test_concurrency.py sends simultaneous requests). One file per
# test process, so two runs in one worktree do not meet; Django deletes it at the end of the run.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF"  # a throw-away file: no fsync

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
REAL_CELERY_BROKER_URL = None if CELERY_BROKER_URL == "memory://" else CELERY_BROKER_URL
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
