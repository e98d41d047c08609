"""The staff clock in words (applications.templatetags.casework), in English and Danish."""

import pytest
from django.template import Context, Template
from django.utils import translation


def render(clock, language):
    with translation.override(language):
        return Template("{% load casework %}{% days_left clock %}|{% clock_badge clock %}").render(
            Context({"clock": clock}))


@pytest.mark.parametrize(("clock", "english", "danish"), [
    ({"days_left": 3, "state": "on_track"}, "3 days left|<span class=\"badge text-bg-success\">On track</span>",
     "3 dage tilbage|<span class=\"badge text-bg-success\">Følger planen</span>"),
    ({"days_left": 1, "state": "at_risk"}, "1 day left|<span class=\"badge text-bg-warning\">At risk</span>",
     "1 dag tilbage|"),
    ({"days_left": -2, "days_overdue": 2, "state": "overdue"}, "2 days overdue|", "2 dage over tid|"),
    ({"days_left": 5, "state": "paused"}, "Clock paused|", "Uret står stille|"),
    ({"days_left": 0, "state": "met"}, "Decided|<span class=\"badge text-bg-success\">Decided in time</span>",
     "Afgjort|"),
    ({"days_left": None, "state": ""}, "No date|", "Ingen dato|"),
])
def test_every_clock_state_in_both_languages(clock, english, danish):
    assert render(clock, "en").startswith(english)
    da = render(clock, "da")
    assert da.startswith(danish.split("|")[0] + "|")
    if "badge" in danish:
        assert da == danish


def test_the_dialogue_team_tells_callers_why_the_clock_is_paused():
    from applications.templatetags.casework import badge_parts

    assert badge_parts("paused") == ("text-bg-secondary", "Paused")
    assert badge_parts("paused", for_callers=True) == ("text-bg-secondary", "Paused: waiting for information")
    with translation.override("da"):
        assert badge_parts("overdue", for_callers=True)[1] == badge_parts("overdue")[1] != "Overdue"
    assert badge_parts(None) == badge_parts("unknown") == ("", "")
