"""The Celery application.

With no ``CELERY_BROKER_URL`` the settings make every task run in-process (eager), so the
embedded default needs no broker. Tasks are discovered in each installed app's ``tasks`` module.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.dev")

app = Celery("permitportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
