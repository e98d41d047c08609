from django.urls import path

from applications.api import appeals, start

urlpatterns = [
    path("cases/<str:reference>/appeals/", appeals.AppealListView.as_view(), name="api-case-appeals"),
    path("cases/<str:reference>/appeals/<int:pk>/forwarded/", appeals.AppealForwardedView.as_view(),
         name="api-case-appeal-forwarded"),
    path("cases/<str:reference>/appeals/<int:pk>/outcome/", appeals.AppealOutcomeView.as_view(),
         name="api-case-appeal-outcome"),
    path("cases/<str:reference>/start-notice/", start.StartNoticeView.as_view(), name="api-case-start-notice"),
    path("cases/<str:reference>/completion/", start.CompletionView.as_view(), name="api-case-completion"),
    path("cases/<str:reference>/completion/return/", start.ReturnCompletionView.as_view(),
         name="api-case-completion-return"),
    path("cases/<str:reference>/occupancy-permit/", start.OccupancyPermitView.as_view(),
         name="api-case-occupancy-permit"),
    path("cases/<str:reference>/occupancy.pdf", start.OccupancyPdfView.as_view(), name="api-case-occupancy-pdf"),
    path("cases/<str:reference>/bbr-updated/", start.BbrUpdatedView.as_view(), name="api-case-bbr-updated"),
    path("cases/<str:reference>/stage-documents/", start.StageDocumentListView.as_view(),
         name="api-case-stage-documents"),
    path("cases/<str:reference>/stage-documents/<int:pk>/check/", start.StageDocumentCheckView.as_view(),
         name="api-case-stage-document-check"),
]
