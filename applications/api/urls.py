"""The core's API under /api/v1/, one module per part."""

from django.urls import include, path

urlpatterns = [
    path("", include("applications.api.urls_catalogue")),
    path("", include("applications.api.urls_properties")),
    path("", include("applications.api.urls_cases")),
    path("", include("applications.api.urls_caseworker")),
    path("", include("applications.api.urls_appeals")),
]
