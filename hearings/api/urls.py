from django.urls import path

from . import views

urlpatterns = [
    path("cases/<str:reference>/hearings/", views.CaseHearingsView.as_view(), name="api-case-hearings"),
    path("cases/<str:reference>/hearings/<int:hearing_id>/close/", views.CloseView.as_view(),
         name="api-hearing-close"),
    path("cases/<str:reference>/hearings/<int:hearing_id>/extend/", views.ExtendView.as_view(),
         name="api-hearing-extend"),
    path("hearing-answers/<str:token>/", views.AnswerView.as_view(), name="api-hearing-answer"),
]
