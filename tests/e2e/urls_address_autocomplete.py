"""Test-only URLs: the project's routes plus a page with the address field, for the autocomplete tests."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from permitportal.urls import urlpatterns as project_urlpatterns

PAGE = """{% extends "base.html" %}{% load static %}
{% block content %}
<h1>Find the property</h1>
<form method="get" action="">
  {% include "applications/includes/address_autocomplete.html" with value=q %}
  <input type="hidden" name="property" value="">
  <button type="submit" class="btn btn-primary mt-3">Search</button>
</form>
<p id="chosen">{{ chosen }}</p>
{% endblock %}
{% block scripts %}<script src="{% static 'js/address-autocomplete.js' %}"></script>{% endblock %}"""


def address_page(request):
    template = engines["django"].from_string(PAGE)
    context = {"q": request.GET.get("q", ""), "chosen": request.GET.get("property", "")}
    return HttpResponse(template.render(context, request))


urlpatterns = [path("test/address/", address_page), *project_urlpatterns]
