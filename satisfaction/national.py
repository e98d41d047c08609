"""The national view (issue 19, item 4): the dashboard's headline figures for every municipality side by
side, for the national role. Figures only: no case, no comment, no name is read here. Four grouped
queries whatever the number of municipalities (and on SQLite one more for the medians)."""

from collections import defaultdict

from django.db import connection
from django.db.models import Count, Q, Sum

from applications.models import Municipality
from permitportal.accounts import roles

from .models import MAX_QUESTIONS, CaseFacts, SatisfactionDay
from .selectors import PercentileCont, Period, _days, _mean, _share, percentile_cont


def can_read(user) -> bool:
    return roles.has_role(user, roles.NATIONAL)


def _processing(period: Period) -> dict:
    """Per municipality: decided cases, median processing days, decided by the date first promised and by the
    current date (the verdicts the clock wrote into the facts: the dashboard's and the badges' definitions)."""
    facts = CaseFacts.objects.filter(decided_on__range=(period.start, period.end))
    aggregates = {"decided": Count("decided_on"), "promised": Count("decided_by_first_date"),
                  "on_time": Count("decided_by_first_date", filter=Q(decided_by_first_date=True)),
                  "current": Count("decided_by_current_date"),
                  "on_time_current": Count("decided_by_current_date", filter=Q(decided_by_current_date=True))}
    postgres = connection.vendor == "postgresql"
    if postgres:
        aggregates["median"] = PercentileCont("processing_days", 0.5)
    rows = {row["municipality_id"]: row
            for row in facts.values("municipality_id").annotate(**aggregates).order_by()}
    if not postgres:
        values = defaultdict(list)
        for municipality_id, days in (facts.filter(processing_days__isnull=False)
                                      .order_by("municipality_id", "processing_days")
                                      .values_list("municipality_id", "processing_days")):
            values[municipality_id].append(days)
        for municipality_id, row in rows.items():
            row["median"] = percentile_cont(values[municipality_id], 0.5)
    return rows


def _first_time_complete(period: Period) -> dict:
    facts = CaseFacts.objects.filter(submitted_on__range=(period.start, period.end))
    return {row["municipality_id"]: row for row in facts.values("municipality_id").annotate(
        submitted=Count("submitted_on"), screened=Count("first_screening_ok"),
        complete=Count("first_screening_ok", filter=Q(first_screening_ok=True))).order_by()}


def _satisfaction(period: Period) -> dict:
    sums = {"responses": Sum("responses"), "invitations": Sum("invitations")}
    for position in range(1, MAX_QUESTIONS + 1):
        sums[f"sum_{position}"] = Sum(f"score_sum_{position}")
        sums[f"count_{position}"] = Sum(f"score_count_{position}")
    rows = (SatisfactionDay.objects.filter(day__range=(period.start, period.end)).values("municipality_id")
            .annotate(**sums).order_by())
    return {row["municipality_id"]: row for row in rows}


def comparison(*, period: Period) -> list[dict]:
    """One row per municipality, by code: processing time (median days from complete to decision),
    first-time-complete (share of screened cases complete at their first screening), promises kept
    (share decided by the first expected date) and satisfaction (mean of every answer, 1 to 5)."""
    processing, complete, satisfaction = _processing(period), _first_time_complete(period), _satisfaction(period)
    rows = []
    for municipality in Municipality.objects.order_by("code").only("pk", "code", "name"):
        p = processing.get(municipality.pk, {})
        c = complete.get(municipality.pk, {})
        s = satisfaction.get(municipality.pk, {})
        total = sum(s.get(f"sum_{i}") or 0 for i in range(1, MAX_QUESTIONS + 1))
        answers = sum(s.get(f"count_{i}") or 0 for i in range(1, MAX_QUESTIONS + 1))
        rows.append({
            "code": municipality.code, "name": municipality.name,
            "decided": p.get("decided", 0), "median_processing_days": _days(p.get("median")),
            "submitted": c.get("submitted", 0), "screened": c.get("screened", 0),
            "first_time_complete_share": _share(c.get("complete", 0), c.get("screened", 0)),
            "promised": p.get("promised", 0),
            "promises_kept_share": _share(p.get("on_time", 0), p.get("promised", 0)),
            "current_date_kept_share": _share(p.get("on_time_current", 0), p.get("current", 0)),
            "responses": s.get("responses") or 0, "mean_score": _mean(total, answers),
        })
    return rows
