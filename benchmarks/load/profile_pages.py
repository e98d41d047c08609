"""Where a page's CPU goes: each page kind of the load test's mix, served in-process by Django's own WSGI handler
(no gunicorn, no network, no locust) against the load test's seeded database, timed in CPU seconds of this
process, so the figures hold on a machine other work shares (wall-clock times would measure the neighbours).

    .venv/bin/python benchmarks/load/run.py            # once: creates and seeds permitportal_load
    .venv/bin/python benchmarks/load/profile_pages.py [--rounds 200] [--profile "page: case"]

Prints, per kind, the CPU milliseconds per request (p50 / p95) and the database time, and with --profile the
20 functions with the most cumulative time for that kind. Reads only: nothing is written except sessions.
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", os.environ.get("LOAD_DATABASE_URL",
                                                     "postgres://postgres@127.0.0.1:5432/permitportal_load"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.base")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.pop("CELERY_BROKER_URL", None)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from applications.models import Case  # noqa: E402


def client_for(email: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def kinds() -> dict:
    applicant = get_user_model().objects.get(email="load-applicant-0@example.dk")
    references = list(Case.objects.filter(applicant=applicant).values_list("reference", flat=True))
    staff_refs = list(Case.objects.exclude(status="draft").values_list("reference", flat=True)[:50])
    terms = ["Æbeløgade", "Nørrebrogade 1", "Østerbrogade", "Ørnbøl", "Jagtvej 2", "Strandvejen", "B-2026"]
    a = client_for("load-applicant-0@example.dk")
    c = client_for("load-caseworker-0@example.dk")
    d = client_for("load-dialogue-0@example.dk")
    return {
        "page: my applications": lambda: a.get("/cases/"),
        # A draft's case page goes on to its guide, as locust follows the redirect.
        "page: case": lambda: a.get(f"/cases/{random.choice(references)}/", follow=True),
        "page: queue": lambda: c.get("/work/queue/"),
        "page: workspace": lambda: c.get(f"/work/cases/{random.choice(staff_refs)}/"),
        "page: dialogue search": lambda: d.get("/dialogue/", {"q": random.choice(terms)}),
        "api: my cases": lambda: a.get("/api/v1/cases/"),
    }


def measure(call, rounds: int) -> tuple[list[float], float]:
    cpu = []
    db_seconds = 0.0

    def timer(execute, sql, params, many, context):
        nonlocal db_seconds
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            db_seconds += time.perf_counter() - start

    with connection.execute_wrapper(timer):
        for _ in range(rounds):
            start = time.process_time()
            response = call()
            cpu.append((time.process_time() - start) * 1000)
            assert response.status_code == 200, response.status_code
    return cpu, db_seconds * 1000 / rounds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--profile", default="")
    args = parser.parse_args()
    random.seed(1)
    table = kinds()
    print(f"{'kind':24} {'cpu p50 ms':>10} {'cpu p95 ms':>10} {'db wall ms':>10}")
    for name, call in table.items():
        for _ in range(5):  # warm caches and the connection
            call()
        cpu, db_ms = measure(call, args.rounds)
        cpu.sort()
        print(f"{name:24} {statistics.median(cpu):10.1f} {cpu[int(len(cpu) * 0.95) - 1]:10.1f} {db_ms:10.1f}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.rounds):
            table[args.profile]()
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(35)
        print(out.getvalue())


if __name__ == "__main__":
    main()
