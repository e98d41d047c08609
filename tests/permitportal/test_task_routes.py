"""Worker pools per queue: every task the project defines goes to a queue that a compose worker consumes,
and the single-process workers (`make worker`, the integration tests', the load test's) consume them all."""

import re
from pathlib import Path

import yaml
from django.conf import settings

from permitportal.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def _project_tasks():
    celery_app.loader.import_default_modules()
    names = sorted(name for name in celery_app.tasks if not name.startswith("celery."))
    assert len(names) >= 25, names  # the tasks modules were found
    return names


def _queue(name):
    return celery_app.amqp.router.route({}, name)["queue"].name


def _queues_in(command):
    found = re.findall(r"-Q\s+([\w,]+)", command)
    return {queue for group in found for queue in group.split(",")} if found else {settings.CELERY_TASK_DEFAULT_QUEUE}


def _compose_worker_queues():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    queues = {}
    for name, service in services.items():
        command = service.get("command") or ""
        if " worker" in command and "celery" in command:
            queues[name] = _queues_in(command)
    return queues


def test_every_task_is_routed_to_a_queue_a_compose_worker_consumes():
    consumed = set().union(*_compose_worker_queues().values())
    stranded = {name: _queue(name) for name in _project_tasks() if _queue(name) not in consumed}
    assert not stranded, stranded


def test_the_routing_table_names_only_tasks_that_exist():
    assert set(settings.CELERY_TASK_ROUTES) <= set(_project_tasks())


def test_screening_and_letters_have_their_own_worker_pools():
    pools = _compose_worker_queues()
    assert _queue("applications.tasks.screen_case") == "casework"
    assert _queue("applications.tasks.sweep_advisories") == "casework"
    for letter in ("applications.tasks.generate_decision_letter", "applications.tasks.send_receipt",
                   "satisfaction.tasks.send_invitation", "predialogue.tasks.send_minutes"):
        assert _queue(letter) == "letters", letter
    assert _queue("applications.tasks.notify_date_changes") == "letters"
    assert _queue("permitportal.accounts.tasks.purge_login_attempts") == "celery"
    # Separate services: no compose worker takes both screening and letters.
    assert {"casework"} in pools.values() and {"letters"} in pools.values() and {"celery"} in pools.values()


def test_single_workers_consume_every_queue():
    every = set(settings.CELERY_ALL_QUEUES)
    assert every == {_queue(name) for name in _project_tasks()} | {settings.CELERY_TASK_DEFAULT_QUEUE}
    make_worker = re.search(r"^worker:.*?\n\t(.+)$", (ROOT / "Makefile").read_text(), re.M | re.S).group(1)
    assert _queues_in(make_worker) == every
    load = (ROOT / "benchmarks/load/run.py").read_text()
    assert set(re.findall(r'"(\w+)"', re.search(r"^CELERY_ALL_QUEUES = \((.*)\)$", load, re.M).group(1))) == every
    assert '"-Q", ",".join(CELERY_ALL_QUEUES)' in load
    # Every worker a test starts (`"permitportal", "worker"` in its command) names all the queues.
    starters = [path for path in (ROOT / "tests").rglob("*.py")
                if '"permitportal", "worker"' in path.read_text() and path != Path(__file__)]
    assert ROOT / "tests/integration/conftest.py" in starters
    for path in starters:
        text = path.read_text()
        assert text.count('"permitportal", "worker"') == text.count('"-Q", ",".join(settings.CELERY_ALL_QUEUES)'), path
