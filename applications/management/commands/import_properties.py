"""``manage.py import_properties FILE.csv``: create or update the property register from a CSV file."""

from django.core.management.base import BaseCommand, CommandError

from applications.services.properties import COLUMNS, ImportFileError, import_properties


def line_ranges(lines: list[int]) -> str:
    """[2, 3, 4, 7, 9, 10] -> "2-4, 7, 9-10"."""
    parts = []
    start = previous = None
    for line in sorted(lines):
        if start is None:
            start = previous = line
        elif line == previous + 1:
            previous = line
        else:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
            start = previous = line
    if start is not None:
        parts.append(str(start) if start == previous else f"{start}-{previous}")
    return ", ".join(parts)


class Command(BaseCommand):
    help = (
        "Create or update properties from a CSV file (UTF-8, comma or semicolon separated) with the columns "
        + ", ".join(COLUMNS)
        + ". Rows are matched on property_number, so running it again is safe. Bad rows are skipped and listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the CSV file")

    def handle(self, *args, path, **options):
        try:
            report = import_properties(path=path)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for label, lines in (("created", report.created), ("updated", report.updated),
                             ("unchanged", report.unchanged)):
            suffix = f" (lines {line_ranges(lines)})" if lines and (label != "unchanged" or options["verbosity"] > 1) \
                else ""
            self.stdout.write(f"{label}: {len(lines)}{suffix}")
        self.stdout.write(f"skipped: {len(report.skipped)}")
        for row in report.skipped:
            self.stdout.write(self.style.WARNING(f"  line {row.line}: {row.reason}"))
        if report.skipped:
            self.stdout.write(self.style.WARNING("Fix the skipped lines and run the import again."))
