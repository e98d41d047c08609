"""What the page frame's ``{% fragment %}`` saves: three pages rendered in turn through the test client
with the fragments kept by the tag (a dictionary of the process), kept in Django's cache framework
(``LocMemCache``, keys hashed with md5), and rendered every time.

    DATABASE_URL=sqlite:////tmp/frag.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/frag.sqlite3 .venv/bin/python benchmarks/lookup/frame_fragments.py 300
"""

import hashlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.cache.backends.locmem import LocMemCache  # noqa: E402
from django.test import Client  # noqa: E402

from permitportal.accounts.models import User  # noqa: E402
from permitportal.core.templatetags import fragments  # noqa: E402

PAGES = {"home": "/", "lookup (no search)": "/dialogue/", "contacts": "/dialogue/contacts/"}


class CacheStore:
    """The tag's keys in Django's cache framework, as ``{% cache %}`` would keep them."""

    def __init__(self):
        self.cache = LocMemCache("fragments", {"OPTIONS": {"MAX_ENTRIES": 1000}})

    def get(self, key):
        return self.cache.get(hashlib.md5(repr(key).encode()).hexdigest())

    def __setitem__(self, key, value):
        self.cache.set(hashlib.md5(repr(key).encode()).hexdigest(), value, None)

    def __len__(self):
        return 0


class NoKeep(dict):
    """Keeps nothing: every fragment is rendered every time."""

    def __setitem__(self, key, value):
        pass


def main(samples: int) -> None:
    user = User.objects.filter(email="frag@example.dk").first() or User.objects.create_user(
        email="frag@example.dk", password="x-very-long-pass-1", full_name="Frag Bench", email_verified=True)
    user.groups.add(Group.objects.get_or_create(name="dialogue_team")[0])
    client = Client()
    client.force_login(user)
    modes = [("kept", {}), ("django cache", CacheStore()), ("every time", NoKeep())]
    times = {(page, mode): [] for page in PAGES for mode, _ in modes}
    for _ in range(40):
        for url in PAGES.values():
            client.get(url)
    for i in range(samples):
        for mode, store in modes[i % 3:] + modes[:i % 3]:
            fragments._kept = store
            for page, url in PAGES.items():
                start = time.perf_counter()
                response = client.get(url)
                times[(page, mode)].append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
    for page in PAGES:
        print(f"{page:<20}" + "  ".join(f"{mode} p50 {statistics.median(times[(page, mode)]):6.2f} ms"
                                        for mode, _ in modes))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
