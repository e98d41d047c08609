from django.urls import path

from . import views

app_name = "hearings"

urlpatterns = [
    path("cases/<str:reference>/start/", views.start, name="start"),
    path("cases/<str:reference>/<int:hearing_id>/", views.detail, name="detail"),
    path("cases/<str:reference>/<int:hearing_id>/close/", views.close, name="close"),
    path("cases/<str:reference>/<int:hearing_id>/extend/", views.extend, name="extend"),
    path("cases/<str:reference>/<int:hearing_id>/parties/<int:party_id>/weigh/", views.weigh, name="weigh"),
    path("cases/<str:reference>/<int:hearing_id>/parties/<int:party_id>/letter.pdf", views.letter, name="letter"),
    path("cases/<str:reference>/<int:hearing_id>/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("answer/<str:token>/", views.answer, name="answer"),
    path("answer/<str:token>/documents/<int:pk>/", views.party_document, name="party_document"),
]
