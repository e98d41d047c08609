"""Widgets that render without the template engine, for inputs on pages that must be fast.

Django renders every widget through a template (``django/forms/widgets/input.html``), about 0.15 ms
for one input, a fifth of rendering the dialogue team's search page (measured on its own).
``DirectTextInput`` writes the same HTML directly (tests compare the two).
"""

from django import forms
from django.utils.html import format_html, format_html_join


class DirectTextInput(forms.TextInput):
    """A text input (any ``input_type``) rendered as Django's template renders it, without the template."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        # As django/forms/widgets/attrs.html: in their order, True as a bare name, False left out.
        attributes = format_html_join("", ' {}{}', ((key, "" if value is True else format_html('="{}"', value))
                                                    for key, value in widget["attrs"].items() if value is not False))
        return format_html('<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], shown, attributes)
