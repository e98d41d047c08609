"""Presentation of the dashboard's figures: the charts' geometry, the comment list and the CSV export.
The figures themselves come from satisfaction.selectors."""

import csv
import io

from django.utils import translation
from django.utils.translation import gettext as _

from . import charts
from .models import Channel, Touchpoint

TOUCHPOINT_LABELS = dict(Touchpoint.choices)
CHANNEL_LABELS = dict(Channel.choices)


def _rate_and_score_charts(rows: list[dict]) -> dict:
    return {
        "rate": charts.bar_chart(rows=rows, max_value=1, tick_format=charts.percent, series=[
            charts.Series("response_rate", _("Response rate"), "chart-bar-1", charts.percent)]),
        "score": charts.bar_chart(rows=rows, max_value=5, ticks=5, tick_format=charts.count, series=[
            charts.Series("mean_score", _("Mean score (1 to 5)"), "chart-bar-2", charts.score)]),
    }


def chart_data(*, summary: dict, kpis: dict) -> dict:
    processing_rows = [{"label": row["name"], **row} for row in kpis["processing_time"]]
    topics: dict[str, dict] = {}
    for row in kpis["contacts_by_topic_and_channel"]:
        entry = topics.setdefault(row["topic"], {"label": row["topic_label"], "count": 0, "resolved": 0})
        entry["count"] += row["count"]
        entry["resolved"] += row["resolved"]
    return {
        "touchpoint": _rate_and_score_charts(summary["by_touchpoint"]),
        "channel": _rate_and_score_charts(summary["by_channel"]),
        "customer_group": _rate_and_score_charts(summary["by_customer_group"]),
        "month": _rate_and_score_charts(summary["by_month"]),
        "processing_time": charts.bar_chart(
            rows=processing_rows, target_key="service_target_days", target_label=_("Service target"),
            tick_format=charts.days, series=[
                charts.Series("median_days", _("Median days"), "chart-bar-1", charts.days),
                charts.Series("p90_days", _("90th percentile, days"), "chart-bar-3", charts.days)]),
        "contacts": charts.bar_chart(rows=list(topics.values()), tick_format=charts.count, series=[
            charts.Series("count", _("Contacts"), "chart-bar-1", charts.count),
            charts.Series("resolved", _("Resolved at first contact"), "chart-bar-2", charts.count)]),
    }


def comment_rows(comments: list[dict]) -> list[dict]:
    return [{**c, "touchpoint_label": TOUCHPOINT_LABELS.get(c["touchpoint"], c["touchpoint"]),
             "channel_label": CHANNEL_LABELS.get(c["channel"], c["channel"])} for c in comments]


def _value(value):
    return "" if value is None else value


def csv_rows(*, summary: dict, kpis: dict, after_decision: dict | None = None) -> list[list]:
    """One row per figure: section, group, key, label, measure, value. Numbers with a decimal point.
    ``after_decision``: the figures after the decision (``applications.selectors.after_decision.figures``)."""
    rows = [["section", "group", "key", "label", "measure", "value"]]
    period = f"{summary['from']:%Y-%m-%d}..{summary['to']:%Y-%m-%d}"
    rows.append(["period", "", "", period, "", ""])
    measures = ("invitations", "responses", "declined", "response_rate", "answers", "mean_score")
    for measure in measures:
        rows.append(["satisfaction", "overall", "", _("All touchpoints"), measure, _value(summary["overall"][measure])])
    for group, key in (("touchpoint", "by_touchpoint"), ("channel", "by_channel"),
                       ("customer_group", "by_customer_group"), ("month", "by_month")):
        for row in summary[key]:
            for measure in measures:
                rows.append(["satisfaction", group, row["key"], row["label"], measure, _value(row[measure])])
    for row in summary["by_touchpoint"]:
        for question in row["questions"]:
            rows.append(["satisfaction", "question", f"{row['key']}:{question['position']}", question["text"],
                         "mean_score", _value(question["mean_score"])])
            rows.append(["satisfaction", "question", f"{row['key']}:{question['position']}", question["text"],
                         "answers", question["answers"]])
    for row in kpis["processing_time"]:
        for measure in ("service_target_days", "decided", "cases", "median_days", "p90_days", "within_target",
                        "within_target_share"):
            rows.append(["kpi", "processing_time", row["application_type"], row["name"], measure,
                         _value(row[measure])])
    singles = [
        ("complete_at_first_screening", _("Complete at first screening"), ("submitted", "screened", "complete",
                                                                          "share")),
        ("information_requests_per_case", _("Information requests per case"), ("requests", "cases", "per_case")),
        ("decided_by_first_promised_date", _("Decided by the date first promised"), ("decided", "cases", "on_time",
                                                                                     "share")),
        ("decided_by_current_date", _("Decided by the current expected date"), ("decided", "cases", "on_time",
                                                                                 "share")),
        ("screened_late", _("Found complete later than the screening allowance"), ("found_complete", "late",
                                                                                   "share")),
        ("continuity_warnings", _("Pre-application continuity warnings"), ("count", "requests")),
        ("first_contact_resolution", _("Resolved at first contact"), ("contacts", "resolved", "share")),
    ]
    for key, label, names in singles:
        for measure in names:
            rows.append(["kpi", key, "", label, measure, _value(kpis[key][measure])])
    for row in kpis["contacts_by_topic_and_channel"]:
        label = f"{row['topic_label']} / {row['channel_label']}"
        rows.append(["kpi", "contacts", f"{row['topic']}:{row['channel']}", label, "count", row["count"]])
        rows.append(["kpi", "contacts", f"{row['topic']}:{row['channel']}", label, "resolved", row["resolved"]])
    if after_decision is not None:
        rows += after_decision_rows(after_decision)
    return rows


def after_decision_rows(figures: dict) -> list[list]:
    """The figures after the decision (issue 18) as CSV rows, in the dashboard's order."""
    danish = (translation.get_language() or "").startswith("da")
    rows = []
    for key, label, names in (
            ("permit_to_start", _("Days from permit to start"), ("count", "mean", "median")),
            ("lapsed", _("Permits lapsed"), ("lapsed", "permits", "share")),
            ("completion_to_occupancy", _("Days from completion report to occupancy permit"),
             ("count", "mean", "median"))):
        for measure in names:
            rows.append(["after_decision", key, "", label, measure, _value(figures[key][measure])])
    for row in figures["appeals"]:
        name = (row["name_da"] or row["name_en"]) if danish else row["name_en"]
        for measure in ("total", "open", "upheld", "overturned", "remitted", "withdrawn"):
            rows.append(["after_decision", "appeals", row["type"], name, measure, row[measure]])
    return rows


def _safe(cell):
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell


def _danish(cell):
    """A number as Danish spreadsheets read it: a decimal comma."""
    return str(cell).replace(".", ",") if isinstance(cell, float) else cell


def csv_text(*, summary: dict, kpis: dict, after_decision: dict | None = None) -> str:
    """The figures as CSV in the current language's convention: in Danish semicolons between the cells and
    decimal commas (what Excel and LibreOffice expect with Danish regional settings), else commas and points."""
    danish = (translation.get_language() or "").startswith("da")
    buffer = io.StringIO()
    buffer.write("\ufeff")  # a byte-order mark: spreadsheets then read æ, ø and å right
    writer = csv.writer(buffer, delimiter=";" if danish else ",")
    for row in csv_rows(summary=summary, kpis=kpis, after_decision=after_decision):
        writer.writerow([_safe(_danish(cell) if danish else cell) for cell in row])
    return buffer.getvalue()
