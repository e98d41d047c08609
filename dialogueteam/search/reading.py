"""Reading: the best candidates joined to what a result shows, and the rows made cases straight
from the cursor."""

from django.db import connection
from django.db.models.base import ModelState

from applications.models import Case

S = Case.Status


# What a result shows, by model: the case's relation it is (None: the case itself), its alias in the
# statement and its fields. The statement's columns and the reading of its rows both come from this.
RESULT_FIELDS = (
    (None, "c", ("id", "reference", "status", "submitted_at", "decided_at", "expected_decision_date",
                 "first_expected_decision_date", "clock_paused_since", "paused_days", "extension_days",
                 "service_target_days", "property_id", "applicant_id", "caseworker_id", "application_type_id")),
    ("property", "p", ("id", "address", "postcode", "city")),
    ("applicant", "a", ("id", "full_name", "email")),
    ("caseworker", "w", ("id", "full_name", "email", "phone")),
    ("application_type", "t", ("id", "service_target_days")),
)

RESULT_SQL = """
    SELECT {columns}{extra}, s.rank, s.found
    FROM (SELECT f.*, count(*) OVER () AS found,
                 row_number() OVER (ORDER BY f.score DESC, f.is_open DESC, f.submitted_at DESC, f.case_id DESC) AS rank
          FROM ({found}) f) s
    JOIN {case} c ON c.id = s.case_id
    JOIN {property} p ON p.id = c.property_id
    JOIN {user} a ON a.id = c.applicant_id
    LEFT JOIN {user} w ON w.id = c.caseworker_id
    LEFT JOIN {type} t ON t.id = c.application_type_id
    WHERE s.rank <= {limit} AND c.status <> %s
    ORDER BY s.rank
"""


def result_models():
    for relation, alias, names in RESULT_FIELDS:
        model = Case if relation is None else Case._meta.get_field(relation).related_model
        yield relation, model, alias, [model._meta.get_field(name) for name in names]


def result_sql(found: str, params: list, limit: int) -> tuple[str, list]:
    """The best ``limit`` cases of ``found`` (case_id, is_open, submitted_at, score) with what a result
    shows, in one statement: their property, applicant, caseworker and type, their ``rank`` (1 is the
    best) and how many ``found`` gave (``limit`` + 1 means more match than are shown)."""
    columns = ", ".join(f"{alias}.{f.column}" for _, _, alias, fields in result_models() for f in fields)
    extra = "".join(f", {sql}" for _hook, sql in _extra_columns())
    tables = {relation: model for relation, model, _, _ in result_models() if relation}
    text = RESULT_SQL.format(columns=columns, extra=extra, found=found, case=Case._meta.db_table, limit=int(limit),
                              property=tables["property"]._meta.db_table, user=tables["applicant"]._meta.db_table,
                              type=tables["application_type"]._meta.db_table)
    return text, [*params, S.DRAFT]


def _extra_columns() -> list:
    """The columns other apps add to each result (``applications.hooks.list_columns``: what their status notes
    need, read in this statement rather than in a query of its own)."""
    from applications import hooks

    return [(hook, sql) for hook in hooks.list_columns if (sql := hook.sql("c", connection.vendor))]


def result_reader() -> list:
    """For each model of a result: the relation, the model and its fields, each with the converters that
    turn this database's values into Python's (dates on SQLite), as the ORM applies them. Kept with the
    connection (converters may belong to its backend)."""
    reader = getattr(connection, "lookup_result_reader", None)
    if reader is None:
        reader = []
        for relation, model, alias, fields in result_models():
            columns = []
            for f in fields:
                column = f.get_col(alias)
                columns.append((f.attname, column,
                                [*connection.ops.get_db_converters(column), *column.get_db_converters(connection)]))
            reader.append((relation, model, columns))
        connection.lookup_result_reader = reader
    return reader


def _loaded(model, db: str, values: dict):
    """An instance with only these fields loaded, as ``Model.from_db`` gives one, without going through
    ``__init__`` (which costs ten times as much; a page of results is 50 instances)."""
    instance = model.__new__(model)
    instance.__dict__.update(values)
    instance._state = ModelState()
    instance._state.adding, instance._state.db = False, db
    return instance


def result_cases(rows, reader: list, db: str) -> list[Case]:
    """The statement's rows as cases with their property, applicant, caseworker and type attached."""
    cases = []
    extra = [hook for hook, _sql in _extra_columns()]
    for row in rows:
        values = iter(row)
        related = {}
        for relation, model, columns in reader:
            data = {}
            for attname, column, converters in columns:
                value = next(values)
                for converter in converters:
                    value = converter(value, column, connection)
                data[attname] = value
            related[relation] = None if data["id"] is None else _loaded(model, db, data)
        case = related.pop(None)
        case._state.fields_cache.update(related)
        for hook in extra:
            hook.apply(case, next(values))
        cases.append(case)
    return cases
