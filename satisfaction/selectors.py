"""Reads for the dashboard, its CSV export and the API: satisfaction scores and the operational KPIs.

Everything is aggregated in the database (Count, Sum, Case-When; percentiles with PostgreSQL's
``percentile_cont``). The only Python over rows is the percentile on SQLite, which has no such
function; the rest of the Python here only rolls up groups the database has already aggregated.
The case KPIs read ``CaseFacts`` (each case's local dates and first screening, kept in step with the
case), so a period of years over a million cases is one indexed scan of a narrow table.

Definitions (a period is a range of local calendar days, both ends included):

- Response rate: responses / invitations sent, for touchpoints that happened in the period. Mean score:
  the mean of every answer (1 to 5) given. Declined: "No thanks". Read from ``SatisfactionDay``, the
  daily counts the services keep in step with every invitation, decline and answer.
- Processing time by type: cases decided in the period that became complete; the days from the
  complete day to the decision day (local dates), pauses excluded; median and 90th percentile (``percentile_cont``,
  linear interpolation), against the type's service target; ``within_target``: days <= target.
- Complete at first screening: cases submitted in the period whose first screening run found every
  item fine (``ok_count == total_count``), out of those screened.
- Information requests per case: requests sent in the period / cases submitted in the period.
- Decided by the date first promised ("the first date we gave"): cases decided in the period whose decision
  day is on or before their first expected decision date, out of those that had one. Decided by the current
  date: the same against the expected date as it stood at the decision (moved by pauses, extensions, type
  changes and screening). Both are ``applications.services.clock.timeliness``, the function that draws the
  badges, stored per case in ``CaseFacts`` (``satisfaction.facts``).
- Processing time counts from the day the case was complete, the days it then waited for information
  excluded (``timeliness`` too).
- Screened late: cases found complete in the period that took longer than the screening allowance (the days
  waiting for the applicant excluded), out of those found complete.
- Continuity warnings: information requests sent in the period that asked for something the
  pre-application minutes did not promise.
- First-contact resolution: dialogue-team contacts logged in the period resolved at first contact / all.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.db import connection
from django.db.models import Aggregate, Count, FloatField, Func, IntegerField, Q, Sum
from django.utils import timezone

from applications.models import ApplicationType, Case, InformationRequest

from .models import COUNTERS, MAX_QUESTIONS, CaseFacts, Channel, Response, SatisfactionDay, Survey, Touchpoint

SHARE_DIGITS = 4
SCORE_DIGITS = 2
DAYS_DIGITS = 1


# --- The period ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    start: date  # included
    end: date  # included

    def bounds(self) -> tuple[datetime, datetime]:
        """Aware datetimes: the start of the first day and the start of the day after the last (local time)."""
        tz = timezone.get_current_timezone()
        return (timezone.make_aware(datetime.combine(self.start, time.min), tz),
                timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min), tz))

    def months(self) -> list[date]:
        months, current = [], self.start.replace(day=1)
        while current <= self.end:
            months.append(current)
            days = calendar.monthrange(current.year, current.month)[1]
            current = current + timedelta(days=days)
        return months


def default_period(today: date | None = None) -> Period:
    """The last twelve months: from the first day of the month eleven months ago up to today."""
    today = today or timezone.localdate()
    year, month = today.year, today.month - 11
    if month < 1:
        year, month = year - 1, month + 12
    return Period(date(year, month, 1), today)


# --- SQL helpers ---------------------------------------------------------------------------------------------------

class DaysBetween(Func):
    """Whole days from the second date to the first, both DATE expressions."""

    output_field = IntegerField()
    arity = 2

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="CAST(ROUND(julianday(%(expressions)s)) AS INTEGER)",
                              arg_joiner=") - julianday(", **extra_context)


class PercentileCont(Aggregate):
    """PostgreSQL's ``percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)``."""

    function = "percentile_cont"
    name = "PercentileCont"
    output_field = FloatField()
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("fraction must be between 0 and 1")
        super().__init__(expression, fraction=repr(float(fraction)), **extra)


def percentile_cont(sorted_values: list[float], fraction: float) -> float | None:
    """The same as PostgreSQL's percentile_cont over ``sorted_values`` (linear interpolation)."""
    if not sorted_values:
        return None
    position = fraction * (len(sorted_values) - 1)
    lower = int(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    return sorted_values[lower] + (sorted_values[upper] - sorted_values[lower]) * (position - lower)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, SHARE_DIGITS) if whole else None


def _mean(total: int, count: int) -> float | None:
    return round(total / count, SCORE_DIGITS) if count else None


def _days(value) -> float | None:
    return None if value is None else round(float(value), DAYS_DIGITS)


# --- Satisfaction --------------------------------------------------------------------------------------------------

DIMENSIONS = ("touchpoint", "channel", "customer_group", "month")
POSITIONS = range(1, MAX_QUESTIONS + 1)


class _Group:
    __slots__ = ("invitations", "declined", "responses", "sums", "counts")

    def __init__(self):
        self.invitations = self.declined = self.responses = 0
        self.sums = [0] * MAX_QUESTIONS
        self.counts = [0] * MAX_QUESTIONS

    def add(self, other: "_Group") -> None:
        self.invitations += other.invitations
        self.declined += other.declined
        self.responses += other.responses
        for i in range(MAX_QUESTIONS):
            self.sums[i] += other.sums[i]
            self.counts[i] += other.counts[i]

    def as_dict(self, **extra) -> dict:
        answers, total = sum(self.counts), sum(self.sums)
        return {**extra, "invitations": self.invitations, "responses": self.responses, "declined": self.declined,
                "response_rate": _share(self.responses, self.invitations), "answers": answers,
                "mean_score": _mean(total, answers)}


def _satisfaction_groups(period: Period, municipalities) -> dict[tuple, _Group]:
    """One grouped query over the daily counts: by touchpoint, channel, customer group and month."""
    sums = {name: Sum(name) for name in COUNTERS}
    rows = (SatisfactionDay.objects.filter(day__range=(period.start, period.end), municipality__in=municipalities)
            .values(*DIMENSIONS)
            .annotate(**sums).order_by())
    groups: dict[tuple, _Group] = {}
    for row in rows:
        group = groups[tuple(row[d] for d in DIMENSIONS)] = _Group()
        group.invitations, group.declined, group.responses = row["invitations"], row["declined"], row["responses"]
        group.sums = [row[f"score_sum_{p}"] for p in POSITIONS]
        group.counts = [row[f"score_count_{p}"] for p in POSITIONS]
    return groups


def _roll_up(groups: dict[tuple, _Group], dimension: str) -> dict:
    index = DIMENSIONS.index(dimension)
    rolled: dict = defaultdict(_Group)
    for key, group in groups.items():
        rolled[key[index]].add(group)
    return rolled


def satisfaction_summary(*, period: Period, municipalities) -> dict:
    """Invitations, responses, response rate and mean score: overall and by touchpoint (with each question),
    channel, customer group and month, for the municipalities given (ids, or the subquery
    ``member_municipality_ids``: a manager sees only their own)."""
    groups = _satisfaction_groups(period, municipalities)
    overall = _Group()
    for group in groups.values():
        overall.add(group)

    surveys = {s.touchpoint: s for s in Survey.objects.prefetch_related("questions")}
    by_touchpoint = []
    rolled = _roll_up(groups, "touchpoint")
    for value, label in Touchpoint.choices:
        group = rolled.get(value, _Group())
        survey = surveys.get(value)
        questions = [{"position": q.position, "text": q.text, "answers": group.counts[q.position - 1],
                      "mean_score": _mean(group.sums[q.position - 1], group.counts[q.position - 1])}
                     for q in (survey.questions.all() if survey else [])]
        by_touchpoint.append(group.as_dict(key=value, label=str(label), questions=questions))

    def rows(dimension, choices):
        rolled = _roll_up(groups, dimension)
        return [rolled.get(value, _Group()).as_dict(key=value, label=str(label)) for value, label in choices]

    rolled_months = _roll_up(groups, "month")
    by_month = [rolled_months.get(month, _Group()).as_dict(key=f"{month:%Y-%m}", label=f"{month:%Y-%m}")
                for month in period.months()]
    return {
        "from": period.start, "to": period.end,
        "overall": overall.as_dict(),
        "by_touchpoint": by_touchpoint,
        "by_channel": rows("channel", Channel.choices),
        "by_customer_group": rows("customer_group", Case.CustomerGroup.choices),
        "by_month": by_month,
    }


def latest_comments(*, period: Period, municipalities, limit: int = 10) -> list[dict]:
    """The newest free-text comments from the period's responses to the municipalities given."""
    return list(Response.objects.filter(touchpoint_on__range=(period.start, period.end),
                                        municipality__in=municipalities).exclude(comment="")
                .order_by("-created_at", "-id")
                .values("touchpoint", "channel", "customer_group", "month", "comment", "created_at")[:limit])


# --- KPIs ----------------------------------------------------------------------------------------------------------

def _processing_time(period: Period, municipalities) -> tuple[list[dict], dict]:
    """From the KPI facts of the cases decided in the period, grouped by application type."""
    facts = CaseFacts.objects.filter(decided_on__range=(period.start, period.end), municipality__in=municipalities)
    targets = dict(ApplicationType.objects.values_list("pk", "service_target_days"))
    within = Q(processing_days__isnull=True)  # counts nothing: Count("processing_days") skips empty days
    for type_id, target in targets.items():
        within |= Q(application_type_id=type_id, processing_days__lte=target)
    # Counting columns of the covering indexes (not the key) lets PostgreSQL read the index alone.
    aggregates = {
        "decided": Count("decided_on"),
        "promised": Count("decided_by_first_date"),
        "on_time": Count("decided_by_first_date", filter=Q(decided_by_first_date=True)),
        "current": Count("decided_by_current_date"),
        "on_time_current": Count("decided_by_current_date", filter=Q(decided_by_current_date=True)),
        "measured": Count("processing_days"),
        "within_target": Count("processing_days", filter=within),
    }
    postgres = connection.vendor == "postgresql"
    if postgres:
        aggregates["median"] = PercentileCont("processing_days", 0.5)
        aggregates["p90"] = PercentileCont("processing_days", 0.9)
    rows = {row["application_type_id"]: row
            for row in facts.values("application_type_id").annotate(**aggregates).order_by()}
    if not postgres:
        # SQLite has no percentile function: the only place rows come to Python.
        values = defaultdict(list)
        measured = (facts.filter(processing_days__isnull=False).order_by("application_type_id", "processing_days")
                    .values_list("application_type_id", "processing_days"))
        for type_id, days in measured:
            values[type_id].append(days)
        for type_id, row in rows.items():
            row["median"] = percentile_cont(values[type_id], 0.5)
            row["p90"] = percentile_cont(values[type_id], 0.9)
    types = ApplicationType.objects.filter(pk__in=[pk for pk in rows if pk is not None]).order_by("order", "code")
    by_type = []
    for app_type in types:
        row = rows[app_type.pk]
        by_type.append({
            "application_type": app_type.code, "name": app_type.name,
            "service_target_days": app_type.service_target_days,
            "decided": row["decided"], "cases": row["measured"],
            "median_days": _days(row["median"]), "p90_days": _days(row["p90"]),
            "within_target": row["within_target"], "within_target_share": _share(row["within_target"], row["measured"]),
        })
    def total(key):
        return sum(row[key] for row in rows.values())

    decided_total = total("decided")
    by_date = {
        "first": {"decided": decided_total, "cases": total("promised"), "on_time": total("on_time"),
                  "share": _share(total("on_time"), total("promised"))},
        "current": {"decided": decided_total, "cases": total("current"), "on_time": total("on_time_current"),
                    "share": _share(total("on_time_current"), total("current"))},
    }
    return by_type, by_date


def _screened(period: Period, municipalities) -> dict:
    """From the KPI facts of the cases found complete in the period: how many took longer than the allowance."""
    counts = CaseFacts.objects.filter(completed_on__range=(period.start, period.end),
                                      municipality__in=municipalities).aggregate(
        found_complete=Count("screened_late"), late=Count("screened_late", filter=Q(screened_late=True)))
    return {**counts, "share": _share(counts["late"], counts["found_complete"])}


def _submitted_cases(period: Period, municipalities) -> dict:
    """From the KPI facts of the cases submitted in the period: how many, how many screened, how many of those
    were complete at their first screening."""
    return CaseFacts.objects.filter(submitted_on__range=(period.start, period.end),
                                    municipality__in=municipalities).aggregate(
        submitted=Count("submitted_on"), screened=Count("first_screening_ok"),
        complete=Count("first_screening_ok", filter=Q(first_screening_ok=True)))


def _requests(period: Period, municipalities) -> dict:
    start, end = period.bounds()
    return InformationRequest.objects.filter(sent_at__gte=start, sent_at__lt=end,
                                             case__property__municipality__in=municipalities).aggregate(
        sent=Count("id"), warnings=Count("id", filter=Q(continuity_warning=True)))


def _contacts(period: Period, municipalities) -> tuple[dict, list[dict]]:
    if not apps.is_installed("dialogueteam"):
        return {"contacts": 0, "resolved": 0, "share": None}, []
    from dialogueteam.models import Contact

    start, end = period.bounds()
    rows = list(Contact.objects.filter(created_at__gte=start, created_at__lt=end, municipality__in=municipalities)
                .values("topic", "channel")
                .annotate(count=Count("id"), resolved=Count("id", filter=Q(resolved_first_contact=True)))
                .order_by("topic", "channel"))
    contacts = sum(r["count"] for r in rows)
    resolved = sum(r["resolved"] for r in rows)
    topics, channels = dict(Contact.Topic.choices), dict(Contact.Channel.choices)
    by_topic_channel = [{"topic": r["topic"], "topic_label": str(topics.get(r["topic"], r["topic"])),
                         "channel": r["channel"], "channel_label": str(channels.get(r["channel"], r["channel"])),
                         "count": r["count"], "resolved": r["resolved"]} for r in rows]
    return {"contacts": contacts, "resolved": resolved, "share": _share(resolved, contacts)}, by_topic_channel


def kpis(*, period: Period, municipalities) -> dict:
    """The operational KPIs for the period and the municipalities given (see the module's docstring for
    each definition)."""
    by_type, by_date = _processing_time(period, municipalities)
    submitted = _submitted_cases(period, municipalities)
    requests = _requests(period, municipalities)
    fcr, by_topic_channel = _contacts(period, municipalities)
    return {
        "from": period.start, "to": period.end,
        "processing_time": by_type,
        "complete_at_first_screening": {
            "submitted": submitted["submitted"], "screened": submitted["screened"],
            "complete": submitted["complete"], "share": _share(submitted["complete"], submitted["screened"])},
        "information_requests_per_case": {
            "requests": requests["sent"], "cases": submitted["submitted"],
            "per_case": round(requests["sent"] / submitted["submitted"], SCORE_DIGITS)
            if submitted["submitted"] else None},
        "decided_by_first_promised_date": by_date["first"],
        "decided_by_current_date": by_date["current"],
        "screened_late": _screened(period, municipalities),
        "continuity_warnings": {"count": requests["warnings"], "requests": requests["sent"]},
        "first_contact_resolution": fcr,
        "contacts_by_topic_and_channel": by_topic_channel,
    }


def contacts_matrix(rows: list[dict]) -> dict:
    """The topic-by-channel counts as a table: channels as columns, topics as rows, with totals."""
    channels = sorted({(r["channel"], r["channel_label"]) for r in rows})
    topics = sorted({(r["topic"], r["topic_label"]) for r in rows})
    counts = {(r["topic"], r["channel"]): r["count"] for r in rows}
    return {
        "channels": [{"key": c, "label": label} for c, label in channels],
        "rows": [{"key": t, "label": label, "cells": [counts.get((t, c), 0) for c, _l in channels],
                  "total": sum(counts.get((t, c), 0) for c, _l in channels)} for t, label in topics],
        "totals": [sum(counts.get((t, c), 0) for t, _l in topics) for c, _l in channels],
        "total": sum(counts.values()),
    }
