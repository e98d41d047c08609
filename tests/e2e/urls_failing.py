"""Test-only URLs: the project's routes plus a page that fails, for the server error page."""

from django.urls import path

from permitportal.urls import urlpatterns as project_urlpatterns


def failing_page(request):
    raise RuntimeError("a failure the page must not show")


urlpatterns = [path("test/fail/", failing_page), *project_urlpatterns]
