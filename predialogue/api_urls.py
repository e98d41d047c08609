from django.urls import path

from . import api

urlpatterns = [
    path("requests/", api.RequestCreateView.as_view(), name="api-predialogue-requests"),
    path("meetings/", api.MeetingListView.as_view(), name="api-predialogue-meetings"),
    path("meetings/<int:pk>/", api.MeetingDetailView.as_view(), name="api-predialogue-meeting"),
    path("meetings/<int:pk>/schedule/", api.ScheduleView.as_view(), name="api-predialogue-schedule"),
    path("meetings/<int:pk>/minutes/", api.MinutesView.as_view(), name="api-predialogue-minutes"),
    path("meetings/<int:pk>/minutes/correction/", api.CorrectionView.as_view(), name="api-predialogue-correction"),
    path("meetings/<int:pk>/publish/", api.PublishView.as_view(), name="api-predialogue-publish"),
    path("meetings/<int:pk>/minutes.pdf", api.MinutesPdfView.as_view(), name="api-predialogue-minutes-pdf"),
]
