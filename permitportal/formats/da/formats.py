# Danish: the day is an ordinal with a dot ("4. december 2026"), a time says "kl.", and tables use the
# numeric date ("18.01.2027") rather than month abbreviations.
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = r"j. F Y, \k\l. H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
MONTH_DAY_FORMAT = "j. F"
TIME_FORMAT = "H:i"
