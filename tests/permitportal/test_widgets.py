import pytest
from django import forms

from dialogueteam.forms import LookupForm
from permitportal.core.widgets import DirectTextInput


@pytest.mark.parametrize(("value", "attrs"), [
    (None, {}),
    ("", {"class": "form-control"}),
    ('nørrebro "12" <b>&', {"class": "form-control is-invalid", "aria-invalid": "true"}),
    (42, {"required": True, "disabled": False, "type": "search", "autocomplete": "off"}),
])
def test_the_direct_input_is_the_html_of_djangos_template(value, attrs):
    direct, templated = DirectTextInput(attrs=dict(attrs)), forms.TextInput(attrs=dict(attrs))
    assert direct.render("q", value, {"id": "id_q"}) == templated.render("q", value, {"id": "id_q"}).strip()


def test_the_lookup_box_keeps_its_error_and_help_attributes():
    form = LookupForm({"q": "x" * 201})
    assert not form.is_valid()
    html = str(form["q"])
    assert html.startswith('<input type="search" name="q" value="xxx')
    for attribute in ('class="form-control is-invalid"', 'aria-invalid="true"', 'id="id_q"',
                      'aria-describedby="id_q-help id_q-error"', 'autocomplete="off"', 'maxlength="200"'):
        assert attribute in html


def test_an_error_added_after_validation_marks_the_box_too():
    # The lookup's service refuses "ab" after the form has validated it (at least three characters in one word).
    form = LookupForm({"q": "ab"})
    assert form.is_valid()
    form.add_error("q", "Type at least three letters or digits in one word.")
    form.add_error("q", "Twice.")
    html = str(form["q"])
    assert 'class="form-control is-invalid"' in html and 'aria-invalid="true"' in html
    assert 'aria-describedby="id_q-help id_q-error"' in html
