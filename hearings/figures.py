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


def figures(*, period, municipalities) -> dict:
    """Of the cases of the municipalities given (ids, or a subquery of them). Two queries: the decided cases'
    processing days, and every hearing that counts (of a case decided in
    the period, or started in it) with its parties' answers counted."""
    start, end = period.bounds()
    decided = Case.objects.filter(decided_at__gte=start, decided_at__lt=end, submitted_at__isnull=False,
                                  property__municipality__in=municipalities)
    totals = decided.aggregate(cases=Count("pk"), time=Sum(ExpressionWrapper(
        F("decided_at") - F("submitted_at"), output_field=DurationField())))
    rows = (Hearing.objects.filter(Q(case__decided_at__gte=start, case__decided_at__lt=end,
                                     case__submitted_at__isnull=False) | Q(created_at__gte=start, created_at__lt=end),
                                   case__property__municipality__in=municipalities)
            .values("pk", "case_id", "created_at", "closed_at", "case__decided_at", "case__submitted_at")
            .annotate(invited=Count("parties"),
                      answered=Count("parties", filter=Q(parties__status=Party.Status.ANSWERED)),
                      late=Count("parties", filter=Q(parties__late=True))))
    intervals: dict[int, list] = {}
    answers = {"invited": 0, "answered": 0, "late": 0}
    for row in rows:
        decided_at = row["case__decided_at"]
        if decided_at is not None and start <= decided_at < end and row["case__submitted_at"] is not None:
            intervals.setdefault(row["case_id"], []).append(
                (row["created_at"], min(row["closed_at"] or decided_at, decided_at)))
        if start <= row["created_at"] < end:
            for key in answers:
                answers[key] += row[key]
    processing = totals["time"].total_seconds() / 86400 if totals["time"] else 0.0
    in_hearing = sum(_covered(rows) for rows in intervals.values())
    return {
        "decided_cases": totals["cases"], "cases_with_hearing": len(intervals),
        "hearing_share": round(in_hearing / processing, 4) if processing else None,
        "invited": answers["invited"], "answered": answers["answered"], "late": answers["late"],
        "answer_rate": round(answers["answered"] / answers["invited"], 4) if answers["invited"] else None,
    }
