"""Every scheduled task exists and accepts the arguments the beat schedule gives it."""

import inspect

import pytest
from django.conf import settings

from permitportal.celery import app

SCHEDULE = settings.CELERY_BEAT_SCHEDULE


def test_the_schedule_is_not_empty():
    assert SCHEDULE


@pytest.mark.parametrize("name", sorted(SCHEDULE))
def test_scheduled_task_imports_and_accepts_its_arguments(name):
    entry = SCHEDULE[name]
    app.loader.import_default_modules()
    task = app.tasks.get(entry["task"])
    assert task is not None, f"{name}: task {entry['task']} is not registered"
    signature = inspect.signature(task.run)
    signature.bind(*entry.get("args", ()), **entry.get("kwargs", {}))


def test_without_a_broker_tasks_run_in_process():
    assert app.conf.task_always_eager is True
