"""Bar charts drawn as inline SVG on the server: this module computes the geometry, the template
``satisfaction/includes/bar_chart.html`` draws it. No script, no external library; every chart has a
data table next to it with the same figures."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.formats import number_format

WIDTH = 640
LEFT = 8
RIGHT = 72  # room for the value after the longest bar
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 12
TOP = 8
AXIS_HEIGHT = 22


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    css: str
    fmt: Callable[[float], str]


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value``."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * magnitude
        if candidate >= value:
            return candidate
    return 10 * magnitude


def bar_chart(*, rows: list[dict], series: list[Series], max_value: float | None = None,
              target_key: str | None = None, target_label: str = "", ticks: int = 4,
              tick_format: Callable[[float], str] = lambda v: f"{v:g}") -> dict:
    """Horizontal bars: for each row its label, then one bar per series. ``target_key`` draws a marker
    (for example the service target) on each row. Missing values draw no bar."""
    values = [row.get(s.key) for row in rows for s in series]
    if target_key:
        values += [row.get(target_key) for row in rows]
    top_value = max([v for v in values if v is not None] or [0])
    scale_max = max_value if max_value is not None else _nice_max(top_value)
    plot = WIDTH - LEFT - RIGHT

    def x_of(value: float) -> float:
        return round(LEFT + plot * min(value, scale_max) / scale_max, 1)

    drawn, y = [], TOP
    for row in rows:
        label_y = y + LABEL_HEIGHT - 5
        bar_y = y + LABEL_HEIGHT
        bars = []
        for index, s in enumerate(series):
            value = row.get(s.key)
            top = bar_y + index * (BAR_HEIGHT + BAR_GAP)
            if value is None:
                bars.append({"missing": True, "text_x": LEFT, "text_y": top + BAR_HEIGHT - 3, "css": s.css,
                             "text": "–", "title": f"{s.label}: –"})
                continue
            end = x_of(value)
            bars.append({"x": LEFT, "y": top, "width": max(round(end - LEFT, 1), 1), "height": BAR_HEIGHT,
                         "css": s.css, "text": s.fmt(value), "text_x": end + 4, "text_y": top + BAR_HEIGHT - 3,
                         "title": f"{s.label}: {s.fmt(value)}"})
        block = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        target = None
        if target_key and row.get(target_key) is not None:
            target = {"x": x_of(row[target_key]), "y1": bar_y - 2, "y2": bar_y + block + 2}
        drawn.append({"label": row["label"], "label_y": label_y, "bars": bars, "target": target})
        y = bar_y + block + ROW_GAP
    axis_y = y
    tick_marks = [{"x": x_of(scale_max * i / ticks), "label": tick_format(scale_max * i / ticks)}
                  for i in range(ticks + 1)]
    return {
        "width": WIDTH, "height": axis_y + AXIS_HEIGHT, "rows": drawn, "axis_y": axis_y,
        "axis_x1": LEFT, "axis_x2": LEFT + plot, "ticks": tick_marks, "tick_y": axis_y + 16,
        "legend": [{"label": s.label, "css": s.css} for s in series],
        "target_label": target_label if target_key else "",
    }


def percent(value: float) -> str:
    return f"{number_format(value * 100, decimal_pos=0)} %"


def score(value: float) -> str:
    return number_format(value, decimal_pos=2)


def days(value: float) -> str:
    return number_format(value, decimal_pos=0 if float(value).is_integer() else 1)


def count(value: float) -> str:
    return number_format(value, decimal_pos=0)
