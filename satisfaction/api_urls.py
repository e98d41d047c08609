from django.urls import path

from satisfaction import api

urlpatterns = [
    path("satisfaction/summary/", api.SummaryView.as_view(), name="api-satisfaction-summary"),
    path("kpis/", api.KpiView.as_view(), name="api-kpis"),
    path("national/", api.NationalView.as_view(), name="api-national"),
]
