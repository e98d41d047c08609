from django.urls import path

from applications.api import appeals, start

urlpatterns = [
    path("cases/<str:reference>/appeals/", appeals.AppealListView.as_view(), name="api-case-appeals"),
    path("cases/<str:reference>/appeals/<int:pk>/forwarded/", appeals.AppealForwardedView.as_view(),
         name="api-case-appeal-forwarded"),
    path("cases/<str:reference>/appeals/<int:pk>/outcome/", appeals.AppealOutcomeView.as_view(),
         name="api-case-appeal-outcome"),
    path("cases/<str:reference>/start-notice/", start.StartNoticeView.as_view(), name="api-case-start-notice"),
]
