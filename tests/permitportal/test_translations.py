from pathlib import Path

import polib
from django.conf import settings


def test_every_danish_string_is_translated():
    po = polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / "da" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"missing Danish: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy Danish: {fuzzy[:10]}"
