from django import template

from satisfaction import charts

register = template.Library()


@register.filter
def percent(value):
    """A share from 0 to 1 as a whole percentage in the reader's number format ("80 %"), or "–"."""
    if value is None or value == "":
        return "–"
    return charts.percent(float(value))
