"""The portal's date formats per language (settings.FORMAT_MODULE_PATH). Templates and code name the slot
(``date:"DATE_FORMAT"``, ``date_format(day, "SHORT_DATE_FORMAT")``), never a pattern, so Danish gets its
ordinal dot ("4. december 2026") and its numeric dates in tables ("18.01.2027") wherever a date is shown.
Slots not named here come from Django's own locale files."""
