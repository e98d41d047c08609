"""Benchmark: the public property search (``GET /api/v1/properties/?q=``) against a search of many words.

    .venv/bin/python benchmarks/property_search/run.py [--words 1360 5000] [--timeout 200]

Builds a fresh SQLite database in ``var/bench-properties.sqlite3`` (or uses ``DATABASE_URL``),
imports the 256 demo properties, and times one anonymous request per word count through the full
Django stack (the test Client against the real URL). The words are distinct (``vaerksted1
vaerksted2 ...``), so dropping duplicates does not help, and each has two variants ("ae" may be
"æ"). Prints the status and the seconds each took;
``--selector`` also times ``search_properties()`` called directly with all the words.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-properties.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("LOG_LEVEL", "CRITICAL")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, nargs="+", default=[1360, 5000])
    parser.add_argument("--word", default="vaerksted{i}",
                        help="the pattern of each word; the default has \"ae\", so each word has two variants")
    parser.add_argument("--selector", action="store_true",
                        help="also time search_properties() alone, without the request's bounds")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from applications.models import Property
    from applications.services.properties import import_properties

    call_command("migrate", verbosity=0)
    if not Property.objects.exists():
        import_properties(path=ROOT / "applications" / "data" / "demo_properties.csv")
    from applications.selectors.properties import search_properties

    client = Client(raise_request_exception=False)
    print(f"{Property.objects.count()} properties, database {os.environ['DATABASE_URL']}")
    client.get("/api/v1/properties/", {"q": "gade"})  # warm up: URLs, translations, the first connection
    for count in args.words:
        query = " ".join(args.word.format(i=i) for i in range(count))
        started = time.perf_counter()
        response = client.get("/api/v1/properties/", {"q": query})
        seconds = time.perf_counter() - started
        print(f"{count:>6} words ({len(query):,} characters): {response.status_code} in {seconds:.3f} s "
              f"{response.content[:120]!r}")
        if args.selector:
            started = time.perf_counter()
            try:
                outcome = f"{len(list(search_properties(query=query)))} found"
            except Exception as exc:  # noqa: BLE001 - a benchmark reports what the database said
                outcome = f"{type(exc).__name__}: {exc}"
            print(f"{'':>6} the selector alone, unbounded: {time.perf_counter() - started:.3f} s ({outcome})")


if __name__ == "__main__":
    main()
