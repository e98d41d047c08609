"""Refresh the Danish translations: collect strings (makemessages), fill them from the fragment
files in locale/da/fragments/*.py (each defines T = {msgid: msgstr}; plural entries map to a
[singular, plural] pair), compile, and list what is still missing.

Usage: .venv/bin/python scripts/update_translations.py
"""

import runpy
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po"


def main() -> int:
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "da", "--no-obsolete", "--ignore=.venv/*",
         "--ignore=var/*", "--ignore=tests/*", "--ignore=benchmarks/*", "--ignore=locale/*", "--ignore=scripts/*"],
        cwd=ROOT, check=True, capture_output=True,
    )
    known = {}
    for fragment in sorted((ROOT / "locale" / "da" / "fragments").glob("*.py")):
        known.update(runpy.run_path(str(fragment))["T"])
    po = polib.pofile(str(PO))
    missing = []
    for entry in po:
        value = known.get(entry.msgid)
        if value is not None:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif "fuzzy" in entry.flags or not (entry.msgstr or any((entry.msgstr_plural or {}).values())):
            entry.msgstr = ""
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            missing.append(entry.msgid)
    po.metadata.update({"Content-Type": "text/plain; charset=UTF-8", "Language": "da",
                        "Plural-Forms": "nplurals=2; plural=(n != 1);"})
    po.save()
    po.save_as_mofile(str(PO.with_suffix(".mo")))
    print(f"{len(po)} entries, {len(missing)} without Danish")
    for msgid in missing:
        print("  missing:", repr(msgid))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
