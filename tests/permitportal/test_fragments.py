"""Frame fragments: rendered once per set of inputs, and only from their inputs."""

import pytest
from django.template import Context, Template
from django.utils import translation

from permitportal.core.templatetags import fragments


@pytest.fixture(autouse=True)
def _empty():
    fragments._kept.clear()
    yield
    fragments._kept.clear()


def nav(**inputs):
    args = " ".join(f"{name}={name}" for name in inputs)
    return Template('{% load fragments %}{% fragment "includes/nav_items.html" ' + args + " %}").render(
        Context(inputs))


def test_the_menu_follows_its_inputs_and_is_kept_per_input(settings):
    settings.DEBUG = False
    applicant = nav(authenticated=True, is_staff_member=False, user_roles=set())
    worker = nav(authenticated=True, is_staff_member=True, user_roles={"caseworker"})
    assert "My applications" in applicant and "Queue" not in applicant
    assert "Queue" in worker and "My applications" not in worker
    assert len(fragments._kept) == 2
    assert nav(authenticated=True, is_staff_member=True, user_roles={"caseworker"}) == worker
    assert len(fragments._kept) == 2  # the same inputs: the kept HTML


def test_each_language_has_its_own(settings):
    settings.DEBUG = False
    with translation.override("da"):
        danish = nav(authenticated=False, is_staff_member=False, user_roles=set())
    english = nav(authenticated=False, is_staff_member=False, user_roles=set())
    assert "Vejledning" in danish and "Guidance" in english


def test_a_fragment_sees_only_its_inputs(settings):
    settings.DEBUG = False
    html = Template('{% load fragments %}{% fragment "includes/nav_items.html" %}').render(
        Context({"authenticated": True, "user_roles": {"manager"}}))  # in the page's context, not passed
    assert "Dashboard" not in html and "My applications" not in html


def test_in_development_nothing_is_kept(settings):
    settings.DEBUG = True
    nav(authenticated=False, is_staff_member=False, user_roles=set())
    assert fragments._kept == {}


def test_the_kept_fragments_are_bounded(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setattr(fragments, "MAX_KEPT", 2)
    for roles in ({"caseworker"}, {"manager"}, {"dialogue_team"}):
        nav(authenticated=True, is_staff_member=True, user_roles=roles)
    assert len(fragments._kept) <= 2


def test_an_input_that_cannot_be_a_key_is_refused():
    with pytest.raises(TypeError):
        fragments._frozen(object.__new__(type("Unhashable", (), {"__hash__": None})))
    assert fragments._frozen({"b": [1, {2}], "a": "x"}) == (("a", "x"), ("b", (1, frozenset({2}))))
