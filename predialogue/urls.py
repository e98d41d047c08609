from django.urls import path

from . import views

app_name = "predialogue"

urlpatterns = [
    path("", views.index, name="index"),
    path("request/", views.request_meeting, name="request"),
    path("mine/", views.my_meetings, name="my_meetings"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/sketches/<int:sketch_pk>/", views.sketch_download, name="sketch_download"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("meetings/<int:pk>/start-application/", views.start_application, name="start_application"),
    path("meetings/<int:pk>/link/", views.link_minutes, name="link_minutes"),
    path("meetings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("meetings/<int:pk>/schedule/", views.schedule, name="schedule"),
    path("meetings/<int:pk>/held/", views.mark_held, name="mark_held"),
    path("meetings/<int:pk>/minutes/", views.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/minutes/correct/", views.minutes_correct, name="minutes_correct"),
    path("open-house/", views.open_house, name="open_house"),
    path("open-house/<int:session_pk>/register/", views.open_house_register, name="open_house_register"),
    path("open-house/confirm/<str:token>/", views.open_house_confirm, name="open_house_confirm"),
    path("staff/", views.staff_requests, name="staff_requests"),
    path("staff/new/", views.staff_request_create, name="staff_request_create"),
    path("staff/open-house/", views.staff_sessions, name="staff_sessions"),
    path("staff/open-house/<int:pk>/", views.staff_session, name="staff_session"),
    path("staff/open-house/<int:pk>/registrations/<int:registration_pk>/convert/", views.registration_convert,
         name="registration_convert"),
]
