"""The Danish catalogue has one source, ``locale/da/LC_MESSAGES/django.po``, and it is complete.

The strings are collected from a copy of the code by makemessages (as scripts/update_translations.py
does), so a string added to the code without Danish fails here, and so does a Danish entry that no
code uses any more.
"""

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PO = Path(settings.LOCALE_PATHS[0]) / "da" / "LC_MESSAGES" / "django.po"
SKIP_DIRS = {".venv", "var", "node_modules", ".git", "tests", "benchmarks", "scripts", ".pytest_cache",
             ".ruff_cache", "static", "docs"}


@pytest.fixture(scope="module")
def committed():
    return polib.pofile(str(PO))


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """What makemessages finds in the code today, with the committed translations merged in."""
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext (xgettext) is missing: run `make system-deps`")
    copy = tmp_path_factory.mktemp("source") / "portal"

    def ignore(folder, names):
        return {n for n in names if n in SKIP_DIRS or n.endswith((".pyc", ".mo")) or n == "__pycache__"}

    shutil.copytree(ROOT, copy, ignore=ignore)
    subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "da", "--no-obsolete", "--no-location"],
                   cwd=copy, check=True, capture_output=True)
    return polib.pofile(str(copy / "locale" / "da" / "LC_MESSAGES" / "django.po"))


def _keys(po):
    return {(e.msgctxt, e.msgid) for e in po if not e.obsolete}


def test_every_string_in_the_code_has_danish(collected):
    missing = [e.msgid for e in collected if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert not missing, f"strings without Danish (add them to {PO.name}): {missing[:15]}"


def test_the_catalogue_holds_no_string_the_code_no_longer_uses(committed, collected):
    unused = sorted(str(k) for k in _keys(committed) - _keys(collected))
    assert not unused, f"entries no code uses (remove them): {unused[:15]}"


def test_each_text_is_in_the_catalogue_once(committed):
    counts = Counter((e.msgctxt, e.msgid) for e in committed if not e.obsolete)
    twice = [k for k, n in counts.items() if n > 1]
    assert not twice, f"entries written twice (keep one, or give them contexts): {twice[:10]}"


def test_no_danish_entry_is_fuzzy_or_empty(committed):
    untranslated = [e.msgid for e in committed.untranslated_entries()]
    fuzzy = [e.msgid for e in committed.fuzzy_entries()]
    assert not untranslated, f"missing Danish: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy Danish: {fuzzy[:10]}"


def test_placeholders_survive_translation(committed):
    """A Danish text keeps every %(name)s and {name} placeholder of its English text."""
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
    broken = []
    for entry in committed:
        if entry.msgid_plural:
            plural = entry.msgstr_plural
            pairs = [(entry.msgid, plural.get(0, "")), (entry.msgid_plural, plural.get(1, ""))]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for english, danish in pairs:
            if danish and sorted(set(pattern.findall(english))) != sorted(set(pattern.findall(danish))):
                broken.append(english)
    assert not broken, f"placeholders differ in: {broken[:10]}"
