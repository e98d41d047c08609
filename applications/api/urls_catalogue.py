from django.urls import path

from applications.api import catalogue

urlpatterns = [
    path("application-types/", catalogue.ApplicationTypesView.as_view(), name="api-application-types"),
    path("guide/", catalogue.GuideView.as_view(), name="api-guide"),
]
