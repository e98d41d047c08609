"""The portal through PgBouncer in transaction mode (as docker-compose.yml runs it): the staff lookup
and a submission (screened in-process) work with DATABASE_POOLER=transaction, and run no SQL-level
PREPARE, which a transaction-mode pooler breaks. Needs Debian's pgbouncer (scripts/system-deps.sh)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from tests import factories
from tests.applications import caseworker_support as support
from tests.integration.conftest import ROOT, _unavailable, _worker_env

PGBOUNCER = shutil.which("pgbouncer") or ("/usr/sbin/pgbouncer" if Path("/usr/sbin/pgbouncer").exists() else None)

# Run in a separate process whose only database is the pooler: submit the case, then look it up.
SCRIPT = """
import json, sys
import django
django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from applications.models import Case, ScreeningRun
from applications.services import cases as case_services
from dialogueteam import services as dialogue
from permitportal.accounts.models import User

case = Case.objects.get(pk=int(sys.argv[1]))
case_services.submit(case=case, actor=case.applicant)
case.refresh_from_db()
staff = User.objects.get(pk=int(sys.argv[2]))
with CaptureQueriesContext(connection) as queries:
    found = [dialogue.lookup(user=staff, query=case.reference).cases for _ in range(3)]
print(json.dumps({
    "status": case.status,
    "screened": ScreeningRun.objects.filter(case=case).count(),
    "found": [[c.reference for c in cases] for cases in found],
    "prepares": sum(q["sql"].lstrip().upper().startswith(("PREPARE", "EXECUTE")) for q in queries.captured_queries),
    "port": connection.settings_dict["PORT"],
}))
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def pgbouncer(postgres):
    if not PGBOUNCER:
        _unavailable("pgbouncer is not installed (scripts/system-deps.sh)")
    settings_dict = connection.settings_dict
    port = _free_port()
    folder = Path(tempfile.mkdtemp(prefix="pp-pgbouncer-"))
    folder.chmod(0o755)  # pgbouncer refuses to run as root: it drops to the postgres user, who reads these
    (folder / "userlist.txt").write_text(f'"{settings_dict["USER"]}" ""\n')
    (folder / "pgbouncer.ini").write_text(f"""
[databases]
* = host={settings_dict["HOST"] or "127.0.0.1"} port={settings_dict["PORT"] or 5432} connect_query='SET jit = off'
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {folder / "userlist.txt"}
pool_mode = transaction
default_pool_size = 4
server_reset_query =
ignore_startup_parameters = extra_float_digits
""")
    for path in folder.iterdir():
        path.chmod(0o644)
    user = ["-u", "postgres"] if os.geteuid() == 0 else []
    log = folder / "pgbouncer.log"  # opened here: the postgres user may not write into the folder
    with log.open("wb") as fh:
        proc = subprocess.Popen([PGBOUNCER, *user, str(folder / "pgbouncer.ini")], stdout=fh, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"pgbouncer exited: {log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _files_the_process_can_read(settings):
    from permitportal.settings import test as test_settings

    settings.STORAGES = test_settings.STORAGES


def _through_the_pooler(port, *args, pooler="transaction"):
    env = _worker_env(connection.settings_dict["NAME"])
    settings_dict = connection.settings_dict
    env["DATABASE_URL"] = f"postgres://{settings_dict['USER']}@127.0.0.1:{port}/{settings_dict['NAME']}"
    env["DATABASE_POOLER"] = pooler
    env.pop("CELERY_BROKER_URL", None)  # screening runs in-process, through the pooler too
    return subprocess.run([sys.executable, "-c", SCRIPT, *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_lookup_and_submission_work_through_pgbouncer_in_transaction_mode(pgbouncer):
    case = support.draft_with_checklist()
    for code in support.REQUIRED:
        support.upload(case, code)
    staff = factories.UserFactory(role="dialogue_team")

    done = _through_the_pooler(pgbouncer, case.pk, staff.pk)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    case.refresh_from_db()
    assert int(result["port"]) == pgbouncer
    assert result["status"] == case.status == "submitted"
    assert result["screened"] == 1
    assert result["found"] == [[case.reference]] * 3
    assert result["prepares"] == 0  # behind the pooler the lookup's statement is sent as it is


def test_the_direct_connection_settings_do_not_work_through_the_pooler(pgbouncer):
    """Without DATABASE_POOLER the portal sends startup options (plan_cache_mode, jit) that PgBouncer refuses."""
    case = support.draft_with_checklist()
    staff = factories.UserFactory(role="dialogue_team")
    done = _through_the_pooler(pgbouncer, case.pk, staff.pk, pooler="")
    assert done.returncode != 0
    assert "unsupported startup parameter" in done.stderr
