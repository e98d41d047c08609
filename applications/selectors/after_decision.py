"""Figures after the decision for the managers' dashboard (issue 18 item 6), per period of local days:

- Appeals: appeals received in the period, per application type, with how many ended in each outcome.
- Time from permit to start: for starts reported on days in the period, the days from the permit's date
  to the start day (mean and median).
- Share of permits lapsed: of permits whose lapse day (byggeloven § 16, stk. 10) fell in the period, the
  share that lapsed (the others had started).
- Time from completion report to occupancy permit: for occupancy permits issued in the period, the days
  from the completion report (mean and median).
"""

from datetime import date
from statistics import mean, median

from django.db.models import Count, Q

from applications.models import Appeal, Case, OccupancyPermit
from applications.services.after_decision import GRANTED, PERMIT_LAPSES_AFTER_YEARS, _years_later

A = Appeal.Status


def _days(values: list[int]) -> dict:
    return {"count": len(values), "mean": round(mean(values), 1) if values else None,
            "median": median(values) if values else None}


def appeals_by_type(*, start: date, end: date, municipalities) -> list[dict]:
    rows = (Appeal.objects.filter(received_on__range=(start, end),
                                  case__property__municipality__in=municipalities)
            .values("case__application_type__code", "case__application_type__name_en",
                    "case__application_type__name_da")
            .annotate(total=Count("id"), **{o: Count("id", filter=Q(status=o)) for o in
                                            (A.LODGED, A.FORWARDED, A.UPHELD, A.OVERTURNED, A.REMITTED,
                                             A.WITHDRAWN)})
            .order_by("case__application_type__code"))
    return [{"type": r["case__application_type__code"], "name_en": r["case__application_type__name_en"],
             "name_da": r["case__application_type__name_da"], "total": r["total"],
             "open": r[A.LODGED] + r[A.FORWARDED],
             **{o: r[o] for o in (A.UPHELD, A.OVERTURNED, A.REMITTED, A.WITHDRAWN)}} for r in rows]


def _permits(*, start: date, end: date, municipalities) -> list[tuple]:
    """``(started_on, decided_at, status)`` of the permits either figure below counts, in one query: those
    whose work started in the period and those whose lapse day fell in it (given one year before)."""
    first, last = _years_later(start, -PERMIT_LAPSES_AFTER_YEARS), _years_later(end, -PERMIT_LAPSES_AFTER_YEARS)
    return list(Case.objects.filter(Q(started_on__range=(start, end))
                                    | Q(decision__decided_at__date__range=(first, last)),
                                    decision__outcome__in=list(GRANTED),
                                    property__municipality__in=municipalities)
                .values_list("started_on", "decision__decided_at", "status"))


def permit_to_start(*, start: date, end: date, municipalities, permits: list[tuple] | None = None) -> dict:
    from django.utils import timezone

    permits = _permits(start=start, end=end, municipalities=municipalities) if permits is None else permits
    return _days([(started - timezone.localdate(decided)).days for started, decided, _ in permits
                  if started is not None and start <= started <= end])


def lapsed_share(*, start: date, end: date, municipalities, permits: list[tuple] | None = None) -> dict:
    """Permits whose lapse day fell in the period (given one year before it): the lapsed ones / those plus the
    ones whose work started in time."""
    from django.utils import timezone

    first, last = _years_later(start, -PERMIT_LAPSES_AFTER_YEARS), _years_later(end, -PERMIT_LAPSES_AFTER_YEARS)
    permits = _permits(start=start, end=end, municipalities=municipalities) if permits is None else permits
    due = [(started, status) for started, decided, status in permits
           if first <= timezone.localdate(decided) <= last]
    lapsed = sum(1 for _, status in due if status == Case.Status.LAPSED)
    started = sum(1 for started_on, _ in due if started_on is not None)
    total = lapsed + started
    return {"lapsed": lapsed, "permits": total, "share": lapsed / total if total else None}


def completion_to_occupancy(*, start: date, end: date, municipalities) -> dict:
    from django.utils import timezone

    rows = (OccupancyPermit.objects.filter(issued_at__date__range=(start, end),
                                           case__property__municipality__in=municipalities)
            .values_list("issued_at", "case__completion_reported_at"))
    return _days([(timezone.localdate(issued) - timezone.localdate(reported)).days
                  for issued, reported in rows if reported])


def figures(*, start: date, end: date, municipalities) -> dict:
    """Three queries: the appeals, the permits (start and lapse), the occupancy permits; of the cases of the
    municipalities given (ids, or a subquery of them)."""
    within = {"start": start, "end": end, "municipalities": municipalities}
    permits = _permits(**within)
    return {"appeals": appeals_by_type(**within),
            "permit_to_start": permit_to_start(**within, permits=permits),
            "lapsed": lapsed_share(**within, permits=permits),
            "completion_to_occupancy": completion_to_occupancy(**within)}
