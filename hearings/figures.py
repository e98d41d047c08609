"""The dashboard's hearing figures (issue 17, item 6): the hearings' share of the processing time of the
cases decided in the period, and the answer rates of the hearings started in it."""

from datetime import datetime

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum

from applications.models import Case

from .models import Hearing, Party


def _days(start: datetime, end: datetime) -> float:
    return max((end - start).total_seconds(), 0) / 86400


def _covered(intervals: list[tuple[datetime, datetime]]) -> float:
    """Days covered by the intervals (overlapping hearings count once)."""
    total, current = 0.0, None
    for start, end in sorted(intervals):
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current:
            total += _days(*current)
        current = (start, end)
    return total + (_days(*current) if current else 0.0)


def figures(*, period) -> dict:
    """Three queries: the decided cases' processing days, their hearings, and the parties' answers."""
    start, end = period.bounds()
    decided = Case.objects.filter(decided_at__gte=start, decided_at__lt=end, submitted_at__isnull=False)
    totals = decided.aggregate(cases=Count("pk"), time=Sum(ExpressionWrapper(
        F("decided_at") - F("submitted_at"), output_field=DurationField())))
    intervals: dict[int, list] = {}
    rows = Hearing.objects.filter(case__in=decided).values_list("case_id", "created_at", "closed_at",
                                                                "case__decided_at")
    for case_id, created, closed, decided_at in rows:
        intervals.setdefault(case_id, []).append((created, min(closed or decided_at, decided_at)))
    processing = totals["time"].total_seconds() / 86400 if totals["time"] else 0.0
    in_hearing = sum(_covered(rows) for rows in intervals.values())
    answers = Party.objects.filter(hearing__created_at__gte=start, hearing__created_at__lt=end).aggregate(
        invited=Count("pk"), answered=Count("pk", filter=Q(status=Party.Status.ANSWERED)),
        late=Count("pk", filter=Q(late=True)))
    return {
        "decided_cases": totals["cases"], "cases_with_hearing": len(intervals),
        "hearing_share": round(in_hearing / processing, 4) if processing else None,
        "invited": answers["invited"], "answered": answers["answered"], "late": answers["late"],
        "answer_rate": round(answers["answered"] / answers["invited"], 4) if answers["invited"] else None,
    }
