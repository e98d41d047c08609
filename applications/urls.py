"""HTML routes of the core, one module per part."""

from django.urls import include, path

app_name = "applications"

urlpatterns = [
    path("", include("applications.views.urls_guide")),
    path("", include("applications.views.urls_properties")),
    path("", include("applications.views.urls_cases")),
    path("", include("applications.views.urls_caseworker")),
]
