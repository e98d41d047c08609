from django.urls import path

from satisfaction import views

app_name = "satisfaction"

urlpatterns = [
    path("s/<str:token>/", views.survey, name="survey"),
    path("s/<str:token>/decline/", views.decline, name="decline"),
    path("s/<str:token>/opt-out/", views.opt_out, name="opt_out"),
    path("s/<str:token>/thanks/", views.thanks, name="thanks"),
    path("s/<str:token>/declined/", views.declined, name="declined"),
    path("s/<str:token>/never-again/", views.opted_out, name="opted_out"),
    path("dashboard/", views.dashboard_page, name="dashboard"),
    path("dashboard/export.csv", views.export_csv, name="export_csv"),
    path("national/", views.national_page, name="national"),
]
