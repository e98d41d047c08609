"""Writes to the property register: the CSV import and applicants' corrections."""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Municipality, Property, PropertyCorrection
from applications.models.municipality import default_municipality_id

COLUMNS = ("address", "postcode", "city", "cadastral_number", "property_number", "zoning_plan", "year_built",
           "built_area", "use", "municipality_code")
REQUIRED_COLUMNS = ("address", "postcode", "city", "cadastral_number", "property_number")
TEXT_FIELDS = ("address", "postcode", "city", "cadastral_number", "zoning_plan", "use")
EARLIEST_YEAR = 1500
_POSTCODE = re.compile(r"^\d{4}$")
_WHOLE_NUMBER = re.compile(r"^\d+$")
_MUNICIPALITY_CODE = re.compile(r"^\d{4}$")

COLUMN_LABELS = {
    "address": gettext_lazy("address"),
    "postcode": gettext_lazy("postcode"),
    "city": gettext_lazy("city"),
    "cadastral_number": gettext_lazy("cadastral number"),
    "property_number": gettext_lazy("property number"),
    "zoning_plan": gettext_lazy("zoning plan"),
    "year_built": gettext_lazy("year built"),
    "built_area": gettext_lazy("built area (m²)"),
    "use": gettext_lazy("use"),
    "municipality_code": gettext_lazy("municipality code"),
}

# The register values an applicant may say are wrong.
CORRECTABLE_FIELDS = ("year_built", "built_area", "use", "zoning_plan")


class ImportFileError(Exception):
    """The file as a whole cannot be read (missing columns, wrong encoding); nothing was imported."""


@dataclass
class SkippedRow:
    line: int
    reason: str


@dataclass
class ImportReport:
    created: list[int] = field(default_factory=list)  # line numbers
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.skipped)


class _BadRow(Exception):
    pass


def _field_length(name: str) -> int:
    return Property._meta.get_field(name).max_length


def _clean_row(raw: dict, *, this_year: int, municipalities: dict) -> dict:
    """The row's values ready for a Property, or _BadRow with a reason a person can act on."""
    values = {name: " ".join((raw.get(name) or "").split()) for name in COLUMNS}
    missing = [str(COLUMN_LABELS[name]) for name in REQUIRED_COLUMNS if not values[name]]
    if missing:
        raise _BadRow(_("missing %(fields)s") % {"fields": ", ".join(missing)})
    if not _POSTCODE.match(values["postcode"]):
        raise _BadRow(_("the postcode “%(value)s” is not a Danish postcode of 4 digits")
                      % {"value": values["postcode"]})
    number = values["property_number"].replace(" ", "")
    if not _WHOLE_NUMBER.match(number) or len(number) > _field_length("property_number"):
        raise _BadRow(_("the property number “%(value)s” must be a number (the BFE number)")
                      % {"value": values["property_number"]})
    values["property_number"] = number
    for name in TEXT_FIELDS:
        limit = _field_length(name)
        if len(values[name]) > limit:
            raise _BadRow(_("the %(field)s is longer than %(limit)d characters")
                          % {"field": COLUMN_LABELS[name], "limit": limit})

    year = values["year_built"]
    if year:
        if not _WHOLE_NUMBER.match(year):
            raise _BadRow(_("the year built “%(value)s” is not a year (write it as four digits, e.g. 1962)")
                          % {"value": year})
        year = int(year)
        if year > this_year:
            raise _BadRow(_("the year built %(year)d is in the future") % {"year": year})
        if year < EARLIEST_YEAR:
            raise _BadRow(_("the year built %(year)d is before %(earliest)d")
                          % {"year": year, "earliest": EARLIEST_YEAR})
    values["year_built"] = year or None

    area = values["built_area"].replace(" ", "")
    if area:
        if not _WHOLE_NUMBER.match(area) or int(area) == 0:
            raise _BadRow(_("the built area “%(value)s” must be a whole number of square metres, e.g. 142")
                          % {"value": values["built_area"]})
        area = int(area)
    values["built_area"] = area or None
    code = values.pop("municipality_code")
    if code and not _MUNICIPALITY_CODE.match(code):
        raise _BadRow(_("the municipality code “%(value)s” is not four digits, e.g. 0101") % {"value": code})
    values["municipality_id"] = municipalities.get(code or None)
    if values["municipality_id"] is None:
        raise _BadRow(_("no municipality has the code %(value)s; add it in the admin first") % {"value": code})
    return values


def _read_text(path: Path) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("Cannot read the file %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("The file is not UTF-8 text (the problem is at byte %(position)d). Save it as “CSV UTF-8” and try again.")
            % {"position": exc.start}
        ) from exc


def _reader(text: str) -> csv.DictReader:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportFileError(
            _("The file has no column %(missing)s. The first line must name the columns: %(columns)s.")
            % {"missing": ", ".join(missing), "columns": ", ".join(COLUMNS)}
        )
    reader.fieldnames = header
    return reader


@transaction.atomic
def import_properties(*, path) -> ImportReport:
    """Create or update properties from a CSV file, keyed on the property number.

    Importing the same file again changes nothing. A bad row is skipped and reported with its line
    number and the reason; the other rows are imported. Raises ``ImportFileError`` when the file as a
    whole cannot be used.
    """
    reader = _reader(_read_text(path))
    this_year = timezone.localdate().year
    report = ImportReport()
    # The column municipality_code (optional) names the property's municipality; without it a row
    # lands in the default one (settings.DEFAULT_MUNICIPALITY_CODE).
    municipalities = {m.code: m.pk for m in Municipality.objects.all()}
    municipalities[None] = default_municipality_id()
    rows = []
    seen: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in raw.values() if isinstance(value, str)):
            continue  # a blank line
        try:
            values = _clean_row(raw, this_year=this_year, municipalities=municipalities)
        except _BadRow as bad:
            report.skipped.append(SkippedRow(line=line, reason=str(bad)))
            continue
        number = values["property_number"]
        if number in seen:
            report.skipped.append(SkippedRow(
                line=line, reason=_("the property number %(number)s is already on line %(line)d")
                % {"number": number, "line": seen[number]}))
            continue
        seen[number] = line
        rows.append((line, values))

    existing = {p.property_number: p for p in Property.objects.filter(property_number__in=list(seen))}
    for line, values in rows:
        prop = existing.get(values["property_number"])
        if prop is None:
            Property(**values).save()
            report.created.append(line)
            continue
        changed = [name for name, value in values.items() if getattr(prop, name) != value]
        if not changed:
            report.unchanged.append(line)
            continue
        for name in changed:
            setattr(prop, name, values[name])
        prop.save()
        report.updated.append(line)
    return report


def _check_reported_value(*, field_name: str, value: str) -> None:
    if field_name == "year_built":
        this_year = timezone.localdate().year
        if not _WHOLE_NUMBER.match(value) or not EARLIEST_YEAR <= int(value) <= this_year:
            raise ValidationError(
                _("Write the year the building was built as four digits, between %(earliest)d and %(this_year)d.")
                % {"earliest": EARLIEST_YEAR, "this_year": this_year},
                code="invalid_year",
            )
    elif field_name == "built_area":
        if not _WHOLE_NUMBER.match(value.replace(" ", "")) or int(value.replace(" ", "")) == 0:
            raise ValidationError(_("Write the built area as a whole number of square metres, for example 142."),
                                  code="invalid_area")


@transaction.atomic
def report_correction(*, property: Property, field: str, reported_value, comment: str = "",
                      user=None) -> PropertyCorrection:
    """Record that an applicant says a register value is wrong. Staff check it; the register is not changed here."""
    if field not in CORRECTABLE_FIELDS:
        raise ValidationError(
            _("You cannot report a correction to “%(field)s”. You can correct: %(fields)s.")
            % {"field": field, "fields": ", ".join(str(COLUMN_LABELS[name]) for name in CORRECTABLE_FIELDS)},
            code="invalid_field",
        )
    value = " ".join(str(reported_value if reported_value is not None else "").split())
    if not value:
        raise ValidationError(_("Write the correct value."), code="required")
    max_length = PropertyCorrection._meta.get_field("reported_value").max_length
    if len(value) > max_length:
        raise ValidationError(_("Keep the value under %(limit)d characters; write more in the comment.")
                              % {"limit": max_length}, code="too_long")
    _check_reported_value(field_name=field, value=value)
    current = getattr(property, field)
    register_value = "" if current is None else str(current)
    if value.replace(" ", "").lower() == register_value.replace(" ", "").lower():
        raise ValidationError(_("That is the value the register already has. Write the value you think is right."),
                              code="unchanged")
    return PropertyCorrection.objects.create(
        property=property,
        field=field,
        register_value=register_value,
        reported_value=value,
        comment=(comment or "").strip(),
        reported_by=user if getattr(user, "is_authenticated", False) else None,
    )
