"""The KPI facts: what the dashboard needs of each submitted case, kept in step with the case.

``CaseFacts`` is derived from the case. Its dates are the case's local dates, read in one query (the
database turns each timestamp into its local day); whether the case was decided by the first date we gave,
by the current date, its processing time with the pauses excluded and whether it was screened late come
from ``applications.services.clock.timeliness``, the function that draws the badges on every page, so a
case's badge and its contribution to the KPIs cannot disagree. The rows are written with one upsert per
batch of a thousand cases (``INSERT ... VALUES ... ON CONFLICT``), on PostgreSQL and SQLite alike.

Every change on a case's timeline marks the case (``mark_case_changed``); the marks are written after the
transaction commits, all at once; a periodic sweep (``refresh_recent_facts``) catches anything missed and
``manage.py rebuild_dashboard_figures`` rebuilds them all.
"""

import logging
import threading
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from applications.models import Case
from applications.services.clock import screening_allowance_days, timeliness

from .models import CaseFacts

logger = logging.getLogger(__name__)

BATCH = 1000  # 14 parameters a row: within SQLite's limit of 32,766 per statement


def _rows(cases):
    """The submitted cases in ``cases`` (a Case queryset) with their local dates and first screening."""
    from django.db.models import BooleanField, ExpressionWrapper, F, OuterRef, Q, Subquery
    from django.db.models.functions import TruncDate

    from applications.models import ScreeningRun

    first_run = (ScreeningRun.objects.filter(case_id=OuterRef("pk")).order_by("checked_at", "id")
                 .annotate(ok=ExpressionWrapper(Q(ok_count=F("total_count")), output_field=BooleanField()))
                 .values("ok")[:1])
    return (cases.filter(submitted_at__isnull=False).order_by()
            .annotate(f_submitted=TruncDate("submitted_at"), f_completed=TruncDate("completed_at"),
                      f_decided=TruncDate("decided_at"), f_first_ok=Subquery(first_run, output_field=BooleanField()))
            .values_list("pk", "application_type_id", "property__municipality_id", "f_submitted", "f_completed",
                         "f_decided", "first_expected_decision_date", "expected_decision_date",
                         "paused_days_after_complete", "screening_days", "f_first_ok")
            .iterator(chunk_size=BATCH))


COLUMNS = ("case_id", "application_type_id", "municipality_id", "submitted_on", "completed_on", "decided_on",
           "processing_days", "promised_on", "expected_on", "decided_by_first_date", "decided_by_current_date",
           "screening_days", "screened_late", "first_screening_ok", "refreshed_at")


def facts_of(row, *, now, allowance: int) -> tuple:
    """One case's facts, in COLUMNS order."""
    (case_id, type_id, municipality_id, submitted, completed, decided, first_expected, expected, paused_after,
     screening_days, first_ok) = row
    verdict = timeliness(decided_on=decided, first_expected=first_expected, expected=expected,
                         completed_on=completed, paused_days_after_complete=paused_after,
                         screening_days=screening_days, allowance=allowance)
    return (case_id, type_id, municipality_id, submitted, completed, decided, verdict.processing_days,
            first_expected, expected, verdict.by_first_date, verdict.by_current_date, screening_days,
            verdict.screened_late, first_ok, now)


def refresh_case_facts(*, cases=None, case_ids=None) -> int:
    """Write the facts of the given cases (a queryset, or ids; neither: every case) from the cases themselves.
    Returns the number of cases written."""
    if cases is None:
        cases = Case.objects.all() if case_ids is None else Case.objects.filter(pk__in=list(case_ids))
    now, allowance, batch, count = timezone.now(), screening_allowance_days(), [], 0
    for row in _rows(cases):
        batch.append(facts_of(row, now=now, allowance=allowance))
        if len(batch) >= BATCH:
            count += _write(batch)
            batch = []
    return count + (_write(batch) if batch else 0)


def _write(batch: list[tuple]) -> int:
    """One ``INSERT ... VALUES (...), (...) ON CONFLICT DO UPDATE`` for the batch (a model instance per row
    cost three times the time of the whole statement)."""
    from django.db import connection

    ops = connection.ops
    quote, adapt_date = ops.quote_name, ops.adapt_datefield_value
    dates = [i for i, name in enumerate(COLUMNS) if name.endswith("_on")]
    stamp = COLUMNS.index("refreshed_at")
    refreshed = ops.adapt_datetimefield_value(batch[0][stamp])
    params = []
    for row in batch:
        row = list(row)
        for i in dates:
            row[i] = adapt_date(row[i])
        row[stamp] = refreshed
        params.extend(row)
    values = ", ".join(["(" + ", ".join(["%s"] * len(COLUMNS)) + ")"] * len(batch))
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in COLUMNS[1:])
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(CaseFacts._meta.db_table)} ({', '.join(quote(c) for c in COLUMNS)}) "
                       f"VALUES {values} ON CONFLICT ({quote('case_id')}) DO UPDATE SET {updates}", params)
    return len(batch)


_pending = threading.local()


def _pending_ids() -> set:
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    return _pending.ids


def mark_case_changed(case_id: int) -> None:
    """Refresh the case's facts once the current transaction commits (one query and one write for all cases
    marked)."""
    _pending_ids().add(case_id)
    transaction.on_commit(_flush_pending)


def _flush_pending() -> None:
    ids = _pending_ids()
    if not ids:
        return
    batch = list(ids)
    ids.clear()
    try:
        refresh_case_facts(case_ids=batch)
    except Exception:  # noqa: BLE001 - derived data: the sweep writes it later
        logger.exception("Could not refresh the KPI facts of %d cases; the sweep will", len(batch))


def refresh_recent_facts(*, minutes: int = 30) -> int:
    """The sweep: refresh the facts of every case with something on its timeline in the last ``minutes``."""
    from applications.models import CaseEvent

    since = timezone.now() - timedelta(minutes=minutes)
    changed = CaseEvent.objects.filter(at__gte=since).values("case_id")
    cases = Case.objects.filter(pk__in=changed)
    count = cases.count()
    if count:
        refresh_case_facts(cases=cases)
    return count
