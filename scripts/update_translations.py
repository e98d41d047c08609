"""Refresh the Danish catalogue after the code changed: collect the strings (makemessages, which keeps
every translation already in the file), then list what still has no Danish.

``locale/da/LC_MESSAGES/django.po`` is the one source of the Danish texts: translators edit it with
Poedit or a translation platform; ``make translations`` compiles it. Where one English text needs two
Danish ones, the code gives it a context (``pgettext("hearing", "Open")``).

Usage: .venv/bin/python scripts/update_translations.py
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po"
IGNORED = [".venv/*", "var/*", "tests/*", "benchmarks/*", "locale/*", "scripts/*", "node_modules/*"]


def collect(locale_root: Path = ROOT) -> None:
    """Run makemessages for Danish over the project; the strings land in ``locale_root``."""
    args = [sys.executable, "manage.py", "makemessages", "-l", "da", "--no-obsolete"]
    args += [f"--ignore={pattern}" for pattern in IGNORED]
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)


def untranslated(po: polib.POFile) -> list[str]:
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def main() -> int:
    collect()
    po = polib.pofile(str(PO))
    missing = untranslated(po)
    print(f"{len(po)} entries, {len(missing)} without Danish (fill them in {PO.relative_to(ROOT)})")
    for msgid in missing:
        print("  missing:", repr(msgid))
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
